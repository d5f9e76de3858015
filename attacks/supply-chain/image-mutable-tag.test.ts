import { describe, expect, it } from "vitest";
import { hardenedRelease, insecureRelease } from "../testing/release-fixtures.ts";
import { runOnObjects } from "../testing/run-on-objects.ts";
import { testTarget } from "../testing/test-target.ts";
import { imageMutableTag } from "./image-mutable-tag.ts";

const target = testTarget();

describe("image-mutable-tag on fixture pods", () => {
  it("flags tags, accepts digests", async () => {
    const bad = await runOnObjects(imageMutableTag, target, insecureRelease(target));
    expect(bad.every((f) => f.verdict === "vulnerable")).toBe(true);
    expect(bad[0]?.summary).toMatch(/apache\/airflow:2\.8\.4-python3\.9 has no digest/);
    const good = await runOnObjects(imageMutableTag, target, hardenedRelease(target));
    expect(good.every((f) => f.verdict === "secure")).toBe(true);
  });
});

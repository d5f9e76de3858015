import { describe, expect, it } from "vitest";
import { hardenedRelease, insecureRelease } from "../testing/release-fixtures.ts";
import { runOnObjects } from "../testing/run-on-objects.ts";
import { testTarget } from "../testing/test-target.ts";
import { ingressTls } from "./ingress-tls.ts";

const target = testTarget();

describe("ingress-tls on fixture Ingresses", () => {
  it("vulnerable without tls, secure with tls covering the host, skipped without Ingress", async () => {
    expect((await runOnObjects(ingressTls, target, insecureRelease(target)))[0]?.verdict).toBe("vulnerable");
    expect((await runOnObjects(ingressTls, target, hardenedRelease(target)))[0]?.verdict).toBe("secure");
    expect((await runOnObjects(ingressTls, target, { ingresses: [] }))[0]?.verdict).toBe("skipped");
  });
  it("flags a host the tls section does not cover", async () => {
    const ingresses = [
      {
        metadata: { name: "w" },
        spec: { rules: [{ host: "a.invalid" }, { host: "b.invalid" }], tls: [{ hosts: ["a.invalid"] }] },
      },
    ];
    const [f] = await runOnObjects(ingressTls, target, { ingresses });
    expect(f?.verdict).toBe("vulnerable");
    expect(f?.summary).toMatch(/b\.invalid/);
  });
});

import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allProbes } from "../../attacks/registry.ts";
import { loadCatalog } from "./catalog.ts";
import { formatProblem } from "./problem.ts";

const ROOT = resolve(import.meta.dirname, "../..");

describe("the repository's own scenario files", () => {
  it("are valid against the schemas, the target profiles and the probe registry", async () => {
    const catalog = await loadCatalog({ root: ROOT, probeIds: new Set(allProbes.map((p) => p.id)) });
    expect(catalog.problems.map(formatProblem)).toEqual([]);
    expect(catalog.targets.size).toBeGreaterThan(0);
    expect(catalog.scenarios.size).toBeGreaterThan(0);
  });
});

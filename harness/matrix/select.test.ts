import { describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { loadValidCatalog } from "../scenario/catalog.ts";
import { baseFiles, makeProject, TEST_PROBES } from "../scenario/testing/project.ts";
import { selectScenarios } from "./select.ts";

async function catalog() {
  const root = makeProject({
    ...baseFiles(),
    "scenarios/testbed/scenarios/insecure.yaml": "target: testbed\n",
    "scenarios/testbed/scenarios/hardened.yaml": "target: testbed\ncluster: { podSecurity: restricted }\n",
    "scenarios/testbed/matrix.yaml":
      'name: testbed-nightly\nscenarios: ["testbed/*"]\naxes: { kubernetesVersion: ["1.33.8", "1.34.4"] }\n',
  });
  return loadValidCatalog({ root, probeIds: TEST_PROBES });
}

describe("selectScenarios", () => {
  it("picks base scenarios by id or glob", async () => {
    const c = await catalog();
    expect(selectScenarios(c, { scenarios: ["testbed/insecure"] }).map((s) => s.id)).toEqual([
      "testbed/insecure",
    ]);
    expect(
      selectScenarios(c, { scenarios: ["testbed/*"] })
        .map((s) => s.id)
        .sort(),
    ).toEqual(["testbed/hardened", "testbed/insecure"]);
  });

  it("expands a matrix by file or name, filters by base id, and shards", async () => {
    const c = await catalog();
    const byName = selectScenarios(c, { matrix: "testbed-nightly" }).map((s) => s.id);
    expect(byName).toHaveLength(4);
    const byFile = selectScenarios(c, {
      matrix: `${c.root}/scenarios/testbed/matrix.yaml`,
      scenarios: ["testbed/insecure"],
    });
    expect(byFile.map((s) => s.id)).toEqual(["testbed/insecure@k8s-1.33.8", "testbed/insecure"]);
    const shards = [1, 2, 3].map((index) =>
      selectScenarios(c, { matrix: "testbed-nightly", shard: { index, count: 3 } }).map((s) => s.id),
    );
    expect(shards.flat().sort()).toEqual([...byName].sort());
  });

  it("says what is wrong with a bad selection", async () => {
    const c = await catalog();
    expect(() => selectScenarios(c, { scenarios: ["testbed/insecur"] })).toThrow(
      /no scenario matches "testbed\/insecur"/,
    );
    expect(() => selectScenarios(c, { matrix: "nightly" })).toThrow(UserError);
  });
});

import { resolve } from "node:path";
import { allProbes } from "../../../attacks/registry.ts";
import { selectScenarios } from "../../matrix/select.ts";
import type { Shard } from "../../matrix/shard.ts";
import type { ScenarioInput } from "../../runner/run-scenario.ts";
import { loadValidCatalog } from "../../scenario/catalog.ts";

/** With neither --scenario nor --matrix: the matrix named "default", else testbed/insecure. */
export const DEFAULT_MATRIX = "default";
export const DEFAULT_SCENARIO = "testbed/insecure";

/** The scenarios a run covers, with their target profiles, validated first (exit 2 on bad files). */
export async function scenarioInputs(options: {
  root: string;
  scenarios: string[];
  matrix?: string;
  shard?: Shard;
}): Promise<ScenarioInput[]> {
  const catalog = await loadValidCatalog({
    root: options.root,
    probeIds: new Set(allProbes.map((p) => p.id)),
  });
  const useDefault = options.scenarios.length === 0 && options.matrix === undefined;
  const matrix = useDefault
    ? catalog.matrices.has(DEFAULT_MATRIX)
      ? DEFAULT_MATRIX
      : undefined
    : options.matrix;
  const scenarios = selectScenarios(catalog, {
    scenarios: useDefault && !matrix ? [DEFAULT_SCENARIO] : options.scenarios,
    ...(matrix !== undefined ? { matrix } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  });
  return scenarios.map((scenario) => {
    const target = catalog.targets.get(scenario.target);
    if (!target) throw new Error(`scenario ${scenario.id} names unknown target ${scenario.target}`);
    return { scenario, target: target.profile, targetFile: resolve(options.root, target.file) };
  });
}

import { UserError } from "../../errors.ts";
import type { Logger } from "../../log/logger.ts";
import { type Selection, selectScenarios } from "../../matrix/select.ts";
import type { Scenario, TargetProfile } from "../../model/scenario.ts";
import { loadValidCatalog } from "../../scenario/catalog.ts";
import { probeFix } from "../../scenario/check-expectations.ts";
import { probeIdsOrWarn } from "./probe-ids.ts";

export interface PlannedScenario {
  scenario: Scenario;
  target: TargetProfile;
}

/** With neither --scenario nor --matrix: the matrix named "default", else testbed/insecure. */
export const DEFAULT_MATRIX = "default";
export const DEFAULT_SCENARIO = "testbed/insecure";

export interface PlanRequest extends Selection {
  root: string;
  /** --probe: narrows every scenario to these probe ids. */
  probes?: string[];
}

/**
 * What `run` and `repro` work on: every scenario file checked (exit 2 with all problems when
 * any is bad), the selection expanded and sharded, each scenario paired with its target profile.
 * Pure planning: touches no cluster.
 */
export async function planScenarios(request: PlanRequest, log: Logger): Promise<PlannedScenario[]> {
  const probeIds = await probeIdsOrWarn(log);
  const catalog = await loadValidCatalog({ root: request.root, ...(probeIds ? { probeIds } : {}) });
  const only = request.probes ?? [];
  for (const id of only) {
    if (probeIds && !probeIds.has(id))
      throw new UserError(`unknown probe "${id}" in --probe`, probeFix(id, probeIds));
  }
  const useDefault = (request.scenarios ?? []).length === 0 && request.matrix === undefined;
  const selection: Selection = useDefault
    ? catalog.matrices.has(DEFAULT_MATRIX)
      ? { ...request, matrix: DEFAULT_MATRIX }
      : { ...request, scenarios: [DEFAULT_SCENARIO] }
    : request;
  const selected = selectScenarios(catalog, selection);
  log.debug(`planned ${selected.length} scenarios`, { ids: selected.map((s) => s.id) });
  return selected.map((scenario) => {
    const target = catalog.targets.get(scenario.target);
    // loadValidCatalog guarantees the target; this only guards against a future refactor.
    if (!target) throw new UserError(`scenario ${scenario.id} names unknown target ${scenario.target}`);
    const narrowed: Scenario =
      only.length === 0 ? scenario : { ...scenario, probes: { ...scenario.probes, include: only } };
    return { scenario: narrowed, target: target.profile };
  });
}

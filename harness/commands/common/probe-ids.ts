import type { Logger } from "../../log/logger.ts";
import type { ProbeMeta } from "../../model/probe.ts";

/** The probe catalog (attacks/registry.ts), imported only by commands that need it. */
export async function loadProbes(): Promise<ProbeMeta[]> {
  const { allProbes } = await import("../../../attacks/registry.ts");
  return allProbes;
}

/**
 * Probe ids for validating scenario files. If the registry cannot be loaded, validation goes on
 * without probe-id checks and says so (a broken probe must not hide every scenario problem).
 */
export async function probeIdsOrWarn(log: Logger): Promise<ReadonlySet<string> | undefined> {
  try {
    return new Set((await loadProbes()).map((p) => p.id));
  } catch (error) {
    log.warn(
      `probe ids not checked: the probe registry failed to load (${(error as Error).message.split("\n")[0]})`,
    );
    return undefined;
  }
}

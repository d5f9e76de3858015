import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import type { ProbeMeta } from "../../model/probe.ts";
import { table, toJson } from "../common/print.ts";
import { loadProbes } from "../common/probe-ids.ts";

/** The metadata fields of a probe (its functions are not data). */
const metaOf = (p: ProbeMeta): ProbeMeta => ({
  id: p.id,
  title: p.title,
  family: p.family,
  severity: p.severity,
  cwe: p.cwe,
  attack: p.attack,
  remediation: p.remediation,
  valuesKeys: p.valuesKeys,
  description: p.description,
});

export async function listProbesAction(
  options: { json: boolean },
  log: Logger,
  ctx: CliContext,
): Promise<void> {
  const probes = (await loadProbes()).map(metaOf);
  log.debug(`${probes.length} probes in the registry`);
  if (options.json) {
    ctx.out(toJson(probes));
    return;
  }
  ctx.out(
    table(
      ["ID", "FAMILY", "SEVERITY", "TITLE"],
      probes.map((p) => [p.id, p.family, p.severity, p.title]),
    ),
  );
}

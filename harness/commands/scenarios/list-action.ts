import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { selectScenarios } from "../../matrix/select.ts";
import { loadCatalog } from "../../scenario/catalog.ts";
import { table, toJson } from "../common/print.ts";
import type { ScenariosListOptions } from "./command.ts";

export async function listAction(options: ScenariosListOptions, log: Logger, ctx: CliContext): Promise<void> {
  const catalog = await loadCatalog({ root: options.root });
  if (catalog.problems.length > 0) {
    const files = new Set(catalog.problems.map((p) => p.file));
    log.warn(
      `${catalog.problems.length} problems in ${[...files].join(", ")}; those files are left out (run \`chartprobe scenarios validate\`)`,
    );
  }
  const scenarios = selectScenarios(catalog, {
    allowEmpty: true,
    ...(options.matrix ? { matrix: options.matrix } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  });
  if (options.json) {
    ctx.out(toJson(scenarios));
    return;
  }
  ctx.out(
    table(
      ["ID", "K8S", "NETPOL", "PSA", "VALUES"],
      scenarios.map((s) => [
        s.id,
        s.cluster.kubernetesVersion,
        s.cluster.networkPolicy,
        s.cluster.podSecurity ?? "-",
        s.valuesFiles.join(",") || "-",
      ]),
    ),
  );
}

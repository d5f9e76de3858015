import type { CliContext } from "../../cli/cli-context.ts";
import { cleanEverything } from "../../cluster/clean.ts";
import type { Logger } from "../../log/logger.ts";
import { toJson } from "../common/print.ts";
import { currentToolchain } from "../common/toolchain-for.ts";
import type { CleanOptions } from "./options.ts";

export async function cleanAction(options: CleanOptions, log: Logger, ctx: CliContext): Promise<void> {
  const report = await cleanEverything({
    toolchain: currentToolchain("auto"),
    dryRun: options.dryRun,
    ...(options.clusterName ? { only: options.clusterName } : {}),
    log,
  });
  const total = Object.values(report).reduce((n, list) => n + list.length, 0);
  ctx.out(
    options.json
      ? toJson(report)
      : total === 0
        ? "nothing to clean\n"
        : `${options.dryRun ? "would remove" : "removed"}: ${report.clusters.length} cluster(s), ${report.containers.length} container(s), ${report.processes.length} process(es), ${report.kubeconfigs.length} kubeconfig(s), ${report.namespaces.length} namespace(s)\n`,
  );
}

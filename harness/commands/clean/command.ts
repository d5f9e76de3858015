import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import type { CleanOptions } from "./options.ts";

export function registerCleanCommand(program: Command, ctx: CliContext): void {
  program
    .command("clean")
    .summary("remove every cluster, namespace, container and port-forward chartprobe left behind")
    .description(
      "Removes everything labelled as chartprobe's: kind clusters and their node containers (also stopped ones that survived a reboot), namespaces in existing clusters, attacker pods, and kubeconfig contexts. Safe to run any time; --dry-run lists instead of removing.",
    )
    .addOption(new Option("--dry-run", "list what would be removed"))
    .addOption(new Option("--cluster-name <name>", "only this cluster's leftovers"))
    .addOption(new Option("--no-include-kept", "leave clusters kept by --keep-cluster or repro alone"))
    .addOption(new Option("--json", "print what was (or would be) removed as JSON on stdout"))
    .action(async (opts: Record<string, unknown>) => {
      const options: CleanOptions = {
        dryRun: opts.dryRun === true,
        ...(opts.clusterName ? { clusterName: opts.clusterName as string } : {}),
        includeKept: opts.includeKept !== false,
        json: opts.json === true,
      };
      const { cleanAction } = await import("./action.ts");
      await cleanAction(options, ctx.logger(), ctx);
    });
}

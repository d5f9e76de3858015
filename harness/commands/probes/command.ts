import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";

export function registerProbesCommand(program: Command, ctx: CliContext): void {
  const probes = program
    .command("probes")
    .summary("the probe catalog")
    .description("The probes chartprobe can run.");
  probes
    .command("list")
    .description("List every probe: id, family, severity, title (with --json: all metadata).")
    .addOption(new Option("--json", "print the probe metadata as JSON on stdout"))
    .action(async (opts: Record<string, unknown>) => {
      const { listProbesAction } = await import("./action.ts");
      await listProbesAction({ json: opts.json === true }, ctx.logger(), ctx);
    });
}

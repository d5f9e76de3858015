import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import { addClusterTargetOptions, clusterTargetFrom } from "../common/cluster-options.ts";
import { collect, positiveInt } from "../common/parse.ts";
import { defaultOutDir } from "../run/options.ts";
import type { ReproOptions } from "./options.ts";

export function registerReproCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command("repro")
    .summary("reproduce one scenario (and probe) locally and keep it running")
    .description(
      "Creates or reuses the cluster, installs just SCENARIO, runs just --probe (or every probe that applies), keeps everything up and prints the kubectl/helm commands and port-forwards to poke at it. `chartprobe clean` ends it. SCENARIO is a base scenario id or a matrix cell id (with --matrix).",
    )
    .argument("<scenario>", "scenario id, e.g. testbed/insecure or testbed/insecure@k8s-1.33.8")
    .addOption(new Option("--probe <id>", "only this probe (repeatable)").argParser(collect))
    .addOption(new Option("--matrix <file>", "the matrix a cell id comes from"))
    .addOption(new Option("--out <dir>", "output folder (default: out/<UTC timestamp>)"))
    .addOption(new Option("--timeout <seconds>", "install timeout").argParser(positiveInt("--timeout")))
    .addOption(new Option("--json", "print the findings and commands as JSON on stdout"));
  addClusterTargetOptions(command)
    .addHelpText(
      "after",
      "\nExample:\n  chartprobe repro testbed/insecure --probe redis-no-auth\n  chartprobe clean",
    )
    .action(async (scenario: string, opts: Record<string, unknown>) => {
      const options: ReproOptions = {
        root: ctx.globals().root,
        ...clusterTargetFrom(opts, (m) => command.error(`error: ${m}`)),
        scenario,
        probes: (opts.probe as string[] | undefined) ?? [],
        ...(opts.matrix ? { matrix: opts.matrix as string } : {}),
        out: (opts.out as string | undefined) ?? defaultOutDir(),
        ...(opts.timeout ? { timeoutSeconds: opts.timeout as number } : {}),
        json: opts.json === true,
      };
      const { reproAction } = await import("./action.ts");
      await reproAction(options, ctx.logger(), ctx);
    });
}

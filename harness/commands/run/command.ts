import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import type { Shard } from "../../matrix/shard.ts";
import { addClusterTargetOptions, clusterTargetFrom } from "../common/cluster-options.ts";
import { collect, listOf, positiveInt, shardArg } from "../common/parse.ts";
import { REPORT_FORMATS, type ReportFormatName } from "../common/report-formats.ts";
import { defaultOutDir, type RunOptions } from "./options.ts";

export function registerRunCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command("run")
    .summary("install scenarios on an ephemeral cluster, attack them, write the run record and reports")
    .description(
      "Creates (or reuses) a cluster per Kubernetes version, installs each selected scenario into its own namespace, runs every probe that applies, writes run-record.json plus the reports into --out, and applies the gate (exit 1 when it fails). Without --scenario or --matrix it runs the default matrix.",
    )
    .addOption(
      new Option("--scenario <id>", "scenario id or glob (repeatable, or comma-separated)").argParser(
        collect,
      ),
    )
    .addOption(new Option("--matrix <file>", "a matrix file (or its name) to expand into scenarios"))
    .addOption(new Option("--shard <i/n>", "run only shard i of n (sorted round-robin)").argParser(shardArg))
    .addOption(new Option("--probe <id>", "only this probe (repeatable)").argParser(collect))
    .addOption(new Option("--out <dir>", "output folder (default: out/<UTC timestamp>)"))
    .addOption(
      new Option("--format <list>", "report formats to write")
        .argParser(listOf(REPORT_FORMATS, "format"))
        .default([...REPORT_FORMATS], REPORT_FORMATS.join(",")),
    )
    .addOption(new Option("--keep-cluster", "leave the cluster running afterwards"))
    .addOption(new Option("--reuse-cluster", "reuse a healthy chartprobe cluster of the same name"))
    .addOption(
      new Option("--timeout <seconds>", "per-scenario timeout (install + probes)").argParser(
        positiveInt("--timeout"),
      ),
    )
    .addOption(
      new Option(
        "--parallel <n>",
        "scenarios installed at the same time (default: one per core, as far as free memory holds an install each)",
      ).argParser(positiveInt("--parallel")),
    )
    .addOption(new Option("--baseline <record>", "also gate against this earlier run record"))
    .addOption(new Option("--json", "print the gate result as JSON on stdout"));
  addClusterTargetOptions(command)
    .addHelpText(
      "after",
      "\nExamples:\n  chartprobe run --scenario testbed/insecure\n  chartprobe run --matrix scenarios/testbed/matrix.yaml --shard 2/4 --out out/shard-2\n  chartprobe run --provider existing --context my-cluster --scenario 'testbed/*'",
    )
    .action(async (opts: Record<string, unknown>) => {
      const options: RunOptions = {
        root: ctx.globals().root,
        ...clusterTargetFrom(opts, (m) => command.error(`error: ${m}`)),
        scenarios: (opts.scenario as string[] | undefined) ?? [],
        ...(opts.matrix ? { matrix: opts.matrix as string } : {}),
        ...(opts.shard ? { shard: opts.shard as Shard } : {}),
        probes: (opts.probe as string[] | undefined) ?? [],
        out: (opts.out as string | undefined) ?? defaultOutDir(),
        formats: opts.format as ReportFormatName[],
        keepCluster: opts.keepCluster === true,
        reuseCluster: opts.reuseCluster === true,
        ...(opts.timeout ? { timeoutSeconds: opts.timeout as number } : {}),
        ...(opts.parallel ? { parallel: opts.parallel as number } : {}),
        ...(opts.baseline ? { baseline: opts.baseline as string } : {}),
        json: opts.json === true,
      };
      const { runAction } = await import("./action.ts");
      await runAction(options, ctx.logger(), ctx);
    });
}

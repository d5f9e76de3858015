import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import { isoDate } from "../common/parse.ts";

export interface GateOptions {
  current: string;
  baseline?: string;
  today?: string;
  json: boolean;
}

export function registerGateCommand(program: Command, ctx: CliContext): void {
  program
    .command("gate")
    .summary("pass/fail a run against its expectations and a baseline run")
    .description(
      "Applies each scenario's expectations (default: secure) and, with --baseline, the earlier run: fails on regressions (secure → vulnerable), unexpected vulnerable findings, expired acceptances, inconclusive/error verdicts the scenario does not allow, and scenarios that did not complete. Newly fixed findings are reported but do not fail. Exit 0 when it passes, 1 when it fails.",
    )
    .requiredOption("--current <record>", "the run record to judge")
    .addOption(new Option("--baseline <record>", "an earlier run record (e.g. the last good nightly)"))
    .addOption(
      new Option(
        "--today <date>",
        "the date expiries are compared with (YYYY-MM-DD, default: today UTC)",
      ).argParser(isoDate),
    )
    .addOption(new Option("--json", "print the decisions as JSON on stdout"))
    .addHelpText(
      "after",
      "\nExamples:\n  chartprobe gate --current out/run-record.json\n  chartprobe gate --current out/run-record.json --baseline baseline/run-record.json --json",
    )
    .action(async (opts: Record<string, unknown>) => {
      const options: GateOptions = {
        current: opts.current as string,
        ...(opts.baseline ? { baseline: opts.baseline as string } : {}),
        ...(opts.today ? { today: opts.today as string } : {}),
        json: opts.json === true,
      };
      const { gateAction } = await import("./action.ts");
      await gateAction(options, ctx.logger(), ctx);
    });
}

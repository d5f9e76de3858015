import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import { listOf } from "../common/parse.ts";
import { REPORT_FORMATS, type ReportFormatName } from "../common/report-formats.ts";

export function registerReportCommand(program: Command, ctx: CliContext): void {
  const report = program
    .command("report")
    .summary("render, merge and diff run records")
    .description("Everything here reads run records (run-record.json) and needs no cluster.");

  report
    .command("render")
    .description("Write reports derived from one run record: JSON, JUnit XML, SARIF 2.1.0, Markdown, HTML.")
    .argument("<record>", "a run-record.json")
    .addOption(
      new Option("--format <list>", "comma-separated formats")
        .argParser(listOf(REPORT_FORMATS, "format"))
        .default([...REPORT_FORMATS], REPORT_FORMATS.join(",")),
    )
    .requiredOption("--out <dir>", "folder to write the reports into")
    .addHelpText(
      "after",
      "\nExample:\n  chartprobe report render out/run-record.json --format sarif,junit,md,html --out out/reports",
    )
    .action(async (record: string, opts: Record<string, unknown>) => {
      const { renderAction } = await import("./render-action.ts");
      await renderAction(
        { record, formats: opts.format as ReportFormatName[], out: opts.out as string },
        ctx.logger(),
        ctx,
      );
    });

  report
    .command("merge")
    .description("Join the records of matrix shards into one record.")
    .argument("<records...>", "shard run records")
    .requiredOption("--out <file>", "where to write the merged run record")
    .addHelpText(
      "after",
      "\nExample:\n  chartprobe report merge shard-*/run-record.json --out merged/run-record.json",
    )
    .action(async (records: string[], opts: Record<string, unknown>) => {
      const { mergeAction } = await import("./merge-action.ts");
      await mergeAction({ records, out: opts.out as string }, ctx.logger(), ctx);
    });

  report
    .command("diff")
    .description("List findings that are new, fixed or changed from record A to record B.")
    .argument("<a>", "the earlier run record")
    .argument("<b>", "the later run record")
    .addOption(new Option("--json", "print the diff as JSON on stdout"))
    .action(async (a: string, b: string, opts: Record<string, unknown>) => {
      const { diffAction } = await import("./diff-action.ts");
      await diffAction({ a, b, json: opts.json === true }, ctx.logger(), ctx);
    });
}

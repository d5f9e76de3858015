import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import type { Shard } from "../../matrix/shard.ts";
import { shardArg } from "../common/parse.ts";

export interface ScenariosListOptions {
  root: string;
  matrix?: string;
  shard?: Shard;
  json: boolean;
}

export interface ScenariosValidateOptions {
  root: string;
  paths: string[];
  json: boolean;
}

export function registerScenariosCommand(program: Command, ctx: CliContext): void {
  const scenarios = program
    .command("scenarios")
    .summary("list and validate target, scenario and matrix files")
    .description("Work with the YAML files under scenarios/ (targets, scenarios, matrices).");

  scenarios
    .command("list")
    .description(
      "List the base scenarios, or with --matrix the expanded cells (and with --shard one shard's part).",
    )
    .addOption(new Option("--matrix <file>", "expand this matrix (file or name)"))
    .addOption(
      new Option("--shard <i/n>", "only shard i of n (needs nothing else; sorted round-robin)").argParser(
        shardArg,
      ),
    )
    .addOption(new Option("--json", "print the scenarios as JSON on stdout"))
    .addHelpText(
      "after",
      "\nExamples:\n  chartprobe scenarios list\n  chartprobe scenarios list --matrix scenarios/testbed/matrix.yaml --shard 1/3 --json",
    )
    .action(async (opts: Record<string, unknown>) => {
      const options: ScenariosListOptions = {
        root: ctx.globals().root,
        ...(opts.matrix ? { matrix: opts.matrix as string } : {}),
        ...(opts.shard ? { shard: opts.shard as Shard } : {}),
        json: opts.json === true,
      };
      const { listAction } = await import("./list-action.ts");
      await listAction(options, ctx.logger(), ctx);
    });

  scenarios
    .command("validate")
    .description(
      "Check target, scenario, matrix and expectations files against the schemas in scenarios/schema/ and against each other (known probes, components, targets, values files, unique ids). Each problem names the file, line:column, field, what is wrong and the fix. Exit 2 when any is bad. Without PATH: every target, scenario and matrix file under scenarios/.",
    )
    .argument("[path...]", "files to check")
    .addOption(new Option("--json", "print the problems as JSON on stdout"))
    .addHelpText(
      "after",
      "\nExamples:\n  chartprobe scenarios validate\n  chartprobe scenarios validate scenarios/examples-invalid/unknown-key.yaml",
    )
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const options: ScenariosValidateOptions = { root: ctx.globals().root, paths, json: opts.json === true };
      const { validateAction } = await import("./validate-action.ts");
      await validateAction(options, ctx.logger(), ctx);
    });
}

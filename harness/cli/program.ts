import { Command, Option } from "commander";
import { registerCleanCommand } from "../commands/clean/command.ts";
import { registerClusterCommand } from "../commands/cluster/command.ts";
import { registerDoctorCommand } from "../commands/doctor/command.ts";
import { registerGateCommand } from "../commands/gate/command.ts";
import { registerProbesCommand } from "../commands/probes/command.ts";
import { registerReportCommand } from "../commands/report/command.ts";
import { registerReproCommand } from "../commands/repro/command.ts";
import { registerRunCommand } from "../commands/run/command.ts";
import { registerScenariosCommand } from "../commands/scenarios/command.ts";
import { LOG_FORMATS } from "../log/cli-logger.ts";
import type { CliContext } from "./cli-context.ts";
import { EXIT_CODES_HELP } from "./exit-codes-help.ts";
import { chartprobeVersion } from "./version.ts";

/**
 * The command tree. Each command's definition is cheap; its implementation is imported only
 * when it runs (see harness/commands/<name>/command.ts).
 */
export function createProgram(
  ctx: CliContext,
  io: { writeOut(s: string): void; writeErr(s: string): void },
): Command {
  const program = new Command("chartprobe")
    .description(
      "End-to-end security tests for Helm charts: install a chart on an ephemeral kind cluster per scenario, attack the running deployment with active probes, and gate on the findings.",
    )
    .version(chartprobeVersion(), "-V, --version")
    .addOption(new Option("-v, --verbose", "debug logs, and stack traces on errors"))
    .addOption(new Option("-q, --quiet", "only warnings and errors on stderr").conflicts("verbose"))
    .addOption(
      new Option(
        "--log-format <format>",
        "stderr logs: auto (progress on a terminal), plain, json (JSON Lines)",
      )
        .choices(LOG_FORMATS)
        .env("CHARTPROBE_LOG_FORMAT"),
    )
    .addOption(new Option("--root <dir>", "project root holding scenarios/ (default: the current directory)"))
    .configureOutput({ writeOut: io.writeOut, writeErr: io.writeErr })
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText("after", `\n${EXIT_CODES_HELP}`);

  registerRunCommand(program, ctx);
  registerReproCommand(program, ctx);
  registerScenariosCommand(program, ctx);
  registerProbesCommand(program, ctx);
  registerReportCommand(program, ctx);
  registerGateCommand(program, ctx);
  registerClusterCommand(program, ctx);
  registerCleanCommand(program, ctx);
  registerDoctorCommand(program, ctx);
  return program;
}

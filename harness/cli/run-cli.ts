import { resolve } from "node:path";
import { pendingCleanups, runCleanup } from "../cleanup.ts";
import { createCliLogger, type LogFormat } from "../log/cli-logger.ts";
import type { Logger } from "../log/logger.ts";
import type { CliContext, GlobalOptions } from "./cli-context.ts";
import { handleError } from "./handle-error.ts";
import { createProgram } from "./program.ts";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/** Parses argv, runs the command, and returns the exit code (never throws). */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let globals: GlobalOptions = {
    verbose: argv.includes("--verbose") || argv.includes("-v"),
    quiet: false,
    logFormat: "auto",
    root: process.cwd(),
  };
  let logger: Logger | undefined;
  const ctx: CliContext = {
    globals: () => globals,
    logger: () => {
      logger ??= createCliLogger({
        level: globals.verbose ? "debug" : globals.quiet ? "warn" : "info",
        format: globals.logFormat,
      });
      return logger;
    },
    out: (text) => io.stdout(text.endsWith("\n") ? text : `${text}\n`),
  };
  const program = createProgram(ctx, { writeOut: io.stdout, writeErr: io.stderr });
  program.hook("preAction", (_root, command) => {
    const opts = command.optsWithGlobals<{
      verbose?: boolean;
      quiet?: boolean;
      root?: string;
      logFormat?: LogFormat;
    }>();
    globals = {
      verbose: opts.verbose === true,
      quiet: opts.quiet === true,
      logFormat: opts.logFormat ?? "auto",
      root: resolve(opts.root ?? process.cwd()),
    };
  });
  let code: number;
  try {
    await program.parseAsync(argv);
    code = 0;
  } catch (error) {
    code = handleError(error, globals.verbose, io.stderr);
  }
  // Whatever a command registered and did not undo itself (clusters, port-forwards, pods) is
  // removed here, after success and after errors alike; a cleanup error is only reported.
  // Ctrl-C / SIGTERM run the same stack from harness/cleanup.ts's own handlers.
  if (pendingCleanups().length > 0) await runCleanup();
  return code;
}

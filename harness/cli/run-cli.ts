import { resolve } from "node:path";
import { createCliLogger } from "../log/cli-logger.ts";
import type { Logger } from "../log/logger.ts";
import type { CliContext, GlobalOptions } from "./cli-context.ts";
import { handleError } from "./handle-error.ts";
import { INTERRUPTED_EXIT, onInterrupt } from "./interrupt.ts";
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
    root: process.cwd(),
  };
  let logger: Logger | undefined;
  const controller = new AbortController();
  const ctx: CliContext = {
    signal: controller.signal,
    globals: () => globals,
    logger: () => {
      logger ??= createCliLogger({ level: globals.verbose ? "debug" : globals.quiet ? "warn" : "info" });
      return logger;
    },
    out: (text) => io.stdout(text.endsWith("\n") ? text : `${text}\n`),
  };
  const program = createProgram(ctx, { writeOut: io.stdout, writeErr: io.stderr });
  program.hook("preAction", (_root, command) => {
    const opts = command.optsWithGlobals<{ verbose?: boolean; quiet?: boolean; root?: string }>();
    globals = {
      verbose: opts.verbose === true,
      quiet: opts.quiet === true,
      root: resolve(opts.root ?? process.cwd()),
    };
  });
  const stopListening = onInterrupt(controller, (text) => ctx.logger().warn(text));
  try {
    await program.parseAsync(argv);
    return controller.signal.aborted ? INTERRUPTED_EXIT : 0;
  } catch (error) {
    if (controller.signal.aborted) {
      io.stderr(`chartprobe: ${(controller.signal.reason as Error).message}\n`);
      return INTERRUPTED_EXIT;
    }
    return handleError(error, globals.verbose, io.stderr);
  } finally {
    stopListening();
  }
}

import type { LogFormat } from "../log/cli-logger.ts";
import type { Logger } from "../log/logger.ts";

/** Options every command understands (given before or after the command name). */
export interface GlobalOptions {
  verbose: boolean;
  quiet: boolean;
  logFormat: LogFormat;
  /** Absolute project root: scenarios/ and repository-relative paths are relative to it. */
  root: string;
}

/** What a command's action gets besides its own options. */
export interface CliContext {
  globals(): GlobalOptions;
  logger(): Logger;
  /** Machine-readable or primary output (stdout); logs and progress go to the logger (stderr). */
  out(text: string): void;
}

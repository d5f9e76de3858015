import { createLogger } from "./create-logger.ts";
import { createJsonSink } from "./json-sink.ts";
import type { LogLevel } from "./log-event.ts";
import type { Logger } from "./logger.ts";
import { createPlainSink } from "./plain-sink.ts";
import { createTtySink } from "./tty-sink.ts";

export const LOG_FORMATS = ["auto", "plain", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface CliLoggerOptions {
  level: LogLevel;
  /** auto: progress lines on a terminal, plain lines otherwise; json: JSON Lines events. */
  format?: LogFormat;
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

/** Interactive progress when stderr is a terminal and not in CI; plain lines otherwise. */
export function wantsTty(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  return stream.isTTY === true && !ci && env.TERM !== "dumb";
}

export function createCliLogger(options: CliLoggerOptions): Logger {
  const stream = options.stream ?? process.stderr;
  const write = (text: string): void => {
    stream.write(text);
  };
  const format = options.format ?? "auto";
  const sink =
    format === "json"
      ? createJsonSink(write)
      : format === "auto" && wantsTty(stream, options.env ?? process.env)
        ? createTtySink(write)
        : createPlainSink(write);
  return createLogger(sink, options.level);
}

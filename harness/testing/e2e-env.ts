import { createLogger, createPlainSink, type Logger } from "../log/index.ts";

/** A logger for e2e tests: plain lines on stderr, so CI logs show cluster steps as they happen. */
export function e2eLogger(): Logger {
  return createLogger(
    createPlainSink((line) => process.stderr.write(`${line}\n`)),
    process.env.CHARTPROBE_E2E_VERBOSE ? "debug" : "info",
  );
}

import type { LogEvent } from "./log-event.ts";
import type { LogSink } from "./logger.ts";

/** One JSON object per line (JSON Lines), with a timestamp: for log collectors. */
export function createJsonSink(write: (line: string) => void, now: () => Date = () => new Date()): LogSink {
  return {
    write(event: LogEvent) {
      write(`${JSON.stringify({ time: now().toISOString(), ...event })}\n`);
    },
  };
}

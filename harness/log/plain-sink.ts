import type { LogEvent } from "./log-event.ts";
import type { LogSink } from "./logger.ts";

/** One self-contained line per event: for CI logs and pipes (no cursor movement, no colour). */
export function formatPlain(event: LogEvent): string | undefined {
  const scope = event.scope ? `[${event.scope}] ` : "";
  switch (event.type) {
    case "message": {
      const prefix = event.level === "info" ? "" : `${event.level}: `;
      const fields = event.fields ? ` ${JSON.stringify(event.fields)}` : "";
      return `${scope}${prefix}${event.text}${fields}`;
    }
    case "step-start":
      return `${scope}> ${event.step}`;
    case "step-end":
      return `${scope}${event.status === "ok" ? "ok" : "FAILED"} ${event.step} (${seconds(event.durationMs)})${
        event.detail ? `: ${event.detail}` : ""
      }`;
    case "progress":
      return `${scope}  ${event.step}: ${event.done}/${event.total}`;
  }
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

export function createPlainSink(write: (line: string) => void): LogSink {
  return {
    write(event) {
      const line = formatPlain(event);
      if (line !== undefined) write(`${line}\n`);
    },
  };
}

import type { LogEvent } from "./log-event.ts";
import type { LogSink } from "./logger.ts";
import { formatPlain, seconds } from "./plain-sink.ts";

const CLEAR_LINE = "\r\x1b[2K";

/**
 * For an interactive terminal: the running step (with its progress) lives on one status line
 * that is redrawn in place; finished steps and messages scroll above it.
 */
export function createTtySink(write: (text: string) => void): LogSink {
  const running = new Map<string, string>();
  let statusShown = false;

  const key = (e: { scope?: string; step: string }): string => `${e.scope ?? ""}\u0000${e.step}`;
  const redraw = (): void => {
    const current = [...running.values()].at(-1);
    if (statusShown || current) write(CLEAR_LINE);
    statusShown = current !== undefined;
    if (current) write(`… ${current}`);
  };
  const printAbove = (line: string): void => {
    if (statusShown) write(CLEAR_LINE);
    write(`${line}\n`);
    statusShown = false;
    redraw();
  };

  return {
    write(event: LogEvent) {
      const scope = event.scope ? `[${event.scope}] ` : "";
      switch (event.type) {
        case "step-start":
          running.set(key(event), `${scope}${event.step}`);
          redraw();
          return;
        case "progress":
          running.set(key(event), `${scope}${event.step} ${event.done}/${event.total}`);
          redraw();
          return;
        case "step-end": {
          running.delete(key(event));
          const mark = event.status === "ok" ? "✓" : "✗";
          const detail = event.detail ? `: ${event.detail}` : "";
          printAbove(`${mark} ${scope}${event.step} (${seconds(event.durationMs)})${detail}`);
          return;
        }
        case "message": {
          const line = formatPlain(event);
          if (line !== undefined) printAbove(line);
          return;
        }
      }
    },
  };
}

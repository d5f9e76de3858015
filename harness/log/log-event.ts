/** Log levels, most verbose first. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const levelRank = (level: LogLevel): number => LOG_LEVELS.indexOf(level);

/**
 * Everything the harness reports while it works, as data. Sinks decide how to show it;
 * tests can collect the events and assert on them.
 */
export type LogEvent =
  | { type: "message"; level: LogLevel; scope?: string; text: string; fields?: Record<string, unknown> }
  | { type: "step-start"; scope?: string; step: string }
  | {
      type: "step-end";
      scope?: string;
      step: string;
      status: "ok" | "failed";
      durationMs: number;
      detail?: string;
    }
  | { type: "progress"; scope?: string; step: string; done: number; total: number };

/** The level an event is shown at (steps are "info"). */
export function eventLevel(event: LogEvent): LogLevel {
  if (event.type === "message") return event.level;
  if (event.type === "step-end" && event.status === "failed") return "error";
  return "info";
}

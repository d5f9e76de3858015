import { eventLevel, type LogEvent, type LogLevel, levelRank } from "./log-event.ts";
import type { Logger, LogSink } from "./logger.ts";

class SinkLogger implements Logger {
  readonly level: LogLevel;
  readonly #sink: LogSink;
  readonly #scope: string | undefined;

  constructor(sink: LogSink, level: LogLevel, scope?: string) {
    this.#sink = sink;
    this.level = level;
    this.#scope = scope;
  }

  debug(text: string, fields?: Record<string, unknown>): void {
    this.#message("debug", text, fields);
  }
  info(text: string, fields?: Record<string, unknown>): void {
    this.#message("info", text, fields);
  }
  warn(text: string, fields?: Record<string, unknown>): void {
    this.#message("warn", text, fields);
  }
  error(text: string, fields?: Record<string, unknown>): void {
    this.#message("error", text, fields);
  }

  event(event: LogEvent): void {
    if (levelRank(eventLevel(event)) < levelRank(this.level)) return;
    this.#sink.write(this.#scope === undefined || event.scope ? event : { ...event, scope: this.#scope });
  }

  async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    this.event({ type: "step-start", step: name });
    try {
      const result = await fn();
      this.event({ type: "step-end", step: name, status: "ok", durationMs: elapsed(started) });
      return result;
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      this.event({ type: "step-end", step: name, status: "failed", durationMs: elapsed(started), detail });
      throw error;
    }
  }

  progress(step: string, done: number, total: number): void {
    this.event({ type: "progress", step, done, total });
  }

  child(scope: string): Logger {
    return new SinkLogger(this.#sink, this.level, this.#scope ? `${this.#scope}/${scope}` : scope);
  }

  #message(level: LogLevel, text: string, fields?: Record<string, unknown>): void {
    this.event(fields ? { type: "message", level, text, fields } : { type: "message", level, text });
  }
}

const elapsed = (started: number): number => Math.round(performance.now() - started);

export function createLogger(sink: LogSink, level: LogLevel = "info"): Logger {
  return new SinkLogger(sink, level);
}

/** A logger that keeps its events in memory (for tests). */
export function createMemoryLogger(level: LogLevel = "debug"): Logger & { events: LogEvent[] } {
  const events: LogEvent[] = [];
  const logger = createLogger({ write: (e) => events.push(e) }, level);
  return Object.assign(logger, { events });
}

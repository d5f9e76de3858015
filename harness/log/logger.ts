import type { ProbeLog } from "../model/probe.ts";
import type { LogEvent, LogLevel } from "./log-event.ts";

/**
 * The logger injected into every command and harness step. Everything goes to stderr so
 * stdout stays clean for --json output.
 */
export interface Logger extends ProbeLog {
  readonly level: LogLevel;
  debug(text: string, fields?: Record<string, unknown>): void;
  info(text: string, fields?: Record<string, unknown>): void;
  warn(text: string, fields?: Record<string, unknown>): void;
  error(text: string, fields?: Record<string, unknown>): void;
  event(event: LogEvent): void;
  /** Runs `fn` as a named step: start/end events with duration; a failure is logged and rethrown. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Reports progress inside a long step (e.g. 3 of 12 probes). */
  progress(step: string, done: number, total: number): void;
  /** A logger whose events carry a scope (e.g. a scenario id). */
  child(scope: string): Logger;
}

/** Where events end up; one per output style. */
export interface LogSink {
  write(event: LogEvent): void;
}

export { createCliLogger, LOG_FORMATS, type LogFormat, wantsTty } from "./cli-logger.ts";
export { createLogger, createMemoryLogger } from "./create-logger.ts";
export { createJsonSink } from "./json-sink.ts";
export { LOG_LEVELS, type LogEvent, type LogLevel } from "./log-event.ts";
export type { Logger, LogSink } from "./logger.ts";
export { createPlainSink, formatPlain } from "./plain-sink.ts";
export { createTtySink } from "./tty-sink.ts";

import type { ProbeMeta } from "../harness/model/probe.ts";
import type { RunRecord } from "../harness/model/run-record.ts";
import { redactDeep } from "./redact.ts";

/** What every writer accepts besides the record. */
export interface WriterOptions {
  /** Secret values to mask by value (beyond the pattern pass every writer applies anyway). */
  secrets?: readonly string[];
  /** Probe metadata for records that lack `probes` (e.g. the CLI passes the probe registry's). */
  probes?: readonly ProbeMeta[];
}

/** Every writer starts here: a deep copy with every string of the record redacted. */
export const safeRecord = (record: RunRecord, options: WriterOptions = {}): RunRecord =>
  redactDeep(record, options.secrets ?? []);

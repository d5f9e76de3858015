import type { RunRecord } from "../harness/model/run-record.ts";
import { safeRecord, type WriterOptions } from "./writer-options.ts";

/** The canonical record, pretty-printed, redacted. */
export function renderJson(record: RunRecord, options: WriterOptions = {}): string {
  return `${JSON.stringify(safeRecord(record, options), null, 2)}\n`;
}

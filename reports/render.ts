import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunRecord } from "../harness/model/run-record.ts";
import { renderHtml } from "./html-report.ts";
import { renderJson } from "./json-report.ts";
import { renderJunit } from "./junit-report.ts";
import { renderMarkdown } from "./markdown-report.ts";
import { renderSarif } from "./sarif-report.ts";
import type { WriterOptions } from "./writer-options.ts";

export type ReportFormat = "json" | "junit" | "sarif" | "md" | "html";

export const REPORT_FORMATS: readonly ReportFormat[] = ["json", "junit", "sarif", "md", "html"];

/** Format → file name and writer. Every writer redacts the record itself. */
export const WRITERS: Record<
  ReportFormat,
  { file: string; render: (r: RunRecord, o: WriterOptions) => string }
> = {
  json: { file: "run-record.json", render: renderJson },
  junit: { file: "junit.xml", render: renderJunit },
  sarif: { file: "chartprobe.sarif", render: renderSarif },
  md: { file: "summary.md", render: renderMarkdown },
  html: { file: "report.html", render: renderHtml },
};

/** Writes the requested formats into outDir (created if missing); returns the written paths. */
export async function renderReports(
  record: RunRecord,
  formats: ReportFormat[],
  outDir: string,
  options: WriterOptions = {},
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const format of [...new Set(formats)]) {
    const writer = WRITERS[format];
    const path = join(outDir, writer.file);
    await writeFile(path, writer.render(record, options), "utf8");
    written.push(path);
  }
  return written;
}

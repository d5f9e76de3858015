import { loadRunRecord } from "../../../reports/load.ts";
import type { ReportFormat } from "../../../reports/render.ts";
import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import type { ReportFormatName } from "../common/report-formats.ts";

export interface RenderOptions {
  record: string;
  formats: ReportFormatName[];
  out: string;
}

export async function renderAction(options: RenderOptions, log: Logger, ctx: CliContext): Promise<void> {
  const { renderReports } = await import("../../../reports/render.ts");
  const record = await loadRunRecord(options.record);
  const formats: ReportFormat[] = options.formats;
  const written = await log.step(`render ${formats.join(", ")}`, () =>
    renderReports(record, formats, options.out),
  );
  ctx.out(written.join("\n"));
}

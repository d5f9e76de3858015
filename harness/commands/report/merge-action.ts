import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { loadRunRecord } from "../../../reports/load.ts";
import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";

export async function mergeAction(
  options: { records: string[]; out: string },
  log: Logger,
  ctx: CliContext,
): Promise<void> {
  const { mergeRecords } = await import("../../../reports/merge.ts");
  const records = await Promise.all(options.records.map((r) => loadRunRecord(r)));
  const merged = mergeRecords(records);
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(merged, null, 2)}\n`);
  log.info(`merged ${records.length} records (${merged.scenarios.length} scenarios)`);
  ctx.out(options.out);
}

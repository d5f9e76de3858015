import { loadRunRecord } from "../../../reports/load.ts";
import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { toJson } from "../common/print.ts";

export async function diffAction(
  options: { a: string; b: string; json: boolean },
  _log: Logger,
  ctx: CliContext,
): Promise<void> {
  const { diffRecords, formatDiff } = await import("../../../reports/diff.ts");
  const [a, b] = await Promise.all([loadRunRecord(options.a), loadRunRecord(options.b)]);
  const diff = diffRecords(a, b);
  ctx.out(options.json ? toJson(diff) : formatDiff(diff));
}

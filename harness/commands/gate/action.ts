import { loadRunRecord } from "../../../reports/load.ts";
import type { CliContext } from "../../cli/cli-context.ts";
import { GateFailedError } from "../../errors.ts";
import { evaluateGate } from "../../gate/evaluate-gate.ts";
import { formatGate } from "../../gate/format-gate.ts";
import type { Logger } from "../../log/logger.ts";
import { todayUtc } from "../../scenario/dates.ts";
import { toJson } from "../common/print.ts";
import type { GateOptions } from "./command.ts";

export async function gateAction(options: GateOptions, log: Logger, ctx: CliContext): Promise<void> {
  const current = await loadRunRecord(options.current);
  const baseline = options.baseline ? await loadRunRecord(options.baseline) : undefined;
  const result = evaluateGate(current, baseline, options.today ?? todayUtc());
  ctx.out(options.json ? toJson(result) : formatGate(result));
  if (!result.passed) {
    throw new GateFailedError(
      `${result.failures.length} failing decision${result.failures.length === 1 ? "" : "s"} (${[...new Set(result.failures.map((f) => f.class))].join(", ")})`,
    );
  }
  log.debug("gate passed");
}

import { join } from "node:path";
import { loadRunRecord } from "../../../reports/load.ts";
import { renderReports } from "../../../reports/render.ts";
import type { CliContext } from "../../cli/cli-context.ts";
import { GateFailedError } from "../../errors.ts";
import { evaluateGate } from "../../gate/evaluate-gate.ts";
import { formatGate } from "../../gate/format-gate.ts";
import type { Logger } from "../../log/logger.ts";
import { runSession } from "../../runner/run-session.ts";
import { todayUtc } from "../../scenario/dates.ts";
import { abortOnSignal } from "../common/abort-on-signal.ts";
import { planScenarios } from "../common/plan-scenarios.ts";
import { toJson } from "../common/print.ts";
import type { RunOptions } from "./options.ts";

export async function runAction(options: RunOptions, log: Logger, ctx: CliContext): Promise<void> {
  const inputs = await planScenarios(
    {
      root: options.root,
      scenarios: options.scenarios,
      probes: options.probes,
      ...(options.matrix !== undefined ? { matrix: options.matrix } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
    },
    log,
  );
  log.info(`run: ${inputs.length} scenario(s): ${inputs.map((i) => i.scenario.id).join(", ")}`);
  const baseline = options.baseline ? await loadRunRecord(options.baseline) : undefined;
  const signal = abortOnSignal();
  const { record } = await runSession({
    root: options.root,
    scenarios: inputs,
    provider: options.provider,
    clusterName: options.clusterName,
    ...(options.context ? { context: options.context } : {}),
    strategy: options.strategy,
    keepCluster: options.keepCluster,
    reuseCluster: options.reuseCluster,
    onlyProbes: options.probes,
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    ...(options.parallel ? { parallel: options.parallel } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    log,
    signal,
  });
  const formats = options.formats.includes("json") ? options.formats : ["json" as const, ...options.formats];
  const written = await renderReports(record, formats, options.out);
  log.info(`reports: ${written.join(", ")}`);
  const result = evaluateGate(record, baseline, todayUtc());
  ctx.out(
    options.json
      ? toJson({ record: join(options.out, "run-record.json"), gate: result })
      : formatGate(result),
  );
  if (!result.passed) {
    throw new GateFailedError(
      `${result.failures.length} failing decision${result.failures.length === 1 ? "" : "s"}; the reports are in ${options.out}`,
    );
  }
}

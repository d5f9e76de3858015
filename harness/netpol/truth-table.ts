import type { ProbeAccess, SourceIdentity } from "../model/access.ts";
import type { ProbeContext } from "../model/probe.ts";
import type { Reachability, TruthTable } from "../model/run-record.ts";
import type { Vantage } from "../model/vantage.ts";
import { unusedIntentKeys } from "./intent.ts";
import type { ReproFormatter } from "./repro.ts";
import { componentPod } from "./snapshot-pods.ts";
import { compareTruthTable } from "./truth-table-compare.ts";
import { formatTruthTable } from "./truth-table-grid.ts";
import { componentOfVantage, planTruthTable, type TruthTablePlan } from "./truth-table-plan.ts";
import { runPool } from "./worker-pool.ts";

export interface TruthTableOptions {
  /** Parallel TCP probes in flight (default 8). */
  concurrency?: number;
  /** Connect timeout per pair (default 2000 ms). */
  timeoutMs?: number;
  /** Formats each cell's repro command synchronously from what the plan knows. */
  formatRepro?: ReproFormatter;
  /**
   * Asks the access layer for the exact command that repeats one probeTcp (it knows the
   * attacker pods and how it connects). Default: the access's own `probeTcpCommand` when it
   * has one; a failure falls back to the formatted repro.
   */
  reproCommand?: ReproCommand;
  /** Source vantages; default: foreign-pod, neighbour-pod and component:* from access.vantages. */
  sources?: Vantage[];
}

export interface TruthTableRun {
  table: TruthTable;
  plan: TruthTablePlan;
  /** Sources whose identity could not be read: no row, the probe reports `error` for them. */
  sourceErrors: { source: Vantage; message: string }[];
  /** Component sources left out because the component has no pod in this release. */
  skippedSources: Vantage[];
  /** Keys of scenario.networkIntent that match no pair (typos, absent components or sources). */
  unusedIntent: string[];
  /** Readable grid(s), ready to print or store as evidence. */
  report: string;
  durationMs: number;
  /** Probed pairs per second of the observation phase. */
  pairsPerSecond: number;
}

export type ReproCommand = (source: Vantage, component: string, port: number) => Promise<string>;

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_MS = 2000;

/** Network vantages NetworkPolicy governs (a port-forward from the runner bypasses it). */
export const isPolicySource = (v: Vantage): boolean =>
  v === "foreign-pod" || v === "neighbour-pod" || v.startsWith("component:");

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Probes every (source, destination) pair with a fixed pool of workers. Workers never throw:
 * a failing or cancelled probe is an "error" cell.
 */
export function observePairs(
  plan: TruthTablePlan,
  probeTcp: ProbeAccess["probeTcp"],
  options: { concurrency: number; timeoutMs: number; signal?: AbortSignal },
): Promise<Reachability[]> {
  return runPool(
    plan.cells,
    (cell) =>
      probeTcp(cell.source, cell.destination.component, cell.destination.port.port, options.timeoutMs),
    {
      concurrency: options.concurrency,
      onError: (): Reachability => "error",
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
}

async function buildTruthTable(
  ctx: ProbeContext<ProbeAccess>,
  options: TruthTableOptions,
): Promise<TruthTableRun> {
  const started = performance.now();
  const { access, target, scenario } = ctx;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const snapshot = await access.snapshot();
  const wanted = (options.sources ?? access.vantages).filter(isPolicySource);
  const skippedSources = wanted.filter((v) => {
    const c = componentOfVantage(v);
    if (c === undefined) return false;
    const spec = target.components[c];
    return !spec || !componentPod(snapshot, spec);
  });
  const sources = wanted.filter((v) => !skippedSources.includes(v));
  const identities = await Promise.allSettled(sources.map((v) => access.sourceIdentity(v)));
  const known: { vantage: Vantage; identity: SourceIdentity }[] = [];
  const sourceErrors: TruthTableRun["sourceErrors"] = [];
  identities.forEach((r, i) => {
    const vantage = sources[i] as Vantage;
    if (r.status === "fulfilled") known.push({ vantage, identity: r.value });
    else sourceErrors.push({ source: vantage, message: message(r.reason) });
  });
  const plan = planTruthTable({
    snapshot,
    target,
    scenario,
    sources: known,
    timeoutMs,
    ...(options.formatRepro ? { formatRepro: options.formatRepro } : {}),
  });
  const reproCommand = options.reproCommand ?? accessReproCommand(access);
  if (reproCommand) {
    await Promise.all(
      plan.cells.map(async (c) => {
        c.repro = await reproCommand(c.source, c.destination.component, c.destination.port.port).catch(
          () => c.repro,
        );
      }),
    );
  }
  const observeStarted = performance.now();
  const observed = await observePairs(plan, access.probeTcp.bind(access), {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs,
    signal: ctx.signal,
  });
  const observeSeconds = (performance.now() - observeStarted) / 1000;
  const table = compareTruthTable(plan, observed, access.networkPolicyEnforced);
  ctx.log.info(
    `netpol truth table: ${plan.cells.length} pairs in ${observeSeconds.toFixed(2)} s, ${table.cells.filter((c) => !c.match).length} mismatches`,
  );
  const unusedIntent = unusedIntentKeys(
    scenario.networkIntent,
    plan.cells.map((c) => ({
      source: c.source,
      component: c.destination.component,
      port: c.destination.port.port,
    })),
  );
  const notes = unusedIntent.map((k) => `intent key matches no pair of this table: ${k}`);
  return {
    table,
    plan,
    sourceErrors,
    skippedSources,
    unusedIntent,
    report: [formatTruthTable(table), ...notes].join("\n"),
    durationMs: Math.round(performance.now() - started),
    pairsPerSecond: observeSeconds > 0 ? plan.cells.length / observeSeconds : 0,
  };
}

/** The cluster access offers `probeTcpCommand` beyond the ProbeAccess contract; use it when present. */
function accessReproCommand(access: ProbeAccess): ReproCommand | undefined {
  const candidate = (access as { probeTcpCommand?: unknown }).probeTcpCommand;
  return typeof candidate === "function" ? (candidate as ReproCommand).bind(access) : undefined;
}

const runs = new WeakMap<object, Map<string, Promise<TruthTableRun>>>();

/**
 * Builds, probes and compares the NetworkPolicy truth table of the scenario. Memoised per
 * (access, scenario id): the harness (to store `table` in ScenarioResult.truthTable) and the
 * netpol-reachability probe both call it and the pairs are probed once. Throws only when the
 * release snapshot cannot be read.
 */
export function runTruthTable(
  ctx: ProbeContext<ProbeAccess>,
  options: TruthTableOptions = {},
): Promise<TruthTableRun> {
  let perAccess = runs.get(ctx.access);
  if (!perAccess) {
    perAccess = new Map();
    runs.set(ctx.access, perAccess);
  }
  const key = ctx.scenario.id;
  const existing = perAccess.get(key);
  if (existing) return existing;
  const run = buildTruthTable(ctx, options);
  perAccess.set(key, run);
  // A failed run is not remembered, so a retry can succeed.
  run.catch(() => perAccess.delete(key));
  return run;
}

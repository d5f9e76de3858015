// Issue 6 figures: matrix wall time for 1, 2 and 4 testbed scenarios with one reused cluster
// versus a fresh cluster per scenario, and where the time goes: cluster creation, image loading,
// chart install and readiness (outside chartprobe's control), probing, and the harness itself.
//   node scripts/bench/bench-matrix.ts [--sizes 1,2,4] [--no-fresh] [--parallel N]
// Progress goes to stderr; the figures to stdout.
//
// "Fresh" for n scenarios is n sessions of one scenario each, one after the other. Each of the
// first max(sizes) scenarios gets its own fresh session once and the sums are reported per size,
// so a single-scenario session is never run twice for the same figure (that is also the reused
// figure for size 1: one scenario on one cluster is the same session either way).
import { parseArgs } from "node:util";
import { planScenarios } from "../../harness/commands/common/plan-scenarios.ts";
import { createLogger, createPlainSink, type LogEvent } from "../../harness/log/index.ts";
import type { RunRecord } from "../../harness/model/run-record.ts";
import { defaultParallelism } from "../../harness/runner/parallelism.ts";
import { runSession } from "../../harness/runner/run-session.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1,2,4" },
    "no-fresh": { type: "boolean", default: false },
    parallel: { type: "string" },
  },
});
const sizes = (values.sizes ?? "1").split(",").map(Number);
const root = new URL("../..", import.meta.url).pathname;
const events: LogEvent[] = [];
const progress = createPlainSink((line) => process.stderr.write(`${line}\n`));
const log = createLogger({
  write: (e) => {
    events.push(e);
    progress.write(e);
  },
});
const all = await planScenarios({ root, scenarios: [], matrix: "testbed" }, log);
const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

interface Breakdown {
  totalMs: number;
  clusterMs: number;
  imagesMs: number;
  chartMs: number;
  probesMs: number;
  harnessMs: number;
}

const stepMs = (pattern: RegExp) =>
  events
    .filter((e): e is Extract<LogEvent, { type: "step-end" }> => e.type === "step-end")
    .filter((e) => pattern.test(e.step))
    .reduce((n, e) => n + e.durationMs, 0);

/**
 * Scenario phases run in parallel with each other, so summing them would overcount the wall
 * time: a phase kind's wall share is the union of its intervals, not their sum.
 */
function wallOfPhases(record: RunRecord, names: string[]): number {
  const spans = record.scenarios
    .flatMap((r) => r.phases)
    .filter((p) => names.includes(p.name) && p.startedAt)
    .map((p) => {
      const start = Date.parse(p.startedAt);
      return [start, start + p.durationMs] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

async function session(scenarios: typeof all, name: string, parallel: number): Promise<Breakdown> {
  events.length = 0;
  const t0 = performance.now();
  const { record } = await runSession({
    root,
    scenarios,
    provider: "kind",
    clusterName: name,
    keepCluster: false,
    reuseCluster: false,
    parallel,
    log,
    signal: new AbortController().signal,
  });
  const totalMs = performance.now() - t0;
  const failed = record.scenarios.filter((r) => r.status !== "completed");
  if (failed.length)
    throw new Error(`bench session ${name}: ${failed.map((r) => r.scenario.id).join(", ")} did not complete`);
  const clusterMs = stepMs(/^(cluster |delete cluster |NetworkPolicy canary)/);
  const imagesMs = stepMs(/^load images/);
  const chartMs = wallOfPhases(record, ["install", "wait-ready", "uninstall"]);
  const probesMs = wallOfPhases(record, ["probes"]);
  const harnessMs = Math.max(0, totalMs - clusterMs - imagesMs - chartMs - probesMs);
  return { totalMs, clusterMs, imagesMs, chartMs, probesMs, harnessMs };
}

function describe(label: string, b: Breakdown): string {
  return [
    `${label}: ${s(b.totalMs)}`,
    `  cluster create+canary+delete ${s(b.clusterMs)} (${pct(b.clusterMs, b.totalMs)})`,
    `  image load ${s(b.imagesMs)} (${pct(b.imagesMs, b.totalMs)})`,
    `  chart install+readiness+uninstall ${s(b.chartMs)} (${pct(b.chartMs, b.totalMs)})`,
    `  probing ${s(b.probesMs)} (${pct(b.probesMs, b.totalMs)})`,
    `  harness overhead ${s(b.harnessMs)} (${pct(b.harnessMs, b.totalMs)})`,
  ].join("\n");
}

const sum = (list: Breakdown[]): Breakdown =>
  list.reduce(
    (a, b) => ({
      totalMs: a.totalMs + b.totalMs,
      clusterMs: a.clusterMs + b.clusterMs,
      imagesMs: a.imagesMs + b.imagesMs,
      chartMs: a.chartMs + b.chartMs,
      probesMs: a.probesMs + b.probesMs,
      harnessMs: a.harnessMs + b.harnessMs,
    }),
    { totalMs: 0, clusterMs: 0, imagesMs: 0, chartMs: 0, probesMs: 0, harnessMs: 0 },
  );

const largest = Math.max(...sizes);
if (largest > all.length)
  throw new Error(`--sizes asks for ${largest} scenarios; the testbed matrix has ${all.length}`);
const fresh: Breakdown[] = [];
for (const [i, one] of all.slice(0, values["no-fresh"] ? 1 : largest).entries()) {
  fresh.push(await session([one], `chartprobe-bench-f${i}`, 1));
  console.log(describe(`fresh cluster, ${one.scenario.id}`, fresh[i] as Breakdown));
}
for (const size of sizes) {
  const parallel = values.parallel ? Number(values.parallel) : defaultParallelism(size);
  const reused =
    size === 1
      ? (fresh[0] as Breakdown)
      : await session(all.slice(0, size), `chartprobe-bench-m${size}`, parallel);
  console.log(describe(`${size} scenario(s) on one cluster, ${parallel} at a time`, reused));
  if (!values["no-fresh"]) {
    const total = sum(fresh.slice(0, size));
    console.log(describe(`${size} scenario(s), a fresh cluster each, one after the other`, total));
    console.log(
      `  reuse saves ${s(total.totalMs - reused.totalMs)} (${pct(total.totalMs - reused.totalMs, total.totalMs)})`,
    );
  }
}

// Issue 6 figures: matrix wall time for 1, 2 and 4 testbed scenarios with one reused cluster
// versus a fresh cluster per scenario, and where the time goes: cluster creation, image loading,
// chart install and readiness (outside chartprobe's control), probing, and the harness itself.
//   node scripts/bench/bench-matrix.ts [--sizes 1,2,4] [--no-fresh] [--parallel N] [--records DIR]
// --records keeps each session's run record (phases with start times) for a closer look.
// Progress goes to stderr; the figures to stdout.
//
// "Fresh" for n scenarios is n sessions of one scenario each, one after the other. Each of the
// first max(sizes) scenarios gets its own fresh session once and the sums are reported per size,
// so a single-scenario session is never run twice for the same figure (that is also the reused
// figure for size 1: one scenario on one cluster is the same session either way).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
    records: { type: "string" },
  },
});
const sizes = (values.sizes ?? "1").split(",").map(Number);
const root = new URL("../..", import.meta.url).pathname;
/** Each finished harness step with the wall-clock time it ended at. */
const steps: { name: string; endMs: number; durationMs: number }[] = [];
const progress = createPlainSink((line) => process.stderr.write(`${line}\n`));
const log = createLogger({
  write: (e: LogEvent) => {
    if (e.type === "step-end") steps.push({ name: e.step, endMs: Date.now(), durationMs: e.durationMs });
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

type Category = "cluster" | "images" | "chart" | "probes";
type Interval = { category: Category; start: number; end: number };

const stepIntervals = (pattern: RegExp, category: Category): Interval[] =>
  steps
    .filter((st) => pattern.test(st.name))
    .map((st) => ({ category, start: st.endMs - st.durationMs, end: st.endMs }));

const phaseIntervals = (record: RunRecord, names: string[], category: Category): Interval[] =>
  record.scenarios
    .flatMap((r) => r.phases)
    .filter((p) => names.includes(p.name) && p.startedAt)
    .map((p) => {
      const start = Date.parse(p.startedAt);
      return { category, start, end: start + p.durationMs };
    });

/**
 * Splits the session's wall time so the parts add up to the whole, even with scenarios running
 * in parallel: at each instant the time goes to the first active category in the order
 * cluster, images, chart, probes; an instant with none of them active is harness overhead.
 */
function attribute(intervals: Interval[], from: number, to: number): Record<Category | "harness", number> {
  const order: Category[] = ["cluster", "images", "chart", "probes"];
  const cuts = [...new Set([from, to, ...intervals.flatMap((i) => [i.start, i.end])])]
    .filter((t) => t >= from && t <= to)
    .sort((a, b) => a - b);
  const out = { cluster: 0, images: 0, chart: 0, probes: 0, harness: 0 };
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k] as number;
    const b = cuts[k + 1] as number;
    const mid = (a + b) / 2;
    const active = order.find((c) =>
      intervals.some((i) => i.category === c && i.start <= mid && mid < i.end),
    );
    out[active ?? "harness"] += b - a;
  }
  return out;
}

async function session(scenarios: typeof all, name: string, parallel: number): Promise<Breakdown> {
  steps.length = 0;
  const from = Date.now();
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
  const to = Date.now();
  if (values.records) {
    mkdirSync(values.records, { recursive: true });
    writeFileSync(join(values.records, `${name}.json`), JSON.stringify(record, null, 2));
  }
  const failed = record.scenarios.filter((r) => r.status !== "completed");
  if (failed.length)
    throw new Error(`bench session ${name}: ${failed.map((r) => r.scenario.id).join(", ")} did not complete`);
  const parts = attribute(
    [
      ...stepIntervals(/^(cluster |delete cluster |NetworkPolicy canary)/, "cluster"),
      ...stepIntervals(/^load images/, "images"),
      ...phaseIntervals(record, ["install", "wait-ready", "uninstall"], "chart"),
      ...phaseIntervals(record, ["probes"], "probes"),
    ],
    from,
    to,
  );
  return {
    totalMs: to - from,
    clusterMs: parts.cluster,
    imagesMs: parts.images,
    chartMs: parts.chart,
    probesMs: parts.probes,
    harnessMs: parts.harness,
  };
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
const freshCount = values["no-fresh"] ? (sizes.includes(1) ? 1 : 0) : largest;
for (const [i, one] of all.slice(0, freshCount).entries()) {
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

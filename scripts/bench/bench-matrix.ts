// Issue 6 figures: matrix wall time for 1, 2 and 4 testbed scenarios with one reused cluster
// versus a fresh cluster per scenario, and the harness's own share of the time (everything
// that is not cluster creation, image loading, helm install or waiting for readiness).
//   node scripts/bench/bench-matrix.ts [--sizes 1,2,4] [--fresh]
import { parseArgs } from "node:util";
import { planScenarios } from "../../harness/commands/common/plan-scenarios.ts";
import { createMemoryLogger } from "../../harness/log/index.ts";
import type { RunRecord } from "../../harness/model/run-record.ts";
import { runSession } from "../../harness/runner/run-session.ts";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "1,2,4" }, fresh: { type: "boolean", default: true } },
});
const root = new URL("../..", import.meta.url).pathname;
const log = createMemoryLogger("info");
const all = await planScenarios({ root, scenarios: [], matrix: "testbed" }, log);
const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

/** Time spent in phases chartprobe does not control: install, readiness, images, cluster. */
function externalMs(
  record: RunRecord,
  sessionMs: number,
  clusterMs: number,
): { external: number; harness: number } {
  const waiting = record.scenarios
    .flatMap((r) => r.phases)
    .filter((p) => p.name === "install" || p.name === "wait-ready" || p.name === "uninstall")
    .reduce((n, p) => n + p.durationMs, 0);
  const external = waiting + clusterMs;
  return { external, harness: Math.max(0, sessionMs - external) };
}

async function session(scenarios: typeof all, name: string) {
  const t0 = performance.now();
  const { record } = await runSession({
    root,
    scenarios,
    provider: "kind",
    clusterName: name,
    keepCluster: false,
    reuseCluster: false,
    log,
    signal: new AbortController().signal,
  });
  const ms = performance.now() - t0;
  // Cluster creation, image loading and the canary are logged as steps by the session.
  const clusterMs = log.events
    .filter(
      (e) => e.type === "step-end" && /^(cluster|load images|delete cluster|provision)/.test(String(e.step)),
    )
    .reduce((n, e) => n + Number((e as { durationMs?: number }).durationMs ?? 0), 0);
  log.events.length = 0;
  return { ms, record, clusterMs };
}

for (const size of (values.sizes ?? "1").split(",").map(Number)) {
  const chosen = all.slice(0, size);
  const reused = await session(chosen, `chartprobe-bench-m${size}`);
  const r = externalMs(reused.record, reused.ms, reused.clusterMs);
  console.log(
    `${size} scenario(s), one cluster: ${s(reused.ms)} (harness overhead ${((100 * r.harness) / reused.ms).toFixed(1)}%)`,
  );
  if (values.fresh) {
    let total = 0;
    for (const [i, one] of chosen.entries())
      total += (await session([one], `chartprobe-bench-f${size}-${i}`)).ms;
    console.log(
      `${size} scenario(s), a fresh cluster each: ${s(total)} (reuse saves ${s(total - reused.ms)})`,
    );
  }
}

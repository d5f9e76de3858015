// Issue 5 and 6 figures on one installed scenario (default testbed/insecure): probe-suite wall
// time, truth-table pairs per second with the worker pool and with a sequential loop, and N
// repeated probe runs on the same install compared verdict by verdict.
//   node scripts/bench/bench-probes.ts [--scenario ID] [--runs N] [--cluster-name NAME] [--keep]
import { parseArgs } from "node:util";
import { runTruthTable } from "../../attacks/network-policy/netpol-reachability.ts";
import { ClusterProbeAccess } from "../../harness/access/cluster-access.ts";
import { createMemoryLogger } from "../../harness/log/index.ts";
import { uninstallRelease } from "../../harness/runner/install-release.ts";
import { differingVerdicts, probeAgain } from "../../harness/runner/repeat-probes.ts";
import { locationOf } from "../../harness/runner/run-probes.ts";
import { runScenario } from "../../harness/runner/run-scenario.ts";
import { ATTACKER_IMAGE } from "../../harness/runner/run-session.ts";
import { prepareScenarioCluster } from "../../harness/testing/scenario-cluster.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "testbed/insecure" },
    runs: { type: "string", default: "10" },
    "cluster-name": { type: "string", default: "chartprobe-bench" },
    keep: { type: "boolean", default: false },
  },
});
const root = new URL("../..", import.meta.url).pathname;
const log = createMemoryLogger("info");
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const signal = new AbortController().signal;

const name = values["cluster-name"] ?? "chartprobe-bench";
const { input, toolchain, provider, handle, kubectl, env } = await prepareScenarioCluster({
  root,
  scenarioId: values.scenario ?? "",
  clusterName: name,
  runId: "bench",
  log,
  signal,
});
const { canary } = env;
if (!canary) throw new Error("the canary did not run");

const t0 = performance.now();
const first = await runScenario(input, { ...env, keep: true });
const { result } = first;
console.log(`install + ready + first probe run: ${s(performance.now() - t0)} (status ${result.status})`);
for (const p of result.phases) console.log(`  ${p.name.padEnd(12)} ${s(p.durationMs)}`);
if (!first.access || result.status !== "completed")
  throw new Error(result.error ?? "scenario did not complete");

const freshAccess = () =>
  new ClusterProbeAccess({
    kubectl,
    helm: toolchain.helm,
    namespace: result.namespace ?? "",
    release: result.release ?? "",
    target: input.target,
    attackerImage: ATTACKER_IMAGE,
    networkPolicyEnforced: canary.enforced,
    log,
  });

const runs = Number(values.runs);
const times: number[] = [];
let differing = 0;
for (let i = 0; i < runs; i++) {
  const { findings, durationMs } = await probeAgain(input, result, env);
  times.push(durationMs);
  const diff = differingVerdicts(result.findings, findings);
  if (diff.length > 0) {
    differing++;
    console.log(`  run ${i + 1}: ${diff.length} verdict(s) differ: ${diff.slice(0, 5).join(", ")}`);
  }
}
times.sort((a, b) => a - b);
console.log(
  `probe suite (${runs} runs, truth table included): median ${s(times[Math.floor(runs / 2)] ?? 0)}, min ${s(times[0] ?? 0)}, max ${s(times[runs - 1] ?? 0)}`,
);
console.log(
  `repeatability: ${runs - differing}/${runs} runs gave exactly the first run's ${result.findings.length} verdicts`,
);

const tableRun = async (concurrency: number) => {
  const access = freshAccess();
  const ctx = {
    scenario: { ...input.scenario, id: `${input.scenario.id}#c${concurrency}` },
    target: input.target,
    access,
    log,
    signal,
    location: (id: string) => locationOf(input.target, id),
  };
  const run = await runTruthTable(ctx, { concurrency });
  await access.closeTunnels();
  return run;
};
const pooled = await tableRun(8);
const sequential = await tableRun(1);
console.log(`truth table: ${pooled.table.cells.length} pairs`);
console.log(`  pool x8:    ${s(pooled.durationMs)}, ${pooled.pairsPerSecond.toFixed(1)} pairs/s`);
console.log(`  sequential: ${s(sequential.durationMs)}, ${sequential.pairsPerSecond.toFixed(1)} pairs/s`);
console.log(`  ratio: ${(sequential.durationMs / pooled.durationMs).toFixed(1)}x`);

await first.access.dispose();
await uninstallRelease(kubectl, toolchain.helm, result.namespace ?? "", result.release ?? "");
if (!values.keep && handle.created) await provider.down(name);

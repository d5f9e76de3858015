// Truth-table throughput: the parallel worker pool against a naive sequential loop, over the
// same table and the same real reachability function (TCP connects to loopback endpoints).
// Run: npx node harness/netpol/bench-truth-table.ts [--concurrency 4,8,16] [--timeout 500]
//        [--sources 9] [--components 8] [--dropped 0.33] [--refused 0.33]
import { parseArgs } from "node:util";
import type { ReleaseSnapshot, SourceIdentity } from "../model/access.ts";
import type { Reachability } from "../model/run-record.ts";
import type { ComponentSpec } from "../model/scenario.ts";
import type { Vantage } from "../model/vantage.ts";
import {
  closedPort,
  type LoopbackEndpoint,
  startBlackHole,
  startListener,
  tcpReach,
} from "./loopback-net.ts";
import { observePairs } from "./truth-table.ts";
import { planTruthTable, type TruthTablePlan } from "./truth-table-plan.ts";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "4,8,16,32" },
    timeout: { type: "string", default: "500" },
    sources: { type: "string", default: "9" },
    components: { type: "string", default: "8" },
    dropped: { type: "string", default: "0.33" },
    refused: { type: "string", default: "0.33" },
  },
});
const timeoutMs = Number(values.timeout);
const concurrencies = values.concurrency.split(",").map(Number);
const sourceCount = Number(values.sources);
const componentCount = Number(values.components);
const droppedShare = Number(values.dropped);
const refusedShare = Number(values.refused);

/** A synthetic release: one pod and one port per component, no policies (the plan still evaluates). */
function syntheticPlan(): TruthTablePlan {
  const components: Record<string, ComponentSpec> = {};
  const pods: Record<string, unknown>[] = [];
  for (let i = 0; i < componentCount; i++) {
    const name = `c${i}`;
    components[name] = {
      selector: { component: name },
      ports: [{ name: "p", port: 1000 + i, protocol: "tcp" }],
    };
    pods.push({
      metadata: { name: `${name}-0`, namespace: "bench", labels: { component: name } },
      spec: { containers: [{ ports: [{ name: "p", containerPort: 1000 + i }] }] },
      status: { phase: "Running", podIP: `10.0.0.${i + 1}`, conditions: [{ type: "Ready", status: "True" }] },
    });
  }
  const snapshot = {
    namespace: "bench",
    release: "bench",
    pods,
    networkPolicies: [],
    namespaceLabels: {},
  } as unknown as ReleaseSnapshot;
  const identity: SourceIdentity = { namespace: "bench", namespaceLabels: {}, podLabels: {} };
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    vantage: (i === 0 ? "foreign-pod" : i === 1 ? "neighbour-pod" : `component:s${i}`) as Vantage,
    identity,
  }));
  return planTruthTable({ snapshot, target: { components }, scenario: {}, sources, timeoutMs });
}

const plan = syntheticPlan();
const [open, refused, dropped] = await Promise.all([
  startListener("127.0.0.1"),
  closedPort("127.0.0.2"),
  startBlackHole("127.0.0.3"),
]);

// Each pair is routed to an endpoint by its position, so both runs see the same network.
const route = new Map<string, LoopbackEndpoint>();
plan.cells.forEach((c, i) => {
  const r = (i * 0.618034) % 1;
  const to = r < droppedShare ? dropped : r < droppedShare + refusedShare ? refused : open;
  route.set(`${c.source}|${c.destination.component}`, to);
});
const probeTcp = (v: Vantage, component: string, _port: number, t: number): Promise<Reachability> => {
  const to = route.get(`${v}|${component}`) as LoopbackEndpoint;
  return tcpReach(to.host, to.port, t);
};

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}

const pairs = plan.cells.length;
const count = (rs: Reachability[], r: Reachability) => rs.filter((x) => x === r).length;
console.log(
  `truth table: ${plan.sources.length} sources x ${plan.destinations.length} destinations = ${pairs} pairs, timeout ${timeoutMs} ms`,
);

const naive = await timed(async () => {
  const out: Reachability[] = [];
  for (const c of plan.cells)
    out.push(await probeTcp(c.source, c.destination.component, c.destination.port.port, timeoutMs));
  return out;
});
console.log(
  `observed: ${count(naive.result, "reachable")} reachable, ${count(naive.result, "blocked")} blocked (${[...route.values()].filter((e) => e === dropped).length} by timeout), ${count(naive.result, "error")} errors`,
);
console.log(
  `sequential        ${naive.seconds.toFixed(2).padStart(7)} s  ${(pairs / naive.seconds).toFixed(1).padStart(8)} pairs/s`,
);

let exitCode = 0;
for (const concurrency of concurrencies) {
  const pool = await timed(() => observePairs(plan, probeTcp, { concurrency, timeoutMs }));
  const same = pool.result.every((r, i) => r === naive.result[i]);
  if (!same) exitCode = 1;
  console.log(
    `pool x${String(concurrency).padEnd(3)}         ${pool.seconds.toFixed(2).padStart(7)} s  ${(pairs / pool.seconds).toFixed(1).padStart(8)} pairs/s  ratio ${(naive.seconds / pool.seconds).toFixed(1)}x${same ? "" : "  RESULTS DIFFER from the sequential run"}`,
  );
}

await Promise.all([open.close(), refused.close(), dropped.close()]);
process.exitCode = exitCode;

import { describe, expect, it } from "vitest";
import type { SourceIdentity } from "../model/access.ts";
import type { Reachability } from "../model/run-record.ts";
import type { Vantage } from "../model/vantage.ts";
import { identities, scenario, snapshot, target } from "./fixtures/airflow-release.ts";
import { intentFor, unusedIntentKeys } from "./intent.ts";
import { defaultRepro } from "./repro.ts";
import { compareTruthTable } from "./truth-table-compare.ts";
import { formatGrid, formatTruthTable } from "./truth-table-grid.ts";
import { planTruthTable } from "./truth-table-plan.ts";

const sourceOrder: Vantage[] = ["foreign-pod", "neighbour-pod", "component:worker", "component:scheduler"];
const sources = sourceOrder.map((vantage) => ({ vantage, identity: identities[vantage] as SourceIdentity }));
const plan = planTruthTable({ snapshot, target, scenario, sources, timeoutMs: 1500 });

const expectedOf = (src: string, dst: string) =>
  plan.cells.find((c) => c.source === src && c.destination.key === dst)?.expected;

/** Observations that follow the expectation everywhere except where `overrides` says otherwise. */
const observe = (overrides: Record<string, Reachability> = {}): Reachability[] =>
  plan.cells.map(
    (c) =>
      overrides[`${c.source}->${c.destination.key}`] ?? (c.expected === "allow" ? "reachable" : "blocked"),
  );

describe("planTruthTable", () => {
  it("marks a host-network pod and lets the evaluator leave its ingress open", () => {
    const hostSnap = {
      ...snapshot,
      pods: snapshot.pods.map((p) => {
        const pod = p as { metadata: { name: string }; spec: Record<string, unknown> };
        return pod.metadata.name === "af-redis-0"
          ? { ...pod, spec: { ...pod.spec, hostNetwork: true } }
          : pod;
      }),
    };
    const p = planTruthTable({
      snapshot: hostSnap,
      target,
      scenario: {},
      sources: sources.slice(0, 1),
      timeoutMs: 1000,
    });
    const cell = p.cells.find((c) => c.destination.key === "redis:6379");
    expect(cell?.destination.pod.hostNetwork).toBe(true);
    expect(cell?.expected).toBe("allow");
  });

  it("has a column per port of every present component, in profile order", () => {
    expect(plan.destinations.map((d) => d.key)).toEqual([
      "webserver:8080",
      "worker:8793",
      "redis:6379",
      "postgres:5432",
    ]);
    expect(plan.absentComponents).toEqual(["flower"]);
  });

  it.each([
    ["foreign-pod", "webserver:8080", "allow"],
    ["foreign-pod", "redis:6379", "deny"],
    ["foreign-pod", "postgres:5432", "deny"],
    ["neighbour-pod", "webserver:8080", "allow"],
    ["neighbour-pod", "worker:8793", "deny"],
    ["neighbour-pod", "redis:6379", "deny"],
    ["component:worker", "redis:6379", "allow"],
    ["component:worker", "postgres:5432", "allow"],
    ["component:worker", "worker:8793", "allow"],
    ["component:scheduler", "redis:6379", "allow"],
    ["component:scheduler", "worker:8793", "deny"],
  ])("%s -> %s is expected %s", (src, dst, verdict) => {
    expect(expectedOf(src, dst)).toBe(verdict);
  });

  it("explains a decision with the policies involved", () => {
    const cell = plan.cells.find(
      (c) => c.source === "component:worker" && c.destination.key === "redis:6379",
    );
    expect(cell?.decision.ingress.selectedBy).toEqual(["airflow/default-deny", "airflow/redis"]);
    expect(cell?.decision.ingress.allowedBy).toEqual(["airflow/redis"]);
  });

  it("merges the declared intent, most specific key first", () => {
    const intended = (src: string, dst: string) =>
      plan.cells.find((c) => c.source === src && c.destination.key === dst)?.intended;
    expect(intended("neighbour-pod", "redis:6379")).toBe("deny");
    expect(intended("component:worker", "redis:6379")).toBe("allow");
    expect(intended("foreign-pod", "webserver:8080")).toBe("allow");
    expect(intended("foreign-pod", "postgres:5432")).toBeUndefined();
  });

  it("gives component sources a repro from their own pod to the destination pod IP", () => {
    const cell = plan.cells.find(
      (c) => c.source === "component:worker" && c.destination.key === "redis:6379",
    );
    expect(cell?.repro).toBe("kubectl -n airflow exec af-worker-0 -- nc -vz -w 2 10.244.0.13 6379");
  });
});

describe("intentFor", () => {
  const redis = { source: "foreign-pod", component: "redis", port: 6379, portName: "redis" };
  it.each([
    ["no intent at all", {}, redis, undefined],
    ["exact key by number", { "foreign-pod->redis:6379": "deny" }, redis, "deny"],
    ["exact key by port name", { "foreign-pod->redis:redis": "allow" }, redis, "allow"],
    [
      "source wildcard port beats any-source exact port",
      { "foreign-pod->redis:*": "allow", "*->redis:6379": "deny" },
      redis,
      "allow",
    ],
    ["any source by port name", { "*->redis:redis": "deny" }, redis, "deny"],
    ["any source, any port", { "*->redis:*": "deny" }, { ...redis, source: "neighbour-pod" }, "deny"],
    [
      "exact beats every wildcard",
      { "*->redis:*": "deny", "foreign-pod->redis:6379": "allow" },
      redis,
      "allow",
    ],
    ["another component's key does not apply", { "*->postgres:*": "deny" }, redis, undefined],
    ["another port's key does not apply", { "foreign-pod->redis:6380": "deny" }, redis, undefined],
  ] as const)("%s", (_name, networkIntent, pair, verdict) => {
    expect(intentFor({ networkIntent }, pair)).toBe(verdict);
  });
});

describe("unusedIntentKeys", () => {
  it("names keys that match no pair, and malformed keys", () => {
    const pairs = plan.cells.map((c) => ({
      source: c.source,
      component: c.destination.component,
      port: c.destination.port.port,
      portName: c.destination.port.name,
    }));
    const intent = {
      "*->redis:*": "deny",
      "component:worker->redis:6379": "allow",
      "neighbour-pod->postgres:pg": "deny",
      "foreign-pod->flower:5555": "deny",
      "foreign-pod->redis:6380": "deny",
      "runner->redis:6379": "deny",
      "redis:6379": "deny",
    };
    expect(unusedIntentKeys(intent, pairs)).toEqual([
      "foreign-pod->flower:5555",
      "foreign-pod->redis:6380",
      "runner->redis:6379",
      "redis:6379",
    ]);
    expect(unusedIntentKeys(undefined, pairs)).toEqual([]);
  });
});

describe("defaultRepro", () => {
  const destination = { component: "redis", port: 6379, namespace: "airflow", podName: "af-redis-0" };
  it("finds a labelled attacker by its labels and looks the pod IP up when unknown", () => {
    const line = defaultRepro({
      source: "foreign-pod",
      identity: identities["foreign-pod"] as SourceIdentity,
      destination,
      timeoutSeconds: 2,
    });
    expect(line).toBe(
      `kubectl -n chartprobe-foreign exec "$(kubectl -n chartprobe-foreign get pod -l chartprobe.io/role=attacker -o name | head -n 1)" -- nc -vz -w 2 "$(kubectl -n airflow get pod af-redis-0 -o jsonpath='{.status.podIP}')" 6379`,
    );
  });
  it("asks for the pod name of an unlabelled neighbour", () => {
    const line = defaultRepro({
      source: "neighbour-pod",
      identity: identities["neighbour-pod"] as SourceIdentity,
      destination: { ...destination, podIP: "10.0.0.1" },
      timeoutSeconds: 3,
    });
    expect(line).toBe(`kubectl -n airflow exec "$ATTACKER_POD" -- nc -vz -w 3 10.0.0.1 6379`);
  });
});

describe("compareTruthTable", () => {
  it("matches everywhere when observation follows policy and intent", () => {
    const table = compareTruthTable(plan, observe(), true);
    expect(table.cells.filter((c) => !c.match)).toEqual([]);
    expect(table.sources).toEqual(sourceOrder);
    expect(table.cells).toHaveLength(sourceOrder.length * 4);
  });

  it("flags a reachable pair the policy denies, a blocked pair it allows, and errors", () => {
    const table = compareTruthTable(
      plan,
      observe({
        "neighbour-pod->redis:6379": "reachable",
        "component:worker->postgres:5432": "blocked",
        "foreign-pod->worker:8793": "error",
      }),
      true,
    );
    const bad = table.cells.filter((c) => !c.match).map((c) => `${c.source}->${c.destination}`);
    expect(bad).toEqual([
      "foreign-pod->worker:8793",
      "neighbour-pod->redis:6379",
      "component:worker->postgres:5432",
    ]);
  });

  it("flags a pair the policy allows but the intent denies, even when observed as the policy says", () => {
    const intentDenies = planTruthTable({
      snapshot,
      target,
      scenario: { networkIntent: { "foreign-pod->webserver:8080": "deny" } },
      sources: sources.slice(0, 1),
      timeoutMs: 1000,
    });
    const table = compareTruthTable(
      intentDenies,
      intentDenies.cells.map((c) => (c.expected === "allow" ? "reachable" : "blocked")),
      true,
    );
    const cell = table.cells.find((c) => c.destination === "webserver:8080");
    expect(cell).toMatchObject({ expected: "allow", intended: "deny", observed: "reachable", match: false });
  });

  it("treats a missing observation as an error", () => {
    const table = compareTruthTable(plan, [], null);
    expect(table.cells.every((c) => c.observed === "error" && !c.match)).toBe(true);
    expect(table.enforced).toBeNull();
  });
});

describe("grid formatting", () => {
  const table = compareTruthTable(
    plan,
    observe({ "neighbour-pod->redis:6379": "reachable", "foreign-pod->worker:8793": "error" }),
    true,
  );

  it("prints sources as rows and destinations as columns", () => {
    expect(formatGrid(table, "compare")).toBe(
      [
        "                     webserver:8080  worker:8793  redis:6379  postgres:5432",
        "foreign-pod                .              ?           X             X",
        "neighbour-pod              .              X           !             X",
        "component:worker           .              .           .             .",
        "component:scheduler        .              X           .             .",
      ].join("\n"),
    );
  });

  it("shows intent with - where none is declared", () => {
    const lines = formatGrid(table, "intended").split("\n");
    expect(lines[1]).toBe("foreign-pod                .              -           X             -");
  });

  it("prints the three tables and the repro of each mismatch only when something disagrees", () => {
    const report = formatTruthTable(table);
    expect(report).toMatch(/^NetworkPolicy truth table: 4 sources x 4 destinations, 2 mismatches/);
    for (const heading of ["expected:", "intended:", "observed:", "mismatches:"])
      expect(report).toContain(`\n${heading}\n`);
    expect(report).toContain(
      "  neighbour-pod -> redis:6379: expected deny, intended deny, observed reachable\n",
    );
    expect(report).toContain('    kubectl -n airflow exec "$ATTACKER_POD" -- nc -vz -w 2 10.244.0.13 6379');
    const clean = formatTruthTable(compareTruthTable(plan, observe(), false));
    expect(clean).toContain("0 mismatches (NetworkPolicy enforcement NOT proven (canary: failed)");
    expect(clean).not.toContain("expected:");
  });
});

import { describe, expect, it } from "vitest";
import type { SourceIdentity } from "../../harness/model/access.ts";
import type { Reachability } from "../../harness/model/run-record.ts";
import type { ComponentSpec, TargetProfile } from "../../harness/model/scenario.ts";
import type { Vantage } from "../../harness/model/vantage.ts";
import { identities, scenario, snapshot, target } from "../../harness/netpol/fixtures/airflow-release.ts";
import type { TruthTableRun } from "../../harness/netpol/truth-table.ts";
import { compareTruthTable } from "../../harness/netpol/truth-table-compare.ts";
import { planTruthTable } from "../../harness/netpol/truth-table-plan.ts";
import { findingsFromTruthTable } from "./netpol-findings.ts";
import { netpolReachability } from "./netpol-reachability.ts";

// The probe's decision logic on hand-written tables (the loopback integration test runs it on
// real sockets).
const sources: Vantage[] = ["foreign-pod", "neighbour-pod", "component:worker"];
const plan = planTruthTable({
  snapshot,
  target,
  scenario,
  sources: sources.map((vantage) => ({ vantage, identity: identities[vantage] as SourceIdentity })),
  timeoutMs: 1000,
});

function runWith(
  overrides: Record<string, Reachability>,
  enforced: boolean | null,
  extra: Partial<TruthTableRun> = {},
): TruthTableRun {
  const observed = plan.cells.map(
    (c) =>
      overrides[`${c.source}->${c.destination.key}`] ?? (c.expected === "allow" ? "reachable" : "blocked"),
  );
  const table = compareTruthTable(plan, observed, enforced);
  return {
    table,
    plan,
    sourceErrors: [],
    skippedSources: [],
    unusedIntent: [],
    report: "",
    durationMs: 0,
    pairsPerSecond: 0,
    ...extra,
  };
}

const verdictOf = (run: TruthTableRun, component: string, vantage: string) =>
  findingsFromTruthTable(run, netpolReachability, target.components, undefined).find(
    (f) => f.component === component && f.vantage === vantage,
  );

describe("findingsFromTruthTable", () => {
  it("says secure per component and source when everything matches", () => {
    const fs = findingsFromTruthTable(runWith({}, true), netpolReachability, target.components, undefined);
    const decided = fs.filter((f) => f.verdict !== "skipped");
    expect(decided).toHaveLength(4 * sources.length);
    expect(new Set(decided.map((f) => f.verdict))).toEqual(new Set(["secure"]));
    expect(fs.filter((f) => f.verdict === "skipped").map((f) => f.component)).toEqual([
      "scheduler",
      "scheduler",
      "scheduler",
      "flower",
      "flower",
      "flower",
    ]);
  });

  it.each([
    [{ "neighbour-pod->redis:6379": "reachable" }, true, "redis", "neighbour-pod", "vulnerable"],
    [{ "neighbour-pod->redis:6379": "reachable" }, null, "redis", "neighbour-pod", "inconclusive"],
    [{ "neighbour-pod->redis:6379": "reachable" }, false, "redis", "neighbour-pod", "inconclusive"],
    [{ "foreign-pod->postgres:5432": "error" }, true, "postgres", "foreign-pod", "error"],
    [{ "component:worker->redis:6379": "blocked" }, true, "redis", "component:worker", "inconclusive"],
    [{ "component:worker->redis:6379": "blocked" }, true, "postgres", "component:worker", "secure"],
    [
      { "foreign-pod->postgres:5432": "error", "foreign-pod->redis:6379": "reachable" },
      true,
      "postgres",
      "foreign-pod",
      "error",
    ],
  ] as const)("%o (enforced %s) -> %s from %s is %s", (overrides, enforced, component, vantage, verdict) => {
    expect(verdictOf(runWith(overrides, enforced), component, vantage)?.verdict).toBe(verdict);
  });

  it("prefers vulnerable over error when one port leaks and another errs", () => {
    const two: Pick<TargetProfile, "components"> = {
      components: {
        ...target.components,
        redis: {
          ...(target.components.redis as ComponentSpec),
          ports: [
            { name: "redis", port: 6379, protocol: "redis" as const },
            { name: "metrics", port: 9121, protocol: "tcp" as const },
          ],
        },
      },
    };
    const p = planTruthTable({
      snapshot,
      target: two,
      scenario,
      sources: [{ vantage: "foreign-pod", identity: identities["foreign-pod"] as SourceIdentity }],
      timeoutMs: 1000,
    });
    const observed: Reachability[] = p.cells.map((c) =>
      c.destination.key === "redis:6379"
        ? "reachable"
        : c.destination.key === "redis:9121"
          ? "error"
          : "blocked",
    );
    const run = {
      table: compareTruthTable(p, observed, true),
      plan: p,
      sourceErrors: [],
      skippedSources: [],
      unusedIntent: [],
      report: "",
      durationMs: 0,
      pairsPerSecond: 0,
    };
    expect(
      findingsFromTruthTable(run, netpolReachability, two.components, undefined).find(
        (f) => f.component === "redis",
      )?.verdict,
    ).toBe("vulnerable");
  });

  it("reports sources without identity as error and sources without pod as skipped", () => {
    const run = runWith({}, true, {
      sourceErrors: [{ source: "component:scheduler", message: "pod not found" }],
      skippedSources: ["component:flower"],
    });
    expect(verdictOf(run, "redis", "component:scheduler")).toMatchObject({
      verdict: "error",
      summary: "identity of component:scheduler unknown: pod not found",
    });
    expect(verdictOf(run, "redis", "component:flower")?.verdict).toBe("skipped");
  });

  it("attaches the location and the repro of the mismatching pair", () => {
    const run = runWith({ "foreign-pod->redis:6379": "reachable" }, true);
    const f = findingsFromTruthTable(run, netpolReachability, target.components, {
      file: "values.yaml",
      valuesKey: "networkPolicies.enabled",
    }).find((x) => x.component === "redis" && x.vantage === "foreign-pod");
    expect(f?.location).toEqual({ file: "values.yaml", valuesKey: "networkPolicies.enabled" });
    expect(f?.repro).toContain("nc -vz -w 1 10.244.0.13 6379");
    expect(f?.probe).toBe("netpol-reachability");
    expect(f?.evidence.map((e) => e.label)).toEqual([
      "truth table row foreign-pod -> redis",
      "truth table (all sources)",
    ]);
    expect(f?.evidence[1]?.content).toMatch(/^foreign-pod\s+\.\s+X\s+!\s+X$/m);
  });

  it("skips every component when the run has no network vantage at all", () => {
    const empty = planTruthTable({ snapshot, target, scenario, sources: [], timeoutMs: 1000 });
    const run = {
      table: compareTruthTable(empty, [], true),
      plan: empty,
      sourceErrors: [],
      skippedSources: [],
      unusedIntent: [],
      report: "",
      durationMs: 0,
      pairsPerSecond: 0,
    };
    const fs = findingsFromTruthTable(run, netpolReachability, target.components, undefined);
    expect(fs).toHaveLength(Object.keys(target.components).length);
    expect(new Set(fs.map((f) => f.verdict))).toEqual(new Set(["skipped"]));
  });
});

describe("netpol-reachability metadata", () => {
  it("is catalogued as the network-policy probe with its references", () => {
    expect(netpolReachability).toMatchObject({
      id: "netpol-reachability",
      family: "network-policy",
      cwe: ["CWE-284", "CWE-923"],
      attack: ["T1046", "T1210"],
    });
    expect(netpolReachability.valuesKeys).toContain("networkPolicies.enabled");
    expect(netpolReachability.remediation.length).toBeGreaterThan(40);
  });
});

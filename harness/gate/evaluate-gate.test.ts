import { describe, expect, it } from "vitest";
import { evaluateGate } from "./evaluate-gate.ts";
import { formatGate } from "./format-gate.ts";
import { finding, runRecord, scenarioResult } from "./testing/records.ts";

const TODAY = "2026-12-03";

describe("evaluateGate on hand-made record pairs", () => {
  it("passes a run that matches its expectations and baseline", () => {
    const s = () =>
      scenarioResult(
        "testbed/insecure",
        [
          finding("redis-no-auth", "redis", "runner", "vulnerable"),
          finding("flower-no-auth", "flower", "runner", "secure"),
        ],
        { expectations: [{ probe: "redis-no-auth", verdict: "vulnerable", reason: "chart default" }] },
      );
    const result = evaluateGate(runRecord("cur", [s()]), runRecord("base", [s()]), TODAY);
    expect(result.passed).toBe(true);
    expect(result.counts).toEqual({ accepted: 1, ok: 1 });
    expect(formatGate(result)).toMatch(/^gate PASSED \(2 findings in 1 scenarios of run cur, baseline base/);
  });

  it("fails on a regression and names scenario, probe, component, vantage, verdicts and the repro command", () => {
    const base = runRecord("base", [
      scenarioResult("testbed/hardened", [finding("redis-no-auth", "redis", "foreign-pod", "secure")]),
    ]);
    const cur = runRecord("cur", [
      scenarioResult("testbed/hardened", [finding("redis-no-auth", "redis", "foreign-pod", "vulnerable")]),
    ]);
    const result = evaluateGate(cur, base, TODAY);
    expect(result.passed).toBe(false);
    expect(result.failures).toMatchObject([
      {
        class: "regression",
        scenario: "testbed/hardened",
        probe: "redis-no-auth",
        component: "redis",
        vantage: "foreign-pod",
        expected: "secure",
        observed: "vulnerable",
        baseline: "secure",
        repro: "chartprobe repro testbed/hardened --probe redis-no-auth",
      },
    ]);
    const text = formatGate(result);
    expect(text).toContain("gate FAILED: 1 failing");
    expect(text).toContain("FAIL regression            testbed/hardened  redis-no-auth  redis @ foreign-pod");
    expect(text).toContain("expected secure (default), observed vulnerable, baseline secure");
    expect(text).toContain("repro: chartprobe repro testbed/hardened --probe redis-no-auth");
  });

  it("fails on an expired acceptance and reports its reason and date", () => {
    const cur = runRecord("cur", [
      scenarioResult("testbed/insecure", [finding("flower-no-auth", "flower", "runner", "vulnerable")], {
        expectations: [
          { probe: "flower-no-auth", verdict: "vulnerable", reason: "fix in 9.0", expires: "2026-12-02" },
        ],
      }),
    ]);
    const result = evaluateGate(cur, undefined, TODAY);
    expect(result.failures.map((f) => f.class)).toEqual(["expired-acceptance"]);
    expect(formatGate(result)).toContain("reason: fix in 9.0 (expires 2026-12-02)");
    expect(evaluateGate(cur, undefined, "2026-12-02").passed).toBe(true);
  });

  it("fails on undecided verdicts unless the scenario allows them", () => {
    const findings = [
      finding("netpol-reachability", "redis", "foreign-pod", "inconclusive"),
      finding("pod-seccomp", "redis", "api", "error"),
    ];
    expect(
      evaluateGate(runRecord("c", [scenarioResult("t/a", findings)]), undefined, TODAY).counts.undecided,
    ).toBe(2);
    const some = evaluateGate(
      runRecord("c", [scenarioResult("t/a", findings, { allowUndecided: ["netpol-reachability"] })]),
      undefined,
      TODAY,
    );
    expect(some.failures.map((f) => f.probe)).toEqual(["pod-seccomp"]);
    expect(
      evaluateGate(
        runRecord("c", [scenarioResult("t/a", findings, { allowUndecided: ["*"] })]),
        undefined,
        TODAY,
      ).passed,
    ).toBe(true);
  });

  it("reports newly fixed findings without failing", () => {
    const cur = runRecord("cur", [
      scenarioResult("testbed/insecure", [finding("redis-no-auth", "redis", "runner", "secure")], {
        expectations: [{ probe: "redis-no-auth", verdict: "vulnerable", reason: "default" }],
      }),
    ]);
    const result = evaluateGate(cur, undefined, TODAY);
    expect(result.passed).toBe(true);
    expect(result.notes.map((n) => n.class)).toEqual(["newly-fixed"]);
    expect(formatGate(result)).toContain("update the expectations (or the baseline)");
  });

  it("fails a scenario that did not complete, and then its missing findings too", () => {
    const cur = runRecord("cur", [
      {
        ...scenarioResult("testbed/insecure", [], {
          expectations: [{ probe: "redis-no-auth", verdict: "vulnerable", reason: "d" }],
        }),
        status: "install-failed",
        error: "helm timed out\nmore",
      },
    ]);
    const result = evaluateGate(cur, undefined, TODAY);
    expect(result.failures.map((f) => f.class)).toEqual(["scenario-failed", "missing"]);
    expect(result.failures[0]?.message).toBe("scenario install-failed: helm timed out");
  });

  it("reports missing findings of a completed scenario without failing (unless the probe is excluded)", () => {
    const cur = runRecord("cur", [
      scenarioResult("testbed/insecure", [finding("redis-no-auth", "redis", "runner", "secure")], {
        expectations: [
          { probe: "redis-no-auth", component: "redis", verdict: "secure" },
          { probe: "flower-no-auth", verdict: "vulnerable", reason: "d" },
          { probe: "pod-seccomp", verdict: "vulnerable", reason: "d" },
        ],
        probes: { exclude: ["pod-seccomp"] },
      }),
    ]);
    const result = evaluateGate(cur, undefined, TODAY);
    expect(result.passed).toBe(true);
    expect(result.notes.map((n) => `${n.class}:${n.probe}`)).toEqual(["missing:flower-no-auth"]);
  });

  it("fails a skipped finding that an expectation explicitly wants otherwise", () => {
    const cur = runRecord("cur", [
      scenarioResult(
        "t/a",
        [
          finding("flower-no-auth", "flower", "runner", "skipped"),
          finding("pod-seccomp", "flower", "api", "skipped"),
        ],
        {
          expectations: [{ probe: "flower-no-auth", verdict: "vulnerable", reason: "flower is on" }],
        },
      ),
    ]);
    const result = evaluateGate(cur, undefined, TODAY);
    expect(result.failures.map((f) => `${f.class}:${f.probe}`)).toEqual(["unexpected-skip:flower-no-auth"]);
    expect(result.counts.skipped).toBe(1);
  });

  it("notes scenarios that are in the baseline but not in this run", () => {
    const base = runRecord("b", [scenarioResult("t/a", []), scenarioResult("t/b", [])]);
    const result = evaluateGate(runRecord("c", [scenarioResult("t/a", [])]), base, TODAY);
    expect(result.passed).toBe(true);
    expect(result.notes.map((n) => `${n.class}:${n.scenario}`)).toEqual(["scenario-missing:t/b"]);
  });

  it("lists failures before notes, ordered by class", () => {
    const cur = runRecord("cur", [
      scenarioResult("t/a", [
        finding("pod-seccomp", "redis", "api", "inconclusive"),
        finding("redis-no-auth", "redis", "runner", "vulnerable"),
      ]),
    ]);
    expect(evaluateGate(cur, undefined, TODAY).failures.map((f) => f.class)).toEqual([
      "unexpected-vulnerable",
      "undecided",
    ]);
  });
});

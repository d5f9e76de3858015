import type { Finding } from "../model/finding.ts";
import { findingKey } from "../model/finding.ts";
import type { RunRecord, ScenarioResult } from "../model/run-record.ts";
import type { Verdict } from "../model/verdict.ts";
import { expectationMatches, resolveExpectation } from "../scenario/expectations.ts";
import { classifyFinding } from "./classify-finding.ts";
import {
  GATE_CLASSES,
  GATE_RESULT_VERSION,
  type GateClass,
  type GateDecision,
  type GateResult,
  NOTEWORTHY,
} from "./gate-decision.ts";

export const reproCommand = (scenario: string, probe?: string): string =>
  `chartprobe repro ${scenario}${probe && probe !== "-" ? ` --probe ${probe}` : ""}`;

const probeSelected = (s: ScenarioResult, probe: string): boolean => {
  const sel = s.scenario.probes;
  if (sel?.exclude?.includes(probe)) return false;
  return !sel?.include || sel.include.includes(probe);
};

function findingDecision(
  s: ScenarioResult,
  f: Finding,
  baseline: Verdict | undefined,
  today: string,
): GateDecision {
  const expected = resolveExpectation(s.scenario.expectations, f, today);
  const allow = s.scenario.allowUndecided ?? [];
  const { class: cls, fails } = classifyFinding({
    observed: f.verdict,
    expected,
    ...(baseline ? { baseline } : {}),
    undecidedAllowed: allow.includes("*") || allow.includes(f.probe),
  });
  const expectedText = `expected ${expected.verdict}${expected.source ? "" : " (default)"}${expected.expired ? ` (acceptance expired ${expected.source?.expires})` : ""}`;
  return {
    class: cls,
    fails,
    scenario: s.scenario.id,
    probe: f.probe,
    component: f.component,
    vantage: f.vantage,
    expected: expected.verdict,
    expectedBy: expected.source ? "expectation" : "default",
    observed: f.verdict,
    ...(baseline ? { baseline } : {}),
    ...(expected.source?.reason ? { reason: expected.source.reason } : {}),
    ...(expected.source?.expires ? { expires: expected.source.expires } : {}),
    message: `${expectedText}, observed ${f.verdict}${baseline ? `, baseline ${baseline}` : ""}: ${f.summary}`,
    repro: reproCommand(s.scenario.id, f.probe),
    ...(f.repro ? { manualRepro: f.repro } : {}),
  };
}

function scenarioDecision(s: ScenarioResult, cls: GateClass, fails: boolean, message: string): GateDecision {
  return {
    class: cls,
    fails,
    scenario: s.scenario.id,
    probe: "-",
    component: "-",
    vantage: "-",
    expected: "secure",
    expectedBy: "default",
    observed: "-",
    message,
    repro: reproCommand(s.scenario.id),
  };
}

/** Applies each scenario's expectations and the baseline to the current run (pure). */
export function evaluateGate(current: RunRecord, baseline: RunRecord | undefined, today: string): GateResult {
  const decisions: GateDecision[] = [];
  const baselineScenarios = new Map((baseline?.scenarios ?? []).map((s) => [s.scenario.id, s]));
  for (const s of current.scenarios) {
    const completed = s.status === "completed";
    if (!completed) {
      decisions.push(
        scenarioDecision(
          s,
          "scenario-failed",
          true,
          `scenario ${s.status}${s.error ? `: ${s.error.split("\n")[0]}` : ""}`,
        ),
      );
    }
    const before = new Map(
      (baselineScenarios.get(s.scenario.id)?.findings ?? []).map((f) => [findingKey(f), f.verdict]),
    );
    for (const f of s.findings) decisions.push(findingDecision(s, f, before.get(findingKey(f)), today));
    for (const e of s.scenario.expectations) {
      if (!probeSelected(s, e.probe) || s.findings.some((f) => expectationMatches(e, f))) continue;
      decisions.push({
        ...scenarioDecision(s, "missing", !completed, ""),
        probe: e.probe,
        component: e.component ?? "*",
        vantage: (e.vantage as GateDecision["vantage"] | undefined) ?? "-",
        expected: e.verdict,
        expectedBy: "expectation",
        observed: "missing",
        message: `expected ${e.verdict}, but the run produced no finding for it${completed ? "" : ` (scenario ${s.status})`}`,
        repro: reproCommand(s.scenario.id, e.probe),
      });
    }
  }
  const currentIds = new Set(current.scenarios.map((s) => s.scenario.id));
  for (const s of baseline?.scenarios ?? []) {
    if (!currentIds.has(s.scenario.id)) {
      decisions.push(scenarioDecision(s, "scenario-missing", false, "in the baseline but not in this run"));
    }
  }
  const order = (d: GateDecision): number => GATE_CLASSES.indexOf(d.class);
  decisions.sort((a, b) => order(a) - order(b));
  const counts: GateResult["counts"] = {};
  for (const d of decisions) counts[d.class] = (counts[d.class] ?? 0) + 1;
  const failures = decisions.filter((d) => d.fails);
  return {
    kind: "chartprobe-gate",
    version: GATE_RESULT_VERSION,
    passed: failures.length === 0,
    today,
    current: current.runId,
    ...(baseline ? { baseline: baseline.runId } : {}),
    scenarios: current.scenarios.length,
    findings: current.scenarios.reduce((n, s) => n + s.findings.length, 0),
    counts,
    failures,
    notes: decisions.filter((d) => !d.fails && NOTEWORTHY.has(d.class)),
    decisions,
  };
}

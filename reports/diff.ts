import type { Finding } from "../harness/model/finding.ts";
import { findingKey } from "../harness/model/finding.ts";
import type { RunRecord } from "../harness/model/run-record.ts";
import type { Vantage } from "../harness/model/vantage.ts";
import type { Verdict } from "../harness/model/verdict.ts";
import { findingTitle } from "./verdicts.ts";

/** "absent": the finding is not in that record (probe not run, scenario missing, ...). */
export type VerdictOrAbsent = Verdict | "absent";

export interface VerdictChange {
  scenario: string;
  probe: string;
  component: string;
  vantage: Vantage;
  from: VerdictOrAbsent;
  to: VerdictOrAbsent;
  /** The summary of the newer finding (or of the older one when it disappeared). */
  summary: string;
}

export interface RecordDiff {
  /** Vulnerable in B, not vulnerable (or absent) in A. */
  newFindings: VerdictChange[];
  /** Vulnerable in A, secure in B. */
  fixed: VerdictChange[];
  /** Any other verdict change of a finding present in A (e.g. secure → error, vulnerable → absent). */
  changed: VerdictChange[];
  addedScenarios: string[];
  removedScenarios: string[];
}

const index = (r: RunRecord): Map<string, { scenario: string; finding: Finding }> => {
  const m = new Map<string, { scenario: string; finding: Finding }>();
  for (const s of r.scenarios) {
    for (const f of s.findings)
      m.set(`${s.scenario.id}|${findingKey(f)}`, { scenario: s.scenario.id, finding: f });
  }
  return m;
};

/** What changed from record A (older, baseline) to record B (newer). */
export function diffRecords(a: RunRecord, b: RunRecord): RecordDiff {
  const before = index(a);
  const after = index(b);
  const diff: RecordDiff = {
    newFindings: [],
    fixed: [],
    changed: [],
    addedScenarios: [],
    removedScenarios: [],
  };
  for (const [key, now] of after) {
    const old = before.get(key);
    const from: VerdictOrAbsent = old?.finding.verdict ?? "absent";
    const to = now.finding.verdict;
    if (from === to) continue;
    const change = changeOf(now.scenario, now.finding, from, to);
    if (to === "vulnerable") diff.newFindings.push(change);
    else if (from === "vulnerable" && to === "secure") diff.fixed.push(change);
    // A probe that is new in B and not vulnerable is no news; a change of a known finding is.
    else if (from !== "absent") diff.changed.push(change);
  }
  for (const [key, old] of before) {
    if (!after.has(key))
      diff.changed.push(changeOf(old.scenario, old.finding, old.finding.verdict, "absent"));
  }
  const idsA = new Set(a.scenarios.map((s) => s.scenario.id));
  const idsB = new Set(b.scenarios.map((s) => s.scenario.id));
  diff.addedScenarios = [...idsB].filter((id) => !idsA.has(id));
  diff.removedScenarios = [...idsA].filter((id) => !idsB.has(id));
  // Findings of a removed scenario are summed up by the scenario line, not listed one by one.
  const removed = new Set(diff.removedScenarios);
  diff.changed = diff.changed.filter((c) => !(c.to === "absent" && removed.has(c.scenario)));
  return diff;
}

function changeOf(scenario: string, f: Finding, from: VerdictOrAbsent, to: VerdictOrAbsent): VerdictChange {
  return {
    scenario,
    probe: f.probe,
    component: f.component,
    vantage: f.vantage,
    from,
    to,
    summary: f.summary,
  };
}

export const diffIsEmpty = (d: RecordDiff): boolean =>
  d.newFindings.length +
    d.fixed.length +
    d.changed.length +
    d.addedScenarios.length +
    d.removedScenarios.length ===
  0;

/** Plain text for a terminal or a log. */
export function formatDiff(d: RecordDiff): string {
  if (diffIsEmpty(d)) return "No differences.\n";
  const lines: string[] = [];
  const section = (title: string, mark: string, items: VerdictChange[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`);
    for (const c of items) {
      lines.push(`  ${mark} ${c.scenario}  ${findingTitle(c)}: ${c.from} → ${c.to}  (${c.summary})`);
    }
    lines.push("");
  };
  section("New vulnerable findings", "+", d.newFindings);
  section("Fixed", "-", d.fixed);
  section("Changed", "~", d.changed);
  if (d.addedScenarios.length > 0) lines.push(`Scenarios added: ${d.addedScenarios.join(", ")}`);
  if (d.removedScenarios.length > 0) lines.push(`Scenarios removed: ${d.removedScenarios.join(", ")}`);
  return `${lines.join("\n").trimEnd()}\n`;
}

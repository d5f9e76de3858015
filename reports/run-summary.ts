import type { Finding } from "../harness/model/finding.ts";
import type { RunRecord, ScenarioResult, TruthTableCell } from "../harness/model/run-record.ts";
import type { Severity } from "../harness/model/verdict.ts";
import { countVerdicts, scenarioFailed, type VerdictCounts } from "./verdicts.ts";

export interface ScenarioFinding {
  scenario: ScenarioResult;
  finding: Finding;
}

export interface RunSummary {
  counts: VerdictCounts;
  vulnerable: ScenarioFinding[];
  /** error and inconclusive: the probe could not decide. */
  undecided: ScenarioFinding[];
  failedScenarios: ScenarioResult[];
  mismatches: { scenario: ScenarioResult; cell: TruthTableCell }[];
  /** Nothing vulnerable, nothing undecided, every scenario ran, the truth tables agree. */
  clean: boolean;
  headline: string;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** What every human-facing report leads with. Verdicts only: expectations are the gate's job. */
export function summarize(r: RunRecord): RunSummary {
  const all = r.scenarios.flatMap((scenario) => scenario.findings.map((finding) => ({ scenario, finding })));
  const bySeverity = (a: ScenarioFinding, b: ScenarioFinding) =>
    SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity];
  const vulnerable = all.filter((x) => x.finding.verdict === "vulnerable").sort(bySeverity);
  const undecided = all.filter((x) => x.finding.verdict === "error" || x.finding.verdict === "inconclusive");
  const failedScenarios = r.scenarios.filter(scenarioFailed);
  const mismatches = r.scenarios.flatMap((scenario) =>
    (scenario.truthTable?.cells ?? []).filter((cell) => !cell.match).map((cell) => ({ scenario, cell })),
  );
  const counts = countVerdicts(all.map((x) => x.finding));
  const parts: string[] = [];
  if (vulnerable.length) parts.push(`${vulnerable.length} vulnerable`);
  if (undecided.length) parts.push(`${undecided.length} undecided`);
  if (failedScenarios.length)
    parts.push(`${failedScenarios.length} scenario${failedScenarios.length === 1 ? "" : "s"} did not run`);
  if (mismatches.length)
    parts.push(`${mismatches.length} NetworkPolicy mismatch${mismatches.length === 1 ? "" : "es"}`);
  const clean = parts.length === 0;
  const headline = clean
    ? `no vulnerable findings in ${r.scenarios.length} scenario${r.scenarios.length === 1 ? "" : "s"}`
    : parts.join(" · ");
  return { counts, vulnerable, undecided, failedScenarios, mismatches, clean, headline };
}

import type { Finding } from "../harness/model/finding.ts";
import type { ScenarioResult } from "../harness/model/run-record.ts";
import { VERDICTS, type Verdict } from "../harness/model/verdict.ts";

/** Worst first: what a heatmap cell shows when a probe gave several verdicts. */
export const VERDICT_ORDER: readonly Verdict[] = ["vulnerable", "error", "inconclusive", "secure", "skipped"];

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const v of verdicts) {
    if (worst === undefined || VERDICT_ORDER.indexOf(v) < VERDICT_ORDER.indexOf(worst)) worst = v;
  }
  return worst;
}

export type VerdictCounts = Record<Verdict, number>;

export function countVerdicts(findings: Iterable<Pick<Finding, "verdict">>): VerdictCounts {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
  for (const f of findings) counts[f.verdict] += 1;
  return counts;
}

/** Readable name of one finding: `probe [component] from vantage`. */
export const findingTitle = (f: Pick<Finding, "probe" | "component" | "vantage">): string =>
  `${f.probe} [${f.component}] from ${f.vantage}`;

/** A scenario that did not get as far as running its probes. */
export const scenarioFailed = (s: ScenarioResult): boolean =>
  s.status !== "completed" && s.status !== "skipped";

/** Short text symbols (plain-text/Markdown friendly). */
export const VERDICT_SYMBOL: Record<Verdict, string> = {
  vulnerable: "❌",
  error: "💥",
  inconclusive: "❔",
  secure: "✅",
  skipped: "➖",
};

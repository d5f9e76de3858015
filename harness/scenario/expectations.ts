import type { Finding } from "../model/finding.ts";
import type { Expectation } from "../model/scenario.ts";
import type { Verdict } from "../model/verdict.ts";

/** What a scenario expects of one (probe, component, vantage). */
export interface ResolvedExpectation {
  /** The verdict the finding must have; "secure" when nothing says otherwise. */
  verdict: Verdict;
  /** The expectation that decided it; absent when the default applied. */
  source?: Expectation;
  /** An acceptance whose expiry date has passed: it no longer excuses anything. */
  expired: boolean;
}

/** probe+component+vantage (3) > probe+component (2) > probe+vantage (1) > probe (0). */
const specificity = (e: Expectation): number =>
  (e.component !== undefined ? 2 : 0) + (e.vantage !== undefined ? 1 : 0);

export const expectationMatches = (
  e: Expectation,
  key: Pick<Finding, "probe" | "component" | "vantage">,
): boolean =>
  e.probe === key.probe &&
  (e.component === undefined || e.component === key.component) &&
  (e.vantage === undefined || e.vantage === key.vantage);

/** An expiry date is the last day the acceptance holds; it is expired from the next day on. */
export const isExpired = (e: Expectation, today: string): boolean =>
  e.expires !== undefined && e.expires < today;

/**
 * The most specific matching expectation wins; among equally specific ones the later one
 * (inline expectations come after the expectations file). Default: `secure`.
 */
export function resolveExpectation(
  expectations: readonly Expectation[],
  key: Pick<Finding, "probe" | "component" | "vantage">,
  today: string,
): ResolvedExpectation {
  let best: Expectation | undefined;
  for (const e of expectations) {
    if (!expectationMatches(e, key)) continue;
    if (best === undefined || specificity(e) >= specificity(best)) best = e;
  }
  if (!best) return { verdict: "secure", expired: false };
  return {
    verdict: best.verdict,
    source: best,
    expired: best.verdict !== "secure" && isExpired(best, today),
  };
}

import type { Verdict } from "../model/verdict.ts";
import { UNDECIDED } from "../model/verdict.ts";
import type { ResolvedExpectation } from "../scenario/expectations.ts";
import type { GateClass } from "./gate-decision.ts";

export interface FindingFacts {
  observed: Verdict;
  expected: ResolvedExpectation;
  /** The same finding's verdict in the baseline run, if there is one. */
  baseline?: Verdict;
  /** The scenario lists this probe (or "*") in allowUndecided. */
  undecidedAllowed: boolean;
}

export interface Classification {
  class: GateClass;
  fails: boolean;
}

const fail = (c: GateClass): Classification => ({ class: c, fails: true });
const pass = (c: GateClass): Classification => ({ class: c, fails: false });

/**
 * The gate's rule for one finding (pure; the table in gate-rules.test.ts is its spec):
 * - vulnerable: secure in the baseline → regression (even when accepted: the release gate fails
 *   on any regression); an acceptance that expired → expired-acceptance; accepted → accepted;
 *   anything else → unexpected-vulnerable.
 * - secure: expected (or baseline) vulnerable → newly-fixed (does not fail; update the files).
 * - inconclusive/error: fail as undecided unless allowed by the scenario or an expectation.
 * - skipped: passes unless an expectation explicitly asks for another verdict.
 */
export function classifyFinding(f: FindingFacts): Classification {
  const { observed, expected } = f;
  switch (observed) {
    case "vulnerable":
      if (f.baseline === "secure") return fail("regression");
      if (expected.verdict === "vulnerable" && expected.expired) return fail("expired-acceptance");
      if (expected.verdict === "vulnerable") return pass("accepted");
      return fail("unexpected-vulnerable");
    case "secure":
      if (expected.verdict === "vulnerable" || f.baseline === "vulnerable") return pass("newly-fixed");
      return pass("ok");
    case "inconclusive":
    case "error":
      if (f.undecidedAllowed || (expected.source !== undefined && UNDECIDED.has(expected.verdict))) {
        return pass("allowed-undecided");
      }
      return fail("undecided");
    case "skipped":
      if (expected.source !== undefined && expected.verdict !== "skipped") return fail("unexpected-skip");
      return pass("skipped");
  }
}

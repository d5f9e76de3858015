import { describe, expect, it } from "vitest";
import type { Verdict } from "../model/verdict.ts";
import type { ResolvedExpectation } from "../scenario/expectations.ts";
import { classifyFinding } from "./classify-finding.ts";

const dflt: ResolvedExpectation = { verdict: "secure", expired: false };
const accepted: ResolvedExpectation = {
  verdict: "vulnerable",
  source: { probe: "p", verdict: "vulnerable", reason: "r" },
  expired: false,
};
const expiredAcc: ResolvedExpectation = { ...accepted, expired: true };
const explicitSecure: ResolvedExpectation = {
  verdict: "secure",
  source: { probe: "p", verdict: "secure" },
  expired: false,
};
const expectInconclusive: ResolvedExpectation = {
  verdict: "inconclusive",
  source: { probe: "p", verdict: "inconclusive", reason: "no canary" },
  expired: false,
};
const expectSkipped: ResolvedExpectation = {
  verdict: "skipped",
  source: { probe: "p", verdict: "skipped", reason: "off" },
  expired: false,
};

type Row = [string, Verdict, ResolvedExpectation, Verdict | undefined, boolean, string, boolean];

// name, observed, expected, baseline, allowUndecided → class, fails
const table: Row[] = [
  ["secure as expected", "secure", dflt, undefined, false, "ok", false],
  ["secure, baseline secure", "secure", dflt, "secure", false, "ok", false],
  ["regression: baseline secure, now vulnerable", "vulnerable", dflt, "secure", false, "regression", true],
  ["regression even when accepted", "vulnerable", accepted, "secure", false, "regression", true],
  [
    "unexpected vulnerable (default secure)",
    "vulnerable",
    dflt,
    undefined,
    false,
    "unexpected-vulnerable",
    true,
  ],
  [
    "unexpected vulnerable (explicit secure)",
    "vulnerable",
    explicitSecure,
    "vulnerable",
    false,
    "unexpected-vulnerable",
    true,
  ],
  ["accepted vulnerable", "vulnerable", accepted, undefined, false, "accepted", false],
  [
    "accepted vulnerable, baseline vulnerable",
    "vulnerable",
    accepted,
    "vulnerable",
    false,
    "accepted",
    false,
  ],
  ["expired acceptance", "vulnerable", expiredAcc, undefined, false, "expired-acceptance", true],
  ["newly fixed against the expectation", "secure", accepted, undefined, false, "newly-fixed", false],
  ["newly fixed against the baseline", "secure", dflt, "vulnerable", false, "newly-fixed", false],
  ["expected vulnerable (expired), got secure", "secure", expiredAcc, undefined, false, "newly-fixed", false],
  ["inconclusive fails", "inconclusive", dflt, undefined, false, "undecided", true],
  ["error fails", "error", dflt, "secure", false, "undecided", true],
  [
    "inconclusive allowed by allowUndecided",
    "inconclusive",
    dflt,
    undefined,
    true,
    "allowed-undecided",
    false,
  ],
  ["error allowed by allowUndecided", "error", accepted, undefined, true, "allowed-undecided", false],
  [
    "inconclusive allowed by an expectation",
    "inconclusive",
    expectInconclusive,
    undefined,
    false,
    "allowed-undecided",
    false,
  ],
  ["skipped passes by default", "skipped", dflt, "secure", false, "skipped", false],
  ["skipped as expected", "skipped", expectSkipped, undefined, false, "skipped", false],
  [
    "skipped but an expectation asks for vulnerable",
    "skipped",
    accepted,
    undefined,
    false,
    "unexpected-skip",
    true,
  ],
  [
    "skipped but an expectation asks for secure",
    "skipped",
    explicitSecure,
    undefined,
    false,
    "unexpected-skip",
    true,
  ],
];

describe("classifyFinding", () => {
  it.each(table)("%s", (_name, observed, expected, baseline, undecidedAllowed, cls, fails) => {
    expect(
      classifyFinding({ observed, expected, ...(baseline ? { baseline } : {}), undecidedAllowed }),
    ).toEqual({
      class: cls,
      fails,
    });
  });
});

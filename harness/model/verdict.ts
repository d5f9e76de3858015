/** What a probe concluded about one component from one vantage point. */
export const VERDICTS = ["vulnerable", "secure", "inconclusive", "error", "skipped"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Verdicts that mean "the probe could not decide"; the gate never treats them as green. */
export const UNDECIDED: ReadonlySet<Verdict> = new Set(["inconclusive", "error"]);

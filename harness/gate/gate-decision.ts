import type { Vantage } from "../model/vantage.ts";
import type { Verdict } from "../model/verdict.ts";

/**
 * What the gate concluded about one finding (or one missing finding, or one scenario).
 * Failing classes first; the rest are reported or merely counted.
 */
export const GATE_CLASSES = [
  "scenario-failed",
  "regression",
  "unexpected-vulnerable",
  "expired-acceptance",
  "undecided",
  "unexpected-skip",
  "missing",
  "newly-fixed",
  "scenario-missing",
  "allowed-undecided",
  "accepted",
  "skipped",
  "ok",
] as const;
export type GateClass = (typeof GATE_CLASSES)[number];

/** Classes that are worth a line in the summary even when they do not fail. */
export const NOTEWORTHY: ReadonlySet<GateClass> = new Set(["missing", "newly-fixed", "scenario-missing"]);

export interface GateDecision {
  class: GateClass;
  fails: boolean;
  scenario: string;
  probe: string;
  component: string;
  vantage: Vantage | "-";
  /** The verdict the scenario expects ("secure" by default). */
  expected: Verdict;
  /** Whether an expectation said so, or it is the default. */
  expectedBy: "default" | "expectation";
  observed: Verdict | "missing" | "-";
  baseline?: Verdict;
  /** The expectation's reason / expiry, when one applied. */
  reason?: string;
  expires?: string;
  /** One line for humans. */
  message: string;
  /** The chartprobe command that reproduces it. */
  repro: string;
  /** The probe's own hand-run command, when it gave one. */
  manualRepro?: string;
}

export const GATE_RESULT_VERSION = 1;

/** The gate's verdict on a run; `--json` prints exactly this. */
export interface GateResult {
  kind: "chartprobe-gate";
  version: typeof GATE_RESULT_VERSION;
  passed: boolean;
  today: string;
  current: string;
  baseline?: string;
  scenarios: number;
  findings: number;
  counts: Partial<Record<GateClass, number>>;
  failures: GateDecision[];
  /** Non-failing decisions worth reading (newly fixed, missing, ...). */
  notes: GateDecision[];
  decisions: GateDecision[];
}

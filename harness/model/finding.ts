import type { Vantage } from "./vantage.ts";
import type { Severity, Verdict } from "./verdict.ts";

/** A request/response excerpt or an observed fact. Secrets are redacted before it is stored. */
export interface Evidence {
  label: string;
  content: string;
}

/** Where in the chart the cause of a finding lives (for SARIF and for humans). */
export interface SourceLocation {
  /** Repository-relative path of a values file or template. */
  file: string;
  line?: number;
  /** Dotted values key, e.g. "airflow.webserverSecretKey". */
  valuesKey?: string;
}

export interface Finding {
  probe: string;
  /** Logical component name from the target profile, or "release" for release-wide checks. */
  component: string;
  vantage: Vantage;
  verdict: Verdict;
  severity: Severity;
  /** One line: what was observed. */
  summary: string;
  evidence: Evidence[];
  /** A shell command a person can paste to see the same thing. */
  repro?: string;
  remediation: string;
  location?: SourceLocation;
  durationMs?: number;
  /** How many attempts the probe needed (flaky port-forwards, execs); 1 when it worked first time. */
  attempts?: number;
}

/** The key a finding is compared on across runs and against expectations. */
export const findingKey = (f: Pick<Finding, "probe" | "component" | "vantage">): string =>
  `${f.probe}|${f.component}|${f.vantage}`;

import type { Finding, SourceLocation } from "./finding.ts";
import type { Scenario, TargetProfile } from "./scenario.ts";
import type { Vantage } from "./vantage.ts";
import type { Severity } from "./verdict.ts";

export type ProbeFamily =
  | "network-auth"
  | "secrets"
  | "web"
  | "identity"
  | "workload"
  | "network-policy"
  | "supply-chain";

/** Metadata is data: the catalog, reports and SARIF rules are built from it alone. */
export interface ProbeMeta {
  /** Kebab-case, equal to the file name, e.g. "redis-no-auth". */
  id: string;
  title: string;
  family: ProbeFamily;
  severity: Severity;
  cwe: string[];
  /** MITRE ATT&CK for Containers technique ids, e.g. "T1552.007". */
  attack: string[];
  remediation: string;
  /** Values keys of the chart that relate to the finding (looked up in the target profile). */
  valuesKeys: string[];
  description: string;
}

/** A tiny logger injected into probes; probes never print on their own. */
export interface ProbeLog {
  debug(message: string): void;
  info(message: string): void;
}

/**
 * What a probe gets: the scenario, the target profile, and handles to reach the deployment.
 * `Access` is filled in by the harness; probes use only what they need.
 */
export interface ProbeContext<Access = unknown> {
  scenario: Scenario;
  target: TargetProfile;
  access: Access;
  log: ProbeLog;
  /** Cancels the probe when the scenario times out or the user presses Ctrl-C. */
  signal: AbortSignal;
  location(probeId: string): SourceLocation | undefined;
}

export interface Probe<Access = unknown> extends ProbeMeta {
  appliesTo(scenario: Scenario, target: TargetProfile): boolean;
  /** Never throws for an expected failure: returns findings with verdict error/inconclusive. */
  run(ctx: ProbeContext<Access>): Promise<Finding[]>;
  vantages?: Vantage[];
}

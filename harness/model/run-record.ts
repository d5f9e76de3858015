import type { Finding } from "./finding.ts";
import type { ProbeMeta } from "./probe.ts";
import type { NetworkPolicyEngine, Scenario } from "./scenario.ts";

export const RUN_RECORD_SCHEMA_VERSION = 1;

export interface ToolVersions {
  chartprobe: string;
  node: string;
  docker?: string;
  kind?: string;
  helm?: string;
  kubectl?: string;
  kubernetes?: string;
}

export interface CanaryStep {
  name: string;
  expected: "reachable" | "blocked";
  observed: "reachable" | "blocked" | "error";
}

/** Proof (or disproof) that the cluster enforces NetworkPolicy at all. */
export interface CanaryResult {
  engine: NetworkPolicyEngine;
  /** null when the canary itself could not run. */
  enforced: boolean | null;
  steps: CanaryStep[];
  detail?: string;
  durationMs: number;
}

export interface ClusterInfo {
  name: string;
  provider: "kind" | "existing";
  kubernetesVersion: string;
  networkPolicy: NetworkPolicyEngine;
  created: boolean;
  canary?: CanaryResult;
  /** kubectl reads and applies repeated after a transient API failure (connection refused, etcd timeout…). */
  apiRetries?: number;
}

export interface Phase {
  name: string;
  startedAt: string;
  durationMs: number;
  status: "ok" | "failed" | "skipped";
  detail?: string;
}

export type Reachability = "reachable" | "blocked" | "error";

export interface TruthTableCell {
  source: string;
  /** "component:port", e.g. "redis:6379". */
  destination: string;
  /** From the installed NetworkPolicy objects. */
  expected: "allow" | "deny";
  /** From the scenario's declared intent, when it states one. */
  intended?: "allow" | "deny";
  observed: Reachability;
  /** observed agrees with expected (and with intended, if any). */
  match: boolean;
  repro: string;
}

export interface TruthTable {
  sources: string[];
  destinations: string[];
  cells: TruthTableCell[];
  /** False when the canary failed: every cell is then inconclusive. */
  enforced: boolean | null;
}

export interface Diagnostic {
  kind: "events" | "logs" | "describe" | "helm-status" | "other";
  name: string;
  content: string;
}

export type ScenarioStatus = "completed" | "install-failed" | "timed-out" | "error" | "skipped";

export interface ScenarioResult {
  scenario: Scenario;
  chart: { name: string; version?: string; source: string };
  /** values file path → sha256 of its contents. */
  valuesDigests: Record<string, string>;
  cluster?: string;
  namespace?: string;
  release?: string;
  status: ScenarioStatus;
  phases: Phase[];
  findings: Finding[];
  truthTable?: TruthTable;
  diagnostics?: Diagnostic[];
  error?: string;
}

/** The canonical, versioned record of one run; every report is derived from it. */
export interface RunRecord {
  kind: "chartprobe-run";
  schemaVersion: typeof RUN_RECORD_SCHEMA_VERSION;
  runId: string;
  startedAt: string;
  finishedAt: string;
  /** Present when this record is one shard of a matrix run, e.g. { index: 1, count: 4 }. */
  shard?: { index: number; count: number };
  tools: ToolVersions;
  host: { os: string; arch: string; kernel?: string; ci: boolean };
  clusters: ClusterInfo[];
  scenarios: ScenarioResult[];
  /** Metadata of the probes the run used, so reports (SARIF rules, titles, CWEs) need only the record. */
  probes?: ProbeMeta[];
}

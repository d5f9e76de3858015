import type { Verdict } from "./verdict.ts";

export type NetworkPolicyEngine = "kube-router" | "kube-network-policies" | "kindnet" | "calico" | "none";
export type PodSecurityLevel = "privileged" | "baseline" | "restricted";
export type PortProtocol = "http" | "https" | "redis" | "postgres" | "tcp";

export interface ComponentPort {
  name: string;
  port: number;
  protocol: PortProtocol;
}

/** A logical part of the chart (webserver, redis, ...), found by label selector. */
export interface ComponentSpec {
  selector: Record<string, string>;
  ports: ComponentPort[];
  /** Whether this component legitimately talks to the Kubernetes API (token automount is fine). */
  needsKubeApi?: boolean;
  /** Secret keys the component legitimately needs; any other mounted secret is excess. */
  needsSecrets?: string[];
}

export interface ChartSource {
  /** Helm repository URL (with `name`), or an oci:// reference, or a path relative to the repo. */
  repo?: string;
  oci?: string;
  path?: string;
  name: string;
  version?: string;
}

/** Where a component's real credential lives; `{release}` is replaced by the release name. */
export interface SecretRef {
  secret: string;
  key: string;
}

/** One per chart: everything chart-specific the engine needs. */
export interface TargetProfile {
  id: string;
  title: string;
  chart: ChartSource;
  components: Record<string, ComponentSpec>;
  /** The secrets the chart ships as defaults (what an attacker who read the chart knows). */
  knownDefaults: {
    adminUser?: { username: string; password: string };
    webserverSecretKey?: string;
    fernetKey?: string;
    database?: { username: string; password: string; database?: string };
    redisPassword?: string;
    flowerBasicAuth?: { username: string; password: string };
  };
  /** Where the deployed credentials live, keyed by purpose (e.g. "database", "redis"). */
  credentials: Record<string, SecretRef>;
  /** probe id → values key (and file) that causes its finding. */
  locations: Record<string, { valuesKey: string; file?: string }>;
  /** Images to preload into kind when no registry is reachable: chart image ref → local build. */
  images?: Record<string, string>;
}

export interface Expectation {
  probe: string;
  /** Omitted: every component. */
  component?: string;
  /** Omitted: every vantage point. */
  vantage?: string;
  verdict: Verdict;
  /** Required when verdict is not "secure": why the weakness is accepted. */
  reason?: string;
  /** ISO date (YYYY-MM-DD); after it the acceptance counts as unexpected. */
  expires?: string;
}

export interface ClusterOptions {
  kubernetesVersion: string;
  networkPolicy: NetworkPolicyEngine;
  /** Pod Security Admission level enforced on the release namespace. */
  podSecurity?: PodSecurityLevel;
  nodes?: number;
}

/** One matrix cell, fully resolved. */
export interface Scenario {
  /** Stable id, e.g. "testbed/insecure" or "testbed/insecure@k8s-1.34". */
  id: string;
  target: string;
  description?: string;
  /** Repository-relative values files, applied in order. */
  valuesFiles: string[];
  set: Record<string, string>;
  cluster: ClusterOptions;
  expectations: Expectation[];
  /** Probe ids (or "*") whose inconclusive/error verdicts do not fail the gate. */
  allowUndecided?: string[];
  probes?: { include?: string[]; exclude?: string[] };
  /** Intended reachability for the truth table: "source->component:port" → allow | deny. */
  networkIntent?: Record<string, "allow" | "deny">;
  installTimeoutSeconds?: number;
}

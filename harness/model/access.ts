import type { Vantage } from "./vantage.ts";

/** A loopback endpoint whose connections arrive at a component's port from some vantage point. */
export interface TunnelEndpoint {
  host: string;
  port: number;
  /** How a person reproduces the same path by hand (e.g. the kubectl port-forward line). */
  describe: string;
  close(): Promise<void>;
}

export interface CommandOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** A read-only snapshot of the release's Kubernetes objects, as plain JSON (API shapes). */
export interface ReleaseSnapshot {
  namespace: string;
  release: string;
  // Typed loosely on purpose: probes read the API shapes of @kubernetes/client-node (V1Pod, ...).
  pods: Record<string, unknown>[];
  services: Record<string, unknown>[];
  serviceAccounts: Record<string, unknown>[];
  configMaps: Record<string, unknown>[];
  /** Secrets with their data (base64 as in the API); reports must redact values taken from here. */
  secrets: Record<string, unknown>[];
  roles: Record<string, unknown>[];
  roleBindings: Record<string, unknown>[];
  clusterRoleBindings: Record<string, unknown>[];
  networkPolicies: Record<string, unknown>[];
  ingresses: Record<string, unknown>[];
  /** The values Helm stored for the release (`helm get values --all`). */
  helmValues: Record<string, unknown>;
  /** Labels on the namespace (Pod Security Admission levels live here). */
  namespaceLabels: Record<string, string>;
}

/** A question asked of the API server with some identity: may it do `verb` on `resource`? */
export interface AccessQuestion {
  verb: string;
  resource: string;
  group?: string;
  subresource?: string;
  /** Omitted: cluster-wide. */
  namespace?: string;
}

/** Who a network vantage point is, as NetworkPolicy selectors see it. */
export interface SourceIdentity {
  namespace: string;
  namespaceLabels: Record<string, string>;
  podLabels: Record<string, string>;
}

/**
 * Everything a probe may use to reach the deployment. The harness fills it for a real
 * cluster; integration tests fill it with local servers. Probes never talk to Kubernetes or
 * open sockets to pod addresses by other means.
 */
export interface ProbeAccess {
  namespace: string;
  release: string;
  /** The network vantage points this run can attack from. */
  vantages: Vantage[];
  /** Opens a path to component:port from the vantage point (tunnelled, so unchanged clients work). */
  dial(vantage: Vantage, component: string, port: number): Promise<TunnelEndpoint>;
  /** Runs a read-only command inside a component's pod (first ready pod, main container). */
  exec(component: string, argv: string[], container?: string): Promise<CommandOutcome>;
  /**
   * A bare TCP connect from the vantage point to component:port (first ready pod), with a short
   * timeout: "reachable" when the handshake completes, "blocked" on timeout/refusal.
   */
  probeTcp(
    vantage: Vantage,
    component: string,
    port: number,
    timeoutMs: number,
  ): Promise<"reachable" | "blocked" | "error">;
  /** Labels of each network vantage point's pod and namespace (for the NetworkPolicy evaluator). */
  sourceIdentity(vantage: Vantage): Promise<SourceIdentity>;
  snapshot(): Promise<ReleaseSnapshot>;
  /** Answers with the given bearer token (SelfSubjectAccessReview); null when the API cannot be asked. */
  canI(token: string, question: AccessQuestion): Promise<boolean | null>;
  /** Whether NetworkPolicy enforcement was proven by the canary (null: unknown). */
  networkPolicyEnforced: boolean | null;
  /**
   * Asks the API server which of the namespace's pods a Pod Security Admission level would
   * reject (a server-side dry run of the namespace label): the violation lines it warns with,
   * empty when all are admitted; null when the server cannot be asked.
   */
  podSecurityDryRun?(level: "baseline" | "restricted"): Promise<string[] | null>;
}

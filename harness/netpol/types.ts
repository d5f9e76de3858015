/**
 * The slice of networking.k8s.io/v1 NetworkPolicy the evaluator reads, as plain JSON (API shape).
 * Fields are optional because objects come straight from the API or from hand-written fixtures.
 */

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface IPBlock {
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  protocol?: string;
  /** A number, or the name of a container port on the pod the traffic goes to. */
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicy {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: NetworkPolicyIngressRule[];
    egress?: NetworkPolicyEgressRule[];
  };
}

/** A container port of the destination pod, used to resolve named ports in policies. */
export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

/** A pod as NetworkPolicy selectors see it. */
export interface PodEndpoint {
  kind: "pod";
  namespace: string;
  namespaceLabels: Record<string, string>;
  podLabels: Record<string, string>;
  /** Pod name, when known: a pod can always reach itself. */
  name?: string;
  /** Pod IP, when known: lets ipBlock peers match pods too. */
  ip?: string;
  /** Container ports (destination only): named ports in policies resolve against these. */
  ports?: ContainerPort[];
  /** A host-network pod: NetworkPolicy does not govern its own traffic. */
  hostNetwork?: boolean;
}

/** Something outside the cluster's pods, known only by its address (ipBlock peers). */
export interface IpEndpoint {
  kind: "ip";
  ip: string;
}

export type Endpoint = PodEndpoint | IpEndpoint;

export interface TrafficPort {
  port: number;
  /** TCP when omitted, like the API default. */
  protocol?: string;
}

export interface Traffic {
  source: Endpoint;
  destination: PodEndpoint;
  port: TrafficPort;
}

/** What one direction (ingress at the destination, egress at the source) decided. */
export interface DirectionDecision {
  /** Some policy of this direction selects the pod; otherwise everything is allowed. */
  isolated: boolean;
  allowed: boolean;
  /** "namespace/name" of the policies that select the pod for this direction. */
  selectedBy: string[];
  /** "namespace/name" of the policies with a rule that admits the traffic. */
  allowedBy: string[];
}

export interface Decision {
  allowed: boolean;
  ingress: DirectionDecision;
  egress: DirectionDecision;
  /** Why the answer may be imprecise (e.g. an ipBlock peer met a source without a known IP). */
  notes: string[];
}

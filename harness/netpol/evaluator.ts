import { matchesSelector } from "./label-selector.ts";
import { matchesPeer } from "./peer-match.ts";
import { type Direction, policyTypesOf } from "./policy-types.ts";
import { matchesRulePorts } from "./port-match.ts";
import type {
  Decision,
  DirectionDecision,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PodEndpoint,
  Traffic,
} from "./types.ts";

export interface EvaluateOptions {
  /** Namespace for policies whose metadata has none (hand-written fixtures). */
  defaultNamespace?: string;
}

interface Rule {
  peers: NetworkPolicyPeer[] | undefined;
  ports: NetworkPolicyPort[] | undefined;
}

const policyNamespace = (p: NetworkPolicy, fallback: string | undefined): string | undefined =>
  p.metadata?.namespace ?? fallback;

const policyId = (p: NetworkPolicy, ns: string): string => `${ns}/${p.metadata?.name ?? "(unnamed)"}`;

const OPEN: DirectionDecision = { isolated: false, allowed: true, selectedBy: [], allowedBy: [] };

/**
 * Decides whether `traffic` is allowed by the installed NetworkPolicies: ingress at the
 * destination pod AND, when the source is a pod, egress at the source. Pure: no IO.
 */
export function evaluate(
  policies: readonly NetworkPolicy[],
  traffic: Traffic,
  options: EvaluateOptions = {},
): Decision {
  const notes: string[] = [];
  const { source, destination } = traffic;
  // A pod cannot block access to itself (Kubernetes NetworkPolicy documentation).
  if (
    source.kind === "pod" &&
    source.name !== undefined &&
    source.name === destination.name &&
    source.namespace === destination.namespace
  ) {
    return { allowed: true, ingress: OPEN, egress: OPEN, notes: ["a pod can always reach itself"] };
  }
  if (destination.hostNetwork) notes.push("destination is a host-network pod: its ingress is not governed");
  if (source.kind === "pod" && source.hostNetwork) {
    notes.push("source is a host-network pod: its egress is not governed and peers see the node's address");
  }
  const ingress = destination.hostNetwork
    ? OPEN
    : decideDirection(policies, "Ingress", destination, options, notes, (p) =>
        (p.spec?.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })),
      );
  const egress =
    source.kind === "pod" && !source.hostNetwork
      ? decideDirection(policies, "Egress", source, options, notes, (p) =>
          (p.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports })),
        )
      : OPEN;
  return { allowed: ingress.allowed && egress.allowed, ingress, egress, notes };

  function decideDirection(
    all: readonly NetworkPolicy[],
    direction: Direction,
    subject: PodEndpoint,
    opts: EvaluateOptions,
    out: string[],
    rulesOf: (p: NetworkPolicy) => Rule[],
  ): DirectionDecision {
    const selectedBy: string[] = [];
    const allowedBy: string[] = [];
    // The endpoint at the far end of the rule: the source for ingress, the destination for egress.
    const peer = direction === "Ingress" ? source : destination;
    for (const policy of all) {
      const ns = policyNamespace(policy, opts.defaultNamespace);
      if (ns !== subject.namespace) continue;
      if (!policyTypesOf(policy).includes(direction)) continue;
      if (!matchesSelector(policy.spec?.podSelector ?? {}, subject.podLabels)) continue;
      const id = policyId(policy, ns);
      selectedBy.push(id);
      const admits = rulesOf(policy).some((rule) => ruleAdmits(rule, ns, peer, out));
      if (admits) allowedBy.push(id);
    }
    if (selectedBy.length === 0) return OPEN;
    return { isolated: true, allowed: allowedBy.length > 0, selectedBy, allowedBy };
  }

  function ruleAdmits(rule: Rule, ns: string, peer: Traffic["source"], out: string[]): boolean {
    if (!matchesRulePorts(rule.ports, traffic.port, destination.ports)) return false;
    // A missing or empty peer list means every peer (API reference) — the opposite of an empty
    // rule list (`ingress: []`), which admits nothing.
    if (!rule.peers || rule.peers.length === 0) return true;
    return rule.peers.some((p) => {
      const m = matchesPeer(p, peer, ns);
      if (m.note && !out.includes(m.note)) out.push(m.note);
      return m.matched;
    });
  }
}

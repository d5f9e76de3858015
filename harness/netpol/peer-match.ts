import { matchesIpBlock } from "./ip-block.ts";
import { matchesSelector } from "./label-selector.ts";
import { withNameLabel } from "./namespace-labels.ts";
import type { Endpoint, NetworkPolicyPeer } from "./types.ts";

export interface PeerMatch {
  matched: boolean;
  /** Set when the answer rests on something unknown (an ipBlock against a pod without an IP). */
  note?: string;
}

/**
 * Whether a peer of a rule (a `from` item for ingress, a `to` item for egress) selects the
 * endpoint at the other end. `policyNamespace` is where a podSelector-only peer looks.
 */
export function matchesPeer(peer: NetworkPolicyPeer, endpoint: Endpoint, policyNamespace: string): PeerMatch {
  if (peer.ipBlock) {
    if (endpoint.ip === undefined) {
      return { matched: false, note: `ipBlock ${peer.ipBlock.cidr} not evaluated: the pod's IP is unknown` };
    }
    return { matched: matchesIpBlock(peer.ipBlock, endpoint.ip) };
  }
  // Selector peers select pods only; an address outside the pods never matches them.
  if (endpoint.kind !== "pod") return { matched: false };
  if (!peer.podSelector && !peer.namespaceSelector) return { matched: false };
  if (peer.namespaceSelector) {
    const nsLabels = withNameLabel(endpoint.namespace, endpoint.namespaceLabels);
    if (!matchesSelector(peer.namespaceSelector, nsLabels)) return { matched: false };
  } else if (endpoint.namespace !== policyNamespace) {
    return { matched: false };
  }
  if (peer.podSelector && !matchesSelector(peer.podSelector, endpoint.podLabels)) return { matched: false };
  return { matched: true };
}

import type { Kubectl } from "../kube/kubectl.ts";

const withV = (version: string): string => (version.startsWith("v") ? version : `v${version}`);

/**
 * Nodes whose kubelet is not the requested Kubernetes version, as "node (version)". A matrix
 * cell that says 1.33 must never be reported from a 1.34 cluster, so callers fail on any.
 * Pure, for unit tests.
 */
export function nodesOfOtherVersions(
  requested: string,
  nodes: { name: string; kubeletVersion: string }[],
): string[] {
  return nodes
    .filter((n) => n.kubeletVersion !== withV(requested))
    .map((n) => `${n.name} (${n.kubeletVersion})`);
}

/** The kubelet version of every node, as the API server reports it. */
export async function nodeVersions(kubectl: Kubectl): Promise<{ name: string; kubeletVersion: string }[]> {
  const nodes = await kubectl.json<{
    items: { metadata: { name: string }; status: { nodeInfo: { kubeletVersion: string } } }[];
  }>(["get", "nodes"]);
  return nodes.items.map((n) => ({
    name: n.metadata.name,
    kubeletVersion: n.status.nodeInfo.kubeletVersion,
  }));
}

import { homedir } from "node:os";
import { join } from "node:path";

/** The cache survives between runs on one machine and is keyed by versions inside. */
export function cacheDir(): string {
  return process.env.CHARTPROBE_CACHE ?? join(homedir(), ".cache", "chartprobe");
}

export const VERSIONS = {
  kubernetes: process.env.K8S_VERSION ?? "v1.34.4",
  kind: process.env.KIND_VERSION ?? "v0.30.0",
  helm: process.env.HELM_VERSION ?? "v3.21.4",
  kubeRouter: process.env.KUBE_ROUTER_VERSION ?? "v2.1.0",
  kubeNetworkPolicies: process.env.KUBE_NETWORK_POLICIES_VERSION ?? "v0.8.0",
} as const;

export const kubeconfigDir = (): string => join(cacheDir(), "kubeconfigs");
export const kubeconfigPathFor = (cluster: string): string => join(kubeconfigDir(), `${cluster}.yaml`);

/** The node image the offline strategy builds for a Kubernetes version. */
export const localNodeImage = (k8s: string): string =>
  `chartprobe.local/kind-node:${k8s.startsWith("v") ? k8s : `v${k8s}`}-cp1`;

/** The upstream node image the online strategy lets kind pull. */
export const upstreamNodeImage = (k8s: string): string =>
  `kindest/node:${k8s.startsWith("v") ? k8s : `v${k8s}`}`;

export const kubeRouterImage = (): string => `chartprobe.local/kube-router:${VERSIONS.kubeRouter}-cp1`;
export const upstreamKubeRouterImage = (): string =>
  `docker.io/cloudnativelabs/kube-router:${VERSIONS.kubeRouter}`;

export const kubeNetworkPoliciesImage = (): string =>
  `chartprobe.local/kube-network-policies:${VERSIONS.kubeNetworkPolicies}-cp1`;
export const upstreamKubeNetworkPoliciesImage = (): string =>
  `registry.k8s.io/networking/kube-network-policies:${VERSIONS.kubeNetworkPolicies}`;

import { engineDaemonSetManifest } from "./engine-daemonset.ts";

/**
 * kube-network-policies, the engine kindnetd embeds: it sends the first packet of each new
 * connection to an nftables queue and decides in userspace. Where the kernel has no nftables
 * `queue` (CONFIG_NFT_QUEUE unset) it cannot install its rules, keeps running, logs the error
 * and enforces nothing: a silent fail-open. chartprobe installs it so that the canary can be
 * shown to catch exactly that; on kernels with nftables queue it is a real choice of engine.
 */
export function kubeNetworkPoliciesManifest(image: string): string {
  return engineDaemonSetManifest({
    name: "kube-network-policies",
    image,
    rules: [
      { apiGroups: [""], resources: ["pods", "namespaces"], verbs: ["list", "watch"] },
      { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["list", "watch"] },
    ],
    container: {
      command: ["/usr/local/bin/kube-network-policies"],
      args: [
        "--hostname-override=$(NODE_NAME)",
        "--nfqueue-id=98",
        // The node's containerd (Debian's 1.6) has no NRI socket; pod IPs come from the API.
        "--disable-nri",
        "--metrics-bind-address=:9080",
        "--v=2",
      ],
    },
  });
}

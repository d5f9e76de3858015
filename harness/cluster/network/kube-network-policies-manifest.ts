import { stringify } from "yaml";
import { MANAGED_LABEL } from "../naming.ts";

/**
 * kube-network-policies, the engine kindnetd embeds: it sends the first packet of each new
 * connection to an nftables queue and decides in userspace. Where the kernel has no nftables
 * `queue` (CONFIG_NFT_QUEUE unset) it cannot install its rules, keeps running, logs the error
 * and enforces nothing: a silent fail-open. chartprobe installs it so that the canary can be
 * shown to catch exactly that; on kernels with nftables queue it is a real choice of engine.
 */
export function kubeNetworkPoliciesManifest(image: string): string {
  const labels = { "app.kubernetes.io/name": "kube-network-policies", [MANAGED_LABEL]: "true" };
  const docs = [
    {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: "kube-network-policies", namespace: "kube-system", labels },
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "chartprobe-kube-network-policies", labels },
      rules: [
        { apiGroups: [""], resources: ["pods", "namespaces"], verbs: ["list", "watch"] },
        { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["list", "watch"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "chartprobe-kube-network-policies", labels },
      roleRef: {
        apiGroup: "rbac.authorization.k8s.io",
        kind: "ClusterRole",
        name: "chartprobe-kube-network-policies",
      },
      subjects: [{ kind: "ServiceAccount", name: "kube-network-policies", namespace: "kube-system" }],
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-network-policies", namespace: "kube-system", labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "kube-network-policies" } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: "kube-network-policies",
            hostNetwork: true,
            priorityClassName: "system-node-critical",
            tolerations: [{ operator: "Exists" }],
            containers: [
              {
                name: "kube-network-policies",
                image,
                imagePullPolicy: "IfNotPresent",
                command: ["/usr/local/bin/kube-network-policies"],
                args: [
                  "--hostname-override=$(NODE_NAME)",
                  "--nfqueue-id=98",
                  // The node's containerd (Debian's 1.6) has no NRI socket; pod IPs come from the API.
                  "--disable-nri",
                  "--metrics-bind-address=:9080",
                  "--v=2",
                ],
                env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
                securityContext: { privileged: true },
              },
            ],
          },
        },
      },
    },
  ];
  return docs.map((d) => stringify(d)).join("---\n");
}

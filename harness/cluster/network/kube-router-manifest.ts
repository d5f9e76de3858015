import { stringify } from "yaml";
import { MANAGED_LABEL } from "../naming.ts";

/**
 * kube-router as the NetworkPolicy engine only (no routing, no service proxy): it enforces
 * policies with iptables and ipset, which work on kernels where nftables queue does not.
 */
export function kubeRouterManifest(image: string): string {
  const labels = { "app.kubernetes.io/name": "kube-router", [MANAGED_LABEL]: "true" };
  const docs = [
    {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: "kube-router", namespace: "kube-system", labels },
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "chartprobe-kube-router", labels },
      rules: [
        {
          apiGroups: [""],
          resources: ["namespaces", "pods", "services", "nodes", "endpoints"],
          verbs: ["list", "get", "watch"],
        },
        { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["list", "get", "watch"] },
        { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["list", "get", "watch"] },
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "create", "update"] },
        { apiGroups: [""], resources: ["services/status"], verbs: ["update"] },
        { apiGroups: [""], resources: ["events"], verbs: ["create", "patch"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "chartprobe-kube-router", labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "chartprobe-kube-router" },
      subjects: [{ kind: "ServiceAccount", name: "kube-router", namespace: "kube-system" }],
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-router", namespace: "kube-system", labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "kube-router" } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: "kube-router",
            hostNetwork: true,
            priorityClassName: "system-node-critical",
            tolerations: [{ operator: "Exists" }],
            containers: [
              {
                name: "kube-router",
                image,
                imagePullPolicy: "IfNotPresent",
                command: ["/usr/local/bin/kube-router"],
                args: [
                  "--run-router=false",
                  "--run-firewall=true",
                  "--run-service-proxy=false",
                  "--bgp-graceful-restart=false",
                  "--metrics-port=0",
                  "--health-port=20244",
                ],
                env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
                securityContext: { privileged: true },
                readinessProbe: { httpGet: { path: "/healthz", port: 20244 }, periodSeconds: 3 },
                volumeMounts: [
                  { name: "lib-modules", mountPath: "/lib/modules", readOnly: true },
                  { name: "xtables-lock", mountPath: "/run/xtables.lock" },
                ],
              },
            ],
            volumes: [
              { name: "lib-modules", hostPath: { path: "/lib/modules" } },
              { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
            ],
          },
        },
      },
    },
  ];
  return docs.map((d) => stringify(d)).join("---\n");
}

import { engineDaemonSetManifest } from "./engine-daemonset.ts";

/**
 * kube-router as the NetworkPolicy engine only (no routing, no service proxy): it enforces
 * policies with iptables and ipset, which work on kernels where nftables queue does not.
 */
export function kubeRouterManifest(image: string): string {
  return engineDaemonSetManifest({
    name: "kube-router",
    image,
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
    container: {
      command: ["/usr/local/bin/kube-router"],
      args: [
        "--run-router=false",
        "--run-firewall=true",
        "--run-service-proxy=false",
        "--bgp-graceful-restart=false",
        "--metrics-port=0",
        "--health-port=20244",
      ],
      readinessProbe: { httpGet: { path: "/healthz", port: 20244 }, periodSeconds: 3 },
      volumeMounts: [
        { name: "lib-modules", mountPath: "/lib/modules", readOnly: true },
        { name: "xtables-lock", mountPath: "/run/xtables.lock" },
      ],
    },
    volumes: [
      { name: "lib-modules", hostPath: { path: "/lib/modules" } },
      { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
    ],
  });
}

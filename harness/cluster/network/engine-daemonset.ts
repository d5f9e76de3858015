import { stringify } from "yaml";
import { MANAGED_LABEL } from "../naming.ts";

/** What differs between the NetworkPolicy engines chartprobe installs into kube-system. */
export interface EngineSpec {
  /** Name of the ServiceAccount, DaemonSet and container; the ClusterRole is chartprobe-NAME. */
  name: string;
  image: string;
  rules: Record<string, unknown>[];
  /** The container beyond name, image and the node-name env every engine needs. */
  container: Record<string, unknown>;
  volumes?: Record<string, unknown>[];
}

/**
 * A node-level engine: its ServiceAccount and cluster-wide read access, and a privileged
 * host-network DaemonSet on every node (control plane included), all labelled as chartprobe's.
 */
export function engineDaemonSetManifest(spec: EngineSpec): string {
  const { name } = spec;
  const labels = { "app.kubernetes.io/name": name, [MANAGED_LABEL]: "true" };
  const role = `chartprobe-${name}`;
  const docs = [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "kube-system", labels } },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: role, labels },
      rules: spec.rules,
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: role, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
      subjects: [{ kind: "ServiceAccount", name, namespace: "kube-system" }],
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name, namespace: "kube-system", labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            hostNetwork: true,
            priorityClassName: "system-node-critical",
            tolerations: [{ operator: "Exists" }],
            containers: [
              {
                name,
                image: spec.image,
                imagePullPolicy: "IfNotPresent",
                env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
                securityContext: { privileged: true },
                ...spec.container,
              },
            ],
            ...(spec.volumes ? { volumes: spec.volumes } : {}),
          },
        },
      },
    },
  ];
  return docs.map((d) => stringify(d)).join("---\n");
}

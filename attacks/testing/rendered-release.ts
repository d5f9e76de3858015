import { parseAllDocuments } from "yaml";
import type { ReleaseSnapshot } from "../../harness/model/access.ts";

type Obj = Record<string, unknown> & {
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
};

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);

/**
 * A snapshot from `helm template` output: each workload becomes one pod of its template (as
 * the controllers would create it, before admission adds token volumes), the other objects
 * are taken as they are.
 */
export function snapshotFromManifests(
  manifests: string,
  namespace: string,
  release: string,
  helmValues: Record<string, unknown>,
): ReleaseSnapshot {
  const docs = parseAllDocuments(manifests)
    .map((d) => d.toJS() as Obj | null)
    .filter((d): d is Obj => d !== null && typeof d === "object");
  const of = (kind: string) => docs.filter((d) => d.kind === kind) as Record<string, unknown>[];
  const pods = docs
    .filter((d) => WORKLOADS.has(d.kind ?? ""))
    .map((d) => {
      const template = (d.spec?.template ?? {}) as {
        metadata?: { labels?: Record<string, string> };
        spec?: unknown;
      };
      return {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: `${d.metadata?.name ?? "pod"}-0`,
          namespace,
          labels: template.metadata?.labels ?? {},
        },
        spec: template.spec ?? {},
        status: { phase: "Running" },
      };
    });
  return {
    namespace,
    release,
    pods,
    services: of("Service"),
    serviceAccounts: of("ServiceAccount"),
    configMaps: of("ConfigMap"),
    secrets: of("Secret"),
    roles: of("Role"),
    roleBindings: of("RoleBinding"),
    clusterRoleBindings: of("ClusterRoleBinding"),
    networkPolicies: of("NetworkPolicy"),
    ingresses: of("Ingress"),
    helmValues,
    namespaceLabels: {},
  };
}

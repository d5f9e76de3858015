import type { AccessQuestion } from "../../harness/model/access.ts";

/** What a stolen token must not be able to do, in the release namespace and cluster-wide. */
export function dangerousQuestions(namespace: string): { label: string; q: AccessQuestion }[] {
  const rbac = "rbac.authorization.k8s.io";
  const inNs: { label: string; q: AccessQuestion }[] = [
    { label: "get secrets", q: { verb: "get", resource: "secrets", namespace } },
    { label: "list secrets", q: { verb: "list", resource: "secrets", namespace } },
    { label: "create pods", q: { verb: "create", resource: "pods", namespace } },
    { label: "create pods/exec", q: { verb: "create", resource: "pods", subresource: "exec", namespace } },
    { label: "create roles", q: { verb: "create", resource: "roles", group: rbac, namespace } },
    { label: "create rolebindings", q: { verb: "create", resource: "rolebindings", group: rbac, namespace } },
    { label: "escalate roles", q: { verb: "escalate", resource: "roles", group: rbac, namespace } },
    { label: "bind roles", q: { verb: "bind", resource: "roles", group: rbac, namespace } },
  ];
  const cluster: { label: string; q: AccessQuestion }[] = [
    { label: "list secrets cluster-wide", q: { verb: "list", resource: "secrets" } },
    { label: "create pods cluster-wide", q: { verb: "create", resource: "pods" } },
    { label: "create pods/exec cluster-wide", q: { verb: "create", resource: "pods", subresource: "exec" } },
    {
      label: "create clusterrolebindings",
      q: { verb: "create", resource: "clusterrolebindings", group: rbac },
    },
    { label: "escalate clusterroles", q: { verb: "escalate", resource: "clusterroles", group: rbac } },
    { label: "bind clusterroles", q: { verb: "bind", resource: "clusterroles", group: rbac } },
    { label: "impersonate users", q: { verb: "impersonate", resource: "users" } },
    { label: "impersonate serviceaccounts", q: { verb: "impersonate", resource: "serviceaccounts" } },
    { label: "get nodes/proxy", q: { verb: "get", resource: "nodes", subresource: "proxy" } },
    { label: "list namespaces", q: { verb: "list", resource: "namespaces" } },
  ];
  return [...inNs, ...cluster];
}

import type { AccessQuestion, ReleaseSnapshot } from "../../model/access.ts";

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}
interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}
interface Binding {
  metadata?: { name?: string; namespace?: string };
  roleRef?: { kind?: string; name?: string };
  subjects?: Subject[];
}
interface RoleObject {
  metadata?: { name?: string; namespace?: string };
  rules?: PolicyRule[];
}

/**
 * Rules of the well-known ClusterRoles the snapshot does not carry, reduced to what the
 * dangerous-verb questions touch (from the Kubernetes RBAC documentation).
 */
const BUILTIN_CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  "cluster-admin": [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }],
  admin: [
    { verbs: ["*"], apiGroups: [""], resources: ["secrets", "pods", "pods/exec", "serviceaccounts"] },
    { verbs: ["impersonate"], apiGroups: [""], resources: ["serviceaccounts"] },
    {
      verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
      apiGroups: ["rbac.authorization.k8s.io"],
      resources: ["roles", "rolebindings"],
    },
  ],
  edit: [
    { verbs: ["*"], apiGroups: [""], resources: ["secrets", "pods", "pods/exec"] },
    { verbs: ["impersonate"], apiGroups: [""], resources: ["serviceaccounts"] },
  ],
  view: [{ verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods", "services", "configmaps"] }],
};

const matches = (list: string[] | undefined, value: string): boolean =>
  (list ?? []).some((x) => x === "*" || x === value);

function ruleAllows(rule: PolicyRule, q: AccessQuestion): boolean {
  const resource = q.subresource ? `${q.resource}/${q.subresource}` : q.resource;
  if (rule.resourceNames && rule.resourceNames.length > 0) return false; // questions name no object
  return (
    matches(rule.verbs, q.verb) &&
    matches(rule.apiGroups, q.group ?? "") &&
    (rule.resources ?? []).some(
      (r) => r === "*" || r === resource || (q.subresource && r === `*/${q.subresource}`),
    )
  );
}

function boundTo(b: Binding, sa: { namespace: string; name: string }): boolean {
  return (b.subjects ?? []).some(
    (s) =>
      (s.kind === "ServiceAccount" &&
        s.name === sa.name &&
        (s.namespace ?? b.metadata?.namespace) === sa.namespace) ||
      (s.kind === "Group" &&
        (s.name === "system:serviceaccounts" ||
          s.name === `system:serviceaccounts:${sa.namespace}` ||
          s.name === "system:authenticated")),
  );
}

/**
 * Would this service account be allowed? Evaluates the snapshot's Roles and bindings (plus the
 * built-in ClusterRoles); null when a binding refers to a ClusterRole we cannot see.
 */
export function evaluateAccess(
  snapshot: Pick<ReleaseSnapshot, "roles" | "roleBindings" | "clusterRoleBindings">,
  sa: { namespace: string; name: string },
  q: AccessQuestion,
): boolean | null {
  let unknown = false;
  const rulesOf = (ref: Binding["roleRef"], namespace: string | undefined): PolicyRule[] | undefined => {
    if (ref?.kind === "ClusterRole") return BUILTIN_CLUSTER_ROLES[ref.name ?? ""];
    const role = ((snapshot.roles ?? []) as RoleObject[]).find(
      (r) => r.metadata?.name === ref?.name && (r.metadata?.namespace ?? namespace) === namespace,
    );
    return role?.rules ?? [];
  };
  const grants = (bindings: Binding[], scope: (b: Binding) => boolean): boolean => {
    for (const b of bindings) {
      if (!scope(b) || !boundTo(b, sa)) continue;
      const rules = rulesOf(b.roleRef, b.metadata?.namespace);
      if (rules === undefined) {
        unknown = true;
        continue;
      }
      if (rules.some((r) => ruleAllows(r, q))) return true;
    }
    return false;
  };
  if (grants((snapshot.clusterRoleBindings ?? []) as Binding[], () => true)) return true;
  if (
    q.namespace !== undefined &&
    grants(
      (snapshot.roleBindings ?? []) as Binding[],
      (b) => (b.metadata?.namespace ?? q.namespace) === q.namespace,
    )
  )
    return true;
  return unknown ? null : false;
}

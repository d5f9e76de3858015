import type { ReleaseSnapshot } from "../../model/access.ts";

export function emptySnapshot(namespace: string, release: string): ReleaseSnapshot {
  return {
    namespace,
    release,
    pods: [],
    services: [],
    serviceAccounts: [],
    configMaps: [],
    secrets: [],
    roles: [],
    roleBindings: [],
    clusterRoleBindings: [],
    networkPolicies: [],
    ingresses: [],
    helmValues: {},
    namespaceLabels: {},
  };
}

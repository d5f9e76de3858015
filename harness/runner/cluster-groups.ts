import { dnsLabel } from "../cluster/naming.ts";
import type { ClusterOptions } from "../model/scenario.ts";

export interface ClusterGroup<T> {
  key: string;
  options: ClusterOptions;
  name: string;
  members: T[];
}

/**
 * Scenarios that can share a cluster (same Kubernetes version, NetworkPolicy engine and node
 * count) form one group: one cluster each, a namespace per scenario. Pod Security levels are
 * per namespace, so they do not split groups. Pure, for unit tests.
 */
export function groupByCluster<T>(
  items: T[],
  optionsOf: (item: T) => ClusterOptions,
  baseName: string,
): ClusterGroup<T>[] {
  const groups = new Map<string, ClusterGroup<T>>();
  for (const item of items) {
    const o = optionsOf(item);
    const key = `${o.kubernetesVersion}|${o.networkPolicy}|${o.nodes ?? 1}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        options: {
          kubernetesVersion: o.kubernetesVersion,
          networkPolicy: o.networkPolicy,
          nodes: o.nodes ?? 1,
        },
        name: "",
        members: [],
      };
      groups.set(key, group);
    }
    group.members.push(item);
  }
  const list = [...groups.values()];
  for (const g of list) {
    const o = g.options;
    g.name =
      list.length === 1
        ? baseName
        : dnsLabel(
            `${baseName}-${o.kubernetesVersion.replace(/^v/, "")}-${o.networkPolicy}${(o.nodes ?? 1) > 1 ? `-${o.nodes}n` : ""}`,
            50,
          );
  }
  return list;
}

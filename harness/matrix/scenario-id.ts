import type { ClusterOptions } from "../model/scenario.ts";
import { AXES, type Axis } from "./matrix-spec.ts";

const PREFIX: Record<Axis, string> = { kubernetesVersion: "k8s", networkPolicy: "np", podSecurity: "psa" };

/**
 * The id of a matrix cell: the base scenario's id, plus one `<axis>-<value>` part for every
 * axis whose value differs from what the base scenario file itself says, joined with "+"
 * after an "@": `testbed/insecure`, `testbed/insecure@k8s-1.33.8`,
 * `testbed/insecure@k8s-1.33.8+np-calico+psa-restricted`.
 *
 * So a cell's id depends only on its base scenario and its own axis values: adding scenarios,
 * axes or axis values to a matrix never renames an existing cell, and the cell that equals the
 * base scenario keeps the base id (same id in a matrix run and in a single-scenario run).
 */
export function cellId(baseId: string, base: ClusterOptions, cell: ClusterOptions): string {
  const parts: string[] = [];
  for (const axis of AXES) {
    const value = cell[axis];
    if (value !== undefined && value !== base[axis]) parts.push(`${PREFIX[axis]}-${value}`);
  }
  return parts.length === 0 ? baseId : `${baseId}@${parts.join("+")}`;
}

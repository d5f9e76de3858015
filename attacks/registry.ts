import type { ProbeAccess } from "../harness/model/access.ts";
import type { Probe } from "../harness/model/probe.ts";
import { redisNoAuth } from "./network-auth/redis-no-auth.ts";

/** Every probe chartprobe knows, in catalog order (see the probe catalog). */
export const allProbes: Probe<ProbeAccess>[] = [redisNoAuth];

export function probeById(id: string): Probe<ProbeAccess> | undefined {
  return allProbes.find((p) => p.id === id);
}

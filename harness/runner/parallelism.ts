import { availableParallelism, freemem } from "node:os";

/**
 * Memory budgeted for one Airflow-sized install (scheduler, webserver, worker, flower, postgres,
 * redis and the probes' attacker pods), with headroom so that one more install never pushes the
 * node into eviction.
 */
const MEMORY_PER_INSTALL = 2 * 1024 ** 3;

export interface MachineSize {
  cpus: number;
  freeMemoryBytes: number;
}

export const thisMachine = (): MachineSize => ({ cpus: availableParallelism(), freeMemoryBytes: freemem() });

/**
 * How many scenarios to install at once when the user does not say: one per core, as long as
 * memory holds that many installs, never more than there are scenarios, never fewer than one.
 * Installs mostly wait on pods starting, so cores bound the start-up storms, memory the steady state.
 */
export function defaultParallelism(scenarios: number, machine: MachineSize = thisMachine()): number {
  const byMemory = Math.floor(machine.freeMemoryBytes / MEMORY_PER_INSTALL);
  return Math.max(1, Math.min(scenarios, machine.cpus, byMemory));
}

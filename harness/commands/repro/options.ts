import type { ClusterTargetOptions } from "../common/cluster-options.ts";

/** `chartprobe repro SCENARIO [--probe ID]`: one scenario, kept up for a person to poke at. */
export interface ReproOptions extends ClusterTargetOptions {
  root: string;
  /** A scenario id (a base scenario or a matrix cell id). */
  scenario: string;
  /** Only these probes; empty: every probe that applies. */
  probes: string[];
  /** A matrix whose cell ids may be named. */
  matrix?: string;
  out: string;
  timeoutSeconds?: number;
  json: boolean;
}

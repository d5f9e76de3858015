import type { Shard } from "../../matrix/shard.ts";
import type { ClusterTargetOptions } from "../common/cluster-options.ts";
import type { ReportFormatName } from "../common/report-formats.ts";

/** Everything `chartprobe run` was asked to do, parsed and checked. */
export interface RunOptions extends ClusterTargetOptions {
  /** Project root (scenarios/ lives under it). */
  root: string;
  /** --scenario: ids or globs; with --matrix they filter its cells. Empty: the default. */
  scenarios: string[];
  /** --matrix: a matrix file or name. */
  matrix?: string;
  shard?: Shard;
  /** --probe: only these probe ids. Empty: every probe that applies. */
  probes: string[];
  /** Output folder for the run record and reports. */
  out: string;
  formats: ReportFormatName[];
  keepCluster: boolean;
  reuseCluster: boolean;
  /** Per-scenario timeout (install + probes), seconds. */
  timeoutSeconds?: number;
  /** How many scenarios install at once. */
  parallel?: number;
  /** Gate the run against this baseline record (the expectations always apply). */
  baseline?: string;
  json: boolean;
}

/** out/<UTC timestamp>, safe as a folder name. */
export const defaultOutDir = (now: Date = new Date()): string =>
  `out/${now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-")}`;

/** `chartprobe clean`: remove everything labelled as chartprobe's (clusters, namespaces, containers). */
export interface CleanOptions {
  /** Only list what would be removed. */
  dryRun: boolean;
  /** Only leftovers of this cluster name; default every chartprobe cluster. */
  clusterName?: string;
  /** Also delete clusters kept with --keep-cluster / repro. */
  includeKept: boolean;
  json: boolean;
}

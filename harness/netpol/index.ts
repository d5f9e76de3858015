// The public face of the NetworkPolicy truth table; the files behind it are internal.
export { type EvaluateOptions, evaluate } from "./evaluator.ts";
export { intentFor, unusedIntentKeys } from "./intent.ts";
export { defaultRepro, type ReproFormatter, type ReproInput } from "./repro.ts";
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  isPolicySource,
  observePairs,
  type ReproCommand,
  runTruthTable,
  type TruthTableOptions,
  type TruthTableRun,
} from "./truth-table.ts";
export { compareTruthTable } from "./truth-table-compare.ts";
export { formatGrid, formatTruthTable, type GridView, LEGEND } from "./truth-table-grid.ts";
export { planTruthTable, type TruthTablePlan } from "./truth-table-plan.ts";
export type { Decision, Endpoint, NetworkPolicy, PodEndpoint, Traffic } from "./types.ts";
export { runPool } from "./worker-pool.ts";

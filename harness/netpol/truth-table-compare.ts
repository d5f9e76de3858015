import type { Reachability, TruthTable, TruthTableCell } from "../model/run-record.ts";
import type { TruthTablePlan } from "./truth-table-plan.ts";

/** Whether an observation agrees with an allow/deny: reachable ⇔ allow; an error agrees with nothing. */
export const agrees = (observed: Reachability, verdict: "allow" | "deny"): boolean =>
  observed !== "error" && (observed === "reachable") === (verdict === "allow");

/** Puts the observations (in plan cell order) beside expectation and intent. */
export function compareTruthTable(
  plan: TruthTablePlan,
  observed: readonly Reachability[],
  enforced: boolean | null,
): TruthTable {
  const cells: TruthTableCell[] = plan.cells.map((c, i) => {
    const seen = observed[i] ?? "error";
    const cell: TruthTableCell = {
      source: c.source,
      destination: c.destination.key,
      expected: c.expected,
      observed: seen,
      match: agrees(seen, c.expected) && (c.intended === undefined || agrees(seen, c.intended)),
      repro: c.repro,
    };
    if (c.intended) cell.intended = c.intended;
    return cell;
  });
  return {
    sources: plan.sources.map((s) => s.vantage),
    destinations: plan.destinations.map((d) => d.key),
    cells,
    enforced,
  };
}

import type { TruthTable, TruthTableCell } from "../model/run-record.ts";

/** Which view of the table a grid shows; each has its own one-character marks. */
export type GridView = "compare" | "expected" | "intended" | "observed";

const MARKS: Record<GridView, (c: TruthTableCell | undefined) => string> = {
  // `.` allowed as expected, `X` blocked as expected, `!` mismatch, `?` probe error.
  compare: (c) =>
    !c ? " " : c.observed === "error" ? "?" : !c.match ? "!" : c.observed === "reachable" ? "." : "X",
  expected: (c) => (!c ? " " : c.expected === "allow" ? "." : "X"),
  intended: (c) => (!c?.intended ? "-" : c.intended === "allow" ? "." : "X"),
  observed: (c) => (!c ? " " : c.observed === "error" ? "?" : c.observed === "reachable" ? "." : "X"),
};

export const LEGEND: Record<GridView, string> = {
  compare: ". reachable as expected   X blocked as expected   ! mismatch   ? probe error",
  expected: ". allowed by the installed policies   X denied",
  intended: ". intended allow   X intended deny   - no intent declared",
  observed: ". reachable   X blocked   ? probe error",
};

/** One grid: rows are sources, columns destinations, each cell one mark centred under its name. */
export function formatGrid(table: TruthTable, view: GridView): string {
  const byKey = new Map(table.cells.map((c) => [`${c.source}|${c.destination}`, c]));
  const rowWidth = Math.max(6, ...table.sources.map((s) => s.length));
  const widths = table.destinations.map((d) => d.length);
  const centre = (mark: string, width: number): string => {
    const left = Math.floor((width - 1) / 2);
    return " ".repeat(left) + mark + " ".repeat(width - 1 - left);
  };
  const header = ["".padEnd(rowWidth), ...table.destinations].join("  ").trimEnd();
  const rows = table.sources.map((s) =>
    [
      s.padEnd(rowWidth),
      ...table.destinations.map((d, i) => centre(MARKS[view](byKey.get(`${s}|${d}`)), widths[i] ?? 1)),
    ]
      .join("  ")
      .trimEnd(),
  );
  return [header, ...rows].join("\n");
}

/**
 * The printable report: the comparison grid, and when anything disagrees the three tables
 * (expected, intended, observed) and one line per mismatch with the command that reproduces it.
 */
export function formatTruthTable(table: TruthTable): string {
  const out: string[] = [];
  const mismatches = table.cells.filter((c) => !c.match);
  const enforcement =
    table.enforced === true
      ? "NetworkPolicy enforcement proven by the canary"
      : `NetworkPolicy enforcement NOT proven (canary: ${table.enforced === false ? "failed" : "unknown"}); every cell is inconclusive`;
  out.push(
    `NetworkPolicy truth table: ${table.sources.length} sources x ${table.destinations.length} destinations, ${mismatches.length} mismatches (${enforcement})`,
  );
  out.push(formatGrid(table, "compare"), LEGEND.compare);
  if (mismatches.length > 0) {
    for (const view of ["expected", "intended", "observed"] as const) {
      out.push("", `${view}:`, formatGrid(table, view), LEGEND[view]);
    }
    out.push("", "mismatches:");
    for (const c of mismatches) {
      const intent = c.intended ? `, intended ${c.intended}` : "";
      out.push(`  ${c.source} -> ${c.destination}: expected ${c.expected}${intent}, observed ${c.observed}`);
      out.push(`    ${c.repro}`);
    }
  }
  return out.join("\n");
}

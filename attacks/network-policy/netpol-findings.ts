import type { Evidence, Finding, SourceLocation } from "../../harness/model/finding.ts";
import type { ProbeMeta } from "../../harness/model/probe.ts";
import type { TruthTableCell } from "../../harness/model/run-record.ts";
import type { Vantage } from "../../harness/model/vantage.ts";
import type { Verdict } from "../../harness/model/verdict.ts";
import type { TruthTableRun } from "../../harness/netpol/truth-table.ts";
import { formatGrid, LEGEND } from "../../harness/netpol/truth-table-grid.ts";
import type { PlannedCell } from "../../harness/netpol/truth-table-plan.ts";
import { finding } from "../probe-kit.ts";

interface Pair {
  cell: TruthTableCell;
  plan: PlannedCell;
}

const denies = (p: Pair): string | undefined =>
  p.cell.expected === "deny"
    ? "the installed policy denies it"
    : p.cell.intended === "deny"
      ? "the scenario's intent denies it"
      : undefined;

function explain(p: PlannedCell): string {
  const d = p.decision;
  const side = (name: string, s: typeof d.ingress) =>
    s.isolated
      ? `${name} isolated by ${s.selectedBy.join(", ")}; admitted by ${s.allowedBy.join(", ") || "none"}`
      : `${name} not isolated`;
  return [side("ingress", d.ingress), side("egress", d.egress), ...d.notes].join("; ");
}

function row({ cell, plan }: Pair): string {
  const intent = cell.intended ? `intended ${cell.intended}` : "no intent";
  const status = cell.match ? "ok" : "MISMATCH";
  return `${cell.destination}: expected ${cell.expected}, ${intent}, observed ${cell.observed} — ${status} (${explain(plan)})`;
}

/** The verdict for one source against all ports of one component, with the reason. */
export function decide(
  pairs: Pair[],
  enforced: boolean | null,
  source: Vantage,
): { verdict: Verdict; summary: string } {
  const component = pairs[0]?.plan.destination.component ?? "?";
  if (enforced !== true) {
    return {
      verdict: "inconclusive",
      summary: `NetworkPolicy enforcement is ${enforced === false ? "disproved" : "not proven"} by the canary: reachability of ${component} from ${source} says nothing about its policies`,
    };
  }
  const leaks = pairs.filter((p) => p.cell.observed === "reachable" && denies(p));
  if (leaks.length > 0) {
    const what = leaks.map((p) => `${p.cell.destination} (${denies(p)})`).join(", ");
    return { verdict: "vulnerable", summary: `reachable from ${source} although denied: ${what}` };
  }
  const errors = pairs.filter((p) => p.cell.observed === "error");
  if (errors.length > 0) {
    return {
      verdict: "error",
      summary: `the TCP probe from ${source} failed for ${errors.map((p) => p.cell.destination).join(", ")}`,
    };
  }
  const blocked = pairs.filter((p) => !p.cell.match);
  if (blocked.length > 0) {
    // Blocked where allow was expected: the policy model and the network disagree (or the port
    // listens on localhost only); no leak is shown, but nothing is proven either.
    return {
      verdict: "inconclusive",
      summary: `blocked from ${source} although allowed by policy or intent: ${blocked.map((p) => p.cell.destination).join(", ")}`,
    };
  }
  const open = pairs.filter((p) => p.cell.observed === "reachable").length;
  return {
    verdict: "secure",
    summary: `all ${pairs.length} port(s) of ${component} behave as the installed policies${pairs.some((p) => p.cell.intended) ? " and the intent" : ""} say from ${source} (${open} reachable, ${pairs.length - open} blocked)`,
  };
}

/**
 * One finding per (destination component, source vantage) of the truth table; `skipped` for
 * components without a pod or without ports and for component sources that have no pod;
 * `error` for sources whose identity could not be read.
 */
export function findingsFromTruthTable(
  run: TruthTableRun,
  meta: ProbeMeta,
  components: Record<string, { ports: unknown[] }>,
  location: SourceLocation | undefined,
): Finding[] {
  const { table, plan } = run;
  const at = location ? { location } : {};
  const out: Finding[] = [];
  const allSources: Vantage[] = [
    ...table.sources.map((s) => s as Vantage),
    ...run.sourceErrors.map((e) => e.source),
    ...run.skippedSources,
  ];
  // Nothing to attack from: say so per component rather than report nothing at all.
  if (allSources.length === 0) allSources.push("foreign-pod");
  const noSources =
    table.sources.length === 0 && run.sourceErrors.length === 0 && run.skippedSources.length === 0;
  for (const [component, spec] of Object.entries(components)) {
    const absent = plan.absentComponents.includes(component)
      ? `no pod of component ${component} in this release`
      : spec.ports.length === 0
        ? `component ${component} declares no ports`
        : undefined;
    for (const source of allSources) {
      const base = { component, vantage: source, ...at };
      if (absent) {
        out.push(finding(meta, { ...base, verdict: "skipped", summary: absent }));
        continue;
      }
      if (noSources) {
        out.push(
          finding(meta, {
            ...base,
            verdict: "skipped",
            summary: "no network vantage point (foreign-pod, neighbour-pod, component:*) in this run",
          }),
        );
        continue;
      }
      const failed = run.sourceErrors.find((e) => e.source === source);
      if (failed) {
        out.push(
          finding(meta, {
            ...base,
            verdict: "error",
            summary: `identity of ${source} unknown: ${failed.message}`,
          }),
        );
        continue;
      }
      if (run.skippedSources.includes(source)) {
        out.push(
          finding(meta, {
            ...base,
            verdict: "skipped",
            summary: `source ${source} has no pod in this release`,
          }),
        );
        continue;
      }
      const pairs: Pair[] = [];
      table.cells.forEach((cell, i) => {
        const p = plan.cells[i];
        if (p && cell.source === source && p.destination.component === component)
          pairs.push({ cell, plan: p });
      });
      if (pairs.length === 0) continue;
      const { verdict, summary } = decide(pairs, table.enforced, source);
      const evidence: Evidence[] = [
        { label: `truth table row ${source} -> ${component}`, content: pairs.map(row).join("\n") },
      ];
      // The whole grid beside a disagreement shows whether it is one pair or a pattern.
      if (verdict !== "secure") {
        evidence.push({
          label: "truth table (all sources)",
          content: `${formatGrid(table, "compare")}\n${LEGEND.compare}`,
        });
      }
      const shown = pairs.filter((p) => !p.cell.match);
      out.push(
        finding(meta, {
          ...base,
          verdict,
          summary,
          evidence,
          repro: (shown.length > 0 ? shown : pairs).map((p) => p.cell.repro).join("\n"),
        }),
      );
    }
  }
  return out;
}

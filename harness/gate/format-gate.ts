import { GATE_CLASSES, type GateDecision, type GateResult } from "./gate-decision.ts";

const where = (d: GateDecision): string =>
  d.probe === "-"
    ? d.scenario
    : `${d.scenario}  ${d.probe}  ${d.component}${d.vantage === "-" ? "" : ` @ ${d.vantage}`}`;

function decisionLines(d: GateDecision, mark: string): string[] {
  const lines = [`${mark} ${d.class.padEnd(21)} ${where(d)}`, `    ${d.message}`];
  if (d.reason) lines.push(`    reason: ${d.reason}${d.expires ? ` (expires ${d.expires})` : ""}`);
  lines.push(`    repro: ${d.repro}`);
  if (d.manualRepro) lines.push(`    by hand: ${d.manualRepro}`);
  return lines;
}

/** The short human summary: verdict line, failures first, then notes, then counts. */
export function formatGate(result: GateResult): string {
  const head = result.passed ? "gate PASSED" : `gate FAILED: ${result.failures.length} failing`;
  const against = result.baseline ? `, baseline ${result.baseline}` : ", no baseline";
  const lines = [
    `${head} (${result.findings} findings in ${result.scenarios} scenarios of run ${result.current}${against}, today ${result.today})`,
  ];
  if (result.failures.length > 0) {
    lines.push("", "failures:");
    for (const d of result.failures) lines.push(...decisionLines(d, "FAIL"));
  }
  if (result.notes.length > 0) {
    lines.push("", "notes (do not fail the gate):");
    for (const d of result.notes) lines.push(...decisionLines(d, "note"));
    if (result.notes.some((d) => d.class === "newly-fixed")) {
      lines.push("    newly fixed findings: update the expectations (or the baseline) so they stay fixed");
    }
  }
  const counts = GATE_CLASSES.filter((c) => result.counts[c]).map((c) => `${c} ${result.counts[c]}`);
  lines.push("", `counts: ${counts.join(", ") || "nothing to judge"}`);
  return lines.join("\n");
}

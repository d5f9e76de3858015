import type { RunRecord, ScenarioResult } from "../harness/model/run-record.ts";
import { VERDICTS } from "../harness/model/verdict.ts";
import { formatDuration, scenarioDurationMs } from "./durations.ts";
import { locationText } from "./finding-text.ts";
import { mdCode, mdFence, mdText } from "./markdown-escape.ts";
import { ProbeCatalog } from "./probe-info.ts";
import { type ScenarioFinding, summarize } from "./run-summary.ts";
import { countVerdicts, scenarioFailed, VERDICT_ORDER, VERDICT_SYMBOL } from "./verdicts.ts";
import { safeRecord, type WriterOptions } from "./writer-options.ts";

/** Findings listed in full before the rest is only counted (a step summary has a size limit). */
const MAX_LISTED = 40;
/** Diagnostics (logs, events) are cut to their last lines: the end is where the failure is. */
const MAX_DIAGNOSTIC_LINES = 40;

function tail(text: string, lines: number): string {
  const all = text.replace(/\n$/, "").split("\n");
  if (all.length <= lines) return text;
  return [
    `… ${all.length - lines} earlier lines cut (the HTML report and JUnit have them all)`,
    ...all.slice(-lines),
  ].join("\n");
}

/**
 * A summary for a CI step (e.g. $GITHUB_STEP_SUMMARY): the headline, what failed first (with
 * the commands that reproduce it), then the matrix, the canary and the truth-table mismatches.
 */
export function renderMarkdown(record: RunRecord, options: WriterOptions = {}): string {
  const r = safeRecord(record, options);
  const sum = summarize(r);
  const catalog = new ProbeCatalog(r, options.probes);
  const out: string[] = [];
  out.push(`# ${sum.clean ? "✅" : "❌"} chartprobe: ${mdText(sum.headline)}`, "");
  const durationMs = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  const tools = [`chartprobe ${r.tools.chartprobe}`, r.tools.kubernetes && `Kubernetes ${r.tools.kubernetes}`]
    .filter(Boolean)
    .join(", ");
  out.push(
    `Run ${mdCode(r.runId)} · ${r.scenarios.length} scenarios · ${VERDICTS.map((v) => `${VERDICT_SYMBOL[v]} ${sum.counts[v]} ${v}`).join(" · ")} · ${formatDuration(durationMs)} · ${mdText(tools)}`,
    "",
  );

  if (sum.failedScenarios.length > 0) {
    out.push("## ⛔ Scenarios that did not run", "");
    for (const s of sum.failedScenarios) {
      out.push(`- **${mdText(s.scenario.id)}**: ${s.status}${s.error ? ` — ${mdText(s.error)}` : ""}`);
      for (const d of s.diagnostics ?? []) {
        out.push(
          `  <details><summary>${mdText(`${d.kind}: ${d.name}`)}</summary>`,
          "",
          mdFence(tail(d.content, MAX_DIAGNOSTIC_LINES), "text", "  "),
          "",
          "  </details>",
        );
      }
    }
    out.push("");
  }
  if (sum.vulnerable.length > 0) {
    out.push(`## ${VERDICT_SYMBOL.vulnerable} Vulnerable (${sum.vulnerable.length})`, "");
    out.push(...findingList(sum.vulnerable, catalog));
  }
  if (sum.undecided.length > 0) {
    out.push(
      `## ${VERDICT_SYMBOL.inconclusive} Undecided: error or inconclusive (${sum.undecided.length})`,
      "",
    );
    out.push(...findingList(sum.undecided, catalog));
  }

  out.push("## Matrix", "", ...matrix(r, catalog), "");
  out.push("## Scenarios", "", ...scenarioTable(r.scenarios), "");
  out.push("## NetworkPolicy", "", ...canary(r), "");
  if (sum.mismatches.length > 0) {
    out.push(`### Truth-table mismatches (${sum.mismatches.length})`, "");
    for (const { scenario, cell } of sum.mismatches) {
      const intended = cell.intended ? `, intent ${cell.intended}` : "";
      out.push(
        `- **${mdText(scenario.scenario.id)}**: ${mdText(cell.source)} → ${mdText(cell.destination)}: installed policies say **${cell.expected}**${intended}, observed **${cell.observed}**`,
        mdFence(cell.repro, "sh", "  "),
      );
    }
    out.push("");
  } else {
    out.push("No truth-table mismatches.", "");
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

function findingList(items: ScenarioFinding[], catalog: ProbeCatalog): string[] {
  const out: string[] = [];
  for (const { scenario, finding: f } of items.slice(0, MAX_LISTED)) {
    const title = catalog.get(f.probe).title;
    const where = locationText(f);
    out.push(
      `- ${VERDICT_SYMBOL[f.verdict]} **${mdText(scenario.scenario.id)}** ${mdCode(f.probe)} [${mdText(f.component)}] from ${mdText(f.vantage)} · ${f.severity} · ${mdText(title)}`,
      `  ${mdText(f.summary)}${where ? ` (${mdCode(where)})` : ""}`,
    );
    if (f.repro) out.push(mdFence(f.repro, "sh", "  "));
  }
  if (items.length > MAX_LISTED)
    out.push(`- … and ${items.length - MAX_LISTED} more (see the HTML report or JUnit)`);
  out.push("");
  return out;
}

function matrix(r: RunRecord, catalog: ProbeCatalog): string[] {
  const header = ["Probe", ...r.scenarios.map((s) => mdText(s.scenario.id))];
  const rows = catalog.usedIds.map((id) => {
    const cells = r.scenarios.map((s) => {
      if (scenarioFailed(s)) return "⛔";
      const counts = countVerdicts(s.findings.filter((f) => f.probe === id));
      const shown = VERDICT_ORDER.filter((v) => counts[v] > 0).map((v) => `${VERDICT_SYMBOL[v]}${counts[v]}`);
      return shown.length > 0 ? shown.join(" ") : "·";
    });
    return [`${mdCode(id)}`, ...cells];
  });
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
    `Legend: ${VERDICT_ORDER.map((v) => `${VERDICT_SYMBOL[v]} ${v}`).join(" · ")} · ⛔ scenario did not run · · no finding. Numbers count component × vantage findings.`,
  ];
}

function scenarioTable(scenarios: ScenarioResult[]): string[] {
  return [
    "| Scenario | Status | Chart | Kubernetes / policy engine / PSA | Duration | Findings |",
    "|---|---|---|---|---|---|",
    ...scenarios.map((s) => {
      const counts = countVerdicts(s.findings);
      const findings = VERDICT_ORDER.filter((v) => counts[v] > 0)
        .map((v) => `${VERDICT_SYMBOL[v]}${counts[v]}`)
        .join(" ");
      const c = s.scenario.cluster;
      return `| ${mdText(s.scenario.id)} | ${s.status} | ${mdText(`${s.chart.name} ${s.chart.version ?? ""}`.trim())} | ${mdText(`${c.kubernetesVersion} / ${c.networkPolicy} / ${c.podSecurity ?? "none"}`)} | ${formatDuration(scenarioDurationMs(s.phases))} | ${findings || "·"} |`;
    }),
  ];
}

function canary(r: RunRecord): string[] {
  if (r.clusters.length === 0) return ["No cluster information in this record."];
  return r.clusters.map((c) => {
    if (!c.canary)
      return `- ${mdCode(c.name)} (${c.networkPolicy}): ❔ no canary ran — NetworkPolicy findings are inconclusive`;
    const okSteps = c.canary.steps.filter((s) => s.expected === s.observed).length;
    const state =
      c.canary.enforced === true
        ? "✅ NetworkPolicy enforced"
        : c.canary.enforced === false
          ? "❌ NetworkPolicy NOT enforced — every NetworkPolicy finding is inconclusive"
          : "❔ canary could not run — NetworkPolicy findings are inconclusive";
    const retries = c.apiRetries
      ? `; ${c.apiRetries} kubectl call(s) retried after transient API failures`
      : "";
    return `- ${mdCode(c.name)} (${c.canary.engine}): ${state}; ${okSteps}/${c.canary.steps.length} canary steps as expected (${formatDuration(c.canary.durationMs)})${c.canary.detail ? ` — ${mdText(c.canary.detail)}` : ""}${retries}`;
  });
}

import type { Finding } from "../harness/model/finding.ts";
import type { ScenarioResult } from "../harness/model/run-record.ts";
import { formatDuration, scenarioDurationMs } from "./durations.ts";
import { locationText } from "./finding-text.ts";
import { esc, slug } from "./html-escape.ts";
import { truthTableHtml } from "./html-truth-table.ts";
import type { ProbeCatalog } from "./probe-info.ts";
import { VERDICT_ORDER } from "./verdicts.ts";

/** One scenario: facts, phase timeline, diagnostics, truth table and finding drill-down. */
export function scenarioHtml(
  s: ScenarioResult,
  catalog: ProbeCatalog,
  findingIds: Map<Finding, string>,
): string {
  const c = s.scenario.cluster;
  const facts = [
    s.chart.version ? `${s.chart.name} ${s.chart.version}` : s.chart.name,
    `Kubernetes ${c.kubernetesVersion}`,
    `policy engine ${c.networkPolicy}`,
    `PSA ${c.podSecurity ?? "none"}`,
    s.namespace ? `namespace ${s.namespace}` : "",
    formatDuration(scenarioDurationMs(s.phases)),
  ].filter(Boolean);
  const parts = [
    `<header><h3>${esc(s.scenario.id)}</h3><span class="badge status-${esc(s.status)}">${esc(s.status)}</span><span class="facts">${esc(facts.join(" · "))}</span></header>`,
  ];
  if (s.scenario.description) parts.push(`<div class="facts">${esc(s.scenario.description)}</div>`);
  parts.push(
    `<div class="facts mono">values: ${esc(s.scenario.valuesFiles.join(", ") || "(chart defaults)")}</div>`,
  );
  parts.push(phasesHtml(s));
  if (s.error) parts.push(`<div class="banner bad"><b>${esc(s.status)}:</b> ${esc(s.error)}</div>`);
  for (const d of s.diagnostics ?? []) {
    parts.push(
      `<details class="diagnostic"><summary>${esc(`${d.kind}: ${d.name}`)}</summary><pre>${esc(d.content)}</pre></details>`,
    );
  }
  if (s.truthTable) parts.push(`<h3>NetworkPolicy truth table</h3>${truthTableHtml(s.truthTable)}`);
  if (s.findings.length > 0) {
    const sorted = [...s.findings].sort(
      (a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict),
    );
    parts.push(`<h3>Findings (${s.findings.length})</h3>`);
    parts.push(...sorted.map((f) => findingHtml(s, f, catalog, findingIds.get(f) ?? "")));
    parts.push(
      `<p class="empty-note filter-note" hidden>No finding of this scenario matches the filter.</p>`,
    );
  } else {
    parts.push(`<p class="empty-note">No findings: the probes did not run.</p>`);
  }
  return `<section class="scenario" id="scenario-${slug(s.scenario.id)}" data-scenario="${esc(s.scenario.id)}">${parts.join("")}</section>`;
}

function phasesHtml(s: ScenarioResult): string {
  const total = Math.max(1, scenarioDurationMs(s.phases));
  const bar = s.phases
    .map(
      (p) =>
        `<span class="ph-${p.status}" style="width:${((100 * p.durationMs) / total).toFixed(2)}%" title="${esc(`${p.name}: ${p.status}, ${formatDuration(p.durationMs)}${p.detail ? ` — ${p.detail}` : ""}`)}"></span>`,
    )
    .join("");
  const list = s.phases
    .map(
      (p) =>
        `<span class="${p.status}"><b>${esc(p.name)}</b> ${esc(p.status === "skipped" ? "skipped" : formatDuration(p.durationMs))}${p.status === "failed" ? " (failed)" : ""}</span>`,
    )
    .join("");
  return `<div class="timeline">${bar}</div><div class="phases">${list}</div>`;
}

function findingHtml(s: ScenarioResult, f: Finding, catalog: ProbeCatalog, id: string): string {
  const meta = catalog.get(f.probe);
  const where = locationText(f);
  const rows: [string, string][] = [
    ["probe", `${esc(meta.title)} <span class="facts">(${esc(meta.family)})</span>`],
    ["what it does", esc(meta.description)],
    ["component", esc(f.component)],
    ["vantage", esc(f.vantage)],
  ];
  if (where) rows.push(["location", `<code>${esc(where)}</code>`]);
  if (meta.cwe.length > 0) rows.push(["weakness", esc(meta.cwe.join(", "))]);
  if (f.durationMs !== undefined) {
    rows.push([
      "took",
      esc(`${formatDuration(f.durationMs)}${f.attempts && f.attempts > 1 ? `, ${f.attempts} attempts` : ""}`),
    ]);
  }
  rows.push(["remediation", esc(f.remediation)]);
  const evidence = f.evidence
    .map((e) => `<div class="evidence-label">evidence: ${esc(e.label)}</div><pre>${esc(e.content)}</pre>`)
    .join("");
  const repro = f.repro
    ? `<div class="evidence-label">reproduce</div><pre class="repro">${esc(f.repro)}</pre>`
    : "";
  return `<details class="finding" id="${esc(id)}" data-scenario="${esc(s.scenario.id)}" data-probe="${esc(f.probe)}" data-verdict="${f.verdict}"><summary><span class="badge v-${f.verdict}">${f.verdict}</span><span class="sev sev-${f.severity}">${f.severity}</span><span class="name">${esc(f.probe)} [${esc(f.component)}] from ${esc(f.vantage)}</span><span class="text">${esc(f.summary)}</span></summary><div class="finding-body"><p>${esc(f.summary)}</p><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>${evidence}${repro}</div></details>`;
}

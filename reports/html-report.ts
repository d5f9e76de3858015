import type { Finding } from "../harness/model/finding.ts";
import type { RunRecord } from "../harness/model/run-record.ts";
import { formatDuration } from "./durations.ts";
import { esc } from "./html-escape.ts";
import { heatmapHtml } from "./html-heatmap.ts";
import { scenarioHtml } from "./html-scenario.ts";
import { HTML_SCRIPT } from "./html-script.ts";
import { HTML_STYLE } from "./html-style.ts";
import { ProbeCatalog } from "./probe-info.ts";
import { summarize } from "./run-summary.ts";
import { VERDICT_ORDER } from "./verdicts.ts";
import { safeRecord, type WriterOptions } from "./writer-options.ts";

// The page may load nothing at all: no fonts, images, scripts or styles from anywhere.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** One self-contained HTML file: heatmap, NetworkPolicy truth tables, finding drill-down. */
export function renderHtml(record: RunRecord, options: WriterOptions = {}): string {
  const r = safeRecord(record, options);
  const sum = summarize(r);
  const catalog = new ProbeCatalog(r, options.probes);
  const findingIds = new Map<Finding, string>();
  let n = 0;
  for (const s of r.scenarios) for (const f of s.findings) findingIds.set(f, `finding-${++n}`);

  const durationMs = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  const undecided = sum.counts.error + sum.counts.inconclusive;
  const completed = r.scenarios.filter((s) => s.status === "completed").length;
  const cards = [
    ["", String(r.scenarios.length), `scenarios · ${completed} completed`],
    ["vulnerable", String(sum.counts.vulnerable), "vulnerable"],
    ["undecided", String(undecided), "error / inconclusive"],
    ["secure", String(sum.counts.secure), "secure"],
    ["skipped", String(sum.counts.skipped), "skipped"],
    ["", String(sum.mismatches.length), "truth-table mismatches"],
  ]
    .map(
      ([cls, num, label]) =>
        `<div class="card ${cls}"><div class="n">${esc(num)}</div><div class="l">${esc(label)}</div></div>`,
    )
    .join("");
  const filters = VERDICT_ORDER.map(
    (v) =>
      `<button type="button" data-filter="${v}" aria-pressed="true"><span class="dot v-${v}"></span>${v} ${sum.counts[v]}</button>`,
  ).join("");
  const tools = Object.entries(r.tools)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(" · ");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chartprobe · ${esc(r.runId)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header class="top">
  <div>
    <h1>chartprobe <span>run report</span></h1>
    <div class="meta">${esc(`${r.runId} · ${r.startedAt} → ${r.finishedAt} (${formatDuration(durationMs)})${r.host.ci ? " · CI" : ""}`)}</div>
  </div>
  <div class="status-pill ${sum.clean ? "good" : "bad"}" id="headline">${esc(sum.headline)}</div>
</header>
<main>
  <div class="cards">${cards}</div>
  <h2>Matrix: scenarios × probes</h2>
  ${heatmapHtml(r, catalog)}
  <h2>NetworkPolicy canary</h2>
  ${canaryHtml(r)}
  <h2 id="findings">Scenarios and findings</h2>
  <div class="toolbar"><span class="label">Show</span>${filters}<span class="focus-chip" id="focus-chip">showing <b class="what"></b><button type="button" id="focus-clear" aria-label="show all findings">×</button></span><button type="button" id="expand-all">Expand all</button></div>
  ${r.scenarios.map((s) => scenarioHtml(s, catalog, findingIds)).join("\n")}
</main>
<footer>${esc(tools)} · ${esc(`${r.host.os}/${r.host.arch}${r.host.kernel ? ` kernel ${r.host.kernel}` : ""}`)} · secrets in this report are masked as ***</footer>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function canaryHtml(r: RunRecord): string {
  if (r.clusters.length === 0) return `<p class="empty-note">No cluster information in this record.</p>`;
  return r.clusters
    .map((c) => {
      if (!c.canary) {
        return `<div class="banner warn"><b>${esc(c.name)}</b> (${esc(c.networkPolicy)}): no canary ran, so NetworkPolicy findings are inconclusive.</div>`;
      }
      const k = c.canary.enforced === true ? "good" : c.canary.enforced === false ? "bad" : "warn";
      const state =
        c.canary.enforced === true
          ? "NetworkPolicy is enforced"
          : c.canary.enforced === false
            ? "NetworkPolicy is NOT enforced: every NetworkPolicy finding is inconclusive"
            : "the canary could not run: NetworkPolicy findings are inconclusive";
      const steps = c.canary.steps
        .map(
          (s) =>
            `<li>${s.expected === s.observed ? "✓" : "✗"} ${esc(s.name)}: expected ${esc(s.expected)}, observed ${esc(s.observed)}</li>`,
        )
        .join("");
      return `<div class="banner ${k}"><b>${esc(c.name)}</b> (${esc(c.canary.engine)}, Kubernetes ${esc(c.kubernetesVersion)}): ${esc(state)} · ${esc(formatDuration(c.canary.durationMs))}${c.canary.detail ? ` · ${esc(c.canary.detail)}` : ""}<ul class="canary-steps">${steps}</ul></div>`;
    })
    .join("");
}

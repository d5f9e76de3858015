/** The report's only stylesheet, inlined (no fonts or images are fetched). */
export const HTML_STYLE = `
:root {
  --vulnerable: #dc2626; --error: #7c3aed; --inconclusive: #d97706; --secure: #16a34a; --skipped: #94a3b8;
  --none: #f1f5f9; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; --card: #ffffff;
  --accent: #2563eb;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
header.top { background: var(--ink); color: #e2e8f0; padding: 18px 32px; display: flex; align-items: center;
  justify-content: space-between; gap: 24px; }
header.top h1 { margin: 0; font-size: 20px; font-weight: 650; letter-spacing: .2px; color: #fff; }
header.top h1 span { color: #94a3b8; font-weight: 400; }
header.top .meta { font-size: 12px; color: #94a3b8; margin-top: 2px; }
.status-pill { padding: 6px 14px; border-radius: 999px; font-weight: 600; font-size: 13px; white-space: nowrap; }
.status-pill.bad { background: #fee2e2; color: #991b1b; }
.status-pill.good { background: #dcfce7; color: #166534; }
main { padding: 24px 32px 48px; max-width: 1600px; margin: 0 auto; }
h2 { font-size: 16px; margin: 32px 0 12px; font-weight: 650; }
h3 { font-size: 14px; margin: 20px 0 8px; font-weight: 650; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.card .n { font-size: 26px; font-weight: 700; line-height: 1.2; }
.card .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .5px; }
.card.vulnerable .n { color: var(--vulnerable); } .card.undecided .n { color: var(--inconclusive); }
.card.secure .n { color: var(--secure); } .card.skipped .n { color: var(--skipped); }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; overflow-x: auto; }
table.heatmap { border-collapse: separate; border-spacing: 3px; }
table.heatmap th { font-weight: 500; font-size: 12px; color: var(--muted); }
table.heatmap thead th.family { text-align: left; overflow: hidden; text-overflow: ellipsis; border-bottom: 2px solid var(--line); padding: 0 2px 2px; font-size: 11px;
  text-transform: uppercase; letter-spacing: .4px; white-space: nowrap; }
table.heatmap thead th.probe { height: 150px; vertical-align: bottom; padding: 0; }
table.heatmap thead th.probe div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  margin: 0 auto; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 11.5px; color: var(--ink); }
table.heatmap tbody th { text-align: left; padding-right: 12px; white-space: nowrap; color: var(--ink); font-weight: 600; }
table.heatmap tbody th small { display: block; color: var(--muted); font-weight: 400; }
.hm-cell { width: 30px; height: 30px; border-radius: 5px; border: 0; padding: 0; cursor: pointer; color: #fff;
  font: 600 11px/30px system-ui, sans-serif; text-align: center; display: block; }
.hm-cell:hover, .hm-cell:focus-visible { outline: 2px solid var(--ink); outline-offset: 1px; }
.hm-cell.selected { outline: 3px solid var(--accent); outline-offset: 1px; }
.hm-cell.dim { opacity: .25; }
.v-vulnerable { background: var(--vulnerable); } .v-error { background: var(--error); }
.v-inconclusive { background: var(--inconclusive); } .v-secure { background: var(--secure); }
.v-skipped { background: var(--skipped); }
.v-none { background: var(--none); cursor: default; }
.v-notrun { background: repeating-linear-gradient(45deg, #e2e8f0, #e2e8f0 4px, #f8fafc 4px, #f8fafc 8px); cursor: default; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin-top: 12px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -2px; margin-right: 5px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 8px 0 16px; position: sticky; top: 0;
  background: var(--bg); padding: 8px 0; z-index: 2; }
.toolbar .label { color: var(--muted); font-size: 12px; margin-right: 4px; }
.toolbar button { border: 1px solid var(--line); background: var(--card); border-radius: 999px; padding: 4px 12px; font: inherit;
  font-size: 12.5px; cursor: pointer; color: var(--ink); }
.toolbar button[aria-pressed="false"] { opacity: .45; text-decoration: line-through; }
.toolbar button .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }
.focus-chip { display: none; background: #dbeafe; color: #1e3a8a; border-radius: 999px; padding: 4px 6px 4px 12px; font-size: 12.5px; }
.focus-chip.on { display: inline-flex; align-items: center; gap: 6px; }
.focus-chip button { border: 0; background: #bfdbfe; border-radius: 999px; padding: 0 8px; cursor: pointer; }
section.scenario { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; margin-bottom: 18px; }
section.scenario > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 10px 16px; }
section.scenario > header h3 { margin: 0; font-size: 15px; }
.facts { color: var(--muted); font-size: 12.5px; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 7px; font-size: 11.5px; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.status-completed { background: var(--secure); } .badge.status-install-failed, .badge.status-error,
.badge.status-timed-out { background: var(--vulnerable); } .badge.status-skipped { background: var(--skipped); }
.sev { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 11px; border: 1px solid var(--line); color: var(--muted); }
.sev-critical { color: #991b1b; border-color: #fecaca; background: #fef2f2; }
.sev-high { color: #9a3412; border-color: #fed7aa; background: #fff7ed; }
.timeline { display: flex; height: 10px; border-radius: 5px; overflow: hidden; margin: 12px 0 4px; background: var(--none); }
.timeline span { display: block; height: 100%; border-right: 2px solid #fff; }
.timeline .ph-ok { background: #93c5fd; } .timeline .ph-ok:nth-child(even) { background: #60a5fa; } .timeline .ph-failed { background: var(--vulnerable); }
.timeline .ph-skipped { background: #e2e8f0; }
.phases { font-size: 12px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 14px; }
.phases b { color: var(--ink); font-weight: 600; }
.phases .failed b { color: var(--vulnerable); }
details.finding { border: 1px solid var(--line); border-left: 4px solid var(--skipped); border-radius: 6px; margin: 6px 0;
  background: #fff; }
details.finding[data-verdict="vulnerable"] { border-left-color: var(--vulnerable); }
details.finding[data-verdict="error"] { border-left-color: var(--error); }
details.finding[data-verdict="inconclusive"] { border-left-color: var(--inconclusive); }
details.finding[data-verdict="secure"] { border-left-color: var(--secure); }
details.finding > summary { cursor: pointer; padding: 7px 12px; display: flex; align-items: center; gap: 10px; list-style: none; }
details.finding > summary::-webkit-details-marker { display: none; }
details.finding > summary::before { content: "▸"; color: var(--muted); width: 10px; }
details.finding[open] > summary::before { content: "▾"; }
details.finding > summary .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; white-space: nowrap; }
details.finding > summary .text { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
details.finding.flash { box-shadow: 0 0 0 3px #bfdbfe; }
.finding-body { padding: 4px 16px 14px 34px; }
.finding-body dl { display: grid; grid-template-columns: 120px 1fr; gap: 4px 12px; margin: 8px 0; font-size: 13px; }
.finding-body dt { color: var(--muted); }
.finding-body dd { margin: 0; }
pre { background: #0f172a; color: #e2e8f0; padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 12px;
  line-height: 1.45; margin: 4px 0 10px; white-space: pre-wrap; word-break: break-word; }
pre.repro { background: #111827; border-left: 3px solid var(--accent); }
.evidence-label { font-size: 12px; color: var(--muted); margin-top: 8px; }
.empty-note { color: var(--muted); font-style: italic; font-size: 13px; margin: 6px 0; }
table.truth { border-collapse: collapse; font-size: 12px; margin: 6px 0 4px; }
table.truth th, table.truth td { border: 1px solid var(--line); padding: 4px 8px; text-align: center; }
table.truth thead th { background: var(--bg); font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table.truth tbody th { text-align: left; background: var(--bg); font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table.truth td { min-width: 110px; }
table.truth td.ok { background: #f0fdf4; }
table.truth td.mismatch { background: #fef2f2; box-shadow: inset 0 0 0 2px var(--vulnerable); }
table.truth td.self { background: repeating-linear-gradient(45deg, #f1f5f9, #f1f5f9 4px, #fff 4px, #fff 8px); color: var(--muted); }
table.truth .obs { font-weight: 700; }
table.truth .obs.reachable { color: var(--ink); } table.truth .obs.blocked { color: var(--muted); } table.truth .obs.error { color: var(--error); }
table.truth td.mismatch .obs { color: #b91c1c; }
table.truth .exp { display: block; color: var(--muted); font-size: 11px; }
.banner { border-radius: 8px; padding: 8px 12px; font-size: 13px; margin: 8px 0; }
.banner.warn { background: #fffbeb; border: 1px solid #fde68a; color: #92400e; }
.banner.good { background: #f0fdf4; border: 1px solid #bbf7d0; color: #166534; }
.banner.bad { background: #fef2f2; border: 1px solid #fecaca; color: #991b1b; }
.canary-steps { margin: 6px 0 0; padding-left: 18px; font-size: 13px; }
footer { color: var(--muted); font-size: 12px; padding: 0 32px 32px; max-width: 1600px; margin: 0 auto; }
details.diagnostic { margin: 4px 0; }
details.diagnostic > summary, details.mismatch-repros > summary { cursor: pointer; font-size: 13px; color: var(--ink); }
[hidden] { display: none !important; }
`;

import type { RunRecord } from "../harness/model/run-record.ts";
import { esc } from "./html-escape.ts";
import type { ProbeCatalog } from "./probe-info.ts";
import { countVerdicts, scenarioFailed, VERDICT_ORDER, worstVerdict } from "./verdicts.ts";

/** Width of one heatmap column in pixels (cell plus border spacing), to fit family labels. */
const CELL_PITCH = 33;
const SHORT_FAMILY: Record<string, string> = {
  "network-auth": "auth",
  secrets: "secrets",
  web: "web",
  identity: "identity",
  workload: "workload",
  "network-policy": "netpol",
  "supply-chain": "supply",
};

/** The family's name if it fits over its columns, else a short form (the full name is the tooltip). */
function familyLabel(family: string, columns: number): string {
  const fits = (text: string) => text.length * 7.5 <= columns * CELL_PITCH;
  if (fits(family)) return family;
  const short = SHORT_FAMILY[family] ?? family;
  if (fits(short)) return short;
  // Initials ("network-policy" → "NP"); the tooltip has the full name.
  return family
    .split("-")
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

/** Scenarios (rows) × probes (columns, grouped by family); each cell shows the worst verdict. */
export function heatmapHtml(r: RunRecord, catalog: ProbeCatalog): string {
  const ids = [...catalog.usedIds];
  // Group columns by family, keeping the catalog order inside each family.
  const families: { family: string; ids: string[] }[] = [];
  for (const id of ids) {
    const family = catalog.get(id).family;
    const group = families.find((g) => g.family === family);
    if (group) group.ids.push(id);
    else families.push({ family, ids: [id] });
  }
  const columns = families.flatMap((g) => g.ids);
  const familyRow = families
    .map((g) => {
      const label = familyLabel(g.family, g.ids.length);
      return `<th class="family" colspan="${g.ids.length}" title="${esc(g.family)}" style="max-width:${g.ids.length * CELL_PITCH}px">${esc(label)}</th>`;
    })
    .join("");
  const probeRow = columns
    .map(
      (id) =>
        `<th class="probe" scope="col" title="${esc(catalog.get(id).title)}"><div>${esc(id)}</div></th>`,
    )
    .join("");
  const rows = r.scenarios.map((s) => {
    const cells = columns.map((id) => {
      if (scenarioFailed(s)) {
        return `<td><span class="hm-cell v-notrun" title="${esc(`${s.scenario.id}: ${s.status}`)}"></span></td>`;
      }
      const findings = s.findings.filter((f) => f.probe === id);
      const worst = worstVerdict(findings.map((f) => f.verdict));
      if (!worst)
        return `<td><span class="hm-cell v-none" title="${esc(`${id}: not run in ${s.scenario.id}`)}"></span></td>`;
      const counts = countVerdicts(findings);
      const tip = `${id} in ${s.scenario.id}: ${VERDICT_ORDER.filter((v) => counts[v] > 0)
        .map((v) => `${counts[v]} ${v}`)
        .join(", ")}`;
      const label =
        worst === "vulnerable" || worst === "error" || worst === "inconclusive" ? String(counts[worst]) : "";
      return `<td><button type="button" class="hm-cell v-${worst}" data-scenario="${esc(s.scenario.id)}" data-probe="${esc(id)}" data-verdict="${worst}" title="${esc(tip)}" aria-label="${esc(tip)}">${label}</button></td>`;
    });
    return `<tr data-scenario="${esc(s.scenario.id)}"><th scope="row">${esc(s.scenario.id)}<small>${esc(s.status)}</small></th>${cells.join("")}</tr>`;
  });
  const legend = [
    ...VERDICT_ORDER.map((v) => `<span><i class="v-${v}"></i>${v}</span>`),
    `<span><i class="v-none" style="border:1px solid #cbd5e1"></i>not run</span>`,
    `<span><i class="v-notrun"></i>scenario did not run</span>`,
    `<span>Cells show the worst verdict over components and vantage points; the number counts them. Click a cell for its findings.</span>`,
  ].join("");
  return `<div class="panel"><table class="heatmap"><thead><tr><th></th>${familyRow}</tr><tr><th></th>${probeRow}</tr></thead><tbody>${rows.join("")}</tbody></table><div class="legend">${legend}</div></div>`;
}

import type { TruthTable } from "../harness/model/run-record.ts";
import { esc } from "./html-escape.ts";

const OBSERVED_MARK = { reachable: "● reachable", blocked: "○ blocked", error: "! error" } as const;

/** NetworkPolicy truth table: sources (rows) × destinations (columns), mismatches marked. */
export function truthTableHtml(t: TruthTable): string {
  const byKey = new Map(t.cells.map((c) => [`${c.source}|${c.destination}`, c]));
  const mismatches = t.cells.filter((c) => !c.match).length;
  const enforcement =
    t.enforced === true
      ? `<div class="banner good">NetworkPolicy enforcement proven by the canary. ${t.cells.length} paths probed, ${mismatches} mismatch${mismatches === 1 ? "" : "es"}.</div>`
      : `<div class="banner warn">NetworkPolicy enforcement ${t.enforced === false ? "failed the canary" : "is unproven"}: every cell is inconclusive.</div>`;
  const head = t.destinations.map((d) => `<th scope="col">${esc(d)}</th>`).join("");
  const rows = t.sources.map((src) => {
    const cells = t.destinations.map((dst) => {
      const c = byKey.get(`${src}|${dst}`);
      if (!c) return `<td class="self" title="not probed (same component or not applicable)">—</td>`;
      const intent = c.intended ? ` · intent ${c.intended}` : "";
      const tip = `${src} → ${dst}\nexpected (installed policies): ${c.expected}${c.intended ? `\nintended: ${c.intended}` : ""}\nobserved: ${c.observed}\n${c.repro}`;
      return `<td class="${c.match ? "ok" : "mismatch"}" data-match="${c.match}" title="${esc(tip)}"><span class="obs ${c.observed}">${OBSERVED_MARK[c.observed]}</span><span class="exp">policy ${esc(c.expected)}${esc(intent)}</span>${c.match ? "" : `<span class="exp"><b>≠ mismatch</b></span>`}</td>`;
    });
    return `<tr><th scope="row">${esc(src)}</th>${cells.join("")}</tr>`;
  });
  const repros = t.cells
    .filter((c) => !c.match)
    .map(
      (c) =>
        `<div class="evidence-label">${esc(`${c.source} → ${c.destination}: policy ${c.expected}${c.intended ? `, intent ${c.intended}` : ""}, observed ${c.observed}`)}</div><pre class="repro">${esc(c.repro)}</pre>`,
    )
    .join("");
  return `${enforcement}<div class="panel" style="padding:8px"><table class="truth"><thead><tr><th>source ╲ destination</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>${
    repros
      ? `<details class="mismatch-repros"><summary>Commands that reproduce the ${mismatches} mismatch${mismatches === 1 ? "" : "es"}</summary>${repros}</details>`
      : ""
  }`;
}

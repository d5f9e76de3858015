import { describe, expect, it } from "vitest";
import { renderHtml } from "./html-report.ts";
import { sampleRecord } from "./testing/sample-record.ts";

describe("HTML report (markup)", () => {
  const html = renderHtml(sampleRecord());

  it("is one self-contained document that may load nothing", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(script|img|iframe)\b[^>]*\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it("has a heatmap row per scenario and a cell per probe", () => {
    const body = html.slice(html.indexOf('<table class="heatmap">'), html.indexOf("</table>"));
    const rows = body.split('<tr data-scenario="').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.match(/class="hm-cell /g)).toHaveLength(20);
    expect(body).toContain(
      '<button type="button" class="hm-cell v-vulnerable" data-scenario="testbed/insecure" data-probe="redis-no-auth" data-verdict="vulnerable"',
    );
    expect(rows[2]?.match(/v-notrun/g)).toHaveLength(20);
  });

  it("has a drill-down entry per finding, with evidence and repro", () => {
    expect(html.match(/<details class="finding"/g)).toHaveLength(63);
    expect(html).toContain("evidence: redis conversation");
    expect(html).toContain(
      '<pre class="repro">kubectl -n cp-testbed-insecure port-forward svc/airflow-redis-master 16379:6379 &amp;',
    );
  });

  it("draws a truth-table grid per scenario that has one, marking mismatches", () => {
    expect(html.match(/<table class="truth">/g)).toHaveLength(2);
    expect(html.match(/data-match="false"/g)).toHaveLength(7);
  });

  it("escapes everything taken from the record", () => {
    expect(html).not.toContain("<script>alert('escape me')</script>");
    expect(html).toContain("&lt;script&gt;alert(&#39;escape me&#39;)&lt;/script&gt;");
    const r = sampleRecord();
    const s = r.scenarios[0];
    if (!s?.findings[0]) throw new Error("fixture changed");
    s.scenario.id = 'evil"><img src=x onerror=alert(1)>';
    s.findings[0].probe = "x-probe";
    const out = renderHtml(r);
    expect(out).not.toContain("<img src=x");
    expect(out).toContain('data-scenario="evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});

describe("HTML report, NetworkPolicy not enforced", () => {
  it("says every truth-table cell is inconclusive when the canary failed", () => {
    const r = sampleRecord();
    const cluster = r.clusters[0];
    const table = r.scenarios[1]?.truthTable;
    if (!cluster?.canary || !table) throw new Error("fixture changed");
    cluster.canary.enforced = false;
    table.enforced = false;
    const html = renderHtml(r);
    expect(html).toContain("NetworkPolicy is NOT enforced: every NetworkPolicy finding is inconclusive");
    expect(html).toContain("NetworkPolicy enforcement failed the canary: every cell is inconclusive.");
  });
});

import { describe, expect, it } from "vitest";
import type { RunRecord } from "../harness/model/run-record.ts";
import { renderMarkdown } from "./markdown-report.ts";
import { sampleRecord } from "./testing/sample-record.ts";

/** A record in which everything went well: only the hardened scenario, every finding secure. */
function cleanRecord(): RunRecord {
  const r = sampleRecord();
  const hardened = r.scenarios[1];
  if (!hardened?.truthTable) throw new Error("fixture changed");
  for (const f of hardened.findings) f.verdict = "secure";
  for (const c of hardened.truthTable.cells) c.match = true;
  r.scenarios = [hardened];
  return r;
}

describe("Markdown summary", () => {
  const md = renderMarkdown(sampleRecord());

  it("leads with the headline", () => {
    expect(md.split("\n")[0]).toBe(
      "# ❌ chartprobe: 27 vulnerable · 4 undecided · 1 scenario did not run · 7 NetworkPolicy mismatches",
    );
  });

  it("shows what failed first, then the matrix, then NetworkPolicy", () => {
    const at = (heading: string) => md.indexOf(heading);
    const order = [
      "## ⛔ Scenarios that did not run",
      "## ❌ Vulnerable (27)",
      "## ❔ Undecided: error or inconclusive (4)",
      "## Matrix",
      "## Scenarios",
      "## NetworkPolicy",
      "### Truth-table mismatches (7)",
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("lists vulnerable findings most severe first, with their repro commands", () => {
    const vulnerable = md.slice(md.indexOf("## ❌ Vulnerable"), md.indexOf("## ❔ Undecided"));
    expect(vulnerable.indexOf("· critical ·")).toBeLessThan(vulnerable.indexOf("· low ·"));
    expect(vulnerable).toContain(
      "```sh\n  kubectl -n cp-testbed-insecure port-forward svc/airflow-redis-master 16379:6379 &",
    );
  });

  it("has a matrix row per probe and a column per scenario", () => {
    const matrix = md.slice(md.indexOf("## Matrix"), md.indexOf("## Scenarios"));
    const rows = matrix.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toHaveLength(20);
    expect(matrix).toContain("| Probe | testbed/insecure | testbed/hardened | testbed/restricted-psa |");
    expect(rows.find((l) => l.startsWith("| `redis-no-auth`"))).toBe("| `redis-no-auth` | ❌3 | ✅3 | ⛔ |");
    expect(rows.find((l) => l.startsWith("| `airflow-default-login`"))).toBe(
      "| `airflow-default-login` | ❌2 | ❔1 ✅1 | ⛔ |",
    );
  });

  it("states the canary result and the mismatches with their commands", () => {
    expect(md).toContain(
      "`chartprobe-7f3a` (kube-router): ✅ NetworkPolicy enforced; 3/3 canary steps as expected",
    );
    expect(md).toContain(
      "**testbed/hardened**: component:worker → postgres:5432: installed policies say **allow**, intent allow, observed **blocked**",
    );
  });

  it("says when kubectl calls had to be retried", () => {
    const r = sampleRecord();
    const cluster = r.clusters[0];
    if (!cluster) throw new Error("fixture changed");
    expect(renderMarkdown(r)).not.toContain("retried after transient API failures");
    cluster.apiRetries = 2;
    expect(renderMarkdown(r)).toContain("; 2 kubectl call(s) retried after transient API failures");
  });

  it("keeps markup and table breaks out of text", () => {
    const r = sampleRecord();
    const f = r.scenarios[0]?.findings[0];
    if (!f) throw new Error("fixture changed");
    f.summary = "pipe | and <img src=x onerror=alert(1)> here";
    const out = renderMarkdown(r);
    expect(out).toContain("pipe \\| and &lt;img src=x onerror=alert(1)&gt; here");
    expect(out).not.toContain("<img");
  });

  it("says so when everything is clean", () => {
    const out = renderMarkdown(cleanRecord());
    expect(out.split("\n")[0]).toBe("# ✅ chartprobe: no vulnerable findings in 1 scenario");
    expect(out).not.toContain("## ❌ Vulnerable");
    expect(out).toContain("No truth-table mismatches.");
  });
});

describe("Markdown summary size", () => {
  it("cuts long diagnostics to their last lines", () => {
    const r = sampleRecord();
    const failed = r.scenarios[2];
    if (!failed?.diagnostics?.[0]) throw new Error("fixture changed");
    failed.diagnostics[0].content = Array.from({ length: 500 }, (_, i) => `log line ${i + 1}`).join("\n");
    const out = renderMarkdown(r);
    expect(out).toContain("… 460 earlier lines cut");
    expect(out).toContain("log line 500");
    expect(out).not.toContain("log line 460\n");
    expect(out).toContain("log line 461");
  });
});

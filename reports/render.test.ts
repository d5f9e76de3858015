import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunRecord } from "./load.ts";
import { REPORT_FORMATS, renderReports } from "./render.ts";
import { PLANTED_SECRETS, sampleRecord } from "./testing/sample-record.ts";
import { tempDir } from "./testing/temp-dir.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

describe("renderReports", () => {
  it("writes every format into a new folder and returns the paths in order", async () => {
    const out = join(dir.path, "nested", "out");
    const written = await renderReports(sampleRecord(), [...REPORT_FORMATS], out);
    expect(written).toEqual(
      ["run-record.json", "junit.xml", "chartprobe.sarif", "summary.md", "report.html"].map((f) =>
        join(out, f),
      ),
    );
    for (const path of written) expect((await stat(path)).size).toBeGreaterThan(1000);
  });

  it("writes only the formats asked for, once each", async () => {
    const out = join(dir.path, "some");
    expect(await renderReports(sampleRecord(), ["md", "sarif", "md"], out)).toEqual([
      join(out, "summary.md"),
      join(out, "chartprobe.sarif"),
    ]);
  });

  it("writes a JSON record that loads again", async () => {
    const [path] = await renderReports(sampleRecord(), ["json"], join(dir.path, "json"));
    const again = parseRunRecord(JSON.parse(await readFile(path as string, "utf8")), "rendered");
    expect(again.scenarios).toHaveLength(3);
    expect(again.scenarios[0]?.findings).toHaveLength(32);
  });
});

describe("redaction across every format", () => {
  it("no planted secret appears in any output", async () => {
    const record = sampleRecord();
    const source = JSON.stringify(record);
    // The fixture really carries them, in each kind of text a writer prints.
    for (const secret of PLANTED_SECRETS) expect(source).toContain(secret);
    const findings = record.scenarios.flatMap((s) => s.findings);
    const carries = (texts: (string | undefined)[]) =>
      texts.some((t) => PLANTED_SECRETS.some((secret) => t?.includes(secret)));
    expect(carries(findings.flatMap((f) => f.evidence.map((e) => e.content)))).toBe(true);
    expect(carries(findings.map((f) => f.repro))).toBe(true);
    expect(carries(findings.map((f) => f.summary))).toBe(true);
    expect(carries(record.scenarios.flatMap((s) => (s.diagnostics ?? []).map((d) => d.content)))).toBe(true);
    const written = await renderReports(record, [...REPORT_FORMATS], join(dir.path, "redacted"));
    for (const path of written) {
      const text = await readFile(path, "utf8");
      for (const secret of PLANTED_SECRETS) {
        expect(text.includes(secret), `${secret} leaked into ${path}`).toBe(false);
      }
      expect(text).toMatch(/\*\*\*/);
    }
  });

  it("masks a bare secret value the caller names, in every format and its encodings", async () => {
    const bare = "Unpatterned-Deployed-Value-9q";
    const record = sampleRecord();
    const insecure = record.scenarios[0];
    const finding = insecure?.findings[0];
    if (!insecure || !finding) throw new Error("fixture changed");
    finding.evidence.push({ label: "info", content: `the deployed value is ${bare} (no pattern can tell)` });
    finding.summary = `${finding.summary}; saw ${Buffer.from(bare).toString("base64")}`;
    insecure.phases[0] = { ...(insecure.phases[0] as (typeof insecure.phases)[0]), detail: `via ${bare}` };
    const unmasked = await renderReports(record, ["json"], join(dir.path, "bare-plain"));
    // Without the value, the pattern pass cannot know: the test would catch a silent no-op.
    expect(await readFile(unmasked[0] as string, "utf8")).toContain(bare);
    const written = await renderReports(record, [...REPORT_FORMATS], join(dir.path, "bare"), {
      secrets: [bare],
    });
    for (const path of written) {
      const text = await readFile(path, "utf8");
      expect(text).not.toContain(bare);
      expect(text).not.toContain(Buffer.from(bare).toString("base64"));
    }
  });
});

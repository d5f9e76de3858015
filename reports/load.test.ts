import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../harness/errors.ts";
import { loadRunRecord } from "./load.ts";
import { SAMPLE_RECORD_PATH, sampleRecord } from "./testing/sample-record.ts";
import { tempDir } from "./testing/temp-dir.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

async function writeRecord(name: string, content: unknown): Promise<string> {
  const path = join(dir.path, name);
  await writeFile(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

async function loadError(path: string): Promise<UserError> {
  const err = await loadRunRecord(path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe("loadRunRecord", () => {
  it("loads the sample record", async () => {
    const r = await loadRunRecord(SAMPLE_RECORD_PATH);
    expect(r.kind).toBe("chartprobe-run");
    expect(r.scenarios.map((s) => s.scenario.id)).toEqual([
      "testbed/insecure",
      "testbed/hardened",
      "testbed/restricted-psa",
    ]);
  });

  it("names the file when it cannot be read", async () => {
    const path = join(dir.path, "missing.json");
    const err = await loadError(path);
    expect(err.message).toContain(path);
    expect(err.message).toContain("ENOENT");
    expect(err.hint).toMatch(/run-record\.json/);
  });

  it("names the file when it is not JSON", async () => {
    const path = await writeRecord("cut.json", '{"kind": "chartprobe-run", "schema');
    const err = await loadError(path);
    expect(err.message).toContain(path);
    expect(err.message).toContain("not valid JSON");
  });

  it("rejects another kind of document", async () => {
    const path = await writeRecord("sarif.json", { version: "2.1.0", runs: [] });
    const err = await loadError(path);
    expect(err.message).toContain("$.kind");
  });

  it("rejects a newer schemaVersion and says to upgrade", async () => {
    const path = await writeRecord("v2.json", { ...sampleRecord(), schemaVersion: 2 });
    const err = await loadError(path);
    expect(err.message).toContain(path);
    expect(err.message).toContain("$.schemaVersion is 2");
    expect(err.hint).toMatch(/upgrade chartprobe/);
  });

  it("rejects a schemaVersion of the wrong type", async () => {
    const path = await writeRecord("v1s.json", { ...sampleRecord(), schemaVersion: "1" });
    const err = await loadError(path);
    expect(err.message).toContain('$.schemaVersion is "1"');
    expect(err.hint).toMatch(/re-run/);
  });

  it("names the JSON path and the allowed values of a bad verdict", async () => {
    const r = sampleRecord() as unknown as { scenarios: { findings: { verdict: string }[] }[] };
    (r.scenarios[1]?.findings[2] as { verdict: string }).verdict = "pwned";
    const err = await loadError(await writeRecord("verdict.json", r));
    expect(err.message).toContain("$.scenarios[1].findings[2].verdict");
    expect(err.message).toContain('"vulnerable", "secure", "inconclusive", "error", "skipped"');
    expect(err.hint).toMatch(/allowed values/);
  });

  it("suggests the field an unknown one was probably meant to be", async () => {
    const r = sampleRecord() as unknown as { scenarios: Record<string, unknown>[] };
    const s = r.scenarios[0] as Record<string, unknown>;
    s.findngs = s.findings;
    delete s.findings;
    const err = await loadError(await writeRecord("typo.json", r));
    expect(err.message).toContain('$.scenarios[0]: unknown field "findngs"; did you mean "findings"?');
    expect(err.message).toContain('$.scenarios[0]: missing required field "findings"');
  });

  it("names a vantage that is not one", async () => {
    const r = sampleRecord() as unknown as { scenarios: { findings: { vantage: string }[] }[] };
    (r.scenarios[0]?.findings[0] as { vantage: string }).vantage = "the internet";
    const err = await loadError(await writeRecord("vantage.json", r));
    expect(err.message).toContain("$.scenarios[0].findings[0].vantage");
  });

  it("lists at most five problems and counts the rest", async () => {
    const r = sampleRecord() as unknown as { scenarios: { findings: { severity: string }[] }[] };
    for (const f of r.scenarios[0]?.findings ?? []) f.severity = "extreme";
    const err = await loadError(await writeRecord("many.json", r));
    expect(err.message.match(/^ {2}\$/gm)).toHaveLength(5);
    expect(err.message).toMatch(/and \d+ more/);
  });
});

import { describe, expect, it } from "vitest";
import { renderJson } from "./json-report.ts";
import { validateRunRecordShape } from "./record-schema.ts";
import { sampleRecord } from "./testing/sample-record.ts";

describe("JSON writer", () => {
  it("writes the canonical record, pretty-printed, still valid, redacted, without changing the input", () => {
    const record = sampleRecord();
    const before = JSON.stringify(record);
    const text = renderJson(record);
    expect(text.startsWith('{\n  "kind": "chartprobe-run",\n  "schemaVersion": 1,')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    const out = JSON.parse(text);
    expect(validateRunRecordShape(out)).toEqual([]);
    expect(out.scenarios[0].scenario.set["redis.password"]).toBe("***");
    expect(out.scenarios[2].diagnostics[2].content).toContain("password=*** to airflow-postgresql");
    expect(out.scenarios[1].findings).toHaveLength(31);
    expect(JSON.stringify(record)).toBe(before);
  });
});

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheDir } from "../harness/toolchain/paths.ts";
import { renderSarif } from "./sarif-report.ts";
import { sampleRecord } from "./testing/sample-record.ts";

// Both packages are CommonJS; under NodeNext their default import is the module object.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

/**
 * The official OASIS SARIF 2.1.0 schema (errata 01), unchanged, fetched into the cache by
 * scripts/provision/fetch-sarif-schema.sh (the set-up runs it; it checks the sha256).
 */
const OFFICIAL_SCHEMA = resolve(cacheDir(), "schemas/sarif-schema-2.1.0.json");

let validate: ValidateFunction;

beforeAll(() => {
  const schema = JSON.parse(readFileSync(OFFICIAL_SCHEMA, "utf8")) as { id: string; title: string };
  expect(schema.id).toBe(
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  );
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

describe("SARIF output against the official SARIF 2.1.0 JSON Schema", () => {
  it("the sample record's SARIF is valid", () => {
    const log = JSON.parse(renderSarif(sampleRecord()));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("a record with no scenarios still gives a valid log", () => {
    const record = { ...sampleRecord(), scenarios: [] };
    expect(validate(JSON.parse(renderSarif(record)))).toBe(true);
  });

  it("the validator really checks: a broken log is rejected", () => {
    const log = JSON.parse(renderSarif(sampleRecord()));
    log.runs[0].results[0].level = "fatal";
    delete log.runs[1].tool.driver.name;
    expect(validate(log)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain("/runs/0/results/0/level");
    expect(paths).toContain("/runs/1/tool/driver");
  });
});

describe("SARIF validity for records without probe metadata", () => {
  it("is still valid, with rules built from the findings", () => {
    const record = sampleRecord();
    delete record.probes;
    const log = JSON.parse(renderSarif(record));
    expect(validate(log)).toBe(true);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "pod-runs-as-root");
    expect(rule.properties.tags).toContain("workload");
  });
});

import { describe, expect, it } from "vitest";
import type { Evidence, Finding, SourceLocation } from "../harness/model/finding.ts";
import type { ProbeMeta } from "../harness/model/probe.ts";
import type {
  CanaryResult,
  CanaryStep,
  ClusterInfo,
  Diagnostic,
  Phase,
  RunRecord,
  ScenarioResult,
  ToolVersions,
  TruthTable,
  TruthTableCell,
} from "../harness/model/run-record.ts";
import { RUN_RECORD_SCHEMA_VERSION } from "../harness/model/run-record.ts";
import type { ClusterOptions, Expectation, Scenario } from "../harness/model/scenario.ts";
import { SEVERITIES, VERDICTS } from "../harness/model/verdict.ts";
import { jsonPath, runRecordSchema, validateRunRecordShape } from "./record-schema.ts";
import { sampleRecord } from "./testing/sample-record.ts";

// Type-level link between the TS model and the JSON Schema: each map below must name every
// field of its type, marked required or optional exactly as the type declares it, or `tsc`
// fails. The test then checks the schema declares the same fields with the same `required`.
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type FieldMap<T> = { [K in keyof Required<T>]: K extends RequiredKeys<T> ? "required" : "optional" };

const runRecord: FieldMap<RunRecord> = {
  kind: "required",
  schemaVersion: "required",
  runId: "required",
  startedAt: "required",
  finishedAt: "required",
  shard: "optional",
  tools: "required",
  host: "required",
  clusters: "required",
  scenarios: "required",
  probes: "optional",
};
const shard: FieldMap<NonNullable<RunRecord["shard"]>> = { index: "required", count: "required" };
const host: FieldMap<RunRecord["host"]> = {
  os: "required",
  arch: "required",
  kernel: "optional",
  ci: "required",
};
const toolVersions: FieldMap<ToolVersions> = {
  chartprobe: "required",
  node: "required",
  docker: "optional",
  kind: "optional",
  helm: "optional",
  kubectl: "optional",
  kubernetes: "optional",
};
const canaryStep: FieldMap<CanaryStep> = { name: "required", expected: "required", observed: "required" };
const canaryResult: FieldMap<CanaryResult> = {
  engine: "required",
  enforced: "required",
  steps: "required",
  detail: "optional",
  durationMs: "required",
};
const clusterInfo: FieldMap<ClusterInfo> = {
  name: "required",
  provider: "required",
  kubernetesVersion: "required",
  networkPolicy: "required",
  created: "required",
  canary: "optional",
  apiRetries: "optional",
};
const phase: FieldMap<Phase> = {
  name: "required",
  startedAt: "required",
  durationMs: "required",
  status: "required",
  detail: "optional",
};
const truthTableCell: FieldMap<TruthTableCell> = {
  source: "required",
  destination: "required",
  expected: "required",
  intended: "optional",
  observed: "required",
  match: "required",
  repro: "required",
};
const truthTable: FieldMap<TruthTable> = {
  sources: "required",
  destinations: "required",
  cells: "required",
  enforced: "required",
};
const diagnostic: FieldMap<Diagnostic> = { kind: "required", name: "required", content: "required" };
const evidence: FieldMap<Evidence> = { label: "required", content: "required" };
const sourceLocation: FieldMap<SourceLocation> = {
  file: "required",
  line: "optional",
  valuesKey: "optional",
};
const finding: FieldMap<Finding> = {
  probe: "required",
  component: "required",
  vantage: "required",
  verdict: "required",
  severity: "required",
  summary: "required",
  evidence: "required",
  repro: "optional",
  remediation: "required",
  location: "optional",
  durationMs: "optional",
  attempts: "optional",
};
const expectation: FieldMap<Expectation> = {
  probe: "required",
  component: "optional",
  vantage: "optional",
  verdict: "required",
  reason: "optional",
  expires: "optional",
};
const clusterOptions: FieldMap<ClusterOptions> = {
  kubernetesVersion: "required",
  networkPolicy: "required",
  podSecurity: "optional",
  nodes: "optional",
};
const scenario: FieldMap<Scenario> = {
  id: "required",
  target: "required",
  description: "optional",
  valuesFiles: "required",
  set: "required",
  cluster: "required",
  expectations: "required",
  allowUndecided: "optional",
  probes: "optional",
  networkIntent: "optional",
  installTimeoutSeconds: "optional",
};
const scenarioResult: FieldMap<ScenarioResult> = {
  scenario: "required",
  chart: "required",
  valuesDigests: "required",
  cluster: "optional",
  namespace: "optional",
  release: "optional",
  status: "required",
  phases: "required",
  findings: "required",
  truthTable: "optional",
  diagnostics: "optional",
  error: "optional",
};
const chart: FieldMap<ScenarioResult["chart"]> = {
  name: "required",
  version: "optional",
  source: "required",
};
const probeMeta: FieldMap<ProbeMeta> = {
  id: "required",
  title: "required",
  family: "required",
  severity: "required",
  cwe: "required",
  attack: "required",
  remediation: "required",
  valuesKeys: "required",
  description: "required",
};

interface ObjectSchema {
  properties: Record<string, ObjectSchema>;
  required?: string[];
  enum?: unknown[];
  $defs?: Record<string, ObjectSchema>;
}
const schema = runRecordSchema() as unknown as ObjectSchema;
const def = (name: string): ObjectSchema => {
  const d = schema.$defs?.[name];
  if (!d) throw new Error(`schema has no $defs/${name}`);
  return d;
};

const pairs: [string, ObjectSchema, Record<string, "required" | "optional">][] = [
  ["RunRecord", schema, runRecord],
  ["RunRecord.shard", schema.properties.shard as ObjectSchema, shard],
  ["RunRecord.host", schema.properties.host as ObjectSchema, host],
  ["ToolVersions", def("toolVersions"), toolVersions],
  ["CanaryStep", def("canaryStep"), canaryStep],
  ["CanaryResult", def("canaryResult"), canaryResult],
  ["ClusterInfo", def("clusterInfo"), clusterInfo],
  ["Phase", def("phase"), phase],
  ["TruthTableCell", def("truthTableCell"), truthTableCell],
  ["TruthTable", def("truthTable"), truthTable],
  ["Diagnostic", def("diagnostic"), diagnostic],
  ["Evidence", def("evidence"), evidence],
  ["SourceLocation", def("sourceLocation"), sourceLocation],
  ["Finding", def("finding"), finding],
  ["Expectation", def("expectation"), expectation],
  ["ClusterOptions", def("clusterOptions"), clusterOptions],
  ["Scenario", def("scenario"), scenario],
  ["ScenarioResult", def("scenarioResult"), scenarioResult],
  ["ScenarioResult.chart", def("scenarioResult").properties.chart as ObjectSchema, chart],
  ["ProbeMeta", def("probeMeta"), probeMeta],
];

describe("run-record schema", () => {
  it("validates the sample record", () => {
    expect(validateRunRecordShape(sampleRecord())).toEqual([]);
  });

  it("pins schemaVersion to the model's constant", () => {
    expect((schema.properties.schemaVersion as unknown as { const: number }).const).toBe(
      RUN_RECORD_SCHEMA_VERSION,
    );
  });

  it.each(pairs)("%s: the schema has exactly the type's fields and required list", (_name, s, fields) => {
    expect(Object.keys(s.properties).sort()).toEqual(Object.keys(fields).sort());
    const required = Object.entries(fields)
      .filter(([, v]) => v === "required")
      .map(([k]) => k)
      .sort();
    expect([...(s.required ?? [])].sort()).toEqual(required);
  });

  it("uses the model's verdicts and severities", () => {
    expect(def("verdict").enum).toEqual([...VERDICTS]);
    expect(def("severity").enum).toEqual([...SEVERITIES]);
  });

  it("accepts every vantage form and rejects others", () => {
    const withVantage = (vantage: string) => {
      const r = sampleRecord();
      (r.scenarios[0]?.findings[0] as { vantage: string }).vantage = vantage;
      return validateRunRecordShape(r).length;
    };
    for (const ok of ["runner", "foreign-pod", "neighbour-pod", "api", "component:worker"])
      expect(withVantage(ok)).toBe(0);
    for (const bad of ["component:", "Runner", "pod", "component:Web Server"])
      expect(withVantage(bad)).toBeGreaterThan(0);
  });

  it("turns ajv instance paths into JSON paths", () => {
    expect(jsonPath("")).toBe("$");
    expect(jsonPath("/scenarios/0/findings/3/verdict")).toBe("$.scenarios[0].findings[3].verdict");
    expect(jsonPath("/scenarios/0/valuesDigests/values~1a.yaml")).toBe(
      '$.scenarios[0].valuesDigests["values/a.yaml"]',
    );
  });
});

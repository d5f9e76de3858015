import type { Finding } from "../../model/finding.ts";
import type { RunRecord, ScenarioResult, ScenarioStatus } from "../../model/run-record.ts";
import type { Expectation, Scenario } from "../../model/scenario.ts";
import type { Vantage } from "../../model/vantage.ts";
import type { Verdict } from "../../model/verdict.ts";

/** Hand-made run records for gate and CLI tests (not a fixture of the report writers). */
export function finding(probe: string, component: string, vantage: Vantage, verdict: Verdict): Finding {
  return {
    probe,
    component,
    vantage,
    verdict,
    severity: "high",
    summary: `${probe} on ${component} from ${vantage}: ${verdict}`,
    evidence: [],
    remediation: "fix it",
  };
}

export function scenarioResult(
  id: string,
  findings: Finding[],
  options: {
    expectations?: Expectation[];
    allowUndecided?: string[];
    status?: ScenarioStatus;
    probes?: Scenario["probes"];
  } = {},
): ScenarioResult {
  return {
    scenario: {
      id,
      target: id.split("/")[0] ?? "testbed",
      valuesFiles: [],
      set: {},
      cluster: { kubernetesVersion: "1.34.4", networkPolicy: "kube-router" },
      expectations: options.expectations ?? [],
      ...(options.allowUndecided ? { allowUndecided: options.allowUndecided } : {}),
      ...(options.probes ? { probes: options.probes } : {}),
    },
    chart: { name: "testbed", source: "scenarios/testbed/chart" },
    valuesDigests: {},
    status: options.status ?? "completed",
    phases: [],
    findings,
  };
}

export function runRecord(runId: string, scenarios: ScenarioResult[]): RunRecord {
  return {
    kind: "chartprobe-run",
    schemaVersion: 1,
    runId,
    startedAt: "2026-12-01T00:00:00.000Z",
    finishedAt: "2026-12-01T00:10:00.000Z",
    tools: { chartprobe: "0.1.0", node: "24.0.0" },
    host: { os: "linux", arch: "x64", ci: false },
    clusters: [],
    scenarios,
  };
}

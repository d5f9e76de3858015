import type { Finding } from "../harness/model/finding.ts";
import type { RunRecord, ScenarioResult } from "../harness/model/run-record.ts";
import { findingPlainText } from "./finding-text.ts";
import { ProbeCatalog } from "./probe-info.ts";
import { findingTitle, scenarioFailed } from "./verdicts.ts";
import { safeRecord, type WriterOptions } from "./writer-options.ts";
import { xmlAttrs, xmlText } from "./xml-escape.ts";

interface Case {
  xml: string;
  outcome: "pass" | "failure" | "error" | "skipped";
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

/**
 * JUnit XML: one <testsuite> per scenario, one <testcase> per probe × component × vantage.
 * vulnerable → <failure>, error/inconclusive → <error>, skipped → <skipped/>, secure → pass.
 * A scenario that failed before its probes ran becomes one <error> testcase.
 */
export function renderJunit(record: RunRecord, options: WriterOptions = {}): string {
  const r = safeRecord(record, options);
  const catalog = new ProbeCatalog(r, options.probes);
  const suites = r.scenarios.map((s) => suite(s, catalog));
  const total = (k: keyof SuiteCounts) => suites.reduce((n, s) => n + s.counts[k], 0);
  const durationMs = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttrs({
      name: `chartprobe ${r.runId}`,
      tests: total("tests"),
      failures: total("failures"),
      errors: total("errors"),
      skipped: total("skipped"),
      time: seconds(Number.isFinite(durationMs) ? durationMs : 0),
      timestamp: r.startedAt,
    })}>`,
    ...suites.map((s) => s.xml),
    "</testsuites>",
    "",
  ].join("\n");
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suite(s: ScenarioResult, catalog: ProbeCatalog): { xml: string; counts: SuiteCounts } {
  const cases: Case[] = [];
  if (scenarioFailed(s)) cases.push(scenarioErrorCase(s));
  if (s.status === "skipped") {
    cases.push({
      outcome: "skipped",
      xml: `    <testcase${xmlAttrs({ name: "scenario", classname: `${s.scenario.id}.scenario`, time: "0.000" })}>\n      <skipped${xmlAttrs({ message: s.error ?? "scenario skipped" })}/>\n    </testcase>`,
    });
  }
  for (const f of s.findings) cases.push(findingCase(s, f, catalog));
  const counts: SuiteCounts = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === "failure").length,
    errors: cases.filter((c) => c.outcome === "error").length,
    skipped: cases.filter((c) => c.outcome === "skipped").length,
  };
  const time = s.phases.reduce((n, p) => n + p.durationMs, 0);
  const props: Record<string, string | undefined> = {
    chart: s.chart.version ? `${s.chart.name} ${s.chart.version}` : s.chart.name,
    "chart.source": s.chart.source,
    status: s.status,
    kubernetes: s.scenario.cluster.kubernetesVersion,
    networkPolicy: s.scenario.cluster.networkPolicy,
    podSecurity: s.scenario.cluster.podSecurity,
    cluster: s.cluster,
    namespace: s.namespace,
    valuesFiles: s.scenario.valuesFiles.join(", "),
  };
  const propXml = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => `      <property${xmlAttrs({ name, value })}/>`);
  const phases = s.phases.map(
    (p) => `${p.name}: ${p.status} in ${seconds(p.durationMs)} s${p.detail ? ` (${p.detail})` : ""}`,
  );
  const xml = [
    `  <testsuite${xmlAttrs({ name: s.scenario.id, ...counts, time: seconds(time), timestamp: s.phases[0]?.startedAt })}>`,
    "    <properties>",
    ...propXml,
    "    </properties>",
    ...cases.map((c) => c.xml),
    `    <system-out>${xmlText(phases.join("\n"))}</system-out>`,
    "  </testsuite>",
  ].join("\n");
  return { xml, counts };
}

function findingCase(s: ScenarioResult, f: Finding, catalog: ProbeCatalog): Case {
  const open = `    <testcase${xmlAttrs({
    name: findingTitle(f),
    classname: `${s.scenario.id}.${catalog.get(f.probe).family}`,
    time: seconds(f.durationMs),
  })}`;
  const body = xmlText(findingPlainText(f));
  switch (f.verdict) {
    case "vulnerable":
      return {
        outcome: "failure",
        xml: `${open}>\n      <failure${xmlAttrs({ message: f.summary, type: `vulnerable (${f.severity})` })}>${body}</failure>\n    </testcase>`,
      };
    case "error":
    case "inconclusive":
      return {
        outcome: "error",
        xml: `${open}>\n      <error${xmlAttrs({ message: f.summary, type: f.verdict })}>${body}</error>\n    </testcase>`,
      };
    case "skipped":
      return {
        outcome: "skipped",
        xml: `${open}>\n      <skipped${xmlAttrs({ message: f.summary })}/>\n    </testcase>`,
      };
    case "secure":
      return {
        outcome: "pass",
        xml: `${open}>\n      <system-out>${xmlText(f.summary)}</system-out>\n    </testcase>`,
      };
  }
}

function scenarioErrorCase(s: ScenarioResult): Case {
  const failedPhase = s.phases.find((p) => p.status === "failed");
  const text = [
    s.error ?? `scenario ${s.status}`,
    ...s.phases.map((p) => `phase ${p.name}: ${p.status}${p.detail ? ` (${p.detail})` : ""}`),
    ...(s.diagnostics ?? []).map((d) => `--- ${d.kind}: ${d.name} ---\n${d.content}`),
  ].join("\n");
  return {
    outcome: "error",
    xml: `    <testcase${xmlAttrs({
      name: `scenario ${failedPhase?.name ?? "run"}`,
      classname: `${s.scenario.id}.${failedPhase?.name ?? "scenario"}`,
      time: seconds(failedPhase?.durationMs),
    })}>\n      <error${xmlAttrs({ message: s.error ?? `scenario ${s.status}`, type: s.status })}>${xmlText(text)}</error>\n    </testcase>`,
  };
}

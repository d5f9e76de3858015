import { createHash } from "node:crypto";
import type { Finding } from "../harness/model/finding.ts";
import type { ProbeMeta } from "../harness/model/probe.ts";
import type { RunRecord, ScenarioResult } from "../harness/model/run-record.ts";
import type { Severity } from "../harness/model/verdict.ts";
import { findingPlainText } from "./finding-text.ts";
import { ProbeCatalog } from "./probe-info.ts";
import { scenarioFailed } from "./verdicts.ts";
import { safeRecord, type WriterOptions } from "./writer-options.ts";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** GitHub code scanning reads this property to rank findings (CVSS-like, 0.0–10.0). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

type Level = "error" | "warning" | "note" | "none";
const LEVEL: Record<Severity, Level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "warning",
  info: "note",
};

/** The partial fingerprint key; bump the suffix if the hashed fields ever change. */
export const FINGERPRINT_KEY = "chartprobeFinding/v1";

/** Stable across runs and chart versions: chart name, scenario, component, probe, vantage. */
export function fingerprint(
  chart: string,
  scenarioId: string,
  f: Pick<Finding, "component" | "probe" | "vantage">,
) {
  return createHash("sha256")
    .update([chart, scenarioId, f.component, f.probe, f.vantage].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}

/**
 * SARIF 2.1.0: one run per scenario (matrix cell, `automationDetails.id` = chartprobe/<id>/),
 * one rule per probe (ruleId = probe id), results for vulnerable findings (and inconclusive
 * ones as kind "review"); errors and failed installs become tool execution notifications.
 */
export function renderSarif(record: RunRecord, options: WriterOptions = {}): string {
  const r = safeRecord(record, options);
  const catalog = new ProbeCatalog(r, options.probes);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: r.scenarios.map((s) => sarifRun(r, s, catalog)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRun(r: RunRecord, s: ScenarioResult, catalog: ProbeCatalog) {
  const ruleIds = [...new Set(s.findings.map((f) => f.probe))];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const results = s.findings
    .filter((f) => f.verdict === "vulnerable" || f.verdict === "inconclusive")
    .map((f) => result(s, f, ruleIndex.get(f.probe) ?? -1));
  const notifications = [
    ...(scenarioFailed(s)
      ? [{ level: "error", message: { text: `${s.scenario.id}: ${s.error ?? `scenario ${s.status}`}` } }]
      : []),
    ...s.findings
      .filter((f) => f.verdict === "error")
      .map((f) => ({
        level: "error",
        message: { text: `${f.probe} [${f.component}] from ${f.vantage}: ${f.summary}` },
        associatedRule: { id: f.probe, index: ruleIndex.get(f.probe) ?? -1 },
      })),
  ];
  const start = s.phases[0]?.startedAt;
  const last = s.phases.at(-1);
  const end = last ? new Date(Date.parse(last.startedAt) + last.durationMs).toISOString() : undefined;
  return {
    tool: {
      driver: {
        name: "chartprobe",
        version: r.tools.chartprobe,
        semanticVersion: /^\d+\.\d+\.\d+/.test(r.tools.chartprobe) ? r.tools.chartprobe : undefined,
        rules: ruleIds.map((id) => rule(catalog.get(id))),
      },
    },
    automationDetails: {
      id: `chartprobe/${s.scenario.id}/`,
      description: { text: s.scenario.description ?? s.scenario.id },
    },
    invocations: [
      {
        executionSuccessful: s.status === "completed",
        startTimeUtc: start,
        endTimeUtc: end,
        toolExecutionNotifications: notifications,
      },
    ],
    results,
    columnKind: "utf16CodeUnits",
    properties: {
      runId: r.runId,
      scenario: s.scenario.id,
      chart: s.chart.name,
      chartVersion: s.chart.version,
      status: s.status,
      kubernetesVersion: s.scenario.cluster.kubernetesVersion,
      networkPolicy: s.scenario.cluster.networkPolicy,
    },
  };
}

function rule(p: ProbeMeta) {
  const cweTags = p.cwe.flatMap((c) => [`external/cwe/${c.toLowerCase()}`, c]);
  const cweLinks = p.cwe.map((c) => `[${c}](https://cwe.mitre.org/data/definitions/${c.slice(4)}.html)`);
  const keys = p.valuesKeys.length > 0 ? p.valuesKeys.join(", ") : undefined;
  return {
    id: p.id,
    name: p.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description },
    help: {
      text: [p.description, `Remediation: ${p.remediation}`, keys ? `Values keys: ${keys}` : ""]
        .filter(Boolean)
        .join("\n\n"),
      markdown: [
        `**${p.title}** (${p.family}, severity ${p.severity})`,
        p.description,
        `**Remediation:** ${p.remediation}`,
        keys ? `**Values keys:** ${p.valuesKeys.map((k) => `\`${k}\``).join(", ")}` : "",
        cweLinks.length > 0 ? `**Weakness:** ${cweLinks.join(", ")}` : "",
        p.attack.length > 0 ? `**MITRE ATT&CK:** ${p.attack.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
    },
    defaultConfiguration: { level: LEVEL[p.severity] },
    properties: {
      tags: ["security", "chartprobe", p.family, ...cweTags],
      "security-severity": SECURITY_SEVERITY[p.severity],
      precision: "high",
      "problem.severity": p.severity === "info" ? "recommendation" : LEVEL[p.severity],
    },
  };
}

function result(s: ScenarioResult, f: Finding, ruleIndex: number) {
  // SARIF: a level other than "none" requires kind "fail"; an undecided probe is "review".
  const decided = f.verdict === "vulnerable";
  const file = f.location?.file ?? s.scenario.valuesFiles.at(-1);
  return {
    ruleId: f.probe,
    ruleIndex,
    kind: decided ? "fail" : "review",
    level: decided ? LEVEL[f.severity] : "none",
    message: {
      text: `${f.summary} (${f.component} from ${f.vantage}, scenario ${s.scenario.id})${f.repro ? `\nReproduce: ${f.repro}` : ""}`,
    },
    locations: file
      ? [
          {
            physicalLocation: {
              artifactLocation: { uri: fileUri(file) },
              region: { startLine: f.location?.line ?? 1 },
            },
            logicalLocations: [
              {
                name: f.component,
                fullyQualifiedName: `${s.release ?? "release"}/${f.component}`,
                kind: "module",
              },
            ],
          },
        ]
      : [],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(s.chart.name, s.scenario.id, f) },
    properties: {
      verdict: f.verdict,
      severity: f.severity,
      component: f.component,
      vantage: f.vantage,
      valuesKey: f.location?.valuesKey,
      details: findingPlainText(f),
    },
  };
}

/** A repository-relative path as a relative URI reference (segments percent-encoded). */
function fileUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

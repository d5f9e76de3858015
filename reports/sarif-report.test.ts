import { describe, expect, it } from "vitest";
import type { RunRecord } from "../harness/model/run-record.ts";
import { FINGERPRINT_KEY, fingerprint, renderSarif, SECURITY_SEVERITY } from "./sarif-report.ts";
import { sampleRecord } from "./testing/sample-record.ts";

// Loosely typed view of the parts of SARIF the tests read.
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  properties: { component: string; vantage: string; verdict: string };
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  properties: { tags: string[]; "security-severity": string };
}
interface SarifRun {
  tool: { driver: { name: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  invocations: {
    executionSuccessful: boolean;
    toolExecutionNotifications: { message: { text: string } }[];
  }[];
  results: SarifResult[];
}

const sarif = (r: RunRecord): { version: string; runs: SarifRun[] } => JSON.parse(renderSarif(r));

describe("SARIF writer", () => {
  const log = sarif(sampleRecord());
  const [insecure, hardened, failed] = log.runs as [SarifRun, SarifRun, SarifRun];

  it("has one run per scenario, each its own automation category", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.runs.map((r) => r.automationDetails.id)).toEqual([
      "chartprobe/testbed/insecure/",
      "chartprobe/testbed/hardened/",
      "chartprobe/testbed/restricted-psa/",
    ]);
  });

  it("has one rule per probe with help, CWE tags and a numeric security-severity", () => {
    const ids = insecure.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
    const rule = insecure.tool.driver.rules.find((r) => r.id === "redis-no-auth");
    expect(rule?.shortDescription.text).toBe("Redis answers without authentication");
    expect(rule?.properties["security-severity"]).toBe("9.5");
    expect(rule?.properties.tags).toEqual(
      expect.arrayContaining(["security", "network-auth", "external/cwe/cwe-306"]),
    );
    expect(rule?.help.markdown).toContain("**Remediation:**");
    expect(rule?.help.text).toContain("Remediation: Require a password for Redis");
    for (const r of insecure.tool.driver.rules) {
      expect(Number.isFinite(Number(r.properties["security-severity"]))).toBe(true);
    }
    expect(SECURITY_SEVERITY).toEqual({
      critical: "9.5",
      high: "8.0",
      medium: "5.5",
      low: "3.0",
      info: "0.0",
    });
  });

  it("reports vulnerable findings as failures with a level by severity, inconclusive ones for review", () => {
    expect(insecure.results.filter((r) => r.kind === "fail")).toHaveLength(26);
    expect(insecure.results.filter((r) => r.kind === "review")).toHaveLength(1);
    const critical = insecure.results.find((r) => r.ruleId === "redis-no-auth");
    expect(critical?.level).toBe("error");
    const low = insecure.results.find((r) => r.ruleId === "pod-resource-limits");
    expect(low?.level).toBe("warning");
    const review = insecure.results.find((r) => r.kind === "review");
    expect(review?.level).toBe("none");
    for (const res of insecure.results) {
      expect(insecure.tool.driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
      expect(["vulnerable", "inconclusive"]).toContain(res.properties.verdict);
    }
    // Secure and skipped findings are not results.
    expect(hardened.results.every((r) => r.properties.verdict !== "secure")).toBe(true);
  });

  it("locates a result on the values file line that causes it (line 1 when unknown)", () => {
    const res = insecure.results.find((r) => r.ruleId === "postgres-default-credentials");
    expect(res?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "scenarios/testbed/values/insecure.yaml",
    );
    expect(res?.locations[0]?.physicalLocation.region.startLine).toBe(22);
    const r = sampleRecord();
    const f = r.scenarios[0]?.findings[0];
    if (!f?.location) throw new Error("fixture changed");
    f.location = { file: "charts/my chart/values.yaml" };
    const moved = sarif(r).runs[0]?.results[0];
    expect(moved?.locations[0]?.physicalLocation.artifactLocation.uri).toBe("charts/my%20chart/values.yaml");
    expect(moved?.locations[0]?.physicalLocation.region.startLine).toBe(1);
  });

  it("fingerprints are stable across runs and distinct per finding", () => {
    const again = sarif(sampleRecord());
    const prints = (run: SarifRun) => run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints(again.runs[0] as SarifRun)).toEqual(prints(insecure));
    expect(new Set(prints(insecure)).size).toBe(insecure.results.length);
    const base = { component: "redis", probe: "redis-no-auth", vantage: "runner" as const };
    expect(fingerprint("airflow", "a", base)).toBe(fingerprint("airflow", "a", base));
    expect(fingerprint("airflow", "a", base)).not.toBe(fingerprint("airflow", "b", base));
    expect(fingerprint("airflow", "a", base)).not.toBe(
      fingerprint("airflow", "a", { ...base, vantage: "api" }),
    );
    // A new chart version or a new line must not change the identity of a finding.
    const r = sampleRecord();
    const s0 = r.scenarios[0];
    if (!s0?.findings[0]?.location) throw new Error("fixture changed");
    s0.chart.version = "9.0.0";
    s0.findings[0].location.line = 99;
    expect(prints(sarif(r).runs[0] as SarifRun)).toEqual(prints(insecure));
  });

  it("turns probe errors and failed installs into execution notifications", () => {
    expect(hardened.invocations[0]?.executionSuccessful).toBe(true);
    expect(hardened.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text)).toEqual([
      "log-server-no-token [worker] from runner: port-forward to airflow-worker-0:8793 failed: pod is not running",
    ]);
    expect(failed.invocations[0]?.executionSuccessful).toBe(false);
    expect(failed.results).toEqual([]);
    expect(failed.invocations[0]?.toolExecutionNotifications[0]?.message.text).toContain(
      "helm install failed",
    );
  });
});

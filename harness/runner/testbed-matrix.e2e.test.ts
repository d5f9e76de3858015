import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReports } from "../../reports/render.ts";
import { randomSuffix } from "../cluster/naming.ts";
import { planScenarios } from "../commands/common/plan-scenarios.ts";
import { exec } from "../exec.ts";
import { evaluateGate } from "../gate/evaluate-gate.ts";
import { formatGate } from "../gate/format-gate.ts";
import { createMemoryLogger } from "../log/index.ts";
import type { RunRecord } from "../model/run-record.ts";
import { todayUtc } from "../scenario/dates.ts";
import { e2eLogger } from "../testing/e2e-env.ts";
import { runSession } from "./run-session.ts";

// The ground truth: the testbed matrix (insecure, hardened, each single-mutation profile) on
// one real kind cluster, judged by the gate against each scenario's expectations.
const root = resolve(import.meta.dirname, "../..");
const matrix = process.env.CHARTPROBE_E2E_MATRIX ?? "testbed";
let record: RunRecord;

beforeAll(async () => {
  const inputs = await planScenarios({ root, scenarios: [], matrix }, createMemoryLogger());
  const controller = new AbortController();
  ({ record } = await runSession({
    root,
    scenarios: inputs,
    provider: "kind",
    clusterName: `chartprobe-e2e-testbed-${randomSuffix()}`,
    keepCluster: false,
    reuseCluster: false,
    // Two installs at a time overlap one release's image start-up with another's migrations.
    parallel: Number(process.env.CHARTPROBE_E2E_PARALLEL ?? 2),
    log: e2eLogger(),
    signal: controller.signal,
  }));
  const out = join(root, "out", "e2e-testbed");
  await renderReports(record, ["json", "junit", "sarif", "md", "html"], out);
  process.stderr.write(`e2e testbed reports: ${out}\n`);
});

describe(`testbed matrix "${matrix}" on a real cluster`, () => {
  it("proves NetworkPolicy enforcement before judging policies", () => {
    expect(record.clusters.length).toBeGreaterThan(0);
    for (const c of record.clusters) expect(c.canary?.enforced).toBe(true);
  });

  it("installs every scenario and probes it", () => {
    for (const s of record.scenarios) {
      expect({ id: s.scenario.id, status: s.status, error: s.error }).toEqual({
        id: s.scenario.id,
        status: "completed",
        error: undefined,
      });
      expect(s.findings.length).toBeGreaterThan(20);
    }
  });

  it("reports exactly the ground truth (the gate passes)", () => {
    const result = evaluateGate(record, undefined, todayUtc());
    // On a mismatch the gate's text names scenario, probe, component, vantage and expected vs observed.
    expect(result.passed, formatGate(result)).toBe(true);
  });

  it("fails the gate with exit 1 when one expectation is deliberately changed", async () => {
    const changed = structuredClone(record);
    // A weakness the scenario accepts becomes one it says must be fixed: the most specific
    // expectation wins, so the observed `vulnerable` is now unexpected.
    const target = changed.scenarios.find((s) => s.findings.some((f) => f.verdict === "vulnerable"));
    const victim = target?.findings.find((f) => f.verdict === "vulnerable");
    expect(victim).toBeDefined();
    if (!target || !victim) return;
    target.scenario.expectations.push({
      probe: victim.probe,
      component: victim.component,
      vantage: victim.vantage,
      verdict: "secure",
    });
    const dir = mkdtempSync(join(tmpdir(), "chartprobe-gate-"));
    const file = join(dir, "changed.json");
    writeFileSync(file, JSON.stringify(changed));
    const gate = await exec(
      process.execPath,
      [join(root, "harness/cli/main.ts"), "gate", "--current", file],
      {
        allowFailure: true,
        timeoutMs: 60_000,
      },
    );
    expect(gate.exitCode).toBe(1);
    expect(gate.stdout + gate.stderr).toContain(victim.probe);
  });
});

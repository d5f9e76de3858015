import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRunRecord } from "../../reports/load.ts";
import { WRITERS } from "../../reports/render.ts";
import { randomSuffix } from "../cluster/naming.ts";
import { exec } from "../exec.ts";
import { evaluateGate } from "../gate/evaluate-gate.ts";
import { formatGate } from "../gate/format-gate.ts";
import type { RunRecord } from "../model/run-record.ts";
import { todayUtc } from "../scenario/dates.ts";

// The ground truth: the testbed matrix (insecure, hardened, each single-mutation profile) in
// one `chartprobe run --matrix`, exactly as a user types it, on a real kind cluster that the
// run creates and deletes; the gate inside the run must pass against every scenario's
// expectations.
const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "harness/cli/main.ts");
const matrix = process.env.CHARTPROBE_E2E_MATRIX ?? "testbed";
const out = join(root, "out", "e2e-testbed");
let exitCode: number | null;
let stdout = "";
let record: RunRecord;

beforeAll(async () => {
  // Two installs at a time overlap one release's image start-up with another's migrations.
  const args = [
    cli,
    "run",
    "--matrix",
    matrix,
    "--out",
    out,
    "--parallel",
    process.env.CHARTPROBE_E2E_PARALLEL ?? "2",
  ];
  args.push("--cluster-name", `chartprobe-e2e-testbed-${randomSuffix()}`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => (stdout += d));
  // The run's progress goes on to the test's stderr as it happens.
  child.stderr.on("data", (d) => process.stderr.write(d));
  exitCode = await new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  process.stderr.write(`e2e testbed reports: ${out}\n`);
  record = await loadRunRecord(join(out, "run-record.json"));
});

describe(`chartprobe run --matrix ${matrix} on a real cluster`, () => {
  it("proves NetworkPolicy enforcement before judging policies", () => {
    expect(record.clusters.length).toBeGreaterThan(0);
    for (const c of record.clusters) expect(c.canary?.enforced).toBe(true);
  });

  it("installs every scenario and probes it", () => {
    expect(record.scenarios.length).toBeGreaterThan(1);
    for (const s of record.scenarios) {
      expect({ id: s.scenario.id, status: s.status, error: s.error }).toEqual({
        id: s.scenario.id,
        status: "completed",
        error: undefined,
      });
      expect(s.findings.length).toBeGreaterThan(20);
    }
  });

  it("reports exactly the ground truth: the gate passes and the run exits 0", () => {
    const result = evaluateGate(record, undefined, todayUtc());
    // On a mismatch the gate's text names scenario, probe, component, vantage and expected vs observed.
    expect(result.passed, formatGate(result)).toBe(true);
    expect(exitCode, stdout).toBe(0);
    expect(stdout).toContain("gate PASSED");
  });

  it("writes every report format beside the run record", () => {
    for (const { file } of Object.values(WRITERS)) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it("deletes the cluster it created", async () => {
    const clusters = await exec("docker", ["ps", "-a", "--format", "{{.Names}}"]);
    for (const c of record.clusters) expect(clusters.stdout).not.toContain(c.name);
  });

  it("fails the gate with exit 1 and names the finding when one expectation is deliberately changed", async () => {
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
    const gate = await exec(process.execPath, [cli, "gate", "--current", file], {
      allowFailure: true,
      timeoutMs: 60_000,
    }).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(gate.exitCode).toBe(1);
    expect(gate.stdout).toContain("gate FAILED: 1 failing");
    expect(gate.stdout).toMatch(
      new RegExp(`FAIL unexpected-vulnerable +${target.scenario.id} +${victim.probe} +${victim.component}`),
    );
  });
});

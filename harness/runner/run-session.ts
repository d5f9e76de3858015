import { randomUUID } from "node:crypto";
import { release as kernelRelease } from "node:os";
import { allProbes } from "../../attacks/registry.ts";
import type { ClusterProbeAccess } from "../access/cluster-access.ts";
import { deferCleanup } from "../cleanup.ts";
import { runCanary } from "../cluster/canary.ts";
import type { ClusterHandle, ClusterProvider } from "../cluster/cluster-provider.ts";
import { ExistingClusterProvider } from "../cluster/existing-cluster-provider.ts";
import { KindClusterProvider } from "../cluster/kind-cluster-provider.ts";
import { EnvironmentError } from "../errors.ts";
import { exec } from "../exec.ts";
import { LOCAL_IMAGES } from "../images/catalog.ts";
import { Kubectl } from "../kube/kubectl.ts";
import type { Logger } from "../log/logger.ts";
import type { ProbeMeta } from "../model/probe.ts";
import {
  type ClusterInfo,
  RUN_RECORD_SCHEMA_VERSION,
  type RunRecord,
  type ScenarioResult,
} from "../model/run-record.ts";
import { provision } from "../toolchain/provision.ts";
import type { Toolchain } from "../toolchain/toolchain.ts";
import { groupByCluster } from "./cluster-groups.ts";
import { defaultParallelism } from "./parallelism.ts";
import { runScenario, type ScenarioInput } from "./run-scenario.ts";

export const ATTACKER_IMAGE =
  LOCAL_IMAGES.find((i) => i.name === "attacker")?.tag ?? "chartprobe.local/attacker:cp1";

export interface SessionOptions {
  root: string;
  scenarios: ScenarioInput[];
  provider: "kind" | "existing";
  clusterName: string;
  context?: string;
  kubeconfig?: string;
  strategy?: string;
  keepCluster: boolean;
  reuseCluster: boolean;
  onlyProbes?: string[];
  timeoutSeconds?: number;
  parallel?: number;
  shard?: { index: number; count: number };
  /** Keep releases after probing (repro). */
  keepReleases?: boolean;
  log: Logger;
  signal: AbortSignal;
}

export interface SessionResult {
  record: RunRecord;
  /** Open accesses of kept releases (repro); the caller prints how to reach them. */
  kept: { access: ClusterProbeAccess; result: ScenarioResult; handle: ClusterHandle }[];
  toolchain: Toolchain;
}

async function version(file: string, args: string[]): Promise<string | undefined> {
  const r = await exec(file, args, { allowFailure: true, timeoutMs: 20_000 }).catch(() => undefined);
  return r?.exitCode === 0 ? r.stdout.trim().split("\n")[0] : undefined;
}

/** Images a target's pods need, loaded into kind when they were built locally. */
function imagesFor(scenarios: ScenarioInput[]): string[] {
  const set = new Set<string>([ATTACKER_IMAGE]);
  for (const s of scenarios) for (const local of Object.values(s.target.images ?? {})) set.add(local);
  return [...set];
}

/**
 * A whole run: provision, then per cluster group create (or reuse) the cluster, load images,
 * prove NetworkPolicy enforcement with the canary, run the scenarios with bounded parallelism,
 * and delete the cluster unless asked to keep it. Returns the run record.
 */
export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const startedAt = new Date().toISOString();
  const runId = randomUUID();
  const { log } = o;
  // Each Kubernetes version gets its own provisioning (node image, kubectl); warm, a few seconds.
  const toolchains = new Map<string, Toolchain>();
  const toolchainFor = async (kubernetesVersion: string | undefined): Promise<Toolchain> => {
    const key = kubernetesVersion ?? "";
    const known = toolchains.get(key);
    if (known) return known;
    const { toolchain: provisioned } = await log.step(
      `provision toolchain${kubernetesVersion ? ` for Kubernetes ${kubernetesVersion}` : ""}`,
      () =>
        provision({
          ...(o.strategy && o.strategy !== "auto" ? { strategy: o.strategy } : {}),
          ...(kubernetesVersion ? { kubernetesVersion } : {}),
          log,
          signal: o.signal,
        }),
    );
    toolchains.set(key, provisioned);
    return provisioned;
  };
  const toolchain = await toolchainFor(o.scenarios[0]?.scenario.cluster.kubernetesVersion);
  const clusters: ClusterInfo[] = [];
  const results: ScenarioResult[] = [];
  const kept: SessionResult["kept"] = [];
  const groups = groupByCluster(o.scenarios, (s) => s.scenario.cluster, o.clusterName);
  for (const group of groups) {
    if (o.signal.aborted) break;
    const toolchain = await toolchainFor(group.options.kubernetesVersion);
    const provider: ClusterProvider =
      o.provider === "existing"
        ? new ExistingClusterProvider({
            kubectl: toolchain.kubectl,
            kubeconfigPath: o.kubeconfig ?? process.env.KUBECONFIG ?? `${process.env.HOME}/.kube/config`,
            ...(o.context ? { context: o.context } : {}),
            networkPolicy: group.options.networkPolicy,
          })
        : new KindClusterProvider({ toolchain, log, retainOnFailure: o.keepCluster });
    const handle = await log.step(`cluster ${group.name}`, () =>
      provider.up(
        {
          name: group.name,
          kubernetesVersion: group.options.kubernetesVersion,
          networkPolicy: group.options.networkPolicy,
          nodes: group.options.nodes ?? 1,
        },
        o.signal,
      ),
    );
    const deleteCluster = handle.created && !o.keepCluster && !o.reuseCluster && !o.keepReleases;
    const forget = deleteCluster
      ? deferCleanup(`delete cluster ${handle.name}`, () => provider.down(handle.name))
      : () => {};
    try {
      if (provider.info().canLoadImages) {
        await log.step(`load images into ${handle.name}`, () =>
          provider.loadImages(handle, imagesFor(group.members)),
        );
      }
      const kubectl = new Kubectl(toolchain.kubectl, handle.kubeconfigPath, handle.context);
      kubectl.onRetry = (what, why) =>
        log.warn(`${what}: transient API failure, retrying with backoff (${why})`);
      const canary = await log.step(`NetworkPolicy canary on ${handle.name}`, () =>
        runCanary({ kubectl, engine: group.options.networkPolicy, image: ATTACKER_IMAGE, log }),
      );
      if (canary.enforced !== true) {
        log.warn(
          `NetworkPolicy is not proven enforced on ${handle.name} (${canary.detail ?? "unknown"}): NetworkPolicy findings will be inconclusive`,
        );
      }
      const cluster: ClusterInfo = {
        name: handle.name,
        provider: handle.provider,
        kubernetesVersion: handle.kubernetesVersion,
        networkPolicy: handle.networkPolicy,
        created: handle.created,
        canary,
      };
      clusters.push(cluster);
      const queue = [...group.members];
      const worker = async () => {
        for (let next = queue.shift(); next && !o.signal.aborted; next = queue.shift()) {
          log.info(`scenario ${next.scenario.id}: starting on ${handle.name}`);
          const outcome = await runScenario(next, {
            root: o.root,
            clusterName: handle.name,
            kubectl,
            helm: toolchain.helm,
            canary,
            attackerImage: ATTACKER_IMAGE,
            runId,
            log,
            signal: o.signal,
            ...(o.onlyProbes?.length ? { onlyProbes: o.onlyProbes } : {}),
            ...(o.keepReleases ? { keep: true } : {}),
            ...(o.timeoutSeconds ? { timeoutSeconds: o.timeoutSeconds } : {}),
          });
          results.push(outcome.result);
          if (outcome.access) kept.push({ access: outcome.access, result: outcome.result, handle });
          const vulnerable = outcome.result.findings.filter((f) => f.verdict === "vulnerable").length;
          log.info(
            `scenario ${next.scenario.id}: ${outcome.result.status}, ${outcome.result.findings.length} findings, ${vulnerable} vulnerable`,
          );
        }
      };
      const parallel = o.parallel ?? defaultParallelism(group.members.length);
      log.info(`cluster ${handle.name}: ${group.members.length} scenario(s), ${parallel} at a time`);
      await Promise.all(Array.from({ length: parallel }, worker)).finally(() => {
        if (kubectl.retries > 0) cluster.apiRetries = kubectl.retries;
      });
    } finally {
      forget();
      if (deleteCluster) {
        await log
          .step(`delete cluster ${handle.name}`, () => provider.down(handle.name))
          .catch((e: Error) => log.warn(`could not delete cluster ${handle.name}: ${e.message}`));
      }
    }
  }
  if (o.signal.aborted && results.length < o.scenarios.length) {
    throw new EnvironmentError("run interrupted", "run `chartprobe clean` if anything was left behind");
  }
  const order = new Map(o.scenarios.map((s, i) => [s.scenario.id, i]));
  results.sort((a, b) => (order.get(a.scenario.id) ?? 0) - (order.get(b.scenario.id) ?? 0));
  const record: RunRecord = {
    kind: "chartprobe-run",
    schemaVersion: RUN_RECORD_SCHEMA_VERSION,
    runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(o.shard ? { shard: o.shard } : {}),
    tools: {
      chartprobe: "0.1.0",
      node: process.version,
      ...optional("docker", await version("docker", ["version", "--format", "{{.Server.Version}}"])),
      ...optional("kind", await version(toolchain.kind, ["version"])),
      ...optional("helm", await version(toolchain.helm, ["version", "--short"])),
      ...optional("kubectl", await version(toolchain.kubectl, ["version", "--client"])),
      ...optional("kubernetes", clusters[0]?.kubernetesVersion),
    },
    host: {
      os: process.platform,
      arch: process.arch,
      kernel: kernelRelease(),
      ci: process.env.CI === "true",
    },
    clusters,
    scenarios: results,
    // Probe metadata travels with the record so reports (SARIF rules, titles) need no registry.
    probes: probeCatalog(),
  };
  return { record, kept, toolchain };
}

function probeCatalog(): ProbeMeta[] {
  return allProbes.map(
    ({ id, title, family, severity, cwe, attack, remediation, valuesKeys, description }) => ({
      id,
      title,
      family,
      severity,
      cwe,
      attack,
      remediation,
      valuesKeys,
      description,
    }),
  );
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

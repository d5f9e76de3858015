import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { cacheDir, localNodeImage, upstreamNodeImage, VERSIONS } from "./paths.ts";

export type Strategy = "online" | "offline";

/** The binaries and images one run uses; resolved once, passed everywhere. */
export interface Toolchain {
  strategy: Strategy;
  kind: string;
  helm: string;
  kubectl: string;
  docker: string;
  nodeImage: string;
}

export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Online: kind/helm/kubectl from PATH and upstream images pulled. Offline ("from package
 * registries only"): everything built by scripts/provision into the cache. Chosen by
 * CHARTPROBE_STRATEGY or --strategy; otherwise offline unless kind and helm are already on
 * PATH — deciding by a network request would send traffic to a public address.
 */
export function detectStrategy(forced?: string): Strategy {
  const choice = forced ?? process.env.CHARTPROBE_STRATEGY;
  if (choice === "online" || choice === "offline") return choice;
  if (choice) throw new Error(`unknown strategy "${choice}" (use online or offline)`);
  return findOnPath("kind") && findOnPath("helm") ? "online" : "offline";
}

/** The kind node image of one Kubernetes version: pulled online, built by scripts/provision offline. */
export function nodeImageFor(strategy: Strategy, kubernetesVersion: string): string {
  return strategy === "online" ? upstreamNodeImage(kubernetesVersion) : localNodeImage(kubernetesVersion);
}

export function resolveToolchain(strategy: Strategy, kubernetesVersion = VERSIONS.kubernetes): Toolchain {
  const cache = cacheDir();
  const k8s = kubernetesVersion.startsWith("v") ? kubernetesVersion : `v${kubernetesVersion}`;
  if (strategy === "online") {
    return {
      strategy,
      kind: findOnPath("kind") ?? join(cache, "bin", "kind"),
      helm: findOnPath("helm") ?? join(cache, "bin", "helm"),
      kubectl: findOnPath("kubectl") ?? join(cache, "bin", "kubectl"),
      docker: findOnPath("docker") ?? "docker",
      nodeImage: nodeImageFor(strategy, k8s),
    };
  }
  return {
    strategy,
    kind: join(cache, "bin", "kind"),
    helm: join(cache, "bin", "helm"),
    kubectl: join(cache, "kubernetes", k8s, "kubectl"),
    docker: findOnPath("docker") ?? "docker",
    nodeImage: nodeImageFor(strategy, k8s),
  };
}

/** Which of the toolchain's binaries are missing on disk. */
export function missingBinaries(toolchain: Toolchain): string[] {
  return (["kind", "helm", "kubectl"] as const).filter((k) => !existsSync(toolchain[k]));
}

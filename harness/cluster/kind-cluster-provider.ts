import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deferCleanup } from "../cleanup.ts";
import { EnvironmentError } from "../errors.ts";
import { exec } from "../exec.ts";
import { Kubectl } from "../kube/kubectl.ts";
import type { NetworkPolicyEngine } from "../model/scenario.ts";
import { kubeconfigDir, kubeconfigPathFor } from "../toolchain/paths.ts";
import { nodeImageFor, type Toolchain } from "../toolchain/toolchain.ts";
import type {
  ClusterHandle,
  ClusterProvider,
  ClusterRequest,
  ClusterSummary,
  ProviderInfo,
} from "./cluster-provider.ts";
import { renderKindConfig } from "./kind-config.ts";
import { removeKindNodeContainers } from "./kind-node-containers.ts";
import { isOurClusterName } from "./naming.ts";
import { installPodNetwork } from "./network/pod-network.ts";
import { deployedEngine, installPolicyEngine } from "./network/policy-engines.ts";
import { nodesOfOtherVersions, nodeVersions } from "./node-version.ts";

/** Engines this provider cannot give a cluster with the given strategy, as the error to show. */
export function unsupportedEngine(
  engine: NetworkPolicyEngine,
  strategy: "online" | "offline",
): EnvironmentError | undefined {
  if (engine === "kindnet" && strategy === "offline") {
    return new EnvironmentError(
      "the kindnet engine needs kind's own node image: the locally built node image has no kindnetd (its Go module is not served by the module proxy)",
      "use --network-policy kube-router (default, enforces on this kernel) or none; kindnet works with --strategy online; kube-network-policies is the engine kindnetd embeds",
    );
  }
  if (engine === "calico") {
    return new EnvironmentError(
      "the calico engine is not installed by chartprobe's kind provider",
      "use --network-policy kube-router (default), or --provider existing with a cluster that runs Calico",
    );
  }
  return undefined;
}

export interface KindProviderOptions {
  toolchain: Toolchain;
  log: { info(message: string): void; warn(message: string): void };
  /** Keep a half-created cluster for debugging instead of deleting it. */
  retainOnFailure?: boolean;
}

export class KindClusterProvider implements ClusterProvider {
  private readonly options: KindProviderOptions;

  constructor(options: KindProviderOptions) {
    this.options = options;
  }

  info(): ProviderInfo {
    return {
      name: "kind",
      canCreate: true,
      canLoadImages: true,
      networkPolicyEngines: ["kube-router", "kube-network-policies", "kindnet", "none"],
    };
  }

  private kind(args: string[], timeoutMs = 600_000) {
    return exec(this.options.toolchain.kind, args, { timeoutMs });
  }

  async clusterNames(): Promise<string[]> {
    const result = await this.kind(["get", "clusters"], 30_000);
    return result.stdout
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("No kind clusters"));
  }

  kubectlFor(handle: Pick<ClusterHandle, "kubeconfigPath" | "context">): Kubectl {
    return new Kubectl(this.options.toolchain.kubectl, handle.kubeconfigPath, handle.context);
  }

  async up(request: ClusterRequest, signal?: AbortSignal): Promise<ClusterHandle> {
    const { log, toolchain } = this.options;
    const handle: ClusterHandle = {
      name: request.name,
      provider: "kind",
      kubeconfigPath: kubeconfigPathFor(request.name),
      kubernetesVersion: request.kubernetesVersion,
      networkPolicy: request.networkPolicy,
      created: false,
    };
    const unsupported = unsupportedEngine(request.networkPolicy, toolchain.strategy);
    if (unsupported) throw unsupported;
    if ((await this.clusterNames()).includes(request.name)) {
      if (!isOurClusterName(request.name)) {
        throw new EnvironmentError(
          `a kind cluster named "${request.name}" exists and was not created by chartprobe`,
          "choose another --cluster-name, or delete it yourself with `kind delete cluster --name " +
            request.name +
            "`",
        );
      }
      await this.exportKubeconfig(request.name);
      if (await this.healthy(handle)) {
        await this.requireVersion(handle, "exists and runs another Kubernetes version");
        log.info(`cluster ${request.name}: reusing the existing healthy cluster`);
        return handle;
      }
      throw new EnvironmentError(
        `cluster "${request.name}" exists but is not healthy (its nodes are not Ready)`,
        `remove it with \`chartprobe cluster down ${request.name}\` (or \`chartprobe clean\`) and run again`,
      );
    }

    // The image follows the request, not the toolchain, so each Kubernetes version of a matrix
    // gets a cluster of that version.
    const nodeImage = nodeImageFor(toolchain.strategy, request.kubernetesVersion);
    if (toolchain.strategy === "offline") await this.requireLocalImage(nodeImage, request.kubernetesVersion);
    mkdirSync(kubeconfigDir(), { recursive: true });
    const configPath = join(tmpdir(), `chartprobe-kind-${request.name}.yaml`);
    writeFileSync(
      configPath,
      renderKindConfig({
        name: request.name,
        nodeImage,
        nodes: request.nodes,
        defaultCni: request.networkPolicy === "kindnet",
      }),
    );
    // Registered before creation starts, so Ctrl-C during `kind create` still removes the nodes.
    // kind create runs as a child: on Ctrl-C it is stopped first and awaited, so the delete
    // that follows cannot race a node container that is still being started.
    const creation = new AbortController();
    signal?.addEventListener("abort", () => creation.abort(), { once: true });
    let creating: Promise<unknown> | undefined;
    const forget = deferCleanup(`delete kind cluster ${request.name}`, async () => {
      creation.abort();
      await creating?.catch(() => undefined);
      await this.down(request.name);
      // The daemon may still finish a `docker run` whose client was killed: look once more.
      await new Promise((r) => setTimeout(r, 3000));
      await this.down(request.name);
    });
    try {
      log.info(`cluster ${request.name}: creating (kind, ${request.nodes} node(s), ${nodeImage})`);
      creating = exec(
        toolchain.kind,
        ["create", "cluster", "--config", configPath, "--kubeconfig", handle.kubeconfigPath, "--retain"],
        {
          timeoutMs: 900_000,
          signal: creation.signal,
          processGroup: true,
          onOutput: (chunk) => {
            for (const line of chunk.split("\n")) if (line.trim()) log.info(`  ${line.trim()}`);
          },
        },
      );
      await creating;
      handle.created = true;
      const kubectl = this.kubectlFor(handle);
      if (request.networkPolicy !== "kindnet") {
        log.info(`cluster ${request.name}: installing pod networking (ptp)`);
        await installPodNetwork(kubectl, toolchain.docker);
      }
      const engine = deployedEngine(request.networkPolicy);
      if (engine) {
        log.info(`cluster ${request.name}: installing the NetworkPolicy engine (${request.networkPolicy})`);
        await installPolicyEngine(engine, {
          kubectl,
          docker: toolchain.docker,
          strategy: toolchain.strategy,
          loadImage: (image) => this.loadImages(handle, [image]),
        });
      }
      log.info(`cluster ${request.name}: waiting for nodes and CoreDNS`);
      await kubectl.run(["wait", "--for=condition=Ready", "nodes", "--all", "--timeout=300s"], {
        timeoutMs: 310_000,
      });
      await kubectl.run(["-n", "kube-system", "rollout", "status", "deployment/coredns", "--timeout=300s"], {
        timeoutMs: 310_000,
      });
      await this.requireVersion(
        handle,
        "came up with another Kubernetes version than its node image promised",
      );
      forget();
      return handle;
    } catch (error) {
      if (this.options.retainOnFailure) {
        forget();
        log.warn(`cluster ${request.name}: creation failed; kept for debugging (--keep-cluster)`);
      } else {
        forget();
        await this.down(request.name).catch((e: Error) => log.warn(`cleanup after failure: ${e.message}`));
      }
      throw error instanceof EnvironmentError
        ? error
        : new EnvironmentError(
            `could not create cluster ${request.name}: ${(error as Error).message}`,
            undefined,
            {
              cause: error,
            },
          );
    } finally {
      rmSync(configPath, { force: true });
    }
  }

  private async exportKubeconfig(name: string): Promise<void> {
    mkdirSync(kubeconfigDir(), { recursive: true });
    await this.kind(
      ["export", "kubeconfig", "--name", name, "--kubeconfig", kubeconfigPathFor(name)],
      60_000,
    );
  }

  private async healthy(handle: ClusterHandle): Promise<boolean> {
    const result = await this.kubectlFor(handle).run(
      ["wait", "--for=condition=Ready", "nodes", "--all", "--timeout=20s"],
      { allowFailure: true, timeoutMs: 30_000 },
    );
    return result.exitCode === 0;
  }

  private async requireLocalImage(image: string, kubernetesVersion: string): Promise<void> {
    const inspect = await exec(this.options.toolchain.docker, ["image", "inspect", "-f", "{{.Id}}", image], {
      allowFailure: true,
      timeoutMs: 30_000,
    });
    if (inspect.exitCode !== 0) {
      throw new EnvironmentError(
        `the kind node image for Kubernetes ${kubernetesVersion} (${image}) has not been built`,
        `build it with \`K8S_VERSION=v${kubernetesVersion.replace(/^v/, "")} bash scripts/bootstrap.sh setup\` (a cold Kubernetes build takes about 30 min), or pick a version that is built (\`chartprobe doctor\`)`,
      );
    }
  }

  private async requireVersion(handle: ClusterHandle, problem: string): Promise<void> {
    const other = nodesOfOtherVersions(handle.kubernetesVersion, await nodeVersions(this.kubectlFor(handle)));
    if (other.length > 0) {
      throw new EnvironmentError(
        `cluster "${handle.name}" ${problem}: requested ${handle.kubernetesVersion}, nodes ${other.join(", ")}`,
        `use another --cluster-name, or remove it with \`chartprobe cluster down ${handle.name}\``,
      );
    }
  }

  async down(name: string): Promise<void> {
    await this.kind(["delete", "cluster", "--name", name, "--kubeconfig", kubeconfigPathFor(name)], 300_000);
    rmSync(kubeconfigPathFor(name), { force: true });
    // A node container whose `docker run` was still in flight when kind listed the nodes.
    await removeKindNodeContainers(this.options.toolchain.docker, name);
  }

  async list(): Promise<ClusterSummary[]> {
    const names = await this.clusterNames();
    const summaries: ClusterSummary[] = [];
    for (const name of names) {
      const ps = await exec(
        this.options.toolchain.docker,
        ["ps", "-a", "--filter", `label=io.x-k8s.kind.cluster=${name}`, "--format", "{{.Names}}\t{{.State}}"],
        { timeoutMs: 30_000 },
      );
      const rows = ps.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("\t"));
      const states = [...new Set(rows.map((r) => r[1] ?? "unknown"))];
      summaries.push({
        name,
        provider: "kind",
        nodes: rows.map((r) => r[0] ?? ""),
        ours: isOurClusterName(name),
        state: states.join(",") || "unknown",
      });
    }
    return summaries;
  }

  async loadImages(handle: ClusterHandle, images: string[]): Promise<void> {
    if (images.length === 0) return;
    this.options.log.info(`cluster ${handle.name}: loading ${images.length} image(s) into the nodes`);
    await this.kind(["load", "docker-image", "--name", handle.name, ...images], 900_000);
  }
}

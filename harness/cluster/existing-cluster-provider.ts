import { EnvironmentError } from "../errors.ts";
import { Kubectl } from "../kube/kubectl.ts";
import type { NetworkPolicyEngine } from "../model/scenario.ts";
import type {
  ClusterHandle,
  ClusterProvider,
  ClusterRequest,
  ClusterSummary,
  ProviderInfo,
} from "./cluster-provider.ts";

/**
 * A cluster someone else runs (a real multi-node cluster, or a kind cluster made by hand),
 * reached through a kubeconfig context. chartprobe never creates or deletes it; it only
 * creates (and removes) its own namespaces inside.
 */
export class ExistingClusterProvider implements ClusterProvider {
  private readonly kubectlBinary: string;
  private readonly kubeconfigPath: string;
  private readonly context: string | undefined;
  private readonly engine: NetworkPolicyEngine;

  constructor(options: {
    kubectl: string;
    kubeconfigPath: string;
    context?: string;
    networkPolicy?: NetworkPolicyEngine;
  }) {
    this.kubectlBinary = options.kubectl;
    this.kubeconfigPath = options.kubeconfigPath;
    this.context = options.context;
    // Unknown until the canary has run; the declared engine is only a label in reports.
    this.engine = options.networkPolicy ?? "none";
  }

  info(): ProviderInfo {
    return { name: "existing", canCreate: false, canLoadImages: false, networkPolicyEngines: [this.engine] };
  }

  private kubectl(): Kubectl {
    return new Kubectl(this.kubectlBinary, this.kubeconfigPath, this.context);
  }

  async up(request: ClusterRequest): Promise<ClusterHandle> {
    const version = await this.kubectl().run(["version", "-o", "json"], {
      allowFailure: true,
      timeoutMs: 30_000,
    });
    if (version.exitCode !== 0) {
      throw new EnvironmentError(
        `cannot reach the cluster of context "${this.context ?? "(current)"}" in ${this.kubeconfigPath}`,
        "check --context and KUBECONFIG; `kubectl cluster-info` must work",
      );
    }
    const server = (JSON.parse(version.stdout) as { serverVersion?: { gitVersion?: string } }).serverVersion;
    return {
      name: this.context ?? request.name,
      provider: "existing",
      kubeconfigPath: this.kubeconfigPath,
      ...(this.context ? { context: this.context } : {}),
      kubernetesVersion: server?.gitVersion ?? request.kubernetesVersion,
      networkPolicy: this.engine,
      created: false,
    };
  }

  async down(): Promise<void> {
    // Never deletes a cluster it did not create.
  }

  async list(): Promise<ClusterSummary[]> {
    const nodes = await this.kubectl().json<{ items: { metadata: { name: string } }[] }>(["get", "nodes"]);
    return [
      {
        name: this.context ?? "(current context)",
        provider: "existing",
        nodes: nodes.items.map((n) => n.metadata.name),
        ours: false,
        state: "reachable",
      },
    ];
  }

  async loadImages(_handle: ClusterHandle, images: string[]): Promise<void> {
    if (images.length > 0) {
      throw new EnvironmentError(
        `an existing cluster cannot be given locally built images (${images.join(", ")})`,
        "use upstream images the cluster can pull (online strategy), or push them to a registry the cluster reaches",
      );
    }
  }
}

import { EnvironmentError } from "../../errors.ts";
import { exec } from "../../exec.ts";
import type { Kubectl } from "../../kube/kubectl.ts";
import type { NetworkPolicyEngine } from "../../model/scenario.ts";
import {
  kubeNetworkPoliciesImage,
  kubeRouterImage,
  upstreamKubeNetworkPoliciesImage,
  upstreamKubeRouterImage,
} from "../../toolchain/paths.ts";
import { kubeNetworkPoliciesManifest } from "./kube-network-policies-manifest.ts";
import { kubeRouterManifest } from "./kube-router-manifest.ts";

/** A NetworkPolicy engine chartprobe deploys itself as a DaemonSet on a kind cluster. */
export interface DeployedEngine {
  daemonSet: string;
  manifest(image: string): string;
  /** Built locally by the set-up, for the offline strategy. */
  localImage(): string;
  upstreamImage(): string;
  /** Whether the locally built node image already carries the image (else it is loaded). */
  inNodeImage: boolean;
  /** The provisioning script that builds the local image. */
  buildScript: string;
}

const DEPLOYED: Partial<Record<NetworkPolicyEngine, DeployedEngine>> = {
  "kube-router": {
    daemonSet: "kube-router",
    manifest: kubeRouterManifest,
    localImage: kubeRouterImage,
    upstreamImage: upstreamKubeRouterImage,
    inNodeImage: true,
    buildScript: "scripts/provision/build-node-image.sh",
  },
  "kube-network-policies": {
    daemonSet: "kube-network-policies",
    manifest: kubeNetworkPoliciesManifest,
    localImage: kubeNetworkPoliciesImage,
    upstreamImage: upstreamKubeNetworkPoliciesImage,
    inNodeImage: false,
    buildScript: "scripts/provision/build-engine-images.sh",
  },
};

export const deployedEngine = (engine: NetworkPolicyEngine): DeployedEngine | undefined => DEPLOYED[engine];

export interface EngineInstallContext {
  kubectl: Kubectl;
  docker: string;
  strategy: "online" | "offline";
  /** Loads a local image into the cluster's nodes (kind load). */
  loadImage(image: string): Promise<void>;
}

/** Installs the engine's DaemonSet and waits until it runs on every node. */
export async function installPolicyEngine(engine: DeployedEngine, ctx: EngineInstallContext): Promise<void> {
  let image = engine.upstreamImage();
  if (ctx.strategy === "offline") {
    image = engine.localImage();
    if (!engine.inNodeImage) {
      const present = await exec(ctx.docker, ["image", "inspect", image], {
        allowFailure: true,
        timeoutMs: 30_000,
      });
      if (present.exitCode !== 0) {
        throw new EnvironmentError(
          `the NetworkPolicy engine image ${image} has not been built`,
          `run \`bash ${engine.buildScript}\` (the README's set-up does it)`,
        );
      }
      await ctx.loadImage(image);
    }
  }
  await ctx.kubectl.apply(engine.manifest(image));
  await ctx.kubectl.run(
    ["-n", "kube-system", "rollout", "status", `daemonset/${engine.daemonSet}`, "--timeout=180s"],
    { timeoutMs: 190_000 },
  );
}

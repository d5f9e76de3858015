import { runCanary } from "../cluster/canary.ts";
import type { ClusterHandle } from "../cluster/cluster-provider.ts";
import { KindClusterProvider } from "../cluster/kind-cluster-provider.ts";
import { planScenarios } from "../commands/common/plan-scenarios.ts";
import { Kubectl } from "../kube/kubectl.ts";
import type { Logger } from "../log/logger.ts";
import type { ScenarioEnvironment, ScenarioInput } from "../runner/run-scenario.ts";
import { ATTACKER_IMAGE } from "../runner/run-session.ts";
import { provision } from "../toolchain/provision.ts";
import type { Toolchain } from "../toolchain/toolchain.ts";

export interface ScenarioCluster {
  input: ScenarioInput;
  toolchain: Toolchain;
  provider: KindClusterProvider;
  handle: ClusterHandle;
  kubectl: Kubectl;
  /** What `runScenario` and `probeAgain` need, without the per-call keep/probe options. */
  env: ScenarioEnvironment;
}

/**
 * For benchmarks and e2e tests that drive one scenario by hand: provisioning, a kind cluster
 * (created, or reused when healthy and ours), the scenario's images loaded and the canary run,
 * exactly as `chartprobe run` prepares a cluster. The caller deletes the cluster.
 */
export async function prepareScenarioCluster(o: {
  root: string;
  scenarioId: string;
  clusterName: string;
  runId: string;
  log: Logger;
  signal?: AbortSignal;
}): Promise<ScenarioCluster> {
  const [input] = await planScenarios({ root: o.root, scenarios: [o.scenarioId] }, o.log);
  if (!input) throw new Error(`${o.scenarioId} is not in the scenario catalog`);
  const { kubernetesVersion, networkPolicy } = input.scenario.cluster;
  const { toolchain } = await provision({ kubernetesVersion, log: o.log });
  const provider = new KindClusterProvider({ toolchain, log: o.log });
  const handle = await provider.up({ name: o.clusterName, kubernetesVersion, networkPolicy, nodes: 1 });
  const kubectl = new Kubectl(toolchain.kubectl, handle.kubeconfigPath);
  await provider.loadImages(handle, [ATTACKER_IMAGE, ...Object.values(input.target.images ?? {})]);
  const canary = await runCanary({ kubectl, engine: networkPolicy, image: ATTACKER_IMAGE, log: o.log });
  const env: ScenarioEnvironment = {
    root: o.root,
    clusterName: o.clusterName,
    kubectl,
    helm: toolchain.helm,
    canary,
    attackerImage: ATTACKER_IMAGE,
    runId: o.runId,
    log: o.log,
    signal: o.signal ?? new AbortController().signal,
  };
  return { input, toolchain, provider, handle, kubectl, env };
}

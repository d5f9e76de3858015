import type { CliContext } from "../../cli/cli-context.ts";
import { runCanary } from "../../cluster/canary.ts";
import { KindClusterProvider, unsupportedEngine } from "../../cluster/kind-cluster-provider.ts";
import { Kubectl } from "../../kube/kubectl.ts";
import type { Logger } from "../../log/logger.ts";
import { ATTACKER_IMAGE } from "../../runner/run-session.ts";
import { provision } from "../../toolchain/provision.ts";
import { detectStrategy } from "../../toolchain/toolchain.ts";
import { abortOnSignal } from "../common/abort-on-signal.ts";
import { table, toJson } from "../common/print.ts";
import { currentToolchain } from "../common/toolchain-for.ts";
import type { ClusterDownOptions, ClusterListOptions, ClusterUpOptions } from "./options.ts";

export async function clusterUpAction(
  options: ClusterUpOptions,
  log: Logger,
  ctx: CliContext,
): Promise<void> {
  const unsupported = unsupportedEngine(
    options.networkPolicy,
    detectStrategy(options.strategy === "auto" ? undefined : options.strategy),
  );
  if (unsupported) throw unsupported;
  const signal = abortOnSignal();
  const { toolchain } = await provision({
    ...(options.strategy !== "auto" ? { strategy: options.strategy } : {}),
    kubernetesVersion: options.kubernetesVersion,
    log,
    signal,
  });
  const provider = new KindClusterProvider({ toolchain, log });
  const started = performance.now();
  const handle = await provider.up(
    {
      name: options.name,
      kubernetesVersion: options.kubernetesVersion,
      networkPolicy: options.networkPolicy,
      nodes: options.nodes,
    },
    signal,
  );
  const createdMs = Math.round(performance.now() - started);
  await provider.loadImages(handle, [ATTACKER_IMAGE]);
  const canary = options.skipCanary
    ? undefined
    : await runCanary({
        kubectl: new Kubectl(toolchain.kubectl, handle.kubeconfigPath),
        engine: options.networkPolicy,
        image: ATTACKER_IMAGE,
        log,
      });
  if (canary && canary.enforced !== true && options.networkPolicy !== "none") {
    log.warn(
      `the ${options.networkPolicy} engine does not enforce NetworkPolicy on this cluster: NetworkPolicy findings on it will be inconclusive`,
    );
  }
  const summary = { ...handle, createSeconds: createdMs / 1000, canary };
  ctx.out(
    options.json
      ? toJson(summary)
      : [
          `cluster ${handle.name} ${handle.created ? "created" : "reused"} in ${(createdMs / 1000).toFixed(1)} s`,
          `kubeconfig: ${handle.kubeconfigPath}`,
          `try: kubectl --kubeconfig ${handle.kubeconfigPath} get nodes`,
          canary
            ? `NetworkPolicy canary (${canary.engine}): ${canary.enforced === true ? "enforced" : canary.enforced === false ? "NOT enforced" : "could not run"}${canary.detail ? ` — ${canary.detail}` : ""}`
            : "NetworkPolicy canary: skipped",
          `remove it with: chartprobe cluster down ${handle.name}`,
          "",
        ].join("\n"),
  );
}

export async function clusterDownAction(
  options: ClusterDownOptions,
  log: Logger,
  ctx: CliContext,
): Promise<void> {
  const provider = new KindClusterProvider({ toolchain: currentToolchain("auto"), log });
  const names = await provider.clusterNames();
  if (!names.includes(options.name)) {
    log.warn(`no kind cluster named ${options.name}`);
  } else {
    await provider.down(options.name);
  }
  ctx.out(
    options.json
      ? toJson({ deleted: names.includes(options.name) ? [options.name] : [] })
      : `cluster ${options.name}: gone\n`,
  );
}

export async function clusterListAction(
  options: ClusterListOptions,
  log: Logger,
  ctx: CliContext,
): Promise<void> {
  const provider = new KindClusterProvider({ toolchain: currentToolchain("auto"), log });
  const clusters = await provider.list();
  ctx.out(
    options.json
      ? toJson(clusters)
      : clusters.length === 0
        ? "no kind clusters\n"
        : table(
            ["NAME", "OURS", "STATE", "NODES"],
            clusters.map((c) => [c.name, c.ours ? "yes" : "no", c.state, c.nodes.join(",")]),
          ),
  );
}

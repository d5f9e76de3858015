import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import type { NetworkPolicyEngine, PodSecurityLevel } from "../../model/scenario.ts";
import {
  DEFAULT_CLUSTER_NAME,
  NETWORK_POLICY_ENGINES,
  POD_SECURITY_LEVELS,
  STRATEGIES,
  type Strategy,
} from "../common/cluster-options.ts";
import { positiveInt } from "../common/parse.ts";
import type { ClusterDownOptions, ClusterListOptions, ClusterUpOptions } from "./options.ts";

export function registerClusterCommand(program: Command, ctx: CliContext): void {
  const cluster = program
    .command("cluster")
    .summary("create, delete and list chartprobe's kind clusters")
    .description("Manage the labelled kind clusters chartprobe runs scenarios on.");

  cluster
    .command("up")
    .description(
      "Create a kind cluster (or reuse it when one of that name exists, is healthy and is chartprobe's), install the NetworkPolicy engine, and prove enforcement with the canary.",
    )
    .addOption(new Option("--name <name>", "cluster name").default(DEFAULT_CLUSTER_NAME))
    .addOption(new Option("--k8s-version <version>", "Kubernetes version").default("1.34.4"))
    .addOption(
      new Option("--network-policy <engine>", "NetworkPolicy engine")
        .choices(NETWORK_POLICY_ENGINES)
        .default("kube-router"),
    )
    .addOption(new Option("--nodes <n>", "number of nodes").argParser(positiveInt("--nodes")).default(1))
    .addOption(
      new Option("--pod-security <level>", "cluster-wide Pod Security Admission level").choices(
        POD_SECURITY_LEVELS,
      ),
    )
    .addOption(
      new Option("--strategy <strategy>", "toolchain: online, offline, auto")
        .choices(STRATEGIES)
        .env("CHARTPROBE_STRATEGY")
        .default("auto"),
    )
    .addOption(new Option("--skip-canary", "do not run the NetworkPolicy enforcement canary"))
    .addOption(new Option("--json", "print the cluster info as JSON on stdout"))
    .addHelpText(
      "after",
      "\nExample:\n  chartprobe cluster up --name dev --k8s-version 1.33.13 --network-policy kube-router",
    )
    .action(async (opts: Record<string, unknown>) => {
      const options: ClusterUpOptions = {
        name: opts.name as string,
        kubernetesVersion: opts.k8sVersion as string,
        networkPolicy: opts.networkPolicy as NetworkPolicyEngine,
        nodes: opts.nodes as number,
        ...(opts.podSecurity ? { podSecurity: opts.podSecurity as PodSecurityLevel } : {}),
        strategy: opts.strategy as Strategy,
        skipCanary: opts.skipCanary === true,
        json: opts.json === true,
      };
      const { clusterUpAction } = await import("./action.ts");
      await clusterUpAction(options, ctx.logger(), ctx);
    });

  cluster
    .command("down")
    .description("Delete a chartprobe kind cluster (only clusters labelled as chartprobe's).")
    .argument("[name]", "cluster name (same as --name)")
    .addOption(new Option("--name <name>", "cluster name").default(DEFAULT_CLUSTER_NAME))
    .addOption(new Option("--json", "print what was deleted as JSON on stdout"))
    .action(async (name: string | undefined, opts: Record<string, unknown>) => {
      const options: ClusterDownOptions = { name: name ?? (opts.name as string), json: opts.json === true };
      const { clusterDownAction } = await import("./action.ts");
      await clusterDownAction(options, ctx.logger(), ctx);
    });

  cluster
    .command("list")
    .description("List chartprobe's kind clusters with their Kubernetes version, engine and health.")
    .addOption(new Option("--json", "print the list as JSON on stdout"))
    .action(async (opts: Record<string, unknown>) => {
      const options: ClusterListOptions = { json: opts.json === true };
      const { clusterListAction } = await import("./action.ts");
      await clusterListAction(options, ctx.logger(), ctx);
    });
}

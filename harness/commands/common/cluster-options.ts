import { type Command, Option } from "commander";

export const PROVIDERS = ["kind", "existing"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** How the toolchain and images are obtained: download/pull, or built from package registries. */
export const STRATEGIES = ["auto", "online", "offline"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const NETWORK_POLICY_ENGINES = [
  "kube-router",
  "kube-network-policies",
  "kindnet",
  "calico",
  "none",
] as const;
export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;

export const DEFAULT_CLUSTER_NAME = "chartprobe";

/** Which cluster a command works on and how the toolchain is provisioned. */
export interface ClusterTargetOptions {
  clusterName: string;
  provider: ProviderName;
  /** kubeconfig context, for --provider existing. */
  context?: string;
  strategy: Strategy;
}

/** Adds --cluster-name, --provider, --context and --strategy to a command. */
export function addClusterTargetOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--cluster-name <name>", "name of the kind cluster to create or reuse").default(
        DEFAULT_CLUSTER_NAME,
      ),
    )
    .addOption(
      new Option("--provider <provider>", "kind: ephemeral kind cluster; existing: a kubeconfig context")
        .choices(PROVIDERS)
        .default("kind"),
    )
    .addOption(new Option("--context <context>", "kubeconfig context to use with --provider existing"))
    .addOption(
      new Option(
        "--strategy <strategy>",
        "toolchain: online (download/pull), offline (build from package registries), auto (detect)",
      )
        .choices(STRATEGIES)
        .env("CHARTPROBE_STRATEGY")
        .default("auto"),
    );
}

/** Reads the options above from commander's parsed values, checking what commander cannot. */
export function clusterTargetFrom(
  opts: Record<string, unknown>,
  usage: (message: string) => never,
): ClusterTargetOptions {
  const provider = opts.provider as ProviderName;
  const context = opts.context as string | undefined;
  if (provider === "existing" && !context) usage("--provider existing needs --context <kubeconfig context>");
  if (provider === "kind" && context) usage("--context only applies to --provider existing");
  return {
    clusterName: opts.clusterName as string,
    provider,
    ...(context ? { context } : {}),
    strategy: opts.strategy as Strategy,
  };
}

import type { NetworkPolicyEngine, PodSecurityLevel } from "../../model/scenario.ts";
import type { Strategy } from "../common/cluster-options.ts";

/** `chartprobe cluster up`: a labelled kind cluster, reused when it exists, is healthy and ours. */
export interface ClusterUpOptions {
  name: string;
  kubernetesVersion: string;
  networkPolicy: NetworkPolicyEngine;
  nodes: number;
  /** API server Pod Security Admission default level (namespaces may still set their own). */
  podSecurity?: PodSecurityLevel;
  strategy: Strategy;
  /** Skip the NetworkPolicy enforcement canary after creation. */
  skipCanary: boolean;
  json: boolean;
}

export interface ClusterDownOptions {
  name: string;
  json: boolean;
}

export interface ClusterListOptions {
  json: boolean;
}

import type { NetworkPolicyEngine } from "../model/scenario.ts";

/** What a caller asks for; providers fill in defaults. */
export interface ClusterRequest {
  name: string;
  kubernetesVersion: string;
  networkPolicy: NetworkPolicyEngine;
  nodes: number;
}

/** A cluster chartprobe can talk to: where its kubeconfig is and what it offers. */
export interface ClusterHandle {
  name: string;
  provider: "kind" | "existing";
  kubeconfigPath: string;
  context?: string;
  kubernetesVersion: string;
  networkPolicy: NetworkPolicyEngine;
  /** True when this call created it (and so the run should delete it unless kept). */
  created: boolean;
}

export interface ClusterSummary {
  name: string;
  provider: "kind" | "existing";
  nodes: string[];
  ours: boolean;
  state: string;
}

/** Capabilities as data, not as more methods (see STYLE.md). */
export interface ProviderInfo {
  name: "kind" | "existing";
  canCreate: boolean;
  canLoadImages: boolean;
  networkPolicyEngines: NetworkPolicyEngine[];
}

export interface ClusterProvider {
  info(): ProviderInfo;
  /** Creates the cluster, or reuses a healthy one of ours with the same name. */
  up(request: ClusterRequest, signal?: AbortSignal): Promise<ClusterHandle>;
  down(name: string): Promise<void>;
  list(): Promise<ClusterSummary[]>;
  /** Makes locally built images available to the cluster's nodes. */
  loadImages(handle: ClusterHandle, images: string[]): Promise<void>;
}

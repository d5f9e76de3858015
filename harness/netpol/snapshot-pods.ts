import type { ReleaseSnapshot } from "../model/access.ts";
import type { ComponentSpec } from "../model/scenario.ts";
import type { ContainerPort } from "./types.ts";

/** The loose slice of a V1Pod the truth table reads. */
interface PodObject {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    deletionTimestamp?: string;
  };
  spec?: {
    hostNetwork?: boolean;
    containers?: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[];
  };
  status?: { phase?: string; podIP?: string; conditions?: { type?: string; status?: string }[] };
}

/** One pod as the truth table needs it: who it is to selectors and where it listens. */
export interface PodInfo {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ip?: string;
  ports: ContainerPort[];
  hostNetwork?: boolean;
}

const isReady = (p: PodObject): boolean =>
  !p.metadata?.deletionTimestamp &&
  p.status?.phase === "Running" &&
  (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

const selects = (selector: Record<string, string>, labels: Record<string, string> | undefined): boolean => {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
};

/**
 * The pod that stands for a component: the first ready one by name (the pod the cluster
 * access's probeTcp and exec pick), else the first running one, else the first at all;
 * undefined when the component has no pod.
 */
export function componentPod(snapshot: ReleaseSnapshot, spec: ComponentSpec): PodInfo | undefined {
  const pods = (snapshot.pods as PodObject[])
    .filter((p) => selects(spec.selector, p.metadata?.labels))
    .sort((a, b) => (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""));
  const pod = pods.find(isReady) ?? pods.find((p) => p.status?.phase === "Running") ?? pods[0];
  if (!pod) return undefined;
  const info: PodInfo = {
    name: pod.metadata?.name ?? "",
    namespace: pod.metadata?.namespace ?? snapshot.namespace,
    labels: pod.metadata?.labels ?? {},
    ports: (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []),
  };
  if (pod.status?.podIP) info.ip = pod.status.podIP;
  if (pod.spec?.hostNetwork) info.hostNetwork = true;
  return info;
}

import type { ComponentSpec } from "../../model/scenario.ts";

export interface PodRef {
  name: string;
  ip: string;
  labels: Record<string, string>;
  containers: string[];
  ready: boolean;
}

interface ApiPod {
  metadata?: { name?: string; labels?: Record<string, string>; deletionTimestamp?: string };
  spec?: { containers?: { name: string }[] };
  status?: { podIP?: string; phase?: string; conditions?: { type: string; status: string }[] };
}

export function matchesSelector(labels: Record<string, string>, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function toPodRef(pod: ApiPod): PodRef {
  return {
    name: pod.metadata?.name ?? "",
    ip: pod.status?.podIP ?? "",
    labels: pod.metadata?.labels ?? {},
    containers: (pod.spec?.containers ?? []).map((c) => c.name),
    ready:
      !pod.metadata?.deletionTimestamp &&
      pod.status?.phase === "Running" &&
      (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
  };
}

/** The pod that stands for a component: the first ready one (sorted by name, so it is stable). */
export function podForComponent(pods: ApiPod[], spec: ComponentSpec): PodRef | undefined {
  return pods
    .map(toPodRef)
    .filter((p) => p.ready && matchesSelector(p.labels, spec.selector))
    .sort((a, b) => a.name.localeCompare(b.name))[0];
}

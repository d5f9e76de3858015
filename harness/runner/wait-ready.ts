import type { Kubectl } from "../kube/kubectl.ts";

interface Workload {
  kind: string;
  metadata: { name: string };
  spec?: { replicas?: number };
  status?: {
    readyReplicas?: number;
    numberReady?: number;
    desiredNumberScheduled?: number;
    replicas?: number;
  };
}

export interface Readiness {
  ready: boolean;
  pending: string[];
}

/** Every Deployment, StatefulSet and DaemonSet of the namespace has all its replicas ready. */
export function readinessOf(workloads: Workload[]): Readiness {
  const pending: string[] = [];
  for (const w of workloads) {
    const want = w.kind === "DaemonSet" ? (w.status?.desiredNumberScheduled ?? 0) : (w.spec?.replicas ?? 1);
    const have = w.kind === "DaemonSet" ? (w.status?.numberReady ?? 0) : (w.status?.readyReplicas ?? 0);
    if (have < want) pending.push(`${w.kind.toLowerCase()}/${w.metadata.name} (${have}/${want} ready)`);
  }
  return { ready: workloads.length > 0 && pending.length === 0, pending };
}

/** Polls the API until the release's workloads are ready; progress goes to `onProgress`. */
export async function waitForWorkloads(
  kubectl: Kubectl,
  namespace: string,
  timeoutMs: number,
  onProgress: (pending: string[]) => void,
  signal?: AbortSignal,
): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  let last: Readiness = { ready: false, pending: ["(no workloads yet)"] };
  let lastReport = "";
  while (Date.now() < deadline && !signal?.aborted) {
    const list = await kubectl
      .json<{ items: Workload[] }>(["-n", namespace, "get", "deployments,statefulsets,daemonsets"], {
        timeoutMs: 30_000,
      })
      .catch(() => ({ items: [] as Workload[] }));
    last = readinessOf(list.items);
    if (last.ready) return last;
    const report = last.pending.join(", ");
    if (report !== lastReport) {
      onProgress(last.pending);
      lastReport = report;
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  return last;
}

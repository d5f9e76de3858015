import type { ReleaseSnapshot } from "../../model/access.ts";
import type { TargetProfile } from "../../model/scenario.ts";

/** One minimal running Pod per component, labelled with the component's selector. */
export function fixturePodsFor(
  target: TargetProfile,
  components: string[],
  namespace: string,
): Record<string, unknown>[] {
  return components.flatMap((name) => {
    const spec = target.components[name];
    if (!spec) return [];
    return [
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `${name}-0`, namespace, labels: { ...spec.selector } },
        spec: { containers: [{ name, image: "local.invalid/test:0" }] },
        status: { phase: "Running" },
      },
    ];
  });
}

interface PodLike {
  metadata?: { labels?: Record<string, string> };
  spec?: {
    serviceAccountName?: string;
    automountServiceAccountToken?: boolean;
    volumes?: { projected?: { sources?: { serviceAccountToken?: unknown }[] } }[];
  };
}

export function podOfComponent(
  snapshot: ReleaseSnapshot,
  target: TargetProfile,
  component: string,
): PodLike | undefined {
  const selector = Object.entries(target.components[component]?.selector ?? {});
  if (selector.length === 0) return undefined;
  return (snapshot.pods as PodLike[]).find((p) => selector.every(([k, v]) => p.metadata?.labels?.[k] === v));
}

/** As the ServiceAccount admission plugin decides: pod setting, else the account's, else mounted. */
export function mountsToken(pod: PodLike, snapshot: ReleaseSnapshot): boolean {
  if ((pod.spec?.volumes ?? []).some((v) => v.projected?.sources?.some((s) => s.serviceAccountToken)))
    return true;
  if (pod.spec?.automountServiceAccountToken !== undefined) return pod.spec.automountServiceAccountToken;
  const name = pod.spec?.serviceAccountName || "default";
  const sa = (
    snapshot.serviceAccounts as { metadata?: { name?: string }; automountServiceAccountToken?: boolean }[]
  ).find((s) => s.metadata?.name === name);
  return sa?.automountServiceAccountToken !== false;
}

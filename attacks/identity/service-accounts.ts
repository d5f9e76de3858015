import type { ReleaseSnapshot } from "../../harness/model/access.ts";
import type { Pod } from "../probe-kit.ts";

interface ServiceAccountObject {
  metadata?: { name?: string };
  automountServiceAccountToken?: boolean;
}

export const serviceAccountOf = (pod: Pod): string => pod.spec?.serviceAccountName || "default";

/**
 * Whether a pod gets an API token: a live pod shows the projected token volume the admission
 * plugin added; otherwise the pod's automount setting, else its service account's, else true.
 */
export function tokenMounted(pod: Pod, snapshot: ReleaseSnapshot): { mounted: boolean; why: string } {
  const projected = (pod.spec?.volumes ?? []).find((v) =>
    v.projected?.sources?.some((s) => s.serviceAccountToken),
  );
  if (projected) return { mounted: true, why: `projected token volume ${projected.name}` };
  if (pod.spec?.automountServiceAccountToken === false)
    return { mounted: false, why: "pod automountServiceAccountToken: false" };
  if (pod.spec?.automountServiceAccountToken === true)
    return { mounted: true, why: "pod automountServiceAccountToken: true" };
  const name = serviceAccountOf(pod);
  const sa = (snapshot.serviceAccounts as ServiceAccountObject[]).find((s) => s.metadata?.name === name);
  if (sa?.automountServiceAccountToken === false)
    return { mounted: false, why: `service account ${name} automountServiceAccountToken: false` };
  return { mounted: true, why: `automount not disabled on the pod or on service account ${name}` };
}

import { AuthorizationV1Api, KubeConfig } from "@kubernetes/client-node";
import type { AccessQuestion } from "../../model/access.ts";

/**
 * Asks the API server, as the holder of `token`, whether it may do something
 * (SelfSubjectAccessReview). The server and CA come from the run's kubeconfig; only the
 * identity is the stolen token's.
 */
export async function canIWithToken(
  kubeconfigPath: string,
  token: string,
  q: AccessQuestion,
): Promise<boolean | null> {
  const base = new KubeConfig();
  base.loadFromFile(kubeconfigPath);
  const cluster = base.getCurrentCluster();
  if (!cluster) return null;
  const asToken = new KubeConfig();
  asToken.loadFromOptions({
    clusters: [cluster],
    users: [{ name: "stolen-token", token }],
    contexts: [{ name: "stolen", cluster: cluster.name, user: "stolen-token" }],
    currentContext: "stolen",
  });
  const api = asToken.makeApiClient(AuthorizationV1Api);
  try {
    const review = await api.createSelfSubjectAccessReview({
      body: {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectAccessReview",
        spec: {
          resourceAttributes: {
            verb: q.verb,
            resource: q.resource,
            ...(q.group !== undefined ? { group: q.group } : {}),
            ...(q.subresource ? { subresource: q.subresource } : {}),
            ...(q.namespace ? { namespace: q.namespace } : {}),
          },
        },
      },
    });
    return review.status?.allowed ?? null;
  } catch {
    return null;
  }
}

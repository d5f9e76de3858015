/** The label the API server puts on every namespace (immutable, since Kubernetes 1.22). */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** Namespace labels as the cluster would have them, even if a fixture left the name label out. */
export function withNameLabel(namespace: string, labels: Record<string, string>): Record<string, string> {
  return Object.hasOwn(labels, NAMESPACE_NAME_LABEL)
    ? labels
    : { ...labels, [NAMESPACE_NAME_LABEL]: namespace };
}

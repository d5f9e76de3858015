import type { LabelSelector, LabelSelectorRequirement } from "./types.ts";

/**
 * Kubernetes label-selector matching: matchLabels AND every matchExpression.
 * An empty selector ({}) matches everything. An unknown operator matches nothing, so a
 * selector the evaluator does not understand can never widen what a policy allows.
 */
export function matchesSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((req) => matchesRequirement(req, labels));
}

function matchesRequirement(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return has && values.includes(labels[req.key] as string);
    case "NotIn":
      // As in the API's label selectors: a pod without the key is "not in" the set.
      return !has || !values.includes(labels[req.key] as string);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return false;
  }
}

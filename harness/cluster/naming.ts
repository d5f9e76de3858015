/**
 * Everything chartprobe creates carries these marks, so `chartprobe clean` can find leftovers of
 * crashed runs. kind cannot put labels on its node containers, so kind clusters are recognised
 * by their name prefix (and carry a node label inside Kubernetes).
 */
export const CLUSTER_PREFIX = "chartprobe-";
export const MANAGED_LABEL = "chartprobe.io/managed";
export const RUN_LABEL = "chartprobe.io/run";
export const ROLE_LABEL = "chartprobe.io/role";

export function isOurClusterName(name: string): boolean {
  return name === CLUSTER_PREFIX.slice(0, -1) || name.startsWith(CLUSTER_PREFIX);
}

/** Kubernetes names: lower-case alphanumerics and dashes, at most `max` characters. */
export function dnsLabel(value: string, max = 63): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/-{2,}/g, "-");
  return cleaned.slice(0, max).replace(/-+$/g, "") || "x";
}

export function defaultClusterName(kubernetesVersion: string): string {
  return dnsLabel(`${CLUSTER_PREFIX}k8s-${kubernetesVersion.replace(/^v/, "").replace(/\./g, "-")}`, 40);
}

export function randomSuffix(length = 5): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

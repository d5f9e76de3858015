import type { ContainerPort, NetworkPolicyPort, TrafficPort } from "./types.ts";

const protocolOf = (p: string | undefined): string => (p ?? "TCP").toUpperCase();

/**
 * Whether one NetworkPolicyPort admits the traffic's port. `port` missing = every port of the
 * protocol; a number (with optional endPort) is a range; a name resolves against the container
 * ports of the pod the traffic goes to (both for ingress and egress rules).
 */
export function matchesPolicyPort(
  rule: NetworkPolicyPort,
  traffic: TrafficPort,
  destinationPorts: ContainerPort[] | undefined,
): boolean {
  const protocol = protocolOf(traffic.protocol);
  if (protocolOf(rule.protocol) !== protocol) return false;
  if (rule.port === undefined || rule.port === null) return true;
  if (typeof rule.port === "number") {
    const end = rule.endPort ?? rule.port;
    return traffic.port >= rule.port && traffic.port <= end;
  }
  // A numeric string can arrive from YAML fixtures written by hand; the API stores a number.
  if (/^\d+$/.test(rule.port)) return traffic.port === Number(rule.port);
  return (destinationPorts ?? []).some(
    (c) => c.name === rule.port && c.containerPort === traffic.port && protocolOf(c.protocol) === protocol,
  );
}

/** A rule's `ports`: missing or empty means every port; otherwise any entry may match. */
export function matchesRulePorts(
  ports: NetworkPolicyPort[] | undefined,
  traffic: TrafficPort,
  destinationPorts: ContainerPort[] | undefined,
): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => matchesPolicyPort(p, traffic, destinationPorts));
}

import { shellQuote } from "../exec.ts";
import type { SourceIdentity } from "../model/access.ts";
import type { Vantage } from "../model/vantage.ts";

/** What a repro command may need to know about one pair of the truth table. */
export interface ReproInput {
  source: Vantage;
  identity: SourceIdentity;
  /** The pod the traffic leaves from, when the snapshot knows it (component sources). */
  sourcePod?: { name: string; namespace: string };
  destination: { component: string; port: number; namespace: string; podName: string; podIP?: string };
  timeoutSeconds: number;
}

/** The harness may pass its own (it knows the attacker pods' names); this is the fallback. */
export type ReproFormatter = (input: ReproInput) => string;

function sourcePodExpr(input: ReproInput): string {
  if (input.sourcePod) return shellQuote(input.sourcePod.name);
  const ns = shellQuote(input.identity.namespace);
  const labels = Object.entries(input.identity.podLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  if (labels) return `"$(kubectl -n ${ns} get pod -l ${shellQuote(labels)} -o name | head -n 1)"`;
  // An unlabelled attacker: the foreign namespace holds nothing else, the neighbour needs naming.
  if (input.source === "foreign-pod") return `"$(kubectl -n ${ns} get pod -o name | head -n 1)"`;
  return `"$ATTACKER_POD"`;
}

export const defaultRepro: ReproFormatter = (input) => {
  const d = input.destination;
  const ip =
    d.podIP ??
    `"$(kubectl -n ${shellQuote(d.namespace)} get pod ${shellQuote(d.podName)} -o jsonpath='{.status.podIP}')"`;
  const ns = shellQuote(input.sourcePod?.namespace ?? input.identity.namespace);
  return `kubectl -n ${ns} exec ${sourcePodExpr(input)} -- nc -vz -w ${input.timeoutSeconds} ${ip} ${d.port}`;
};

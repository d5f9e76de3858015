import type { NetworkPolicy } from "./types.ts";

export type Direction = "Ingress" | "Egress";

/**
 * The directions a policy governs. Objects read from the API already carry policyTypes; for
 * hand-written ones the API's defaulting applies: Ingress always, Egress only when egress
 * rules are present.
 */
export function policyTypesOf(policy: NetworkPolicy): Direction[] {
  const declared = policy.spec?.policyTypes;
  if (declared && declared.length > 0) {
    return declared.filter((t): t is Direction => t === "Ingress" || t === "Egress");
  }
  return (policy.spec?.egress?.length ?? 0) > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}

import { dnsLabel, randomSuffix } from "../cluster/naming.ts";

/** A namespace and release name per scenario run: readable, unique, within Kubernetes limits. */
export function releaseNames(
  scenarioId: string,
  suffix = randomSuffix(),
): { namespace: string; release: string } {
  const slug = dnsLabel(scenarioId.replace(/[/@]/g, "-"), 40);
  return { namespace: dnsLabel(`cp-${slug}-${suffix}`, 63), release: dnsLabel(`cp-${slug}`, 40) };
}

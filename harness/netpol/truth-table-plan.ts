import type { ReleaseSnapshot, SourceIdentity } from "../model/access.ts";
import type { ComponentPort, Scenario, TargetProfile } from "../model/scenario.ts";
import type { Vantage } from "../model/vantage.ts";
import { evaluate } from "./evaluator.ts";
import { intentFor } from "./intent.ts";
import { defaultRepro, type ReproFormatter } from "./repro.ts";
import { componentPod, type PodInfo } from "./snapshot-pods.ts";
import type { Decision, NetworkPolicy, PodEndpoint } from "./types.ts";

export interface PlannedSource {
  vantage: Vantage;
  identity: SourceIdentity;
  /** The source's own pod, known for component sources (from the snapshot). */
  pod?: PodInfo;
}

export interface PlannedDestination {
  /** "component:port", the column key. */
  key: string;
  component: string;
  port: ComponentPort;
  pod: PodInfo;
}

export interface PlannedCell {
  source: Vantage;
  destination: PlannedDestination;
  expected: "allow" | "deny";
  intended?: "allow" | "deny";
  /** Why the evaluator said so (which policies isolate, which admit). */
  decision: Decision;
  repro: string;
}

export interface TruthTablePlan {
  sources: PlannedSource[];
  destinations: PlannedDestination[];
  cells: PlannedCell[];
  /** Components of the profile without a pod in this release (e.g. flower disabled). */
  absentComponents: string[];
}

export interface PlanInput {
  snapshot: ReleaseSnapshot;
  target: Pick<TargetProfile, "components">;
  scenario: Pick<Scenario, "networkIntent">;
  sources: { vantage: Vantage; identity: SourceIdentity }[];
  timeoutMs: number;
  formatRepro?: ReproFormatter;
}

export const componentOfVantage = (v: Vantage): string | undefined =>
  v.startsWith("component:") ? v.slice("component:".length) : undefined;

/**
 * The pure half of the truth table: every destination port of every present component, the
 * expected verdict from the installed policies and the declared intent for each source. Only
 * the release namespace's policies are known; the foreign namespace is one chartprobe creates
 * empty, so no egress policy governs the foreign attacker.
 */
export function planTruthTable(input: PlanInput): TruthTablePlan {
  const { snapshot, target, scenario } = input;
  const policies = snapshot.networkPolicies as NetworkPolicy[];
  const format = input.formatRepro ?? defaultRepro;
  const timeoutSeconds = Math.max(1, Math.ceil(input.timeoutMs / 1000));

  const destinations: PlannedDestination[] = [];
  const absentComponents: string[] = [];
  for (const [component, spec] of Object.entries(target.components)) {
    const pod = componentPod(snapshot, spec);
    if (!pod) {
      absentComponents.push(component);
      continue;
    }
    for (const port of spec.ports)
      destinations.push({ key: `${component}:${port.port}`, component, port, pod });
  }

  const sources: PlannedSource[] = input.sources.map(({ vantage, identity }) => {
    const name = componentOfVantage(vantage);
    const spec = name === undefined ? undefined : target.components[name];
    const pod = spec ? componentPod(snapshot, spec) : undefined;
    return pod ? { vantage, identity, pod } : { vantage, identity };
  });

  const cells: PlannedCell[] = [];
  for (const source of sources) {
    const from: PodEndpoint = {
      kind: "pod",
      namespace: source.identity.namespace,
      namespaceLabels: source.identity.namespaceLabels,
      podLabels: source.identity.podLabels,
    };
    if (source.pod && source.pod.namespace === source.identity.namespace) {
      from.name = source.pod.name;
      if (source.pod.ip) from.ip = source.pod.ip;
      if (source.pod.hostNetwork) from.hostNetwork = true;
    }
    for (const dest of destinations) {
      const to: PodEndpoint = {
        kind: "pod",
        namespace: dest.pod.namespace,
        namespaceLabels: snapshot.namespaceLabels,
        podLabels: dest.pod.labels,
        name: dest.pod.name,
        ports: dest.pod.ports,
      };
      if (dest.pod.ip) to.ip = dest.pod.ip;
      if (dest.pod.hostNetwork) to.hostNetwork = true;
      const decision = evaluate(
        policies,
        { source: from, destination: to, port: { port: dest.port.port, protocol: "TCP" } },
        { defaultNamespace: snapshot.namespace },
      );
      const cell: PlannedCell = {
        source: source.vantage,
        destination: dest,
        expected: decision.allowed ? "allow" : "deny",
        decision,
        repro: format({
          source: source.vantage,
          identity: source.identity,
          ...(source.pod ? { sourcePod: { name: source.pod.name, namespace: source.pod.namespace } } : {}),
          destination: {
            component: dest.component,
            port: dest.port.port,
            namespace: dest.pod.namespace,
            podName: dest.pod.name,
            ...(dest.pod.ip ? { podIP: dest.pod.ip } : {}),
          },
          timeoutSeconds,
        }),
      };
      const intended = intentFor(scenario, {
        source: source.vantage,
        component: dest.component,
        port: dest.port.port,
        portName: dest.port.name,
      });
      if (intended) cell.intended = intended;
      cells.push(cell);
    }
  }
  return { sources, destinations, cells, absentComponents };
}

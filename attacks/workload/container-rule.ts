import type { Finding } from "../../harness/model/finding.ts";
import { containersOf, kubectlPod, runPerComponent, verdictFromIssues } from "../object-check.ts";
import type { AccessProbe, Container, Ctx, Pod } from "../probe-kit.ts";

export interface ContainerRule {
  /** An issue for this container, or undefined when it complies. */
  container?: (c: Container, pod: Pod, kind: string) => string | undefined;
  /** An issue for the pod as a whole. */
  pod?: (pod: Pod) => string | undefined;
  /** Init containers count too (default true). */
  init?: boolean;
  secureSummary: string;
  /** The fields shown as evidence, e.g. "securityContext". */
  show: (pod: Pod) => unknown;
  jsonpath: string;
}

/** Applies a rule to every pod of every component; identical issues of replicas are merged. */
export function runContainerRule(ctx: Ctx, self: AccessProbe, rule: ContainerRule): Promise<Finding[]> {
  return runPerComponent(ctx, self, (_component, pods, snap) => {
    const issues = new Set<string>();
    for (const pod of pods) {
      const p = rule.pod?.(pod);
      if (p) issues.add(p);
      for (const { kind, c } of containersOf(pod, { init: rule.init ?? true })) {
        const i = rule.container?.(c, pod, kind);
        if (i) issues.add(`${kind === "container" ? "" : `${kind} `}${c.name}: ${i}`);
      }
    }
    const first = pods[0] as Pod;
    const evidence = `${first.metadata?.name ?? "?"}: ${JSON.stringify(rule.show(first))}`.slice(0, 1500);
    return verdictFromIssues(
      [...issues],
      rule.secureSummary,
      evidence,
      kubectlPod(snap.namespace, first, rule.jsonpath),
    );
  });
}

/** The container's setting, else the pod's (as Kubernetes resolves it). */
export function effective<K extends "runAsUser" | "runAsNonRoot" | "seccompProfile">(
  c: Container,
  pod: Pod,
  key: K,
) {
  return c.securityContext?.[key] ?? pod.spec?.securityContext?.[key];
}

export const securityContexts = (pod: Pod) => ({
  pod: pod.spec?.securityContext ?? null,
  containers: Object.fromEntries(containersOf(pod).map(({ c }) => [c.name, c.securityContext ?? null])),
});

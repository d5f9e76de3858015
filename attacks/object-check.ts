import type { ReleaseSnapshot } from "../harness/model/access.ts";
import type { Finding } from "../harness/model/finding.ts";
import type { Vantage } from "../harness/model/vantage.ts";
import {
  type AccessProbe,
  type Container,
  type Ctx,
  deployedSecrets,
  errorMessage,
  finding,
  type Observation,
  type Pod,
  podsOf,
  redact,
} from "./probe-kit.ts";

type Judgement = Omit<Observation, "component" | "vantage">;

async function readSnapshot(ctx: Ctx): Promise<ReleaseSnapshot | Error> {
  try {
    return await ctx.access.snapshot();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function withLocation(ctx: Ctx, self: AccessProbe, obs: Observation): Finding {
  const location = ctx.location(self.id);
  return finding(self, location && !obs.location ? { ...obs, location } : obs);
}

/**
 * For probes that read the release's objects: one finding per component that has pods
 * (`skipped` for components without pods), judged from the snapshot.
 */
export async function runPerComponent(
  ctx: Ctx,
  self: AccessProbe,
  judge: (component: string, pods: Pod[], snapshot: ReleaseSnapshot) => Promise<Judgement> | Judgement,
  vantageOf: (component: string) => Vantage = () => "api",
): Promise<Finding[]> {
  const snap = await readSnapshot(ctx);
  const components = Object.keys(ctx.target.components);
  if (snap instanceof Error)
    return components.map((c) =>
      withLocation(ctx, self, {
        component: c,
        vantage: vantageOf(c),
        verdict: "inconclusive",
        summary: `the release's objects could not be read: ${errorMessage(snap)}`,
      }),
    );
  const secrets = deployedSecrets(snap);
  const out: Finding[] = [];
  for (const component of components) {
    const vantage = vantageOf(component);
    const pods = podsOf(snap, ctx.target, component);
    if (pods.length === 0) {
      out.push(
        withLocation(ctx, self, {
          component,
          vantage,
          verdict: "skipped",
          summary: `no pod of component ${component}`,
        }),
      );
      continue;
    }
    const started = performance.now();
    try {
      const j = await judge(component, pods, snap);
      const evidence = (j.evidence ?? []).map((e) => ({ ...e, content: redact(e.content, secrets) }));
      out.push(
        withLocation(ctx, self, {
          ...j,
          evidence,
          component,
          vantage,
          durationMs: Math.round(performance.now() - started),
        }),
      );
    } catch (err) {
      out.push(
        withLocation(ctx, self, {
          component,
          vantage,
          verdict: "error",
          summary: `probe failed unexpectedly: ${redact(errorMessage(err), secrets)}`,
        }),
      );
    }
  }
  return out;
}

/** For release-wide probes: one finding for component "release" from the snapshot. */
export async function runForRelease(
  ctx: Ctx,
  self: AccessProbe,
  judge: (snapshot: ReleaseSnapshot) => Promise<Judgement> | Judgement,
): Promise<Finding[]> {
  const snap = await readSnapshot(ctx);
  if (snap instanceof Error)
    return [
      withLocation(ctx, self, {
        component: "release",
        vantage: "api",
        verdict: "inconclusive",
        summary: `the release's objects could not be read: ${errorMessage(snap)}`,
      }),
    ];
  const secrets = deployedSecrets(snap);
  const j = await judge(snap);
  const evidence = (j.evidence ?? []).map((e) => ({ ...e, content: redact(e.content, secrets) }));
  return [withLocation(ctx, self, { ...j, evidence, component: "release", vantage: "api" })];
}

/** Every container of a pod, with the kind of container it is. */
export function containersOf(
  pod: Pod,
  opts: { init?: boolean; ephemeral?: boolean } = {},
): { kind: string; c: Container }[] {
  const s = pod.spec ?? {};
  return [
    ...(s.containers ?? []).map((c) => ({ kind: "container", c })),
    ...(opts.init === false ? [] : (s.initContainers ?? []).map((c) => ({ kind: "initContainer", c }))),
    ...(opts.ephemeral ? (s.ephemeralContainers ?? []).map((c) => ({ kind: "ephemeralContainer", c })) : []),
  ];
}

export const podName = (p: Pod): string => p.metadata?.name ?? "?";

/** Pods are replicas: judge the first and name it; the others share its template. */
export const firstPod = (pods: Pod[]): Pod => pods[0] as Pod;

export const kubectlPod = (ns: string, pod: Pod, jsonpath: string): string =>
  `kubectl -n ${ns} get pod ${podName(pod)} -o jsonpath='${jsonpath}'`;

/** Issues found → vulnerable (listed), none → secure. */
export function verdictFromIssues(
  issues: string[],
  secureSummary: string,
  evidence: string,
  repro: string,
): Judgement {
  return issues.length > 0
    ? {
        verdict: "vulnerable",
        summary: issues.slice(0, 6).join("; ") + (issues.length > 6 ? ` (+${issues.length - 6} more)` : ""),
        evidence: [{ label: "spec", content: evidence }],
        repro,
      }
    : { verdict: "secure", summary: secureSummary, evidence: [{ label: "spec", content: evidence }], repro };
}

import { ClusterProbeAccess } from "../access/cluster-access.ts";
import type { Finding } from "../model/finding.ts";
import type { ScenarioResult } from "../model/run-record.ts";
import { runProbes, secretValues } from "./run-probes.ts";
import type { ScenarioEnvironment, ScenarioInput } from "./run-scenario.ts";

/** What `runScenario` was given that a later run on the same install needs again. */
export type ProbeEnvironment = Pick<
  ScenarioEnvironment,
  "kubectl" | "helm" | "canary" | "attackerImage" | "log" | "signal"
>;

/**
 * One more probe run on a release that `runScenario` installed and kept, through a fresh
 * access (new snapshot, new tunnels, the truth table measured again), as a second
 * `chartprobe run` would see it. The attacker pods are left for the next run; only the
 * tunnels are closed.
 */
export async function probeAgain(
  input: ScenarioInput,
  installed: Partial<Pick<ScenarioResult, "namespace" | "release">>,
  env: ProbeEnvironment,
): Promise<{ findings: Finding[]; durationMs: number }> {
  const access = new ClusterProbeAccess({
    kubectl: env.kubectl,
    helm: env.helm,
    namespace: installed.namespace ?? "",
    release: installed.release ?? "",
    target: input.target,
    attackerImage: env.attackerImage,
    networkPolicyEnforced: env.canary?.enforced ?? null,
    log: env.log,
  });
  const started = performance.now();
  try {
    const snapshot = await access.snapshot();
    const findings = await runProbes({
      scenario: input.scenario,
      target: input.target,
      access,
      log: env.log,
      signal: env.signal,
      secrets: secretValues(snapshot.secrets),
    });
    return { findings, durationMs: performance.now() - started };
  } finally {
    await access.closeTunnels();
  }
}

/** Each finding's verdict by probe, component and vantage: what two runs must agree on. */
export const verdictsByFinding = (findings: Finding[]): Map<string, Finding["verdict"]> =>
  new Map(findings.map((f) => [`${f.probe}|${f.component}|${f.vantage}`, f.verdict]));

/** The findings whose verdict differs from the reference run (or that the run lacks). */
export function differingVerdicts(reference: Finding[], again: Finding[]): string[] {
  const now = verdictsByFinding(again);
  return [...verdictsByFinding(reference)]
    .filter(([key, verdict]) => now.get(key) !== verdict)
    .map(([key, verdict]) => `${key}: ${verdict} → ${now.get(key) ?? "missing"}`);
}

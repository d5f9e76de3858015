import { allProbes } from "../../attacks/registry.ts";
import { redactText } from "../../reports/redact.ts";
import type { ProbeAccess } from "../model/access.ts";
import type { Finding, SourceLocation } from "../model/finding.ts";
import type { Probe, ProbeLog } from "../model/probe.ts";
import type { Scenario, TargetProfile } from "../model/scenario.ts";

export interface ProbeRunInput {
  scenario: Scenario;
  target: TargetProfile;
  access: ProbeAccess;
  log: ProbeLog & { warn(text: string): void };
  signal: AbortSignal;
  /** --probe: only these ids (empty: all). */
  only?: string[];
  /** Values that must never appear in the record (deployed secrets). */
  secrets: string[];
  concurrency?: number;
  probeTimeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Which probes a scenario runs: --probe, then the scenario's include/exclude lists. */
export function selectProbes(
  probes: Probe<ProbeAccess>[],
  scenario: Scenario,
  only: string[] = [],
): Probe<ProbeAccess>[] {
  const include = scenario.probes?.include;
  const exclude = new Set(scenario.probes?.exclude ?? []);
  return probes.filter(
    (p) =>
      (only.length === 0 || only.includes(p.id)) &&
      (!include || include.length === 0 || include.includes(p.id)) &&
      !exclude.has(p.id),
  );
}

const skippedFinding = (probe: Probe<ProbeAccess>, why: string): Finding => ({
  probe: probe.id,
  component: "release",
  vantage: "api",
  verdict: "skipped",
  severity: probe.severity,
  summary: why,
  evidence: [],
  remediation: probe.remediation,
});

const errorFinding = (probe: Probe<ProbeAccess>, message: string, durationMs: number): Finding => ({
  probe: probe.id,
  component: "release",
  vantage: "api",
  verdict: "error",
  severity: probe.severity,
  summary: `probe failed: ${message}`,
  evidence: [{ label: "error", content: message }],
  remediation: probe.remediation,
  durationMs,
});

/** Belt and braces: probes redact what they know, and the runner scrubs every text again. */
function scrub(f: Finding, secrets: string[]): Finding {
  return {
    ...f,
    summary: redactText(f.summary, secrets),
    evidence: f.evidence.map((e) => ({ label: e.label, content: redactText(e.content, secrets) })),
    ...(f.repro ? { repro: redactText(f.repro, secrets) } : {}),
  };
}

/**
 * Runs the applicable probes with a small worker pool; a probe that throws or overruns its
 * time becomes an `error` finding instead of ending the run.
 */
export async function runProbes(input: ProbeRunInput): Promise<Finding[]> {
  const selected = selectProbes(allProbes, input.scenario, input.only);
  const findings: Finding[] = [];
  const queue = [...selected];
  let done = 0;
  const timeout = input.probeTimeoutMs ?? 120_000;
  const ctx = {
    scenario: input.scenario,
    target: input.target,
    access: input.access,
    log: input.log,
    signal: input.signal,
    location: (id: string) => locationOf(input.target, id),
  };
  const worker = async () => {
    for (let probe = queue.shift(); probe; probe = queue.shift()) {
      if (input.signal.aborted) break;
      if (!probe.appliesTo(input.scenario, input.target)) {
        findings.push(skippedFinding(probe, "does not apply to this target or scenario"));
      } else {
        const started = performance.now();
        try {
          const attempt = () =>
            Promise.race([
              probe.run(ctx),
              new Promise<never>((_, reject) =>
                setTimeout(() => reject(new Error(`timed out after ${timeout} ms`)), timeout).unref(),
              ),
            ]);
          let result = await attempt();
          // A port-forward that dies mid-connection looks like "could not decide": one retry
          // after a pause separates a flaky path from a real answer; the record says so.
          if (
            result.some((f) => f.verdict === "error" || f.verdict === "inconclusive") &&
            !input.signal.aborted
          ) {
            await new Promise((r) => setTimeout(r, 2000));
            const second = await attempt();
            input.log.info(`probe ${probe.id}: retried once after an undecided result`);
            result = second.map((f) => ({ ...f, attempts: (f.attempts ?? 1) + 1 }));
          }
          findings.push(...result.map((f) => scrub(f, input.secrets)));
        } catch (error) {
          const message = redactText((error as Error).message ?? String(error), input.secrets);
          input.log.warn(`probe ${probe.id}: ${message}`);
          findings.push(errorFinding(probe, message, Math.round(performance.now() - started)));
        }
      }
      input.onProgress?.(++done, selected.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 4) }, worker));
  return findings.sort((a, b) =>
    `${a.probe}|${a.component}|${a.vantage}`.localeCompare(`${b.probe}|${b.component}|${b.vantage}`),
  );
}

/** Every value of the release's Secrets, decoded: what the record must never contain. */
export function secretValues(secrets: Record<string, unknown>[]): string[] {
  const values = new Set<string>();
  for (const s of secrets) {
    // Helm's own release records hold the whole chart, not credentials.
    if (s.type === "helm.sh/release.v1") continue;
    const data = (s.data as Record<string, string> | undefined) ?? {};
    for (const v of Object.values(data)) {
      const decoded = Buffer.from(v, "base64").toString("utf8");
      // Very short values (e.g. "1", "true") would redact ordinary words; they are no secret.
      if (decoded.length >= 6) values.add(decoded);
    }
  }
  return [...values];
}

export function locationOf(target: TargetProfile, probeId: string): SourceLocation | undefined {
  const loc = target.locations[probeId];
  return loc ? { file: loc.file ?? "values.yaml", valuesKey: loc.valuesKey } : undefined;
}

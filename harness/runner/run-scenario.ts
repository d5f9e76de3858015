import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runTruthTable } from "../../attacks/network-policy/netpol-reachability.ts";
import { ClusterProbeAccess } from "../access/cluster-access.ts";
import { deferCleanup } from "../cleanup.ts";
import type { Kubectl } from "../kube/kubectl.ts";
import type { Logger } from "../log/logger.ts";
import type { CanaryResult, Phase, ScenarioResult, TruthTable } from "../model/run-record.ts";
import type { Scenario, TargetProfile } from "../model/scenario.ts";
import { collectDiagnostics } from "./diagnostics.ts";
import { installRelease, uninstallRelease } from "./install-release.ts";
import { releaseNames } from "./release-names.ts";
import { locationOf, runProbes, secretValues } from "./run-probes.ts";
import { waitForWorkloads } from "./wait-ready.ts";

export interface ScenarioEnvironment {
  root: string;
  clusterName: string;
  kubectl: Kubectl;
  helm: string;
  canary: CanaryResult | undefined;
  attackerImage: string;
  runId: string;
  log: Logger;
  signal: AbortSignal;
  onlyProbes?: string[];
  /** Keep the release (and attacker pods) after the probes, for `repro`. */
  keep?: boolean;
  timeoutSeconds?: number;
}

export interface ScenarioInput {
  scenario: Scenario;
  target: TargetProfile;
}

export interface ScenarioOutcome {
  result: ScenarioResult;
  /** Still open when `keep` was asked for; the caller disposes it. */
  access?: ClusterProbeAccess;
}

function digests(root: string, files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    try {
      out[f] = createHash("sha256")
        .update(readFileSync(resolve(root, f)))
        .digest("hex");
    } catch {
      out[f] = "unreadable";
    }
  }
  return out;
}

/**
 * One matrix cell on a ready cluster, as explicit phases: install, wait for readiness, probe,
 * uninstall. A failure in a phase is recorded (with diagnostics) and ends the scenario; the
 * uninstall always runs unless the caller keeps the release.
 */
export async function runScenario(input: ScenarioInput, env: ScenarioEnvironment): Promise<ScenarioOutcome> {
  const { scenario, target } = input;
  const log = env.log.child(scenario.id);
  const { namespace, release } = releaseNames(scenario.id);
  const phases: Phase[] = [];
  const chart = {
    name: target.chart.name,
    ...(target.chart.version ? { version: target.chart.version } : {}),
    source: target.chart.path
      ? `path:${target.chart.path}`
      : (target.chart.oci ?? target.chart.repo ?? target.chart.name),
  };
  const result: ScenarioResult = {
    scenario,
    chart,
    valuesDigests: digests(env.root, scenario.valuesFiles),
    cluster: env.clusterName,
    namespace,
    release,
    status: "completed",
    phases,
    findings: [],
  };
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    try {
      const value = await fn();
      phases.push({ name, startedAt, durationMs: Math.round(performance.now() - t0), status: "ok" });
      return value;
    } catch (error) {
      phases.push({
        name,
        startedAt,
        durationMs: Math.round(performance.now() - t0),
        status: "failed",
        detail: (error as Error).message.split("\n")[0] ?? "",
      });
      throw error;
    }
  };

  const access = new ClusterProbeAccess({
    kubectl: env.kubectl,
    helm: env.helm,
    namespace,
    release,
    target,
    attackerImage: env.attackerImage,
    networkPolicyEnforced: env.canary?.enforced ?? null,
    log,
  });
  const forget = deferCleanup(`uninstall ${release} and delete namespace ${namespace}`, async () => {
    await access.dispose();
    await uninstallRelease(env.kubectl, env.helm, namespace, release);
  });
  const timeoutSeconds = env.timeoutSeconds ?? scenario.installTimeoutSeconds ?? 600;
  let keepAccess = false;
  try {
    try {
      await phase("install", () =>
        installRelease({
          kubectl: env.kubectl,
          helm: env.helm,
          root: env.root,
          scenario,
          target,
          namespace,
          release,
          runId: env.runId,
          timeoutSeconds,
          onOutput: (line) => log.debug(`helm: ${line}`),
        }),
      );
      log.info(`installed ${release} into ${namespace}; waiting for readiness`);
      const readiness = await phase("wait-ready", () =>
        waitForWorkloads(
          env.kubectl,
          namespace,
          timeoutSeconds * 1000,
          (p) => log.info(`waiting for ${p.join(", ")}`),
          env.signal,
        ),
      );
      if (!readiness.ready) {
        result.status = "timed-out";
        result.error = `not ready after ${timeoutSeconds} s: ${readiness.pending.join(", ")}`;
      }
    } catch (error) {
      result.status = "install-failed";
      result.error = (error as Error).message;
    }
    if (result.status !== "completed") {
      log.warn(`scenario ${scenario.id}: ${result.error}`);
      result.diagnostics = await collectDiagnostics(env.kubectl, env.helm, namespace, release);
      return { result };
    }

    await phase("probes", async () => {
      const snapshot = await access.snapshot();
      const secrets = secretValues(snapshot.secrets);
      const probeLog = {
        info: (m: string) => log.debug(m),
        debug: (m: string) => log.debug(m),
        warn: (m: string) => log.warn(m),
      };
      const ctx = {
        scenario,
        target,
        access,
        log: probeLog,
        signal: env.signal,
        location: (id: string) => locationOf(target, id),
      };
      // Run the truth table first with the harness's repro commands; the probe reuses this run.
      let table: TruthTable | undefined;
      const wantsTable = !env.onlyProbes?.length || env.onlyProbes.includes("netpol-reachability");
      if (wantsTable && !scenario.probes?.exclude?.includes("netpol-reachability")) {
        await access.prepareAttackers();
        // The access supplies each cell's repro command (probeTcpCommand).
        table = await runTruthTable(ctx)
          .then((run) => run.table)
          .catch((e: Error) => {
            log.warn(`truth table: ${e.message}`);
            return undefined;
          });
      }
      result.findings = await runProbes({
        scenario,
        target,
        access,
        log: probeLog,
        signal: env.signal,
        secrets,
        ...(env.onlyProbes ? { only: env.onlyProbes } : {}),
        onProgress: (done, total) => log.progress(`probes ${scenario.id}`, done, total),
      });
      if (table) result.truthTable = table;
      if (access.tunnelRestarts > 0) {
        log.warn(`${access.tunnelRestarts} port-forward restart(s) during the probes (retried with backoff)`);
      }
      return access.tunnelRestarts;
    }).then((restarts) => {
      const last = phases[phases.length - 1];
      if (last && restarts > 0) last.detail = `port-forward restarts: ${restarts}`;
    });
    keepAccess = Boolean(env.keep);
    return keepAccess ? { result, access } : { result };
  } catch (error) {
    result.status = "error";
    result.error = (error as Error).message;
    return { result };
  } finally {
    // A kept release (repro) outlives this process on purpose: `chartprobe clean` removes it.
    forget();
    if (!keepAccess) {
      await phase("uninstall", async () => {
        await access.dispose();
        await uninstallRelease(env.kubectl, env.helm, namespace, release);
      }).catch((e: Error) => log.warn(`uninstall: ${e.message}`));
    }
  }
}

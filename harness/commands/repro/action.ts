import { renderReports } from "../../../reports/render.ts";
import type { CliContext } from "../../cli/cli-context.ts";
import { UserError } from "../../errors.ts";
import type { Logger } from "../../log/logger.ts";
import { runSession } from "../../runner/run-session.ts";
import { abortOnSignal } from "../common/abort-on-signal.ts";
import { planScenarios } from "../common/plan-scenarios.ts";
import { toJson } from "../common/print.ts";
import type { ReproOptions } from "./options.ts";

/**
 * One scenario, installed and probed, then left running for a person: prints the commands to
 * reach it. Nothing is removed at the end; `chartprobe clean` ends it.
 */
export async function reproAction(options: ReproOptions, log: Logger, ctx: CliContext): Promise<void> {
  const inputs = await planScenarios(
    {
      root: options.root,
      scenarios: [options.scenario],
      probes: options.probes,
      ...(options.matrix !== undefined ? { matrix: options.matrix } : {}),
    },
    log,
  );
  if (inputs.length !== 1) {
    throw new UserError(
      `repro takes exactly one scenario; "${options.scenario}" selects ${inputs.length}`,
      `name one of: ${inputs.map((i) => i.scenario.id).join(", ")}`,
    );
  }
  const { record, kept } = await runSession({
    root: options.root,
    scenarios: inputs,
    provider: options.provider,
    clusterName: options.clusterName,
    ...(options.context ? { context: options.context } : {}),
    strategy: options.strategy,
    keepCluster: true,
    reuseCluster: true,
    keepReleases: true,
    onlyProbes: options.probes,
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    log,
    signal: abortOnSignal(),
  });
  await renderReports(record, ["json", "md", "html"], options.out);
  const result = record.scenarios[0];
  const entry = kept[0];
  const lines: string[] = [];
  if (result && entry) {
    const kc = entry.handle.kubeconfigPath;
    const k = `kubectl --kubeconfig ${kc} -n ${result.namespace}`;
    lines.push(
      `scenario ${result.scenario.id}: ${result.status}; release ${result.release} in namespace ${result.namespace} on cluster ${entry.handle.name}`,
      "",
      "findings:",
      ...result.findings.map(
        (f) =>
          `  ${f.verdict.padEnd(12)} ${f.probe} [${f.component}] from ${f.vantage}${f.repro ? `\n               repro: ${f.repro}` : ""}`,
      ),
      "",
      "poke at it:",
      `  export KUBECONFIG=${kc}`,
      `  ${k} get pods,svc,networkpolicies`,
      `  helm --kubeconfig ${kc} -n ${result.namespace} get values ${result.release} --all`,
      ...Object.entries(entry.result.scenario ? (inputs[0]?.target.components ?? {}) : {}).flatMap(
        ([name, spec]) =>
          spec.ports.map(
            (p) =>
              `  ${k} port-forward $(${k} get pod -l ${Object.entries(spec.selector)
                .map(([a, b]) => `${a}=${b}`)
                .join(",")} -o name | head -n 1) ${p.port}:${p.port}   # ${name} ${p.name}`,
          ),
      ),
      `  ${k} exec -it chartprobe-neighbour -- sh    # attacker pod beside the release`,
      "",
      `reports: ${options.out}`,
      "when done: chartprobe clean",
    );
    // The attacker tunnels belong to this process; the release and pods stay.
    await entry.access.dispose().catch(() => undefined);
  }
  ctx.out(
    options.json
      ? toJson({
          scenario: result?.scenario.id,
          status: result?.status,
          namespace: result?.namespace,
          findings: result?.findings,
        })
      : `${lines.join("\n")}\n`,
  );
}

import { runTruthTable, type TruthTableOptions } from "../../harness/netpol/truth-table.ts";
import { type AccessProbe, defineProbe } from "../probe-kit.ts";
import { findingsFromTruthTable } from "./netpol-findings.ts";

/**
 * netpol-reachability: the NetworkPolicy truth table as findings. The table itself comes from
 * `runTruthTable(ctx)` (memoised per access and scenario), so the harness stores the very table
 * this probe judged: `ScenarioResult.truthTable = (await runTruthTable(ctx)).table`.
 */
export function netpolReachabilityWith(options: TruthTableOptions = {}): AccessProbe {
  return defineProbe({
    id: "netpol-reachability",
    title: "A component port is reachable where NetworkPolicy (or the declared intent) denies it",
    family: "network-policy",
    severity: "high",
    cwe: ["CWE-284", "CWE-923"],
    attack: ["T1046", "T1210"],
    remediation:
      "Enable the chart's NetworkPolicies (default-deny ingress plus one allow per legitimate client, selecting clients by pod and namespace labels in the same peer), run a CNI that enforces them, and keep the policies in line with the intended component-to-component flows.",
    valuesKeys: ["networkPolicies.enabled", "networkPolicy.enabled", "webserver.networkPolicy.ingress.from"],
    description:
      "Probes every (source, component port) pair with a bare TCP connect from a pod in a foreign namespace, an unlabelled pod in the release namespace and each component's own pod, and compares what connects with what the installed NetworkPolicies allow (a policy evaluator) and with the scenario's declared intent. Undecidable without a canary proving that the cluster enforces NetworkPolicy.",
    vantages: ["foreign-pod", "neighbour-pod"],
    run: async (ctx, self) => {
      const run = await runTruthTable(ctx, options);
      ctx.log.info(run.report);
      return findingsFromTruthTable(run, self, ctx.target.components, ctx.location(self.id));
    },
  });
}

/** The probe with the default pool size and timeout; register this one in the catalog. */
export const netpolReachability = netpolReachabilityWith();

// The harness's entry point for the table, re-exported beside the probe that judges it.
export { runTruthTable, type TruthTableOptions };

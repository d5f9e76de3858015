import { podsInWarning } from "../../harness/access/cluster/pod-security-warnings.ts";
import { podName, runForRelease } from "../object-check.ts";
import { defineProbe, type Pod } from "../probe-kit.ts";
import { psaViolations } from "./psa-restricted.ts";

export const podSecurityAdmission = defineProbe({
  id: "pod-security-admission",
  title: "Release's pods would be rejected by Pod Security Admission restricted",
  family: "workload",
  severity: "medium",
  cwe: ["CWE-250", "CWE-693"],
  attack: ["T1611", "T1610"],
  remediation:
    "Make every pod meet the restricted Pod Security Standard (runAsNonRoot, seccomp RuntimeDefault, drop ALL, no privilege escalation, no host access) and label the namespace pod-security.kubernetes.io/enforce=restricted.",
  valuesKeys: ["*.securityContext", "*.podSecurityContext"],
  description:
    "Asks the API server which of the release's pods the restricted Pod Security Standard would reject (a server-side dry run of the namespace's enforce label), and evaluates the same rules in code as a cross-check; where the server cannot be asked, the in-code evaluation decides.",
  vantages: ["api"],
  run: (ctx, self) =>
    runForRelease(ctx, self, async (snap) => {
      const lines: string[] = [];
      let rejectedInCode = 0;
      for (const pod of snap.pods as Pod[]) {
        const v = psaViolations(pod, "restricted");
        if (v.length) rejectedInCode++;
        lines.push(`${podName(pod)}: ${v.length ? v.join("; ") : "admitted"}`);
      }
      const enforce = snap.namespaceLabels["pod-security.kubernetes.io/enforce"];
      if (enforce) lines.unshift(`namespace ${snap.namespace} enforces ${enforce}`);
      const evidence = [
        { label: "restricted profile, evaluated in code", content: lines.join("\n").slice(0, 4000) },
      ];
      const repro = `kubectl label --dry-run=server --overwrite ns ${snap.namespace} pod-security.kubernetes.io/enforce=restricted`;
      if (snap.pods.length === 0)
        return { verdict: "inconclusive", summary: "the release has no pods to evaluate", evidence, repro };

      const server = (await ctx.access.podSecurityDryRun?.("restricted").catch(() => null)) ?? null;
      let rejected = rejectedInCode;
      let by = "evaluated in code; the API server could not be asked";
      if (server !== null) {
        rejected = server.reduce((n, line) => n + podsInWarning(line), 0);
        by = "API server dry run";
        evidence.unshift({
          label: "API server dry run (restricted)",
          content: (server.join("\n") || "every pod admitted").slice(0, 4000),
        });
        if (rejected > 0 !== rejectedInCode > 0) {
          ctx.log.info(
            `pod-security-admission: the API server rejects ${rejected} pod(s), the in-code rules ${rejectedInCode}; the server decides`,
          );
          evidence.push({
            label: "disagreement",
            content: `the API server rejects ${rejected} pod(s), chartprobe's in-code rules ${rejectedInCode}`,
          });
        }
      }
      return rejected > 0
        ? {
            verdict: "vulnerable",
            summary: `${rejected} of ${snap.pods.length} pods violate the restricted profile (${by})`,
            evidence,
            repro,
          }
        : {
            verdict: "secure",
            summary: `all ${snap.pods.length} pods meet the restricted profile (${by})`,
            evidence,
            repro,
          };
    }),
});

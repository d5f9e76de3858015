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
    "Evaluates every pod of the release against the restricted Pod Security Standard in code (the rules the admission plugin applies).",
  vantages: ["api"],
  run: (ctx, self) =>
    runForRelease(ctx, self, (snap) => {
      const lines: string[] = [];
      let rejected = 0;
      for (const pod of snap.pods as Pod[]) {
        const v = psaViolations(pod, "restricted");
        if (v.length) rejected++;
        lines.push(`${podName(pod)}: ${v.length ? v.join("; ") : "admitted"}`);
      }
      const enforce = snap.namespaceLabels["pod-security.kubernetes.io/enforce"];
      if (enforce) lines.unshift(`namespace ${snap.namespace} enforces ${enforce}`);
      const evidence = [{ label: "restricted profile", content: lines.join("\n").slice(0, 4000) }];
      const repro = `kubectl label --dry-run=server --overwrite ns ${snap.namespace} pod-security.kubernetes.io/enforce=restricted`;
      if (snap.pods.length === 0)
        return { verdict: "inconclusive", summary: "the release has no pods to evaluate", evidence, repro };
      return rejected > 0
        ? {
            verdict: "vulnerable",
            summary: `${rejected} of ${snap.pods.length} pods violate the restricted profile`,
            evidence,
            repro,
          }
        : {
            verdict: "secure",
            summary: `all ${snap.pods.length} pods meet the restricted profile`,
            evidence,
            repro,
          };
    }),
});

import { containersOf, kubectlPod, runPerComponent } from "../object-check.ts";
import { defineProbe } from "../probe-kit.ts";
import { looksLikeSecret } from "./secret-shapes.ts";

export const secretInEnvLiteral = defineProbe({
  id: "secret-in-env-literal",
  title: "Secret value written literally into a container's environment",
  family: "secrets",
  severity: "high",
  cwe: ["CWE-312", "CWE-798"],
  attack: ["T1552.001", "T1552.007"],
  remediation:
    "Move the value into a Secret and reference it with valueFrom.secretKeyRef (anyone who can read the pod spec can read a literal).",
  valuesKeys: ["*.env", "airflow.extraEnv", "env"],
  description:
    "Looks for env entries with value: (not valueFrom) whose name or value looks like a credential.",
  vantages: ["api"],
  run: (ctx, self) =>
    runPerComponent(ctx, self, (_component, pods, snap) => {
      const hits = new Set<string>();
      for (const pod of pods)
        for (const { c } of containersOf(pod))
          for (const e of c.env ?? [])
            if (e.value !== undefined && looksLikeSecret(e.name, e.value)) hits.add(`${c.name}: ${e.name}`);
      const first = pods[0];
      const repro = first
        ? kubectlPod(snap.namespace, first, '{range .spec.containers[*].env[*]}{.name}{"\\n"}{end}')
        : undefined;
      const evidence = [
        { label: "literal env", content: hits.size ? `${[...hits].join("\n")}\n(values withheld)` : "none" },
      ];
      return hits.size
        ? {
            verdict: "vulnerable",
            summary: `literal secrets in env: ${[...hits].join(", ")}`,
            evidence,
            ...(repro ? { repro } : {}),
          }
        : {
            verdict: "secure",
            summary: "no secret-looking literal env values",
            evidence,
            ...(repro ? { repro } : {}),
          };
    }),
});

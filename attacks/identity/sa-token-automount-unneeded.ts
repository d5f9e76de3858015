import { kubectlPod, runPerComponent } from "../object-check.ts";
import { defineProbe, type Pod } from "../probe-kit.ts";
import { serviceAccountOf, tokenMounted } from "./service-accounts.ts";

export const saTokenAutomountUnneeded = defineProbe({
  id: "sa-token-automount-unneeded",
  title: "API token mounted into a component that never calls the Kubernetes API",
  family: "identity",
  severity: "medium",
  cwe: ["CWE-272", "CWE-250"],
  attack: ["T1528", "T1552.007"],
  remediation:
    "Set automountServiceAccountToken: false on the pods (or service accounts) of components that do not use the API.",
  valuesKeys: [
    "serviceAccount.automountServiceAccountToken",
    "*.serviceAccount.automountServiceAccountToken",
  ],
  description: "Components whose profile says needsKubeApi false must not get a service-account token.",
  vantages: ["api"],
  run: (ctx, self) =>
    runPerComponent(ctx, self, (component, pods, snap) => {
      const first = pods[0] as Pod;
      const t = tokenMounted(first, snap);
      const needs = ctx.target.components[component]?.needsKubeApi === true;
      const evidence = [
        {
          label: "token",
          content: `${first.metadata?.name ?? "?"} (service account ${serviceAccountOf(first)}): ${t.mounted ? "mounted" : "not mounted"} — ${t.why}; needsKubeApi ${needs}`,
        },
      ];
      const repro = kubectlPod(
        snap.namespace,
        first,
        "{.spec.automountServiceAccountToken} {.spec.volumes[*].projected}",
      );
      if (!t.mounted) return { verdict: "secure", summary: `no token mounted (${t.why})`, evidence, repro };
      if (needs)
        return {
          verdict: "secure",
          summary: "token mounted, and the component uses the API",
          evidence,
          repro,
        };
      return {
        verdict: "vulnerable",
        summary: `token mounted although ${component} never calls the API (${t.why})`,
        evidence,
        repro,
      };
    }),
});

import { defineProbe } from "../probe-kit.ts";
import { runContainerRule, securityContexts } from "./container-rule.ts";

export const podCapabilities = defineProbe({
  id: "pod-capabilities",
  title: "Container keeps or adds Linux capabilities",
  family: "workload",
  severity: "medium",
  cwe: ["CWE-250"],
  attack: ["T1611"],
  remediation: "Set capabilities: { drop: [ALL] } and add none.",
  valuesKeys: ["*.securityContext.capabilities"],
  description: "Every container must drop ALL capabilities and add none.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c) => {
        const caps = c.securityContext?.capabilities;
        const problems: string[] = [];
        if (!(caps?.drop ?? []).some((d) => d.toUpperCase() === "ALL")) problems.push("does not drop ALL");
        if ((caps?.add ?? []).length > 0) problems.push(`adds ${(caps?.add ?? []).join(",")}`);
        return problems.length ? problems.join(", ") : undefined;
      },
      secureSummary: "every container drops ALL capabilities and adds none",
      show: securityContexts,
      jsonpath: "{.spec.containers[*].securityContext.capabilities}",
    }),
});

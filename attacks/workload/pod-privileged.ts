import { defineProbe } from "../probe-kit.ts";
import { runContainerRule, securityContexts } from "./container-rule.ts";

export const podPrivileged = defineProbe({
  id: "pod-privileged",
  title: "Container runs privileged",
  family: "workload",
  severity: "critical",
  cwe: ["CWE-250"],
  attack: ["T1611", "T1610"],
  remediation: "Remove privileged: true; grant a single capability if something really needs it.",
  valuesKeys: ["securityContext", "*.securityContext.privileged"],
  description: "Reads the live pods' container securityContexts for privileged: true.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c) => (c.securityContext?.privileged === true ? "privileged: true" : undefined),
      secureSummary: "no container is privileged",
      show: securityContexts,
      jsonpath: "{.spec.containers[*].securityContext.privileged}",
    }),
});

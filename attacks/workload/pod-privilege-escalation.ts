import { defineProbe } from "../probe-kit.ts";
import { runContainerRule, securityContexts } from "./container-rule.ts";

export const podPrivilegeEscalation = defineProbe({
  id: "pod-privilege-escalation",
  title: "Container may gain more privileges than its parent (allowPrivilegeEscalation not false)",
  family: "workload",
  severity: "medium",
  cwe: ["CWE-269"],
  attack: ["T1611", "T1068"],
  remediation: "Set allowPrivilegeEscalation: false in every container's securityContext.",
  valuesKeys: ["*.securityContext.allowPrivilegeEscalation"],
  description: "Every container must set allowPrivilegeEscalation: false (unset defaults to true).",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c) =>
        c.securityContext?.allowPrivilegeEscalation === false
          ? undefined
          : `allowPrivilegeEscalation ${c.securityContext?.allowPrivilegeEscalation === true ? "true" : "unset"}`,
      secureSummary: "every container sets allowPrivilegeEscalation: false",
      show: securityContexts,
      jsonpath: "{.spec.containers[*].securityContext.allowPrivilegeEscalation}",
    }),
});

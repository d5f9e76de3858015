import { defineProbe } from "../probe-kit.ts";
import { effective, runContainerRule, securityContexts } from "./container-rule.ts";

export const podSeccomp = defineProbe({
  id: "pod-seccomp",
  title: "Container runs without a seccomp profile",
  family: "workload",
  severity: "medium",
  cwe: ["CWE-693"],
  attack: ["T1611"],
  remediation: "Set seccompProfile: { type: RuntimeDefault } in the pod securityContext.",
  valuesKeys: ["*.podSecurityContext.seccompProfile", "securityContexts.pod"],
  description:
    "Each container's effective seccomp profile (its own, else the pod's) must be RuntimeDefault or Localhost.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c, pod) => {
        const type = effective(c, pod, "seccompProfile")?.type;
        return type === "RuntimeDefault" || type === "Localhost" ? undefined : `seccomp ${type ?? "unset"}`;
      },
      secureSummary: "every container has a RuntimeDefault or Localhost seccomp profile",
      show: securityContexts,
      jsonpath: "{.spec.securityContext.seccompProfile}{.spec.containers[*].securityContext.seccompProfile}",
    }),
});

import { defineProbe } from "../probe-kit.ts";
import { runContainerRule, securityContexts } from "./container-rule.ts";

export const podReadonlyRootfs = defineProbe({
  id: "pod-readonly-rootfs",
  title: "Container root filesystem is writable",
  family: "workload",
  severity: "low",
  cwe: ["CWE-732"],
  attack: ["T1525", "T1610"],
  remediation: "Set readOnlyRootFilesystem: true and mount emptyDir volumes where the app writes.",
  valuesKeys: ["*.securityContext.readOnlyRootFilesystem"],
  description: "Every container must set readOnlyRootFilesystem: true.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c) =>
        c.securityContext?.readOnlyRootFilesystem === true ? undefined : "readOnlyRootFilesystem not true",
      secureSummary: "every container has a read-only root filesystem",
      show: securityContexts,
      jsonpath: "{.spec.containers[*].securityContext.readOnlyRootFilesystem}",
    }),
});

import { containersOf } from "../object-check.ts";
import { defineProbe } from "../probe-kit.ts";
import { runContainerRule } from "./container-rule.ts";

export const podResourceLimits = defineProbe({
  id: "pod-resource-limits",
  title: "Container has no CPU or memory limit",
  family: "workload",
  severity: "low",
  cwe: ["CWE-770"],
  attack: ["T1496", "T1499"],
  remediation: "Set resources.limits.cpu and resources.limits.memory for every container.",
  valuesKeys: ["*.resources"],
  description: "Every container (init containers included) needs both a CPU and a memory limit.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c) => {
        const l = c.resources?.limits ?? {};
        const missing = ["cpu", "memory"].filter((k) => !l[k]);
        return missing.length ? `no ${missing.join("/")} limit` : undefined;
      },
      secureSummary: "every container has CPU and memory limits",
      show: (pod) =>
        Object.fromEntries(containersOf(pod).map(({ c }) => [c.name, c.resources?.limits ?? null])),
      jsonpath: "{.spec.containers[*].resources.limits}",
    }),
});

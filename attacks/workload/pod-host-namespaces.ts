import { defineProbe } from "../probe-kit.ts";
import { runContainerRule } from "./container-rule.ts";

export const podHostNamespaces = defineProbe({
  id: "pod-host-namespaces",
  title: "Pod shares host namespaces or mounts host paths",
  family: "workload",
  severity: "high",
  cwe: ["CWE-250", "CWE-668"],
  attack: ["T1611"],
  remediation: "Remove hostNetwork/hostPID/hostIPC and hostPath volumes; use emptyDir or PVCs.",
  valuesKeys: ["*.hostNetwork", "*.extraVolumes"],
  description: "Checks hostNetwork, hostPID, hostIPC and hostPath volumes on the live pods.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      pod: (pod) => {
        const s = pod.spec ?? {};
        const found = [
          ...(s.hostNetwork ? ["hostNetwork"] : []),
          ...(s.hostPID ? ["hostPID"] : []),
          ...(s.hostIPC ? ["hostIPC"] : []),
          ...(s.volumes ?? [])
            .filter((v) => v.hostPath)
            .map((v) => `hostPath volume ${v.name} (${v.hostPath?.path})`),
        ];
        return found.length ? found.join(", ") : undefined;
      },
      secureSummary: "no host namespaces and no hostPath volumes",
      show: (pod) => ({
        hostNetwork: pod.spec?.hostNetwork ?? false,
        hostPID: pod.spec?.hostPID ?? false,
        hostIPC: pod.spec?.hostIPC ?? false,
        hostPaths: (pod.spec?.volumes ?? []).filter((v) => v.hostPath).map((v) => v.hostPath?.path),
      }),
      jsonpath: "{.spec.hostNetwork} {.spec.hostPID} {.spec.hostIPC} {.spec.volumes[*].hostPath}",
    }),
});

import { containersOf } from "../object-check.ts";
import type { Pod } from "../probe-kit.ts";

// The Pod Security Standards (baseline + restricted), as the Kubernetes documentation lists them.
const BASELINE_CAPS = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);
const RESTRICTED_VOLUME_TYPES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
]);

/** Why this pod would be rejected by Pod Security Admission at `level` (empty: admitted). */
export function psaViolations(pod: Pod, level: "baseline" | "restricted" = "restricted"): string[] {
  const v: string[] = [];
  const s = pod.spec ?? {};
  const psc = s.securityContext ?? {};
  const all = containersOf(pod, { init: true, ephemeral: true });
  if (s.hostNetwork || s.hostPID || s.hostIPC) v.push("host namespaces");
  for (const vol of s.volumes ?? []) if (vol.hostPath) v.push(`hostPath volume ${vol.name}`);
  for (const sc of psc.sysctls ?? []) if (!SAFE_SYSCTLS.has(sc.name)) v.push(`unsafe sysctl ${sc.name}`);
  if (psc.seccompProfile?.type === "Unconfined") v.push("pod seccompProfile Unconfined");
  for (const { c } of all) {
    const sc = c.securityContext ?? {};
    if (sc.privileged) v.push(`${c.name}: privileged`);
    if (sc.windowsOptions?.hostProcess) v.push(`${c.name}: hostProcess`);
    for (const p of c.ports ?? []) if (p.hostPort) v.push(`${c.name}: hostPort ${p.hostPort}`);
    for (const cap of sc.capabilities?.add ?? [])
      if (!BASELINE_CAPS.has(cap.toUpperCase())) v.push(`${c.name}: adds capability ${cap}`);
    if (sc.procMount && sc.procMount !== "Default") v.push(`${c.name}: procMount ${sc.procMount}`);
    if (sc.seccompProfile?.type === "Unconfined") v.push(`${c.name}: seccompProfile Unconfined`);
  }
  if (level === "baseline") return v;

  for (const vol of s.volumes ?? []) {
    const types = Object.keys(vol).filter((k) => k !== "name");
    for (const t of types)
      if (!RESTRICTED_VOLUME_TYPES.has(t) && t !== "hostPath") v.push(`volume ${vol.name} of type ${t}`);
  }
  if ((psc.runAsUser ?? -1) === 0) v.push("pod runAsUser 0");
  for (const { c } of all) {
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) v.push(`${c.name}: allowPrivilegeEscalation not false`);
    if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) v.push(`${c.name}: runAsNonRoot not true`);
    if (sc.runAsUser === 0) v.push(`${c.name}: runAsUser 0`);
    const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost")
      v.push(`${c.name}: seccompProfile ${seccomp ?? "unset"}`);
    if (!(sc.capabilities?.drop ?? []).some((d) => d.toUpperCase() === "ALL"))
      v.push(`${c.name}: does not drop ALL capabilities`);
    for (const cap of sc.capabilities?.add ?? [])
      if (cap.toUpperCase() !== "NET_BIND_SERVICE")
        v.push(`${c.name}: adds ${cap} (restricted allows only NET_BIND_SERVICE)`);
  }
  return [...new Set(v)];
}

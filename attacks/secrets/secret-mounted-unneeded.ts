import type { ReleaseSnapshot } from "../../harness/model/access.ts";
import type { TargetProfile } from "../../harness/model/scenario.ts";
import { credentialRef } from "../deployed-credentials.ts";
import { containersOf, runPerComponent } from "../object-check.ts";
import { defineProbe, type Pod, type SecretObject } from "../probe-kit.ts";

/**
 * Every secret a pod receives: "secret/key" for Secret keys (env, envFrom, volumes), and
 * "env/NAME" for literal env values whose name is one of `secretNames` (the profile's secret keys).
 */
export function secretKeysGiven(
  pod: Pod,
  snap: ReleaseSnapshot,
  secretNames: ReadonlySet<string> = new Set(),
): Set<string> {
  const secrets = snap.secrets as SecretObject[];
  const keysOf = (name: string): string[] => {
    const s = secrets.find((x) => x.metadata?.name === name);
    // Service-account tokens are judged by the identity probes.
    if (s?.type === "kubernetes.io/service-account-token") return [];
    return Object.keys({ ...(s?.data ?? {}), ...(s?.stringData ?? {}) });
  };
  const out = new Set<string>();
  for (const { c } of containersOf(pod)) {
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref?.name && ref.key) out.add(`${ref.name}/${ref.key}`);
      else if (e.value !== undefined && e.value !== "" && secretNames.has(e.name)) out.add(`env/${e.name}`);
    }
    for (const ef of c.envFrom ?? [])
      if (ef.secretRef?.name) for (const k of keysOf(ef.secretRef.name)) out.add(`${ef.secretRef.name}/${k}`);
  }
  for (const v of pod.spec?.volumes ?? []) {
    if (v.secret?.secretName) {
      const keys = v.secret.items?.map((i) => i.key) ?? keysOf(v.secret.secretName);
      for (const k of keys) out.add(`${v.secret.secretName}/${k}`);
    }
    for (const src of v.projected?.sources ?? [])
      if (src.secret?.name) {
        const keys = src.secret.items?.map((i) => i.key) ?? keysOf(src.secret.name);
        for (const k of keys) out.add(`${src.secret.name}/${k}`);
      }
  }
  return out;
}

/** The data keys a component may hold: its needsSecrets, directly or via the profile's credential refs. */
export function neededKeys(target: TargetProfile, component: string): Set<string> | undefined {
  const needs = target.components[component]?.needsSecrets;
  if (!needs) return undefined;
  const out = new Set<string>();
  for (const n of needs) {
    out.add(n);
    const ref = credentialRef(target, n);
    if (ref) out.add(ref.key);
  }
  return out;
}

/** Names the profile knows as secrets (any component's needs, every credential key, every Secret key). */
export function knownSecretNames(target: TargetProfile, snap: ReleaseSnapshot): Set<string> {
  const out = new Set<string>();
  for (const c of Object.values(target.components)) for (const n of c.needsSecrets ?? []) out.add(n);
  for (const ref of Object.values(target.credentials)) out.add(ref.key);
  for (const s of snap.secrets as SecretObject[])
    if (s.type !== "kubernetes.io/service-account-token")
      for (const k of Object.keys(s.data ?? {})) out.add(k);
  return out;
}

export const secretMountedUnneeded = defineProbe({
  id: "secret-mounted-unneeded",
  title: "Secret given to a component that does not need it",
  family: "secrets",
  severity: "medium",
  cwe: ["CWE-200", "CWE-272"],
  attack: ["T1552.001", "T1552.007"],
  remediation:
    "Give each component only the Secret keys it uses (env secretKeyRef or volume items), not a whole shared Secret.",
  valuesKeys: ["*.extraEnv", "*.extraVolumes", "airflow.extraEnv"],
  description:
    "Lists every Secret key each component receives (env, envFrom, volumes) and compares with the keys the profile says it needs.",
  vantages: ["api"],
  run: (ctx, self) =>
    runPerComponent(ctx, self, (component, pods, snap) => {
      const needed = neededKeys(ctx.target, component);
      const given = new Set<string>();
      const names = knownSecretNames(ctx.target, snap);
      for (const pod of pods) for (const k of secretKeysGiven(pod, snap, names)) given.add(k);
      const repro = `kubectl -n ${snap.namespace} get pod ${pods[0]?.metadata?.name ?? "POD"} -o yaml | grep -nE 'secretKeyRef|secretRef|secretName' -A2`;
      const evidence = [{ label: "secret keys given", content: [...given].sort().join("\n") || "none" }];
      if (!needed)
        return {
          verdict: "skipped",
          summary: `the target profile does not say which secrets ${component} needs`,
          evidence,
          repro,
        };
      const excess = [...given]
        .filter((k) => !needed.has(k.slice(k.indexOf("/") + 1)) && !needed.has(k))
        .sort();
      return excess.length
        ? {
            verdict: "vulnerable",
            summary: `${component} receives secrets it does not need: ${excess.slice(0, 6).join(", ")}${excess.length > 6 ? " …" : ""}`,
            evidence,
            repro,
          }
        : { verdict: "secure", summary: `${component} receives only the secrets it needs`, evidence, repro };
    }),
});

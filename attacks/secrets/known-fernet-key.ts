import { credentialRef, deployedCredential } from "../deployed-credentials.ts";
import { containersOf, runForRelease } from "../object-check.ts";
import { defineProbe, type Pod, type SecretObject } from "../probe-kit.ts";

const FERNET_NAMES = /^(AIRFLOW__CORE__FERNET_KEY|fernet-key|fernetKey|fernet_key)$/i;

/** Every place the release keeps a fernet key: profile credential, Secrets, literal env. */
function deployedFernetKeys(
  snap: Parameters<typeof deployedCredential>[0],
  target: Parameters<typeof deployedCredential>[1],
) {
  const found: { where: string; value: string }[] = [];
  const fromProfile = deployedCredential(snap, target, "fernet-key");
  if (fromProfile !== undefined)
    found.push({
      where: `credential fernetKey (${credentialRef(target, "fernetKey")?.secret})`,
      value: fromProfile,
    });
  for (const s of snap.secrets as SecretObject[])
    for (const [k, v] of Object.entries(s.data ?? {}))
      if (FERNET_NAMES.test(k))
        found.push({
          where: `Secret ${s.metadata?.name}/${k}`,
          value: Buffer.from(v, "base64").toString("utf8"),
        });
  for (const pod of snap.pods as Pod[])
    for (const { c } of containersOf(pod))
      for (const e of c.env ?? [])
        if (FERNET_NAMES.test(e.name) && e.value)
          found.push({ where: `pod ${pod.metadata?.name} env ${e.name}`, value: e.value });
  return found;
}

export const knownFernetKey = defineProbe({
  id: "known-fernet-key",
  title: "Deployed fernet key is the chart's public default",
  family: "secrets",
  severity: "critical",
  cwe: ["CWE-321", "CWE-798"],
  attack: ["T1552.001"],
  remediation:
    "Generate a fernet key per installation (existing Secret), then rotate: airflow rotate-fernet-key with the old key appended.",
  valuesKeys: ["airflow.fernetKey", "fernetKey"],
  description:
    "Compares the fernet key the release deployed (Secrets, env) with the default the chart ships; connection passwords are encrypted with it.",
  vantages: ["api"],
  appliesTo: (_s, t) => t.knownDefaults.fernetKey !== undefined,
  run: (ctx, self) =>
    runForRelease(ctx, self, (snap) => {
      const known = ctx.target.knownDefaults.fernetKey;
      const repro = `kubectl -n ${snap.namespace} get secrets -o yaml | grep -i fernet`;
      if (!known) return { verdict: "skipped", summary: "the target declares no default fernet key" };
      const keys = deployedFernetKeys(snap, ctx.target);
      // A comma-separated value is a rotation list: any default member still decrypts.
      const defaults = keys.filter((k) =>
        k.value
          .split(",")
          .map((x) => x.trim())
          .includes(known),
      );
      const evidence = [
        {
          label: "fernet keys",
          content:
            keys
              .map((k) => `${k.where}: ${defaults.includes(k) ? "the chart default" : "a different key"}`)
              .join("\n") || "none found",
        },
      ];
      if (defaults.length)
        return {
          verdict: "vulnerable",
          summary: `the chart default fernet key is deployed (${defaults.map((d) => d.where).join(", ")})`,
          evidence,
          repro,
        };
      if (keys.length)
        return {
          verdict: "secure",
          summary: `the deployed fernet key differs from the default`,
          evidence,
          repro,
        };
      return {
        verdict: "inconclusive",
        summary: "no fernet key found in the release's Secrets or env",
        evidence,
        repro,
      };
    }),
});

import { runForRelease } from "../object-check.ts";
import { defineProbe } from "../probe-kit.ts";
import { looksLikeSecret } from "./secret-shapes.ts";

/** Dotted paths of every secret-looking literal in a values tree. */
export function secretValuePaths(values: unknown, prefix = ""): string[] {
  if (Array.isArray(values)) return values.flatMap((v, i) => secretValuePaths(v, `${prefix}[${i}]`));
  if (values && typeof values === "object")
    return Object.entries(values as Record<string, unknown>).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      // env-style lists carry the name in a sibling field.
      const named =
        v && typeof v === "object" && !Array.isArray(v)
          ? (v as { name?: unknown; value?: unknown })
          : undefined;
      if (named && typeof named.name === "string" && "value" in named)
        return looksLikeSecret(named.name, named.value) ? [`${path} (${named.name})`] : [];
      if (typeof v === "string") return looksLikeSecret(k, v) ? [path] : [];
      return secretValuePaths(v, path);
    });
  return [];
}

export const secretInReleaseValues = defineProbe({
  id: "secret-in-release-values",
  title: "Helm release values hold literal secrets",
  family: "secrets",
  severity: "medium",
  cwe: ["CWE-312", "CWE-522"],
  attack: ["T1552.001", "T1552.007"],
  remediation:
    "Pass credentials through existing Secrets (existingSecret / *SecretName values) so they never land in the release record Helm stores in the cluster.",
  valuesKeys: [
    "airflow.users",
    "airflow.fernetKey",
    "airflow.webserverSecretKey",
    "postgresql.postgresqlPassword",
    "redis.password",
  ],
  description:
    "Walks the values Helm stored for the release (helm get values --all) for non-empty password/secret key literals.",
  vantages: ["api"],
  run: (ctx, self) =>
    runForRelease(ctx, self, (snap) => {
      const paths = secretValuePaths(snap.helmValues);
      const evidence = [
        {
          label: "values",
          content: paths.length ? `${paths.join("\n")}\n(values withheld)` : "no secret literals",
        },
      ];
      const repro = `helm -n ${snap.namespace} get values ${snap.release} --all -o yaml | grep -inE 'password|secret|fernet|token'`;
      if (Object.keys(snap.helmValues).length === 0)
        return {
          verdict: "inconclusive",
          summary: "the release's values could not be read (empty)",
          evidence,
          repro,
        };
      return paths.length
        ? {
            verdict: "vulnerable",
            summary: `secret literals in release values: ${paths.slice(0, 5).join(", ")}${paths.length > 5 ? " …" : ""}`,
            evidence,
            repro,
          }
        : { verdict: "secure", summary: "no secret literals in the release values", evidence, repro };
    }),
});

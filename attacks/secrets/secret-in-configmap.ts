import { runForRelease } from "../object-check.ts";
import { defineProbe } from "../probe-kit.ts";
import { looksLikeSecret, secretLinesIn } from "./secret-shapes.ts";

interface ConfigMapObject {
  metadata?: { name?: string };
  data?: Record<string, string>;
}

export const secretInConfigmap = defineProbe({
  id: "secret-in-configmap",
  title: "Credential stored in a ConfigMap",
  family: "secrets",
  severity: "high",
  cwe: ["CWE-312", "CWE-538"],
  attack: ["T1552.001", "T1552.007"],
  remediation:
    "Keep passwords, keys and connection strings with credentials in Secrets (or *_secret / *_cmd Airflow settings), never in ConfigMaps.",
  valuesKeys: ["airflow.config", "config"],
  description:
    "Scans the release's ConfigMaps for secret-looking keys and for credentials inside embedded config files.",
  vantages: ["api"],
  run: (ctx, self) =>
    runForRelease(ctx, self, (snap) => {
      const hits: string[] = [];
      for (const cm of snap.configMaps as ConfigMapObject[]) {
        const name = cm.metadata?.name ?? "?";
        for (const [key, value] of Object.entries(cm.data ?? {})) {
          // Embedded files are judged line by line; single values by their key.
          if (value.includes("\n"))
            for (const inner of secretLinesIn(value)) hits.push(`${name}/${key}: ${inner}`);
          else if (looksLikeSecret(key, value)) hits.push(`${name}/${key}`);
        }
      }
      const evidence = [
        {
          label: "configmaps",
          content: hits.length
            ? `${hits.join("\n")}\n(values withheld)`
            : `${snap.configMaps.length} ConfigMaps, no credentials`,
        },
      ];
      const repro = `kubectl -n ${snap.namespace} get configmaps -o yaml | grep -inE 'password|secret|fernet|://[^:]+:[^@]+@'`;
      return hits.length
        ? {
            verdict: "vulnerable",
            summary: `credentials in ConfigMaps: ${hits.slice(0, 5).join(", ")}${hits.length > 5 ? " …" : ""}`,
            evidence,
            repro,
          }
        : { verdict: "secure", summary: "no credentials in the release's ConfigMaps", evidence, repro };
    }),
});

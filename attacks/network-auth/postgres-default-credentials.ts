import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { describeLogin, pgLogin, psqlRepro } from "./pg-session.ts";

export const postgresDefaultCredentials = defineProbe({
  id: "postgres-default-credentials",
  title: "PostgreSQL accepts the chart's default credentials",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-1392", "CWE-798"],
  attack: ["T1078.001"],
  remediation:
    "Set a generated database password (from an existing Secret) instead of the chart default, and rotate it if the default was ever deployed.",
  valuesKeys: ["postgresql.postgresqlPassword", "postgresql.auth.password"],
  description:
    "Logs in to PostgreSQL with the user and password the chart ships as defaults and, if accepted, reads current_user and rolsuper (SELECT only).",
  vantages: ["runner", "foreign-pod", "neighbour-pod"],
  component: "postgres",
  appliesTo: (_s, t) => t.components.postgres !== undefined && t.knownDefaults.database !== undefined,
  run: (ctx, self) => {
    const creds = ctx.target.knownDefaults.database;
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "postgres",
      port: creds ? portOf(ctx.target, "postgres", { protocol: "postgres", number: 5432 }) : undefined,
      check: async (ep) => {
        if (!creds)
          return { verdict: "skipped", summary: "the target declares no default database credentials" };
        const db = creds.database ?? "postgres";
        const r = await pgLogin(ep, { user: creds.username, password: creds.password, database: db });
        const evidence = [
          { label: "login", content: redact(describeLogin(creds.username, r), deployedSecretsOf(ctx)) },
        ];
        const repro = `${ep.describe}\n${psqlRepro(ep, creds.username, db, "the chart default database password (target profile knownDefaults.database)")}`;
        return r.authenticated
          ? {
              verdict: "vulnerable",
              summary: `default credentials ${creds.username}/<chart default> accepted${r.superuser ? " (superuser)" : ""}`,
              evidence,
              repro,
            }
          : { verdict: "secure", summary: `default credentials rejected: ${r.message}`, evidence, repro };
      },
    });
  },
});

import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { describeLogin, pgLogin, psqlRepro } from "./pg-session.ts";

export const pgbouncerDefaultCredentials = defineProbe({
  id: "pgbouncer-default-credentials",
  title: "PgBouncer accepts the chart's default database credentials",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-1392", "CWE-798"],
  attack: ["T1078.001"],
  remediation:
    "Generate the database password (and PgBouncer's users file from it) instead of using the chart default; restrict PgBouncer to the databases Airflow needs.",
  valuesKeys: ["pgbouncer.enabled", "postgresql.postgresqlPassword"],
  description:
    "Logs in through PgBouncer with the chart's default database user and password and runs a SELECT.",
  vantages: ["runner", "foreign-pod", "neighbour-pod"],
  component: "pgbouncer",
  appliesTo: (_s, t) => t.components.pgbouncer !== undefined && t.knownDefaults.database !== undefined,
  run: (ctx, self) => {
    const creds = ctx.target.knownDefaults.database;
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "pgbouncer",
      port: creds ? portOf(ctx.target, "pgbouncer", { protocol: "postgres", number: 6432 }) : undefined,
      check: async (ep) => {
        if (!creds)
          return { verdict: "skipped", summary: "the target declares no default database credentials" };
        const db = creds.database ?? "postgres";
        const r = await pgLogin(ep, { user: creds.username, password: creds.password, database: db });
        const evidence = [
          {
            label: "login via pgbouncer",
            content: redact(describeLogin(creds.username, r), deployedSecretsOf(ctx)),
          },
        ];
        const repro = `${ep.describe}\n${psqlRepro(ep, creds.username, db, "the chart default database password (target profile knownDefaults.database)")}`;
        return r.authenticated
          ? {
              verdict: "vulnerable",
              summary: `PgBouncer let ${creds.username}/<chart default> through`,
              evidence,
              repro,
            }
          : {
              verdict: "secure",
              summary: `PgBouncer rejected the default credentials: ${r.message}`,
              evidence,
              repro,
            };
      },
    });
  },
});

import { defineProbe } from "../probe-kit.ts";
import { defaultCredentialsCheck } from "./pg-session.ts";

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
  run: (ctx, self) => defaultCredentialsCheck(ctx, self, "pgbouncer", 6432),
});

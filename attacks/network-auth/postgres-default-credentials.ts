import { defineProbe } from "../probe-kit.ts";
import { defaultCredentialsCheck } from "./pg-session.ts";

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
  run: (ctx, self) => defaultCredentialsCheck(ctx, self, "postgres", 5432),
});

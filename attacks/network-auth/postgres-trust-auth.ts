import { randomBytes } from "node:crypto";
import {
  defineProbe,
  deployedSecretsOf,
  hasComponent,
  portOf,
  redact,
  runNetworkCheck,
} from "../probe-kit.ts";
import { describeLogin, pgLogin, psqlRepro } from "./pg-session.ts";

export const postgresTrustAuth = defineProbe({
  id: "postgres-trust-auth",
  title: "PostgreSQL lets the postgres user in without a valid password",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-287", "CWE-306"],
  attack: ["T1078.001"],
  remediation:
    "Use scram-sha-256 (or md5) in pg_hba.conf for every host line; never trust for network connections.",
  valuesKeys: ["postgresql.pgHbaConfiguration", "postgresql.primary.pgHbaConfiguration"],
  description:
    "Logs in as the superuser postgres with a random password nobody knows. Success means pg_hba.conf trusts network connections.",
  vantages: ["runner"],
  component: "postgres",
  appliesTo: hasComponent("postgres"),
  run: (ctx, self) =>
    runNetworkCheck({
      meta: self,
      ctx,
      component: "postgres",
      port: portOf(ctx.target, "postgres", { protocol: "postgres", number: 5432 }),
      check: async (ep) => {
        const bogus = `chartprobe-${randomBytes(9).toString("hex")}`;
        const r = await pgLogin(ep, { user: "postgres", password: bogus, database: "postgres" });
        const evidence = [
          {
            label: "login with a random password",
            content: redact(describeLogin("postgres", r), deployedSecretsOf(ctx)),
          },
        ];
        const repro = `${ep.describe}\n${psqlRepro(ep, "postgres", "postgres", "any wrong password, e.g. PGPASSWORD=wrong")}`;
        return r.authenticated
          ? {
              verdict: "vulnerable",
              summary: "user postgres logged in with a random password (trust auth)",
              evidence,
              repro,
            }
          : {
              verdict: "secure",
              summary: `random password rejected for postgres: ${r.message}`,
              evidence,
              repro,
            };
      },
    }),
});

import { deployedDbCredential } from "../deployed-credentials.ts";
import {
  defineProbe,
  deployedSecretsOf,
  hasComponent,
  portOf,
  redact,
  runNetworkCheck,
  safeSnapshot,
} from "../probe-kit.ts";
import { describeLogin, type PgLoginResult, pgLogin, psqlRepro } from "./pg-session.ts";

export const postgresSuperuserLogin = defineProbe({
  id: "postgres-superuser-login",
  title: "The application logs in to PostgreSQL as a superuser",
  family: "network-auth",
  severity: "high",
  cwe: ["CWE-250", "CWE-269"],
  attack: ["T1078.001", "T1078.003"],
  remediation:
    "Give Airflow its own database role that owns only its database (NOSUPERUSER) and keep the postgres superuser password out of the application's Secrets.",
  valuesKeys: ["postgresql.postgresqlUsername", "externalDatabase.user"],
  description:
    "Logs in with the credential the release deployed for the application (read from its Secret) and with the chart default, and reads rolsuper for current_user.",
  vantages: ["runner"],
  component: "postgres",
  appliesTo: hasComponent("postgres"),
  run: async (ctx, self) => {
    const snap = await safeSnapshot(ctx.access);
    const app = snap ? deployedDbCredential(snap, ctx.target) : undefined;
    const def = ctx.target.knownDefaults.database;
    const secrets = deployedSecretsOf(ctx);
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "postgres",
      port: portOf(ctx.target, "postgres", { protocol: "postgres", number: 5432 }),
      check: async (ep) => {
        const lines: string[] = [];
        let appResult: PgLoginResult | undefined;
        let defResult: PgLoginResult | undefined;
        if (app) {
          appResult = await pgLogin(ep, {
            user: app.user,
            password: app.password,
            database: app.database ?? "postgres",
          });
          lines.push(`deployed credential: ${describeLogin(app.user, appResult)}`);
        } else lines.push("deployed credential: not found in the release's Secrets");
        if (def) {
          defResult = await pgLogin(ep, {
            user: def.username,
            password: def.password,
            database: def.database ?? "postgres",
          });
          lines.push(`chart default credential: ${describeLogin(def.username, defResult)}`);
        }
        const evidence = [
          {
            label: "logins",
            content: redact(lines.join("\n"), [...secrets, ...(app ? [app.password] : [])]),
          },
        ];
        const user = app?.user ?? def?.username ?? "postgres";
        const repro = `${ep.describe}\n${psqlRepro(ep, user, "postgres", "the deployed database password from the release Secret")}`;
        if (appResult?.authenticated && appResult.superuser)
          return {
            verdict: "vulnerable",
            summary: `the deployed application credential (${app?.user}) is a superuser`,
            evidence,
            repro,
          };
        if (defResult?.authenticated && defResult.superuser)
          return {
            verdict: "vulnerable",
            summary: `the chart default credential (${def?.username}) logs in as a superuser`,
            evidence,
            repro,
          };
        if (appResult?.authenticated && appResult.superuser === false)
          return {
            verdict: "secure",
            summary: `the deployed credential (${app?.user}) is not a superuser`,
            evidence,
            repro,
          };
        return {
          verdict: "inconclusive",
          summary: "no credential could log in, so superuser status is unknown",
          evidence,
          repro,
        };
      },
    });
  },
});

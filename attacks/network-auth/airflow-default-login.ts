import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl } from "../web/http-client.ts";
import { airflowLogin } from "./airflow-login.ts";

export const airflowDefaultLogin = defineProbe({
  id: "airflow-default-login",
  title: "Airflow web UI accepts the chart's default admin login",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-1392", "CWE-798"],
  attack: ["T1078.001"],
  remediation:
    "Do not create users with default passwords from values; create the admin from an existing Secret (or SSO) and disable any job that re-creates default users.",
  valuesKeys: ["airflow.users", "webserver.defaultUser"],
  description:
    "Logs in through the real CSRF-protected login form (Airflow 2) or the token endpoint (Airflow 3) with the chart's default admin credentials and proves the session on an authenticated page.",
  vantages: ["runner", "foreign-pod", "neighbour-pod"],
  component: "webserver",
  appliesTo: (_s, t) => t.components.webserver !== undefined && t.knownDefaults.adminUser !== undefined,
  run: (ctx, self) => {
    const admin = ctx.target.knownDefaults.adminUser;
    const port = portOf(ctx.target, "webserver", { names: ["web", "http"], protocol: "http", number: 8080 });
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "webserver",
      port: admin ? port : undefined,
      check: async (ep) => {
        if (!admin) return { verdict: "skipped", summary: "the target declares no default admin user" };
        const base = baseUrl(ep, port);
        const r = await airflowLogin(base, admin.username, admin.password);
        const evidence = [
          { label: `login (${r.flavour})`, content: redact(r.transcript.join("\n"), deployedSecretsOf(ctx)) },
        ];
        const repro =
          r.flavour === "airflow-3-token"
            ? `${ep.describe}\n# ADMIN_PASSWORD: the chart default admin password\ncurl -s -X POST ${base}/auth/token -H 'Content-Type: application/json' -d "{\\"username\\":\\"${admin.username}\\",\\"password\\":\\"$ADMIN_PASSWORD\\"}"`
            : `${ep.describe}\n# open ${base}/login/ in a browser and sign in as ${admin.username} with the chart default password`;
        if (r.undecided) return { verdict: "inconclusive", summary: r.undecided, evidence, repro };
        return r.accepted
          ? {
              verdict: "vulnerable",
              summary: `logged in as ${admin.username} with the chart default password`,
              evidence,
              repro,
            }
          : { verdict: "secure", summary: `the default admin login was refused`, evidence, repro };
      },
    });
  },
});

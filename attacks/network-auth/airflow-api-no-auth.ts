import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl, describeExchange, http } from "../web/http-client.ts";
import { looksLikeAirflow3 } from "./airflow-login.ts";

export const airflowApiNoAuth = defineProbe({
  id: "airflow-api-no-auth",
  title: "Airflow REST API answers without authentication or with default credentials",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-306", "CWE-1392"],
  attack: ["T1078.001", "T1190"],
  remediation:
    "Keep [api] auth_backends to session (or a real identity provider); never deny_all→default, and never basic_auth with default users.",
  valuesKeys: ["airflow.config.AIRFLOW__API__AUTH_BACKENDS", "config.api.auth_backends"],
  description:
    "GETs the DAG list of the stable REST API with no credentials, then with HTTP basic auth using the chart's default admin.",
  vantages: ["runner"],
  component: "webserver",
  appliesTo: (_s, t) => t.components.webserver !== undefined,
  run: (ctx, self) => {
    const port = portOf(ctx.target, "webserver", { names: ["web", "http"], protocol: "http", number: 8080 });
    const admin = ctx.target.knownDefaults.adminUser;
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "webserver",
      port,
      check: async (ep) => {
        const base = baseUrl(ep, port);
        const path = (await looksLikeAirflow3(base)) ? "/api/v2/dags?limit=1" : "/api/v1/dags?limit=1";
        const anon = await http(base, { path });
        const lines = [`${describeExchange({ path }, anon)} (no credentials)`];
        const repro = `${ep.describe}\ncurl -s -o /dev/null -w '%{http_code}\\n' ${base}${path}`;
        const evidence = () => [
          { label: "REST API", content: redact(lines.join("\n"), deployedSecretsOf(ctx)) },
        ];
        if (anon.status === 200)
          return {
            verdict: "vulnerable",
            summary: `${path} answered 200 without credentials`,
            evidence: evidence(),
            repro,
          };
        if (admin) {
          const basic = Buffer.from(`${admin.username}:${admin.password}`).toString("base64");
          const withDefault = await http(base, { path, headers: { Authorization: `Basic ${basic}` } });
          lines.push(
            `${describeExchange({ path }, withDefault)} (basic auth ${admin.username}:<chart default>)`,
          );
          if (withDefault.status === 200)
            return {
              verdict: "vulnerable",
              summary: `${path} answered 200 to basic auth with the chart default admin`,
              evidence: evidence(),
              repro: `${ep.describe}\n# ADMIN_PASSWORD: the chart default admin password\ncurl -s -u "${admin.username}:$ADMIN_PASSWORD" ${base}${path}`,
            };
        }
        if ([401, 403].includes(anon.status))
          return {
            verdict: "secure",
            summary: `${path} demands authentication (${anon.status})`,
            evidence: evidence(),
            repro,
          };
        return {
          verdict: "inconclusive",
          summary: `${path} answered ${anon.status}`,
          evidence: evidence(),
          repro,
        };
      },
    });
  },
});

import { PROBE_LOG_PATH } from "../network-auth/log-server-no-token.ts";
import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl, describeExchange, http } from "../web/http-client.ts";
import { forgeLogServerToken } from "./forge/jwt-hs512.ts";

export const logServerForgedToken = defineProbe({
  id: "log-server-forged-token",
  title: "Worker log server accepts a token forged with the chart's default secret key",
  family: "secrets",
  severity: "high",
  cwe: ["CWE-321", "CWE-798"],
  attack: ["T1552.001", "T1606"],
  remediation:
    "Set a random webserver secret key from an existing Secret (the worker log server verifies tokens with it), the same on webserver and workers.",
  valuesKeys: ["airflow.webserverSecretKey", "webserverSecretKey"],
  description:
    "Signs an HS512 JWT (audience task-instance-logs, iat/nbf/exp, filename) with the default webserver secret key and asks the log server for that file; any answer but 403 means the token was accepted.",
  vantages: ["runner"],
  component: "worker",
  appliesTo: (_s, t) => t.components.worker !== undefined && t.knownDefaults.webserverSecretKey !== undefined,
  run: (ctx, self) => {
    const key = ctx.target.knownDefaults.webserverSecretKey;
    const port = portOf(ctx.target, "worker", { names: ["worker-logs", "logs", "log-server"], number: 8793 });
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "worker",
      port: key ? port : undefined,
      check: async (ep) => {
        if (!key)
          return { verdict: "skipped", summary: "the target declares no default webserver secret key" };
        const base = baseUrl(ep, port);
        const path = `/log/${PROBE_LOG_PATH}`;
        const without = await http(base, { path });
        // A second of slack for clock skew between runner and pod (Airflow allows 5 s leeway).
        const token = forgeLogServerToken(key, PROBE_LOG_PATH, Math.floor(Date.now() / 1000) - 1);
        const forged = await http(base, { path, headers: { Authorization: token } });
        const evidence = [
          {
            label: "log server",
            content: redact(
              [
                `${describeExchange({ path }, without)} (no token)`,
                `${describeExchange({ path }, forged)} (Authorization: HS512 JWT signed with the chart default key)`,
              ].join("\n"),
              deployedSecretsOf(ctx),
            ),
          },
        ];
        const repro = `${ep.describe}\n# TOKEN: an HS512 JWT {aud: task-instance-logs, iat, nbf, exp, filename: ${PROBE_LOG_PATH}} signed with the chart default webserver secret key\ncurl -s -o /dev/null -w '%{http_code}\\n' -H "Authorization: $TOKEN" ${base}${path}`;
        if (forged.status === 403 || forged.status === 401)
          return {
            verdict: "secure",
            summary: `the forged token was refused (${forged.status})`,
            evidence,
            repro,
          };
        const note =
          without.status === 403 ? "" : " (the server does not check tokens at all; see log-server-no-token)";
        return {
          verdict: "vulnerable",
          summary: `the forged token was accepted (${forged.status})${note}`,
          evidence,
          repro,
        };
      },
    });
  },
});

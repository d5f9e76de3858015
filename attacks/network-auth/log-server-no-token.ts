import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl, describeExchange, http } from "../web/http-client.ts";

/** A log path in Airflow 2's default layout; it need not exist (the token check comes first). */
export const PROBE_LOG_PATH = "dag_id=chartprobe/run_id=probe/task_id=probe/attempt=1.log";

export const logServerNoToken = defineProbe({
  id: "log-server-no-token",
  title: "Worker log server serves logs without a token",
  family: "network-auth",
  severity: "high",
  cwe: ["CWE-306"],
  attack: ["T1552.001", "T1190"],
  remediation:
    "Run an Airflow version whose log server checks the signed token, and keep port 8793 reachable only from the webserver.",
  valuesKeys: ["workers.logServer", "airflow.config.AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT"],
  description:
    "GETs /log/<file> on the worker log server without an Authorization header; anything but 401/403 means no token check.",
  vantages: ["runner"],
  component: "worker",
  appliesTo: (_s, t) => t.components.worker !== undefined,
  run: (ctx, self) => {
    const port = portOf(ctx.target, "worker", { names: ["worker-logs", "logs", "log-server"], number: 8793 });
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "worker",
      port,
      check: async (ep) => {
        const base = baseUrl(ep, port);
        const path = `/log/${PROBE_LOG_PATH}`;
        const res = await http(base, { path });
        const evidence = [
          { label: "log server", content: redact(describeExchange({ path }, res), deployedSecretsOf(ctx)) },
        ];
        const repro = `${ep.describe}\ncurl -s -o /dev/null -w '%{http_code}\\n' ${base}${path}`;
        return res.status === 401 || res.status === 403
          ? {
              verdict: "secure",
              summary: `the log server refused a request without token (${res.status})`,
              evidence,
              repro,
            }
          : {
              verdict: "vulnerable",
              summary: `the log server answered ${res.status} to a request without token`,
              evidence,
              repro,
            };
      },
    });
  },
});

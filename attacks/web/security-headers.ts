import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl, describeExchange, type HttpResponse } from "./http-client.ts";
import { fetchLoginResponse } from "./login-response.ts";

/** What is missing from a response's headers, in words (empty: nothing). */
export function missingSecurityHeaders(res: Pick<HttpResponse, "headers">): string[] {
  const h = res.headers;
  const missing: string[] = [];
  const xfo = (h["x-frame-options"] ?? "").trim().toUpperCase();
  const frameAncestors = /(^|;)\s*frame-ancestors\s/i.test(h["content-security-policy"] ?? "");
  if (xfo !== "DENY" && xfo !== "SAMEORIGIN" && !frameAncestors)
    missing.push("clickjacking protection (X-Frame-Options DENY/SAMEORIGIN or CSP frame-ancestors)");
  if ((h["x-content-type-options"] ?? "").trim().toLowerCase() !== "nosniff")
    missing.push("X-Content-Type-Options: nosniff");
  return missing;
}

export const securityHeaders = defineProbe({
  id: "security-headers",
  title: "Web UI lacks basic security headers",
  family: "web",
  severity: "low",
  cwe: ["CWE-1021", "CWE-693"],
  attack: ["T1189"],
  remediation:
    "Keep [webserver] x_frame_enabled = False (sends X-Frame-Options: DENY) and add X-Content-Type-Options: nosniff (webserver_config.py or the ingress).",
  valuesKeys: ["airflow.config.AIRFLOW__WEBSERVER__X_FRAME_ENABLED", "ingress.web.annotations"],
  description:
    "Checks the login page response for X-Frame-Options or CSP frame-ancestors, and X-Content-Type-Options.",
  vantages: ["runner"],
  component: "webserver",
  appliesTo: (_s, t) => t.components.webserver !== undefined,
  run: (ctx, self) => {
    const port = portOf(ctx.target, "webserver", { names: ["web", "http"], protocol: "http", number: 8080 });
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "webserver",
      port,
      check: async (ep) => {
        const { path, res } = await fetchLoginResponse(ep, port);
        const shown = [
          "x-frame-options",
          "content-security-policy",
          "x-content-type-options",
          "strict-transport-security",
        ];
        const evidence = [
          {
            label: "response headers",
            content: redact(describeExchange({ path }, res, shown), deployedSecretsOf(ctx)),
          },
        ];
        const repro = `${ep.describe}\ncurl -s -o /dev/null -D - ${baseUrl(ep, port)}${path}`;
        if (res.status >= 500)
          return {
            verdict: "inconclusive",
            summary: `the login page answered ${res.status}`,
            evidence,
            repro,
          };
        const missing = missingSecurityHeaders(res);
        return missing.length === 0
          ? {
              verdict: "secure",
              summary: "clickjacking and MIME-sniffing protections are present",
              evidence,
              repro,
            }
          : { verdict: "vulnerable", summary: `missing: ${missing.join("; ")}`, evidence, repro };
      },
    });
  },
});

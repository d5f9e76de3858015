import { defineProbe } from "../probe-kit.ts";
import { runCookieCheck } from "./cookie-check.ts";

export const cookieSecureFlag = defineProbe({
  id: "cookie-secure-flag",
  title: "Session cookie is sent without the Secure attribute",
  family: "web",
  severity: "medium",
  cwe: ["CWE-614"],
  attack: ["T1539"],
  remediation: "Serve the UI over TLS and set [webserver] cookie_secure = True.",
  valuesKeys: ["airflow.config.AIRFLOW__WEBSERVER__COOKIE_SECURE", "config.webserver.cookie_secure"],
  description: "Reads the session cookie of the real login page response and checks its Secure attribute.",
  vantages: ["runner"],
  component: "webserver",
  appliesTo: (_s, t) => t.components.webserver !== undefined,
  run: (ctx, self) =>
    runCookieCheck(ctx, self, (c) =>
      c.secure
        ? { verdict: "secure", summary: `cookie ${c.name} has Secure` }
        : { verdict: "vulnerable", summary: `cookie ${c.name} lacks Secure` },
    ),
});

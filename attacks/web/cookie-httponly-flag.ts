import { defineProbe } from "../probe-kit.ts";
import { runCookieCheck } from "./cookie-check.ts";

export const cookieHttponlyFlag = defineProbe({
  id: "cookie-httponly-flag",
  title: "Session cookie is readable by scripts (no HttpOnly)",
  family: "web",
  severity: "medium",
  cwe: ["CWE-1004"],
  attack: ["T1539"],
  remediation: "Keep SESSION_COOKIE_HTTPONLY enabled in webserver_config.py.",
  valuesKeys: ["web.webserverConfig", "webserver.webserverConfig"],
  description: "Reads the session cookie of the real login page response and checks its HttpOnly attribute.",
  vantages: ["runner"],
  component: "webserver",
  appliesTo: (_s, t) => t.components.webserver !== undefined,
  run: (ctx, self) =>
    runCookieCheck(ctx, self, (c) =>
      c.httpOnly
        ? { verdict: "secure", summary: `cookie ${c.name} has HttpOnly` }
        : { verdict: "vulnerable", summary: `cookie ${c.name} lacks HttpOnly` },
    ),
});

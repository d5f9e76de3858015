import { defineProbe } from "../probe-kit.ts";
import { runCookieCheck } from "./cookie-check.ts";

export const cookieSamesite = defineProbe({
  id: "cookie-samesite",
  title: "Session cookie has no SameSite protection",
  family: "web",
  severity: "low",
  cwe: ["CWE-1275", "CWE-352"],
  attack: ["T1539"],
  remediation: "Set [webserver] cookie_samesite = Lax or Strict.",
  valuesKeys: ["airflow.config.AIRFLOW__WEBSERVER__COOKIE_SAMESITE", "config.webserver.cookie_samesite"],
  description:
    "Reads the session cookie of the real login page response; SameSite missing or None is a finding.",
  vantages: ["runner"],
  component: "webserver",
  appliesTo: (_s, t) => t.components.webserver !== undefined,
  run: (ctx, self) =>
    runCookieCheck(ctx, self, (c) => {
      const v = c.sameSite?.toLowerCase();
      return v === "lax" || v === "strict"
        ? { verdict: "secure", summary: `cookie ${c.name} has SameSite=${c.sameSite}` }
        : {
            verdict: "vulnerable",
            summary: `cookie ${c.name} has ${c.sameSite === undefined ? "no SameSite" : `SameSite=${c.sameSite}`}`,
          };
    }),
});

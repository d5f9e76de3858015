import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalProbeAccess } from "../../harness/access/local-access.ts";
import type { ReleaseSnapshot } from "../../harness/model/access.ts";
import { type LocalPgBouncer, startLocalPgBouncer } from "../testing/local-pgbouncer.ts";
import { type LocalPostgres, startLocalPostgres } from "../testing/local-postgres.ts";
import { b64, probeContext } from "../testing/probe-context.ts";
import { startAll } from "../testing/start-all.ts";
import { testTarget } from "../testing/test-target.ts";
import { pgbouncerDefaultCredentials } from "./pgbouncer-default-credentials.ts";
import { postgresDefaultCredentials } from "./postgres-default-credentials.ts";
import { postgresNoTls } from "./postgres-no-tls.ts";
import { postgresSuperuserLogin } from "./postgres-superuser-login.ts";
import { postgresTrustAuth } from "./postgres-trust-auth.ts";

const target = testTarget();
const APP_PASSWORD = "app-Pw-9f3c71";
const STRONG_SUPER = "super-Pw-5d1e22";

/** The release's Secret as the snapshot would show it, naming the app credential. */
const configEnvs = (user: string, password: string): Partial<ReleaseSnapshot> => ({
  secrets: [
    {
      metadata: { name: "local-config-envs" },
      data: { DATABASE_USER: b64(user), DATABASE_PASSWORD: b64(password) },
    },
  ],
});

const ctxFor = (component: "postgres" | "pgbouncer", port: number, snapshot?: Partial<ReleaseSnapshot>) =>
  probeContext(
    new LocalProbeAccess({
      target,
      endpoints: { [component]: { [component === "postgres" ? 5432 : 6432]: { host: "127.0.0.1", port } } },
      ...(snapshot ? { snapshot } : {}),
    }),
    target,
  );

describe("postgres and pgbouncer probes against real servers", () => {
  let insecure: LocalPostgres; // chart defaults: postgres/airflow superuser, md5, no TLS
  let trusting: LocalPostgres; // pg_hba trust for host connections
  let hardened: LocalPostgres; // scram, TLS, separate non-superuser app role
  let bouncerDefault: LocalPgBouncer;
  let bouncerHardened: LocalPgBouncer;

  beforeAll(async () => {
    [insecure, trusting, hardened] = (await startAll([
      () => startLocalPostgres({ superuserPassword: "airflow", hostAuth: "md5", ssl: false }),
      () => startLocalPostgres({ superuserPassword: "airflow", hostAuth: "trust", ssl: false }),
      () =>
        startLocalPostgres({
          superuserPassword: STRONG_SUPER,
          hostAuth: "scram-sha-256",
          ssl: true,
          roles: [{ name: "airflow_app", password: APP_PASSWORD, superuser: false }],
        }),
    ])) as [LocalPostgres, LocalPostgres, LocalPostgres];
    [bouncerDefault, bouncerHardened] = (await startAll([
      () =>
        startLocalPgBouncer({
          backendPort: insecure.port,
          users: [{ name: "postgres", password: "airflow" }],
        }),
      () =>
        startLocalPgBouncer({
          backendPort: insecure.port,
          users: [{ name: "postgres", password: "bouncer-Pw-77aa" }],
        }),
    ])) as [LocalPgBouncer, LocalPgBouncer];
  });
  afterAll(async () => {
    await Promise.all([bouncerDefault?.stop(), bouncerHardened?.stop()]);
    await Promise.all([insecure?.stop(), trusting?.stop(), hardened?.stop()]);
  });

  it("postgres-default-credentials: vulnerable with postgres/airflow", async () => {
    const [f] = await postgresDefaultCredentials.run(ctxFor("postgres", insecure.port));
    expect(f?.verdict).toBe("vulnerable");
    expect(f?.summary).toMatch(/superuser/);
  });
  it("postgres-default-credentials: secure with another password", async () => {
    const [f] = await postgresDefaultCredentials.run(ctxFor("postgres", hardened.port));
    expect(f?.verdict).toBe("secure");
    expect(f?.evidence[0]?.content).toMatch(/28P01/);
  });

  it("postgres-superuser-login: vulnerable when the deployed credential is postgres", async () => {
    const [f] = await postgresSuperuserLogin.run(
      ctxFor("postgres", insecure.port, configEnvs("postgres", "airflow")),
    );
    expect(f?.verdict).toBe("vulnerable");
  });
  it("postgres-superuser-login: secure with a NOSUPERUSER app role, and its password is redacted", async () => {
    const [f] = await postgresSuperuserLogin.run(
      ctxFor("postgres", hardened.port, configEnvs("airflow_app", APP_PASSWORD)),
    );
    expect(f?.verdict).toBe("secure");
    expect(JSON.stringify(f)).not.toContain(APP_PASSWORD);
  });
  it("postgres-superuser-login: inconclusive when no credential logs in", async () => {
    const [f] = await postgresSuperuserLogin.run(ctxFor("postgres", hardened.port));
    expect(f?.verdict).toBe("inconclusive");
  });

  it("postgres-trust-auth: vulnerable with trust in pg_hba", async () => {
    const [f] = await postgresTrustAuth.run(ctxFor("postgres", trusting.port));
    expect(f?.verdict).toBe("vulnerable");
  });
  it("postgres-trust-auth: secure with md5", async () => {
    const [f] = await postgresTrustAuth.run(ctxFor("postgres", insecure.port));
    expect(f?.verdict).toBe("secure");
  });

  it("postgres-no-tls: vulnerable with ssl=off", async () => {
    const [f] = await postgresNoTls.run(ctxFor("postgres", insecure.port));
    expect(f?.verdict).toBe("vulnerable");
  });
  it("postgres-no-tls: secure with ssl=on", async () => {
    const [f] = await postgresNoTls.run(ctxFor("postgres", hardened.port));
    expect(f?.verdict).toBe("secure");
  });

  it("pgbouncer-default-credentials: vulnerable when the users file holds the default", async () => {
    const [f] = await pgbouncerDefaultCredentials.run(ctxFor("pgbouncer", bouncerDefault.port));
    expect(f?.verdict, f?.summary).toBe("vulnerable");
  });
  it("pgbouncer-default-credentials: secure with another password", async () => {
    const [f] = await pgbouncerDefaultCredentials.run(ctxFor("pgbouncer", bouncerHardened.port));
    expect(f?.verdict).toBe("secure");
  });
});

import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec } from "../../harness/exec.ts";
import { localImage } from "../../harness/images/catalog.ts";

// Runs each locally built image with docker, as the chart would configure it, and checks the
// behaviour the testbed's ground truth depends on. Every container carries the run label and is
// removed in afterAll. Needs the images: bash scripts/images/build-images.sh

const run = `cp-img-${randomBytes(3).toString("hex")}`;
const network = run;
const label = `org.chartprobe.test=${run}`;
const started: string[] = [];

function tagOf(name: string): string {
  const image = localImage(name);
  if (!image) throw new Error(`no image ${name} in the catalog`);
  return image.tag;
}

async function docker(args: string[], allowFailure = false) {
  return exec("docker", args, { allowFailure, timeoutMs: 120_000 });
}

/** Starts a detached container on the test network and returns its loopback port for `port`. */
async function start(
  name: string,
  image: string,
  env: Record<string, string>,
  port: number,
): Promise<number> {
  const container = `${run}-${name}`;
  const envArgs = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
  await docker([
    "run",
    "-d",
    "--name",
    container,
    "--network",
    network,
    "--network-alias",
    name,
    "--label",
    label,
    "-p",
    `127.0.0.1::${port}`,
    ...envArgs,
    tagOf(image),
  ]);
  started.push(container);
  const mapped = (await docker(["port", container, `${port}/tcp`])).stdout.trim().split("\n")[0] ?? "";
  return Number(mapped.slice(mapped.lastIndexOf(":") + 1));
}

async function retry<T>(what: string, fn: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await fn();
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms: ${String(last)}`);
}

async function pgQuery(port: number, user: string, password: string, sql: string, database = "postgres") {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user,
    password,
    database,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The server's one-byte answer to an SSLRequest: 'S' (TLS offered) or 'N'. */
function sslAnswer(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      const req = Buffer.alloc(8);
      req.writeInt32BE(8, 0);
      req.writeInt32BE(80877103, 4);
      socket.write(req);
    });
    socket.setTimeout(5000, () => socket.destroy(new Error("no SSLRequest answer")));
    socket.once("data", (d) => {
      resolve(String.fromCharCode(d[0] ?? 0));
      socket.destroy();
    });
    socket.once("error", reject);
  });
}

const ports: Record<string, number> = {};

beforeAll(async () => {
  await docker(["network", "create", "--label", label, network]);
  ports.pg = await start(
    "postgres",
    "postgres",
    {
      POSTGRES_PASSWORD: "su-pw",
      POSTGRES_DB: "airflow",
      POSTGRES_APP_USER: "app",
      POSTGRES_APP_PASSWORD: "app-pw",
      POSTGRES_HOST_AUTH_METHOD: "md5",
    },
    5432,
  );
  ports.pgTrust = await start(
    "postgres-trust",
    "postgres",
    { POSTGRES_HOST_AUTH_METHOD: "trust", POSTGRES_TLS: "on" },
    5432,
  );
  ports.redis = await start("redis", "redis", { REDIS_PASSWORD: "r-pw" }, 6379);
  ports.redisOpen = await start("redis-open", "redis", { REDIS_PASSWORD: "" }, 6379);
  ports.bouncer = await start(
    "pgbouncer",
    "pgbouncer",
    { PGBOUNCER_UPSTREAM_HOST: "postgres", PGBOUNCER_AUTH_USER: "app", PGBOUNCER_AUTH_PASSWORD: "app-pw" },
    6432,
  );
  await retry("postgres", () => pgQuery(ports.pg as number, "postgres", "su-pw", "select 1"));
  await retry("postgres-trust", () => pgQuery(ports.pgTrust as number, "postgres", "", "select 1"));
}, 300_000);

afterAll(async () => {
  for (const c of started) await docker(["rm", "-f", "-v", c], true);
  await docker(["network", "rm", network], true);
});

describe("postgres image", () => {
  it("accepts the env password, rejects a wrong one", async () => {
    const rows = await pgQuery(
      ports.pg as number,
      "postgres",
      "su-pw",
      "select rolsuper from pg_roles where rolname='postgres'",
    );
    expect(rows[0]?.rolsuper).toBe(true);
    await expect(pgQuery(ports.pg as number, "postgres", "wrong", "select 1")).rejects.toThrow(
      /password authentication failed/,
    );
  });

  it("creates the app role as a non-superuser owning the database", async () => {
    const rows = await pgQuery(
      ports.pg as number,
      "app",
      "app-pw",
      "select rolsuper, current_database() as db, has_schema_privilege('public', 'CREATE') as can_create from pg_roles where rolname = current_user",
      "airflow",
    );
    expect(rows).toEqual([{ rolsuper: false, db: "airflow", can_create: true }]);
  });

  it("stores md5 passwords under md5 auth and offers TLS only when asked", async () => {
    const rows = await pgQuery(
      ports.pg as number,
      "postgres",
      "su-pw",
      "select left(rolpassword, 3) as p from pg_authid where rolname='app'",
    );
    expect(rows[0]?.p).toBe("md5");
    expect(await sslAnswer(ports.pg as number)).toBe("N");
    expect(await sslAnswer(ports.pgTrust as number)).toBe("S");
  });

  it("lets anyone in under trust", async () => {
    const rows = await pgQuery(ports.pgTrust as number, "postgres", "anything", "select current_user as u");
    expect(rows[0]?.u).toBe("postgres");
  });
});

describe("redis image", () => {
  it("requires the password when REDIS_PASSWORD is set", async () => {
    const authed = new Redis({
      host: "127.0.0.1",
      port: ports.redis,
      password: "r-pw",
      maxRetriesPerRequest: 0,
    });
    const anon = new Redis({
      host: "127.0.0.1",
      port: ports.redis,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      // RESP2: no HELLO at connect, so the server judges the unauthenticated PING itself.
      protocol: 2,
    });
    try {
      expect(await retry("redis", () => authed.ping(), 30_000)).toBe("PONG");
      await expect(anon.ping()).rejects.toThrow(/NOAUTH/);
    } finally {
      authed.disconnect();
      anon.disconnect();
    }
  });

  it("answers without AUTH when REDIS_PASSWORD is empty", async () => {
    const open = new Redis({ host: "127.0.0.1", port: ports.redisOpen, maxRetriesPerRequest: 0 });
    try {
      expect(await retry("redis-open", () => open.ping(), 30_000)).toBe("PONG");
    } finally {
      open.disconnect();
    }
  });
});

describe("pgbouncer image", () => {
  it("forwards the configured login to postgres and rejects a wrong password", async () => {
    const rows = await retry("pgbouncer", () =>
      pgQuery(
        ports.bouncer as number,
        "app",
        "app-pw",
        "select current_user as u, inet_server_port() as port",
        "airflow",
      ),
    );
    expect(rows[0]).toEqual({ u: "app", port: 5432 });
    await expect(pgQuery(ports.bouncer as number, "app", "nope", "select 1", "airflow")).rejects.toThrow(
      /password authentication failed/,
    );
  });
});

describe("airflow and attacker images", () => {
  it("airflow prints its version and runs as uid 50000", async () => {
    const version = await docker(["run", "--rm", "--label", label, tagOf("airflow"), "airflow", "version"]);
    expect(version.stdout.trim().split("\n").at(-1)).toBe("2.9.3");
    const id = await docker([
      "run",
      "--rm",
      "--label",
      label,
      tagOf("airflow"),
      "bash",
      "-c",
      "id -u; id -g",
    ]);
    expect(id.stdout.trim().split("\n")).toEqual(["50000", "0"]);
  });

  it("attacker has the probe tools and runs as non-root", async () => {
    const tools = ["socat", "psql", "redis-cli", "curl", "nc", "dig", "ip", "python3", "openssl"];
    const out = await docker([
      "run",
      "--rm",
      "--label",
      label,
      tagOf("attacker"),
      "sh",
      "-c",
      `id -u; for t in ${tools.join(" ")}; do command -v "$t" >/dev/null && echo "ok $t" || echo "missing $t"; done`,
    ]);
    const lines = out.stdout.trim().split("\n");
    expect(lines[0]).toBe("1000");
    expect(lines.slice(1)).toEqual(tools.map((t) => `ok ${t}`));
  });

  it("postgres, redis and pgbouncer images do not run as root", async () => {
    for (const [image, uid] of [
      ["postgres", "999"],
      ["redis", "999"],
      ["pgbouncer", "1001"],
    ] as const) {
      const out = await docker(["run", "--rm", "--label", label, tagOf(image), "id", "-u"]);
      expect(out.stdout.trim(), image).toBe(uid);
    }
  });
});

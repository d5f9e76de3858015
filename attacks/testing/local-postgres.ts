import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { exec } from "../../harness/exec.ts";
import { startBackground } from "./background-process.ts";
import { freePort } from "./free-port.ts";
import { tempDir } from "./temp-dir.ts";
import { waitForPort } from "./wait-for-port.ts";

const PG_BIN = process.env.CHARTPROBE_PG_BIN ?? "/usr/lib/postgresql/15/bin";
/** PostgreSQL refuses to run as root, so the test servers run as this account. */
const PG_USER = process.env.CHARTPROBE_PG_USER ?? "postgres";

export interface LocalPostgresOptions {
  superuserPassword: string;
  hostAuth: "md5" | "scram-sha-256" | "trust";
  ssl: boolean;
  /** Extra login roles created after start. */
  roles?: { name: string; password: string; superuser: boolean }[];
}

export interface LocalPostgres {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** Runs a command as the unprivileged postgres account when we are root, else as ourselves. */
export function asPgUser(file: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [file, args];
  return ["setpriv", ["--reuid", PG_USER, "--regid", PG_USER, "--init-groups", "--", file, ...args]];
}

export async function makeSelfSignedCert(dir: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, "server.crt");
  const key = join(dir, "server.key");
  await exec(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
    ],
    { timeoutMs: 60_000 },
  );
  await chmod(key, 0o600);
  return { cert, key };
}

/** initdb + postgres in a temp dir on a free loopback port; stop() kills it and removes the dir. */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const dir = await tempDir("pg");
  const data = join(dir.path, "data");
  const port = await freePort();
  let proc: ReturnType<typeof startBackground> | undefined;
  const stop = async () => {
    await proc?.stop();
    await dir.remove();
  };
  try {
    const pwfile = join(dir.path, "pw");
    await writeFile(pwfile, `${options.superuserPassword}\n`);
    const ssl = options.ssl ? await makeSelfSignedCert(dir.path) : undefined;
    if (process.getuid?.() === 0) await exec("chown", ["-R", `${PG_USER}:`, dir.path]);
    const [initFile, initArgs] = asPgUser(join(PG_BIN, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      `--auth-host=${options.hostAuth}`,
      "--auth-local=trust",
      `--pwfile=${pwfile}`,
      "--no-sync",
      "--no-instructions",
    ]);
    await exec(initFile, initArgs, { timeoutMs: 120_000, cwd: dir.path });
    const serverArgs = [
      "-D",
      data,
      "-p",
      String(port),
      "-k",
      dir.path,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
    ];
    if (ssl)
      serverArgs.push("-c", "ssl=on", "-c", `ssl_cert_file=${ssl.cert}`, "-c", `ssl_key_file=${ssl.key}`);
    else serverArgs.push("-c", "ssl=off");
    const [file, args] = asPgUser(join(PG_BIN, "postgres"), serverArgs);
    proc = startBackground(file, args, { cwd: dir.path });
    await waitForPort(port, 30_000);
    // Set-up of our own throw-away server, over its unix socket (local auth is trust); the
    // port opens before the server accepts logins, so retry until it does.
    const client = await connectWhenReady(dir.path, port, 30_000);
    try {
      for (const r of options.roles ?? []) {
        const pw = r.password.replace(/'/g, "''");
        await client.query(
          `CREATE ROLE "${r.name}" LOGIN ${r.superuser ? "SUPERUSER" : "NOSUPERUSER"} PASSWORD '${pw}'`,
        );
      }
    } finally {
      await client.end();
    }
  } catch (err) {
    const out = proc?.output() ?? "";
    await stop();
    throw new Error(`local postgres did not start: ${(err as Error).message}\n${out}`);
  }
  return { port, dir: dir.path, stop };
}

async function connectWhenReady(socketDir: string, port: number, timeoutMs: number): Promise<pg.Client> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ host: socketDir, port, user: "postgres", database: "postgres" });
    client.on("error", () => undefined);
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

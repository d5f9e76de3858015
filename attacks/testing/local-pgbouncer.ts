import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec } from "../../harness/exec.ts";
import { startBackground } from "./background-process.ts";
import { freePort } from "./free-port.ts";
import { asPgUser } from "./local-postgres.ts";
import { tempDir } from "./temp-dir.ts";
import { waitForPort } from "./wait-for-port.ts";

export interface LocalPgBouncer {
  port: number;
  stop(): Promise<void>;
}

/**
 * PgBouncer on a free loopback port forwarding every database name to a local postgres;
 * clients authenticate against `users` (plain-text auth_file, as charts commonly ship it).
 */
export async function startLocalPgBouncer(options: {
  backendPort: number;
  users: { name: string; password: string }[];
}): Promise<LocalPgBouncer> {
  const dir = await tempDir("pgbouncer");
  const port = await freePort();
  let proc: ReturnType<typeof startBackground> | undefined;
  const stop = async () => {
    await proc?.stop();
    await dir.remove();
  };
  try {
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    await writeFile(
      join(dir.path, "users.txt"),
      options.users.map((u) => `${q(u.name)} ${q(u.password)}\n`).join(""),
    );
    const ini = [
      "[databases]",
      `* = host=127.0.0.1 port=${options.backendPort}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir.path}`,
      "auth_type = md5",
      `auth_file = ${join(dir.path, "users.txt")}`,
      "pool_mode = session",
      `logfile = ${join(dir.path, "pgbouncer.log")}`,
      "",
    ].join("\n");
    await writeFile(join(dir.path, "pgbouncer.ini"), ini);
    if (process.getuid?.() === 0) await exec("chown", ["-R", "postgres:", dir.path]);
    const [file, args] = asPgUser("pgbouncer", [join(dir.path, "pgbouncer.ini")]);
    proc = startBackground(file, args, { cwd: dir.path });
    await waitForPort(port, 20_000);
  } catch (err) {
    const out = proc?.output() ?? "";
    await stop();
    throw new Error(`local pgbouncer did not start: ${(err as Error).message}\n${out}`);
  }
  return { port, stop };
}

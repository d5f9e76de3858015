import { Redis } from "ioredis";
import type { TunnelEndpoint } from "../../harness/model/access.ts";

/** What a read-only Redis conversation revealed. */
export interface RedisTranscript {
  lines: string[];
  ping?: string;
  pingError?: string;
  whoami?: string;
  version?: string;
  /** Whether CONFIG is a known command for this identity (COMMAND INFO CONFIG; never run). */
  configAvailable?: boolean;
  /** Dangerous commands the server still knows (none of them is ever run). */
  dangerousAvailable?: string[];
}

const oneLine = (v: unknown): string => (Array.isArray(v) ? JSON.stringify(v) : String(v)).slice(0, 300);

/**
 * Talks to Redis with ioredis over the tunnel endpoint, using only PING, INFO server,
 * ACL WHOAMI and COMMAND INFO. With a password, AUTH happens first. Connection failures throw
 * (the caller maps them to verdicts); command errors are recorded.
 */
export async function redisConversation(
  endpoint: TunnelEndpoint,
  auth?: { username?: string; password: string },
): Promise<RedisTranscript> {
  const client = new Redis({
    host: endpoint.host,
    port: endpoint.port,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    // RESP2: no HELLO at connect, so an unauthenticated PING is what the server judges.
    protocol: 2,
    connectTimeout: 5000,
    commandTimeout: 5000,
  });
  // ioredis reports the socket's own error (ECONNREFUSED, ...) only as an event; keep it so the
  // caller can tell "unreachable" from other failures.
  let socketError: Error | undefined;
  client.on("error", (e: Error) => {
    socketError ??= e;
  });
  const t: RedisTranscript = { lines: [] };
  try {
    try {
      await client.connect();
    } catch (err) {
      throw socketError ?? err;
    }
    if (auth) {
      const args = auth.username ? [auth.username, auth.password] : [auth.password];
      try {
        const r = await client.call("AUTH", ...args);
        t.lines.push(`> AUTH ${auth.username ? `${auth.username} ` : ""}<password>`, `< ${oneLine(r)}`);
      } catch (err) {
        t.lines.push(
          `> AUTH ${auth.username ? `${auth.username} ` : ""}<password>`,
          `< (error) ${(err as Error).message}`,
        );
      }
    }
    try {
      t.ping = oneLine(await client.call("PING"));
      t.lines.push("> PING", `< ${t.ping}`);
    } catch (err) {
      t.pingError = (err as Error).message;
      t.lines.push("> PING", `< (error) ${t.pingError}`);
      if (!/NOAUTH|NOPERM|WRONGPASS|DENIED|invalid password|Authentication required/i.test(t.pingError))
        throw err;
      return t;
    }
    try {
      const info = String(await client.call("INFO", "server"));
      t.version = /redis_version:([^\r\n]+)/.exec(info)?.[1];
      t.lines.push("> INFO server", `< redis_version:${t.version ?? "?"} (${info.length} bytes)`);
    } catch (err) {
      t.lines.push("> INFO server", `< (error) ${(err as Error).message}`);
    }
    try {
      t.whoami = oneLine(await client.call("ACL", "WHOAMI"));
      t.lines.push("> ACL WHOAMI", `< ${t.whoami}`);
    } catch (err) {
      t.lines.push("> ACL WHOAMI", `< (error) ${(err as Error).message}`);
    }
    try {
      const names = ["CONFIG", "FLUSHALL", "FLUSHDB", "DEBUG", "MODULE", "SLAVEOF", "REPLICAOF"];
      const info = (await client.call("COMMAND", "INFO", ...names)) as unknown[];
      const known = names.filter((_n, i) => Array.isArray(info) && info[i] !== null && info[i] !== undefined);
      t.configAvailable = known.includes("CONFIG");
      t.dangerousAvailable = known;
      t.lines.push(
        `> COMMAND INFO ${names.join(" ")}`,
        `< available: ${known.join(", ") || "none"}${t.configAvailable ? "" : " (CONFIG renamed or disabled)"}`,
      );
    } catch (err) {
      t.lines.push("> COMMAND INFO CONFIG ...", `< (error) ${(err as Error).message}`);
    }
    return t;
  } finally {
    client.disconnect();
  }
}

export const redisPingAnswered = (t: RedisTranscript): boolean =>
  t.ping !== undefined && /PONG/i.test(t.ping);

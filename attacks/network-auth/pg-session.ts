import pg from "pg";
import type { TunnelEndpoint } from "../../harness/model/access.ts";
import type { ProbeMeta } from "../../harness/model/probe.ts";
import { type Ctx, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";

export interface PgLoginResult {
  /** The server accepted the credentials. */
  authenticated: boolean;
  /** Why not, or the note that came with success (e.g. database missing). */
  message: string;
  code?: string;
  currentUser?: string;
  superuser?: boolean;
  serverVersion?: string;
  usedTls?: boolean;
}

const AUTH_REJECTED =
  /password authentication failed|no pg_hba\.conf entry|role .* does not exist|no such user|not allowed|authentication failed/i;

/** The errors that mean "the server talked and said no" rather than "we could not talk". */
export function isAuthRejection(err: { code?: string; message?: string }): boolean {
  return err.code === "28P01" || err.code === "28000" || AUTH_REJECTED.test(err.message ?? "");
}

async function attempt(
  endpoint: TunnelEndpoint,
  user: string,
  password: string,
  database: string,
  tls: boolean,
) {
  const client = new pg.Client({
    host: endpoint.host,
    port: endpoint.port,
    user,
    password,
    database,
    ssl: tls ? { rejectUnauthorized: false } : false,
    connectionTimeoutMillis: 6000,
    query_timeout: 6000,
    application_name: "chartprobe",
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    // SELECT only: who are we, and may we do everything?
    const r = await client.query(
      "SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS s, current_setting('server_version') AS v",
    );
    const row = r.rows[0] as { u: string; s: boolean | null; v: string };
    return {
      authenticated: true,
      message: "login succeeded",
      currentUser: row.u,
      superuser: row.s === true,
      serverVersion: row.v,
      usedTls: tls,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Logs in with pg over the tunnel and asks (SELECT only) who we are. Rejected credentials are
 * a result; unreachable servers and other failures throw.
 */
export async function pgLogin(
  endpoint: TunnelEndpoint,
  creds: { user: string; password: string; database?: string },
): Promise<PgLoginResult> {
  const database = creds.database ?? "postgres";
  let tls = false;
  for (let i = 0; i < 3; i++) {
    try {
      return await attempt(endpoint, creds.user, creds.password, database, tls);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const msg = err.message ?? String(e);
      // A server that only accepts TLS connections says so in its pg_hba rejection.
      if (!tls && /no encryption|SSL off|SSL required|sslmode/i.test(msg)) {
        tls = true;
        continue;
      }
      // Authenticated, but the database does not exist: the credentials were still accepted.
      if (err.code === "3D000" || /^database ".*" does not exist/.test(msg)) {
        if (database !== "postgres") return pgLogin(endpoint, { ...creds, database: "postgres" });
        return { authenticated: true, message: msg, code: err.code, usedTls: tls };
      }
      if (isAuthRejection(err))
        return { authenticated: false, message: msg, ...(err.code ? { code: err.code } : {}), usedTls: tls };
      throw e;
    }
  }
  return { authenticated: false, message: "TLS negotiation loop", usedTls: tls };
}

export function describeLogin(user: string, r: PgLoginResult): string {
  if (!r.authenticated) return `login as ${user}: rejected (${r.code ?? "?"}) ${r.message}`;
  return `login as ${user}: accepted${r.usedTls ? " over TLS" : ""}; current_user=${r.currentUser ?? "?"} rolsuper=${r.superuser ?? "?"} server_version=${r.serverVersion ?? "?"}`;
}

/**
 * A psql line that takes the password from $PGPASSWORD (set it to the chart default named in
 * `note`, or to the deployed one), so the command stays pasteable after redaction.
 */
export const psqlRepro = (
  ep: TunnelEndpoint,
  user: string,
  database = "postgres",
  note = "the password to try",
): string =>
  `# PGPASSWORD: ${note}\npsql "host=${ep.host} port=${ep.port} user=${user} dbname=${database}" -c 'SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user'`;

/**
 * The login check PostgreSQL and PgBouncer share: the target's known default database
 * credentials against `component`, vulnerable when they are accepted.
 */
export function defaultCredentialsCheck(
  ctx: Ctx,
  self: ProbeMeta,
  component: "postgres" | "pgbouncer",
  defaultPort: number,
) {
  const creds = ctx.target.knownDefaults.database;
  const what = component === "pgbouncer" ? "PgBouncer" : "PostgreSQL";
  return runNetworkCheck({
    meta: self,
    ctx,
    component,
    port: creds ? portOf(ctx.target, component, { protocol: "postgres", number: defaultPort }) : undefined,
    check: async (ep) => {
      if (!creds)
        return { verdict: "skipped", summary: "the target declares no default database credentials" };
      const db = creds.database ?? "postgres";
      const r = await pgLogin(ep, { user: creds.username, password: creds.password, database: db });
      const evidence = [
        {
          label: `login via ${what}`,
          content: redact(describeLogin(creds.username, r), deployedSecretsOf(ctx)),
        },
      ];
      const repro = `${ep.describe}\n${psqlRepro(ep, creds.username, db, "the chart default database password (target profile knownDefaults.database)")}`;
      return r.authenticated
        ? {
            verdict: "vulnerable",
            summary: `${what} accepted the default credentials ${creds.username}/<chart default>${r.superuser ? " (superuser)" : ""}`,
            evidence,
            repro,
          }
        : {
            verdict: "secure",
            summary: `${what} rejected the default credentials: ${r.message}`,
            evidence,
            repro,
          };
    },
  });
}

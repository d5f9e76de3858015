import type { ReleaseSnapshot } from "../harness/model/access.ts";
import type { TargetProfile } from "../harness/model/scenario.ts";
import type { SecretObject } from "./probe-kit.ts";

/** The decoded value of a key in a Secret of the snapshot; undefined when absent. */
export function secretValue(snapshot: ReleaseSnapshot, name: string, key: string): string | undefined {
  const s = (snapshot.secrets as SecretObject[]).find((x) => x.metadata?.name === name);
  const raw = s?.data?.[key];
  if (raw !== undefined) return Buffer.from(raw, "base64").toString("utf8");
  return s?.stringData?.[key];
}

/** Resolves a credential the target profile points at (`{release}` becomes the release name). */
export function deployedCredential(
  snapshot: ReleaseSnapshot,
  target: TargetProfile,
  purpose: string,
): string | undefined {
  const ref = target.credentials[purpose];
  if (!ref) return undefined;
  return secretValue(snapshot, ref.secret.replaceAll("{release}", snapshot.release), ref.key);
}

export interface DbCredential {
  user: string;
  password: string;
  database?: string;
}

/** Reads user:password out of a postgres:// URL, or undefined when it is not one. */
export function parseDbUrl(value: string): DbCredential | undefined {
  if (!/^postgres(ql)?(\+\w+)?:\/\//.test(value)) return undefined;
  try {
    const u = new URL(value.replace(/^postgres(ql)?(\+\w+)?:/, "http:"));
    if (!u.username) return undefined;
    const db = u.pathname.replace(/^\//, "");
    return {
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      ...(db ? { database: db } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * The database credential the release really deployed: a connection URL under "database", or a
 * password under "database" with the user under "database-user" (else the chart's default user).
 */
export function deployedDbCredential(
  snapshot: ReleaseSnapshot,
  target: TargetProfile,
): DbCredential | undefined {
  const value = deployedCredential(snapshot, target, "database");
  if (value === undefined) return undefined;
  const url = parseDbUrl(value);
  if (url) return url;
  const user =
    deployedCredential(snapshot, target, "database-user") ??
    target.knownDefaults.database?.username ??
    "postgres";
  const database = target.knownDefaults.database?.database;
  return { user, password: value, ...(database ? { database } : {}) };
}

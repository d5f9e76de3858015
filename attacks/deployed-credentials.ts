import type { ReleaseSnapshot } from "../harness/model/access.ts";
import type { TargetProfile } from "../harness/model/scenario.ts";
import type { Pod, SecretObject } from "./probe-kit.ts";

/** The decoded value of a key in a Secret of the snapshot; undefined when absent. */
export function secretValue(snapshot: ReleaseSnapshot, name: string, key: string): string | undefined {
  const s = (snapshot.secrets as SecretObject[]).find((x) => x.metadata?.name === name);
  const raw = s?.data?.[key];
  if (raw !== undefined) return Buffer.from(raw, "base64").toString("utf8");
  return s?.stringData?.[key];
}

/** The profile's ref for a purpose, under its camelCase or kebab-case name ("fernetKey" / "fernet-key"). */
export function credentialRef(target: TargetProfile, purpose: string) {
  const camel = purpose.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const kebab = purpose.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return target.credentials[purpose] ?? target.credentials[camel] ?? target.credentials[kebab];
}

/** Resolves a credential the target profile points at (`{release}` becomes the release name). */
export function deployedCredential(
  snapshot: ReleaseSnapshot,
  target: TargetProfile,
  purpose: string,
): string | undefined {
  const ref = credentialRef(target, purpose);
  if (!ref) return undefined;
  return secretValue(snapshot, ref.secret.replaceAll("{release}", snapshot.release), ref.key);
}

/** Literal env values of the release's pods, by variable name (first seen wins). */
export function literalEnv(snapshot: ReleaseSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const pod of snapshot.pods as Pod[])
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])])
      for (const e of c.env ?? []) if (e.value !== undefined && !out.has(e.name)) out.set(e.name, e.value);
  return out;
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
 * password under "database" with the user under "databaseUser" (else the chart's default user);
 * without such a Secret, a connection URL written literally into the pods' env.
 */
export function deployedDbCredential(
  snapshot: ReleaseSnapshot,
  target: TargetProfile,
): DbCredential | undefined {
  const value = deployedCredential(snapshot, target, "database");
  if (value === undefined) {
    for (const [name, v] of literalEnv(snapshot))
      if (/SQL_ALCHEMY_CONN$|DATABASE_URL$|DB_URL$/i.test(name)) {
        const url = parseDbUrl(v);
        if (url) return url;
      }
    return undefined;
  }
  const url = parseDbUrl(value);
  if (url) return url;
  const user =
    deployedCredential(snapshot, target, "databaseUser") ??
    target.knownDefaults.database?.username ??
    "postgres";
  const database = target.knownDefaults.database?.database;
  return { user, password: value, ...(database ? { database } : {}) };
}

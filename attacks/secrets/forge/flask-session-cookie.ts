import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";

/**
 * Flask's default session cookie, as itsdangerous' URLSafeTimedSerializer writes it: salt
 * "cookie-session", HMAC key derivation, SHA-1, compact JSON (zlib-compressed when shorter,
 * then marked with a leading "."), a timestamp, and the signature, joined by ".".
 */
export function signFlaskSession(
  session: Record<string, unknown>,
  secretKey: string,
  nowSeconds: number,
): string {
  const json = Buffer.from(stableJson(session), "utf8");
  const compressed = deflateSync(json);
  const useCompressed = compressed.length < json.length - 1;
  const payload = (useCompressed ? "." : "") + (useCompressed ? compressed : json).toString("base64url");
  const value = `${payload}.${intToBytes(nowSeconds).toString("base64url")}`;
  return `${value}.${sessionSignature(value, secretKey)}`;
}

function sessionSignature(value: string, secretKey: string): string {
  const derived = createHmac("sha1", Buffer.from(secretKey, "utf8")).update("cookie-session").digest();
  return createHmac("sha1", derived).update(value).digest("base64url");
}

/** Whether a cookie carries a valid signature for this key (timestamps are not checked). */
export function verifyFlaskSession(cookie: string, secretKey: string): boolean {
  const cut = cookie.lastIndexOf(".");
  if (cut <= 0) return false;
  const expected = Buffer.from(sessionSignature(cookie.slice(0, cut), secretKey));
  const given = Buffer.from(cookie.slice(cut + 1));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Reads the JSON of a Flask session cookie without checking it (for evidence). */
export function readFlaskSession(cookie: string): unknown {
  const compressed = cookie.startsWith(".");
  const body = (compressed ? cookie.slice(1) : cookie).split(".")[0] ?? "";
  const raw = Buffer.from(body, "base64url");
  return JSON.parse((compressed ? inflateSync(raw) : raw).toString("utf8"));
}

/** Big-endian bytes without leading zeros (itsdangerous' int_to_bytes). */
function intToBytes(n: number): Buffer {
  const bytes: number[] = [];
  let v = BigInt(n);
  while (v > 0n) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return Buffer.from(bytes);
}

/** Compact JSON with sorted keys, as Flask's JSON provider writes session data. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Flask-Login's session identifier: sha512 of "<remote addr>|<user agent>", where both are the
 * Python bytes reprs (b'...'); the remote address is the first X-Forwarded-For entry when sent.
 */
export function flaskLoginIdentifier(remoteAddr: string, userAgent: string): string {
  return createHash("sha512").update(`b'${remoteAddr}'|b'${userAgent}'`).digest("hex");
}

/** A logged-in Flask-Login/FAB session for the given user id. */
export function loggedInSession(
  userId: string,
  remoteAddr: string,
  userAgent: string,
): Record<string, unknown> {
  return { _fresh: true, _id: flaskLoginIdentifier(remoteAddr, userAgent), _user_id: userId };
}

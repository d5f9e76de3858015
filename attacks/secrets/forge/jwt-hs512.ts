import { createHmac } from "node:crypto";

const b64url = (b: Buffer | string): string => Buffer.from(b).toString("base64url");

/** A compact JWS with HS512 over the given claims (header {"alg":"HS512","typ":"JWT"}). */
export function signJwtHs512(claims: Record<string, unknown>, secret: string): string {
  const header = b64url(JSON.stringify({ alg: "HS512", typ: "JWT" }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createHmac("sha512", Buffer.from(secret, "utf8")).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${b64url(signature)}`;
}

/**
 * The token the Airflow 2 worker log server accepts for one log file: audience
 * "task-instance-logs", iat/nbf/exp (all required), and the requested file name.
 */
export function forgeLogServerToken(
  secretKey: string,
  filename: string,
  nowSeconds: number,
  ttlSeconds = 30,
): string {
  return signJwtHs512(
    { aud: "task-instance-logs", iat: nowSeconds, nbf: nowSeconds, exp: nowSeconds + ttlSeconds, filename },
    secretKey,
  );
}

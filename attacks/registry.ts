import type { ProbeAccess } from "../harness/model/access.ts";
import type { Probe } from "../harness/model/probe.ts";
import { pgbouncerDefaultCredentials } from "./network-auth/pgbouncer-default-credentials.ts";
import { postgresDefaultCredentials } from "./network-auth/postgres-default-credentials.ts";
import { postgresNoTls } from "./network-auth/postgres-no-tls.ts";
import { postgresSuperuserLogin } from "./network-auth/postgres-superuser-login.ts";
import { postgresTrustAuth } from "./network-auth/postgres-trust-auth.ts";
import { redisDefaultPassword } from "./network-auth/redis-default-password.ts";
import { redisNoAuth } from "./network-auth/redis-no-auth.ts";

/** Every probe chartprobe knows, in catalog order (see the probe catalog). */
export const allProbes: Probe<ProbeAccess>[] = [
  redisNoAuth,
  redisDefaultPassword,
  postgresDefaultCredentials,
  postgresSuperuserLogin,
  postgresTrustAuth,
  postgresNoTls,
  pgbouncerDefaultCredentials,
];

export function probeById(id: string): Probe<ProbeAccess> | undefined {
  return allProbes.find((p) => p.id === id);
}

import type { ProbeAccess } from "../harness/model/access.ts";
import type { Probe } from "../harness/model/probe.ts";
import { saShared } from "./identity/sa-shared.ts";
import { saTokenAutomountUnneeded } from "./identity/sa-token-automount-unneeded.ts";
import { saTokenPrivileges } from "./identity/sa-token-privileges.ts";
import { airflowApiNoAuth } from "./network-auth/airflow-api-no-auth.ts";
import { airflowDefaultLogin } from "./network-auth/airflow-default-login.ts";
import { flowerNoAuth } from "./network-auth/flower-no-auth.ts";
import { logServerNoToken } from "./network-auth/log-server-no-token.ts";
import { pgbouncerDefaultCredentials } from "./network-auth/pgbouncer-default-credentials.ts";
import { postgresDefaultCredentials } from "./network-auth/postgres-default-credentials.ts";
import { postgresNoTls } from "./network-auth/postgres-no-tls.ts";
import { postgresSuperuserLogin } from "./network-auth/postgres-superuser-login.ts";
import { postgresTrustAuth } from "./network-auth/postgres-trust-auth.ts";
import { redisDefaultPassword } from "./network-auth/redis-default-password.ts";
import { redisNoAuth } from "./network-auth/redis-no-auth.ts";
import { netpolReachability } from "./network-policy/netpol-reachability.ts";
import { knownFernetKey } from "./secrets/known-fernet-key.ts";
import { logServerForgedToken } from "./secrets/log-server-forged-token.ts";
import { secretInConfigmap } from "./secrets/secret-in-configmap.ts";
import { secretInEnvLiteral } from "./secrets/secret-in-env-literal.ts";
import { secretInReleaseValues } from "./secrets/secret-in-release-values.ts";
import { secretMountedUnneeded } from "./secrets/secret-mounted-unneeded.ts";
import { sessionCookieForgery } from "./secrets/session-cookie-forgery.ts";
import { imageMutableTag } from "./supply-chain/image-mutable-tag.ts";
import { cookieHttponlyFlag } from "./web/cookie-httponly-flag.ts";
import { cookieSamesite } from "./web/cookie-samesite.ts";
import { cookieSecureFlag } from "./web/cookie-secure-flag.ts";
import { ingressTls } from "./web/ingress-tls.ts";
import { securityHeaders } from "./web/security-headers.ts";
import { podCapabilities } from "./workload/pod-capabilities.ts";
import { podHostNamespaces } from "./workload/pod-host-namespaces.ts";
import { podPrivilegeEscalation } from "./workload/pod-privilege-escalation.ts";
import { podPrivileged } from "./workload/pod-privileged.ts";
import { podReadonlyRootfs } from "./workload/pod-readonly-rootfs.ts";
import { podResourceLimits } from "./workload/pod-resource-limits.ts";
import { podRunsAsRoot } from "./workload/pod-runs-as-root.ts";
import { podSeccomp } from "./workload/pod-seccomp.ts";
import { podSecurityAdmission } from "./workload/pod-security-admission.ts";

/** Every probe chartprobe knows, in catalog order (see the probe catalog). */
export const allProbes: Probe<ProbeAccess>[] = [
  redisNoAuth,
  redisDefaultPassword,
  postgresDefaultCredentials,
  postgresSuperuserLogin,
  postgresTrustAuth,
  postgresNoTls,
  pgbouncerDefaultCredentials,
  flowerNoAuth,
  airflowDefaultLogin,
  airflowApiNoAuth,
  logServerNoToken,
  logServerForgedToken,
  sessionCookieForgery,
  knownFernetKey,
  secretInEnvLiteral,
  secretInConfigmap,
  secretInReleaseValues,
  secretMountedUnneeded,
  cookieSecureFlag,
  cookieHttponlyFlag,
  cookieSamesite,
  securityHeaders,
  ingressTls,
  saTokenPrivileges,
  saTokenAutomountUnneeded,
  saShared,
  podRunsAsRoot,
  podPrivileged,
  podPrivilegeEscalation,
  podCapabilities,
  podSeccomp,
  podReadonlyRootfs,
  podHostNamespaces,
  podResourceLimits,
  podSecurityAdmission,
  netpolReachability,
  imageMutableTag,
];

export function probeById(id: string): Probe<ProbeAccess> | undefined {
  return allProbes.find((p) => p.id === id);
}

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isVantage } from "../harness/model/vantage.ts";
import { SEVERITIES } from "../harness/model/verdict.ts";
import { allProbes, probeById } from "./registry.ts";

const here = dirname(fileURLToPath(import.meta.url));

// The probe catalog every engineer writes expectations against.
const CATALOG = [
  "redis-no-auth",
  "redis-default-password",
  "postgres-default-credentials",
  "postgres-superuser-login",
  "postgres-trust-auth",
  "postgres-no-tls",
  "pgbouncer-default-credentials",
  "flower-no-auth",
  "airflow-default-login",
  "airflow-api-no-auth",
  "log-server-no-token",
  "log-server-forged-token",
  "session-cookie-forgery",
  "known-fernet-key",
  "secret-in-env-literal",
  "secret-in-configmap",
  "secret-in-release-values",
  "secret-mounted-unneeded",
  "cookie-secure-flag",
  "cookie-httponly-flag",
  "cookie-samesite",
  "security-headers",
  "ingress-tls",
  "sa-token-privileges",
  "sa-token-automount-unneeded",
  "sa-shared",
  "pod-runs-as-root",
  "pod-privileged",
  "pod-privilege-escalation",
  "pod-capabilities",
  "pod-seccomp",
  "pod-readonly-rootfs",
  "pod-host-namespaces",
  "pod-resource-limits",
  "pod-security-admission",
  "netpol-reachability",
  "image-mutable-tag",
];

describe("probe registry", () => {
  it("holds exactly the catalog, once each", () => {
    expect(allProbes.map((p) => p.id).sort()).toEqual([...CATALOG].sort());
  });
  it.each(allProbes.map((p) => [p.id, p] as const))("%s: id is its file name, metadata complete", (id, p) => {
    expect(existsSync(join(here, p.family, `${id}.ts`))).toBe(true);
    expect(SEVERITIES).toContain(p.severity);
    expect(p.title.length).toBeGreaterThan(10);
    expect(p.remediation.length).toBeGreaterThan(10);
    expect(p.description.length).toBeGreaterThan(10);
    expect(p.cwe.every((c) => /^CWE-\d+$/.test(c))).toBe(true);
    expect(p.attack.length).toBeGreaterThan(0);
    expect(p.attack.every((a) => /^T\d{4}(\.\d{3})?$/.test(a))).toBe(true);
    expect((p.vantages ?? []).every((v) => isVantage(v))).toBe(true);
  });
  it("finds probes by id", () => {
    expect(probeById("redis-no-auth")?.family).toBe("network-auth");
    expect(probeById("nope")).toBeUndefined();
  });
});

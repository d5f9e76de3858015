import { describe, expect, it } from "vitest";
import { podSecurityWarnings, podsInWarning } from "./pod-security-warnings.ts";

describe("podSecurityWarnings", () => {
  it("keeps the per-pod lines and drops the header", () => {
    const stderr = [
      'Warning: existing pods in namespace "cp-x" violate the new PodSecurity enforce level "restricted:latest"',
      "Warning: web-5d9 (and 2 other pods): allowPrivilegeEscalation != false, runAsNonRoot != true",
      'Warning: redis-0: seccompProfile (pod or container "redis" must set securityContext.seccompProfile.type)',
      "",
    ].join("\n");
    const lines = podSecurityWarnings(stderr);
    expect(lines).toEqual([
      "web-5d9 (and 2 other pods): allowPrivilegeEscalation != false, runAsNonRoot != true",
      'redis-0: seccompProfile (pod or container "redis" must set securityContext.seccompProfile.type)',
    ]);
    expect(lines.map(podsInWarning)).toEqual([3, 1]);
  });

  it("finds nothing when the server admits every pod", () => {
    expect(podSecurityWarnings("")).toEqual([]);
    expect(podSecurityWarnings("some unrelated stderr line\n")).toEqual([]);
  });
});

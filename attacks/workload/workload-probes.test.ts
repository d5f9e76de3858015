import { describe, expect, it } from "vitest";
import { LocalProbeAccess } from "../../harness/access/local-access.ts";
import type { AccessProbe, Pod } from "../probe-kit.ts";
import { probeContext } from "../testing/probe-context.ts";
import { hardenedRelease, insecureRelease } from "../testing/release-fixtures.ts";
import { runOnObjects } from "../testing/run-on-objects.ts";
import { testTarget } from "../testing/test-target.ts";
import { podCapabilities } from "./pod-capabilities.ts";
import { podHostNamespaces } from "./pod-host-namespaces.ts";
import { podPrivilegeEscalation } from "./pod-privilege-escalation.ts";
import { podPrivileged } from "./pod-privileged.ts";
import { podReadonlyRootfs } from "./pod-readonly-rootfs.ts";
import { podResourceLimits } from "./pod-resource-limits.ts";
import { podRunsAsRoot } from "./pod-runs-as-root.ts";
import { podSeccomp } from "./pod-seccomp.ts";
import { podSecurityAdmission } from "./pod-security-admission.ts";
import { psaViolations } from "./psa-restricted.ts";

const target = testTarget();
const insecure = insecureRelease(target);
const hardened = hardenedRelease(target);
const components = Object.keys(target.components);

async function byComponent(probe: AccessProbe, snap: typeof insecure): Promise<Record<string, string>> {
  const fs = await runOnObjects(probe, target, snap);
  expect(fs.every((f) => f.vantage === "api")).toBe(true);
  return Object.fromEntries(fs.map((f) => [f.component, f.verdict]));
}
const all = (verdict: string) => Object.fromEntries(components.map((c) => [c, verdict]));

describe("workload probes on fixture pods", () => {
  it.each([
    [podPrivilegeEscalation],
    [podCapabilities],
    [podSeccomp],
    [podReadonlyRootfs],
    [podResourceLimits],
  ])("%s: every insecure component vulnerable, every hardened one secure", async (probe) => {
    expect(await byComponent(probe, insecure)).toEqual(all("vulnerable"));
    expect(await byComponent(probe, hardened)).toEqual(all("secure"));
  });

  it("pod-privileged: only the privileged redis container", async () => {
    expect(await byComponent(podPrivileged, insecure)).toEqual({ ...all("secure"), redis: "vulnerable" });
    expect(await byComponent(podPrivileged, hardened)).toEqual(all("secure"));
  });

  it("pod-host-namespaces: the worker with hostNetwork and a hostPath", async () => {
    const fs = await runOnObjects(podHostNamespaces, target, insecure);
    const worker = fs.find((f) => f.component === "worker");
    expect(worker?.verdict).toBe("vulnerable");
    expect(worker?.summary).toMatch(/hostNetwork.*hostPath volume logs/);
    expect(await byComponent(podHostNamespaces, hardened)).toEqual(all("secure"));
  });

  it("pod-runs-as-root: uid 0 from the spec is vulnerable, uid 50000 secure", async () => {
    expect(await byComponent(podRunsAsRoot, insecure)).toEqual({ ...all("secure"), redis: "vulnerable" });
    expect(await byComponent(podRunsAsRoot, hardened)).toEqual(all("secure"));
  });

  it("pod-runs-as-root: inconclusive when the image decides and exec is unavailable", async () => {
    const pods = (hardened.pods as Pod[]).map((p) => ({
      ...p,
      spec: { ...p.spec, securityContext: { seccompProfile: { type: "RuntimeDefault" } } },
    }));
    const verdicts = await byComponent(podRunsAsRoot, { ...hardened, pods });
    expect(verdicts).toEqual(all("inconclusive"));
  });

  it("skips components without pods", async () => {
    const fs = await runOnObjects(podPrivileged, target, { ...hardened, pods: [] });
    expect(new Set(fs.map((f) => f.verdict))).toEqual(new Set(["skipped"]));
  });

  it("pod-security-admission: insecure rejected, hardened admitted", async () => {
    const [bad] = await runOnObjects(podSecurityAdmission, target, insecure);
    expect(bad?.component).toBe("release");
    expect(bad?.verdict).toBe("vulnerable");
    expect(bad?.summary).toBe(
      `${components.length} of ${components.length} pods violate the restricted profile (evaluated in code; the API server could not be asked)`,
    );
    const [good] = await runOnObjects(podSecurityAdmission, target, hardened);
    expect(good?.verdict, good?.evidence[0]?.content).toBe("secure");
  });

  // A stand-in for the API server's dry-run answer (the real one is exercised by the testbed
  // matrix e2e): the server's answer decides, and a disagreement with the in-code rules shows.
  const withServerAnswer = (snapshot: typeof insecure, answer: string[] | null) => {
    const access = new LocalProbeAccess({ target, endpoints: {}, snapshot });
    const stub = Object.assign(access, { podSecurityDryRun: async () => answer });
    return podSecurityAdmission.run(probeContext(stub, target));
  };

  it("pod-security-admission (stand-in server answer): the server decides, grouped lines count every pod", async () => {
    const [bad] = await withServerAnswer(insecure, [
      "web-1 (and 2 other pods): runAsNonRoot != true",
      "redis-0: seccompProfile",
    ]);
    expect(bad?.verdict).toBe("vulnerable");
    expect(bad?.summary).toBe(
      `4 of ${components.length} pods violate the restricted profile (API server dry run)`,
    );
    expect(bad?.evidence.map((e) => e.label)).not.toContain("disagreement");

    const [overruled] = await withServerAnswer(insecure, []);
    expect(overruled?.verdict).toBe("secure");
    expect(overruled?.evidence.find((e) => e.label === "disagreement")?.content).toContain(
      `in-code rules ${components.length}`,
    );

    const [fallback] = await withServerAnswer(hardened, null);
    expect(fallback?.verdict).toBe("secure");
    expect(fallback?.summary).toContain("evaluated in code");
  });
});

describe("PSA restricted rules", () => {
  const ok: Pod = (hardened.pods as Pod[])[0] as Pod;
  const mutate = (f: (p: Pod) => void): Pod => {
    const p = structuredClone(ok);
    f(p);
    return p;
  };
  it("admits the hardened pod", () => expect(psaViolations(ok)).toEqual([]));
  it("rejects NET_ADMIN but allows NET_BIND_SERVICE", () => {
    const add = (cap: string) =>
      mutate((p) => {
        const c = p.spec?.containers?.[0];
        if (c?.securityContext?.capabilities) c.securityContext.capabilities.add = [cap];
      });
    expect(psaViolations(add("NET_BIND_SERVICE"))).toEqual([]);
    expect(psaViolations(add("NET_ADMIN")).join()).toMatch(/NET_ADMIN/);
  });
  it("rejects a hostPath volume even at baseline", () => {
    const p = mutate((x) => x.spec?.volumes?.push({ name: "h", hostPath: { path: "/" } }));
    expect(psaViolations(p, "baseline")).toEqual(["hostPath volume h"]);
  });
  it("accepts runAsNonRoot on every container instead of the pod", () => {
    const p = mutate((x) => {
      if (x.spec?.securityContext) delete x.spec.securityContext.runAsNonRoot;
      const c = x.spec?.containers?.[0];
      if (c?.securityContext) c.securityContext.runAsNonRoot = true;
    });
    expect(psaViolations(p)).toEqual([]);
  });
  it("rejects a missing seccomp profile and allowPrivilegeEscalation unset", () => {
    const p = mutate((x) => {
      if (x.spec?.securityContext) delete x.spec.securityContext.seccompProfile;
      const c = x.spec?.containers?.[0];
      if (c?.securityContext) delete c.securityContext.allowPrivilegeEscalation;
    });
    expect(psaViolations(p)).toHaveLength(2);
  });
});

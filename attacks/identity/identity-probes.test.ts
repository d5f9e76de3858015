import { describe, expect, it } from "vitest";
import { evaluateAccess } from "../../harness/access/local/rbac-evaluator.ts";
import { hardenedRelease, insecureRelease } from "../testing/release-fixtures.ts";
import { runOnObjects } from "../testing/run-on-objects.ts";
import { testTarget } from "../testing/test-target.ts";
import { saShared } from "./sa-shared.ts";
import { saTokenAutomountUnneeded } from "./sa-token-automount-unneeded.ts";
import { saTokenPrivileges } from "./sa-token-privileges.ts";

const target = testTarget();
const insecure = insecureRelease(target);
const hardened = hardenedRelease(target);
const byComponent = (fs: { component: string; verdict: string }[]) =>
  Object.fromEntries(fs.map((f) => [f.component, f.verdict]));

describe("identity probes on fixture objects", () => {
  it("sa-token-privileges: the shared account's pods/exec Role makes every token dangerous", async () => {
    const fs = await runOnObjects(saTokenPrivileges, target, insecure, { serviceAccountTokens: true });
    expect(fs.every((f) => f.verdict === "vulnerable")).toBe(true);
    expect(fs.find((f) => f.component === "worker")?.vantage).toBe("component:worker");
    expect(fs[0]?.summary).toMatch(/create pods, create pods\/exec/);
    expect(fs[0]?.summary).not.toMatch(/secrets/);
    expect(JSON.stringify(fs)).not.toContain("local-sa-token:");
  });
  it("sa-token-privileges: hardened tokens are either absent or harmless", async () => {
    const fs = await runOnObjects(saTokenPrivileges, target, hardened, { serviceAccountTokens: true });
    expect(byComponent(fs)).toEqual(
      Object.fromEntries(Object.keys(target.components).map((c) => [c, "secure"])),
    );
    expect(fs.find((f) => f.component === "scheduler")?.summary).toMatch(/none of the dangerous verbs/);
  });
  it("sa-token-privileges: inconclusive when the token cannot be read", async () => {
    const fs = await runOnObjects(saTokenPrivileges, target, insecure);
    expect(fs.every((f) => f.verdict === "inconclusive")).toBe(true);
  });

  it("sa-token-automount-unneeded: mounted everywhere is a finding except where the API is needed", async () => {
    const bad = byComponent(await runOnObjects(saTokenAutomountUnneeded, target, insecure));
    expect(bad.scheduler).toBe("secure");
    expect(bad.worker).toBe("vulnerable");
    expect(Object.values(bad).filter((v) => v === "vulnerable")).toHaveLength(
      Object.keys(target.components).length - 1,
    );
    const good = await runOnObjects(saTokenAutomountUnneeded, target, hardened);
    expect(good.every((f) => f.verdict === "secure")).toBe(true);
  });

  it("sa-shared: one account for all components vs one each", async () => {
    const [bad] = await runOnObjects(saShared, target, insecure);
    expect(bad?.verdict).toBe("vulnerable");
    expect(bad?.summary).toMatch(/^airflow is used by flower, pgbouncer, postgres/);
    const [good] = await runOnObjects(saShared, target, hardened);
    expect(good?.verdict).toBe("secure");
  });
});

describe("local RBAC evaluation", () => {
  const sa = { namespace: "local", name: "airflow" };
  it("grants through a RoleBinding only in its namespace", () => {
    expect(
      evaluateAccess(insecure as never, sa, {
        verb: "create",
        resource: "pods",
        subresource: "exec",
        namespace: "local",
      }),
    ).toBe(true);
    expect(
      evaluateAccess(insecure as never, sa, {
        verb: "create",
        resource: "pods",
        subresource: "exec",
        namespace: "other",
      }),
    ).toBe(false);
    expect(
      evaluateAccess(insecure as never, sa, { verb: "create", resource: "pods", subresource: "exec" }),
    ).toBe(false);
  });
  it("knows cluster-admin and says unknown for unseen ClusterRoles", () => {
    const crb = (role: string) => ({
      roles: [],
      roleBindings: [],
      clusterRoleBindings: [
        {
          metadata: { name: "x" },
          roleRef: { kind: "ClusterRole", name: role },
          subjects: [{ kind: "ServiceAccount", name: "airflow", namespace: "local" }],
        },
      ],
    });
    expect(evaluateAccess(crb("cluster-admin"), sa, { verb: "impersonate", resource: "users" })).toBe(true);
    expect(evaluateAccess(crb("custom-thing"), sa, { verb: "list", resource: "secrets" })).toBeNull();
  });
});

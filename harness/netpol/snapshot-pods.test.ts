import { describe, expect, it } from "vitest";
import type { ReleaseSnapshot } from "../model/access.ts";
import { componentPod } from "./snapshot-pods.ts";

const pod = (name: string, ready: boolean, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: "ns", labels: { component: "redis" }, ...extra },
  spec: { containers: [{ name: "redis", ports: [{ name: "redis", containerPort: 6379 }] }] },
  status: {
    phase: "Running",
    podIP: `10.0.0.${name.length}`,
    conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
  },
});
const snap = (pods: unknown[]) => ({ namespace: "ns", pods }) as unknown as ReleaseSnapshot;
const spec = { selector: { component: "redis" }, ports: [] };

describe("componentPod", () => {
  it("picks the first ready pod by name, like the cluster access", () => {
    const p = componentPod(snap([pod("redis-b", true), pod("redis-a", false), pod("redis-c", true)]), spec);
    expect(p?.name).toBe("redis-b");
    expect(p?.ports).toEqual([{ name: "redis", containerPort: 6379 }]);
  });

  it("passes over a terminating pod, and falls back to a running one when none is ready", () => {
    const terminating = pod("redis-a", true, { deletionTimestamp: "2026-01-01T00:00:00Z" });
    expect(componentPod(snap([terminating, pod("redis-b", true)]), spec)?.name).toBe("redis-b");
    expect(componentPod(snap([pod("redis-b", false), pod("redis-a", false)]), spec)?.name).toBe("redis-a");
  });

  it("finds nothing for an empty selector or a component without pods", () => {
    expect(componentPod(snap([pod("redis-a", true)]), { selector: {}, ports: [] })).toBeUndefined();
    expect(
      componentPod(snap([pod("redis-a", true)]), { selector: { component: "flower" }, ports: [] }),
    ).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import type { ProbeAccess } from "../model/access.ts";
import type { Probe } from "../model/probe.ts";
import type { Scenario } from "../model/scenario.ts";
import { groupByCluster } from "./cluster-groups.ts";
import { chartArgs, namespaceManifest } from "./install-release.ts";
import { releaseNames } from "./release-names.ts";
import { secretValues, selectProbes } from "./run-probes.ts";
import { readinessOf } from "./wait-ready.ts";

const scenario = (
  id: string,
  k8s = "1.34.4",
  np: Scenario["cluster"]["networkPolicy"] = "kube-router",
): Scenario => ({
  id,
  target: "testbed",
  valuesFiles: [],
  set: {},
  cluster: { kubernetesVersion: k8s, networkPolicy: np },
  expectations: [],
});

describe("cluster groups", () => {
  it("shares one cluster between scenarios with the same cluster options", () => {
    const groups = groupByCluster(
      [scenario("a"), scenario("b"), scenario("c", "1.33.1")],
      (s) => s.cluster,
      "chartprobe",
    );
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([["a", "b"], ["c"]]);
    expect(new Set(groups.map((g) => g.name)).size).toBe(2);
    expect(groups.every((g) => g.name.startsWith("chartprobe-"))).toBe(true);
  });

  it("keeps the base name when there is only one group", () => {
    expect(groupByCluster([scenario("a")], (s) => s.cluster, "chartprobe")[0]?.name).toBe("chartprobe");
  });
});

describe("release names", () => {
  it("are valid, unique per run and within limits", () => {
    const a = releaseNames("airflow-helm/defaults@k8s-1.34.4-very-long-suffix-that-goes-on", "abcde");
    expect(a.namespace).toMatch(/^[a-z0-9-]{1,63}$/);
    expect(a.release.length).toBeLessThanOrEqual(40);
    expect(releaseNames("x", "aaaaa").namespace).not.toBe(releaseNames("x", "bbbbb").namespace);
  });
});

describe("install", () => {
  it("labels the namespace and sets Pod Security Admission when asked", () => {
    const s = {
      ...scenario("a"),
      cluster: {
        kubernetesVersion: "1.34.4",
        networkPolicy: "kube-router" as const,
        podSecurity: "restricted" as const,
      },
    };
    const m = namespaceManifest({ namespace: "ns1", runId: "r1", scenario: s });
    expect(m).toContain("chartprobe.io/managed");
    expect(m).toContain("pod-security.kubernetes.io/enforce: restricted");
    expect(namespaceManifest({ namespace: "ns1", runId: "r1", scenario: scenario("a") })).not.toContain(
      "pod-security",
    );
  });

  it("builds helm chart arguments for each chart source", () => {
    const base = { id: "t", title: "t", components: {}, knownDefaults: {}, credentials: {}, locations: {} };
    expect(chartArgs({ ...base, chart: { name: "c", path: "scenarios/t/chart" } }, "/x")).toEqual([
      "/x/scenarios/t/chart",
    ]);
    expect(
      chartArgs(
        { ...base, chart: { name: "airflow", repo: "https://example.invalid/charts", version: "8.9.0" } },
        "/x",
      ),
    ).toEqual(["airflow", "--repo", "https://example.invalid/charts", "--version", "8.9.0"]);
    expect(chartArgs({ ...base, chart: { name: "a", oci: "oci://r/a", version: "1" } }, "/x")).toEqual([
      "oci://r/a",
      "--version",
      "1",
    ]);
  });
});

describe("readiness", () => {
  it("waits for every replica of every workload kind", () => {
    expect(readinessOf([]).ready).toBe(false);
    const ok = readinessOf([
      { kind: "Deployment", metadata: { name: "w" }, spec: { replicas: 2 }, status: { readyReplicas: 2 } },
      { kind: "DaemonSet", metadata: { name: "d" }, status: { desiredNumberScheduled: 1, numberReady: 1 } },
    ]);
    expect(ok).toEqual({ ready: true, pending: [] });
    const pending = readinessOf([
      { kind: "StatefulSet", metadata: { name: "pg" }, spec: { replicas: 1 }, status: {} },
    ]);
    expect(pending.ready).toBe(false);
    expect(pending.pending).toEqual(["statefulset/pg (0/1 ready)"]);
  });
});

describe("probe selection and secrets", () => {
  const probe = (id: string) => ({ id }) as unknown as Probe<ProbeAccess>;
  it("applies --probe, then include, then exclude", () => {
    const all = [probe("a"), probe("b"), probe("c")];
    expect(selectProbes(all, scenario("s")).map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(selectProbes(all, scenario("s"), ["b"]).map((p) => p.id)).toEqual(["b"]);
    expect(
      selectProbes(all, { ...scenario("s"), probes: { include: ["a", "b"], exclude: ["a"] } }).map(
        (p) => p.id,
      ),
    ).toEqual(["b"]);
  });

  it("collects deployed secret values but not helm's release records or trivial values", () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const values = secretValues([
      { type: "Opaque", data: { password: b64("s3cr3t-value"), flag: b64("1") } },
      { type: "helm.sh/release.v1", data: { release: b64("a-whole-chart-archive") } },
    ]);
    expect(values).toEqual(["s3cr3t-value"]);
  });
});

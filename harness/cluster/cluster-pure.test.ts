import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderKindConfig } from "./kind-config.ts";
import { dnsLabel, isOurClusterName } from "./naming.ts";
import { kubeRouterManifest } from "./network/kube-router-manifest.ts";
import { conflist } from "./network/pod-network.ts";
import { deployedEngine } from "./network/policy-engines.ts";

describe("kind config", () => {
  it("disables kindnetd unless kindnet is the engine, and labels every node", () => {
    const cfg = parse(
      renderKindConfig({ name: "chartprobe-a", nodeImage: "img:v1", nodes: 3, defaultCni: false }),
    );
    expect(cfg.networking.disableDefaultCNI).toBe(true);
    expect(cfg.nodes.map((n: { role: string }) => n.role)).toEqual(["control-plane", "worker", "worker"]);
    expect(
      cfg.nodes.every(
        (n: { labels: Record<string, string> }) => n.labels["chartprobe.io/managed"] === "true",
      ),
    ).toBe(true);
    const kindnet = parse(renderKindConfig({ name: "x", nodeImage: "img:v1", nodes: 1, defaultCni: true }));
    expect(kindnet.networking.disableDefaultCNI).toBe(false);
  });

  it("refuses node counts it cannot run", () => {
    expect(() => renderKindConfig({ name: "x", nodeImage: "i", nodes: 0, defaultCni: false })).toThrow(
      /nodes/,
    );
    expect(() => renderKindConfig({ name: "x", nodeImage: "i", nodes: 1.5, defaultCni: false })).toThrow(
      /nodes/,
    );
  });
});

describe("naming", () => {
  it("recognises only chartprobe's clusters", () => {
    expect(isOurClusterName("chartprobe")).toBe(true);
    expect(isOurClusterName("chartprobe-k8s-1-34")).toBe(true);
    expect(isOurClusterName("kind")).toBe(false);
    expect(isOurClusterName("chartprobe2")).toBe(false);
  });

  it("makes valid DNS labels", () => {
    expect(dnsLabel("Testbed/Insecure@k8s-1.34.4")).toBe("testbed-insecure-k8s-1-34-4");
    expect(dnsLabel("a".repeat(80)).length).toBe(63);
    expect(dnsLabel("---")).toBe("x");
  });
});

describe("pod network and policy engine manifests", () => {
  it("gives each node a ptp conflist with its own pod CIDR", () => {
    const c = JSON.parse(conflist("10.244.3.0/24"));
    expect(c.plugins[0].type).toBe("ptp");
    expect(c.plugins[0].ipam.ranges[0][0].subnet).toBe("10.244.3.0/24");
  });

  it("runs kube-router as the policy engine only", () => {
    const docs = kubeRouterManifest("img:v2")
      .split("---\n")
      .map((d) => parse(d));
    const ds = docs.find((d) => d.kind === "DaemonSet");
    const args: string[] = ds.spec.template.spec.containers[0].args;
    expect(args).toContain("--run-firewall=true");
    expect(args).toContain("--run-router=false");
    expect(args).toContain("--run-service-proxy=false");
    expect(ds.spec.template.spec.containers[0].image).toBe("img:v2");
    const role = docs.find((d) => d.kind === "ClusterRole");
    expect(JSON.stringify(role.rules)).toContain("networkpolicies");
  });

  it("runs kube-network-policies on the host network, privileged, without NRI", () => {
    const engine = deployedEngine("kube-network-policies");
    expect(engine?.inNodeImage).toBe(false);
    const docs = (engine?.manifest("knp:v0") ?? "").split("---\n").map((d) => parse(d));
    const ds = docs.find((d) => d.kind === "DaemonSet");
    const pod = ds.spec.template.spec;
    expect(pod.hostNetwork).toBe(true);
    expect(pod.containers[0].securityContext.privileged).toBe(true);
    expect(pod.containers[0].args).toContain("--disable-nri");
    expect(pod.containers[0].image).toBe("knp:v0");
    const binding = docs.find((d) => d.kind === "ClusterRoleBinding");
    expect(binding.subjects[0].name).toBe(pod.serviceAccountName);
  });

  it("deploys nothing for engines chartprobe does not install itself", () => {
    expect(deployedEngine("none")).toBeUndefined();
    expect(deployedEngine("kindnet")).toBeUndefined();
    expect(deployedEngine("kube-router")?.daemonSet).toBe("kube-router");
  });
});

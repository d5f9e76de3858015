import { exec } from "../../exec.ts";
import type { Kubectl } from "../../kube/kubectl.ts";

interface NodeInfo {
  name: string;
  podCidr: string;
  internalIp: string;
}

/**
 * Plain routed pod networking (CNI ptp + host-local) for kind clusters created without
 * kindnetd: kindnetd's own NetworkPolicy code fails open on kernels without nftables queue,
 * and a NetworkPolicy engine of our choice is installed beside this instead. The node
 * containers are reached with `docker exec`, as kind does.
 */
export function conflist(podCidr: string): string {
  return JSON.stringify(
    {
      cniVersion: "0.4.0",
      name: "chartprobe",
      plugins: [
        {
          type: "ptp",
          ipMasq: false,
          mtu: 1500,
          ipam: { type: "host-local", ranges: [[{ subnet: podCidr }]], routes: [{ dst: "0.0.0.0/0" }] },
        },
        { type: "portmap", capabilities: { portMappings: true } },
      ],
    },
    null,
    2,
  );
}

export async function readNodes(kubectl: Kubectl): Promise<NodeInfo[]> {
  const list = await kubectl.json<{
    items: {
      metadata: { name: string };
      spec: { podCIDR?: string };
      status: { addresses?: { type: string; address: string }[] };
    }[];
  }>(["get", "nodes"]);
  return list.items.map((n) => ({
    name: n.metadata.name,
    podCidr: n.spec.podCIDR ?? "",
    internalIp: n.status.addresses?.find((a) => a.type === "InternalIP")?.address ?? "",
  }));
}

export async function installPodNetwork(kubectl: Kubectl, docker: string): Promise<void> {
  let nodes = await readNodes(kubectl);
  for (let i = 0; i < 60 && nodes.some((n) => !n.podCidr); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    nodes = await readNodes(kubectl);
  }
  const missing = nodes.filter((n) => !n.podCidr || !n.internalIp);
  if (missing.length > 0) {
    throw new Error(`nodes without a pod CIDR or address: ${missing.map((n) => n.name).join(", ")}`);
  }
  for (const node of nodes) {
    const routes = nodes
      .filter((other) => other.name !== node.name)
      .map((other) => `ip route replace ${other.podCidr} via ${other.internalIp}`)
      .join(" && ");
    const script = [
      "mkdir -p /etc/cni/net.d",
      "cat > /etc/cni/net.d/10-chartprobe.conflist",
      ...(routes ? [routes] : []),
    ].join(" && ");
    await exec(docker, ["exec", "-i", node.name, "sh", "-c", script], {
      input: conflist(node.podCidr),
      timeoutMs: 30_000,
    });
  }
}

import { stringify } from "yaml";
import { MANAGED_LABEL } from "./naming.ts";

export interface KindConfigInput {
  name: string;
  nodeImage: string;
  nodes: number;
  /** kind's own CNI (kindnetd) or none (chartprobe installs pod networking itself). */
  defaultCni: boolean;
}

/** The kind cluster config for one request: pure, so it is unit-tested. */
export function renderKindConfig(input: KindConfigInput): string {
  if (!Number.isInteger(input.nodes) || input.nodes < 1 || input.nodes > 5) {
    throw new RangeError(`nodes must be an integer from 1 to 5, got ${input.nodes}`);
  }
  const node = (role: "control-plane" | "worker") => ({
    role,
    image: input.nodeImage,
    labels: { [MANAGED_LABEL]: "true" },
  });
  const config = {
    kind: "Cluster",
    apiVersion: "kind.x-k8s.io/v1alpha4",
    name: input.name,
    networking: {
      disableDefaultCNI: !input.defaultCni,
      kubeProxyMode: "iptables",
      podSubnet: "10.244.0.0/16",
      serviceSubnet: "10.96.0.0/16",
    },
    nodes: [node("control-plane"), ...Array.from({ length: input.nodes - 1 }, () => node("worker"))],
  };
  return stringify(config);
}

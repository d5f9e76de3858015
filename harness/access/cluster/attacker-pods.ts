import { stringify } from "yaml";
import { MANAGED_LABEL, ROLE_LABEL } from "../../cluster/naming.ts";
import type { Kubectl } from "../../kube/kubectl.ts";

export const ATTACKER_CONTAINER = "attacker";

/**
 * An attacker pod: no chart labels, no service-account token, and a securityContext that
 * passes Pod Security Admission "restricted", so it can start in any namespace a chart uses.
 */
export function attackerPodManifest(namespace: string, name: string, image: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: { [ROLE_LABEL]: "attacker", [MANAGED_LABEL]: "true" } },
    spec: {
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: [
        {
          name: ATTACKER_CONTAINER,
          image,
          imagePullPolicy: "IfNotPresent",
          command: ["sleep", "infinity"],
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
          resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
        },
      ],
    },
  });
}

export async function startAttackerPod(
  kubectl: Kubectl,
  namespace: string,
  name: string,
  image: string,
): Promise<void> {
  await kubectl.apply(attackerPodManifest(namespace, name, image));
  await kubectl.run(["-n", namespace, "wait", "--for=condition=Ready", `pod/${name}`, "--timeout=120s"], {
    timeoutMs: 130_000,
  });
}

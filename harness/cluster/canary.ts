import { stringify } from "yaml";
import type { Kubectl } from "../kube/kubectl.ts";
import type { CanaryResult, CanaryStep } from "../model/run-record.ts";
import type { NetworkPolicyEngine } from "../model/scenario.ts";
import { MANAGED_LABEL, ROLE_LABEL, randomSuffix } from "./naming.ts";

export interface CanaryOptions {
  kubectl: Kubectl;
  engine: NetworkPolicyEngine;
  /** An image with `nc` and `socat` (the attacker image). */
  image: string;
  /** How long a policy may take to be enforced before the step counts as failed. */
  settleTimeoutMs?: number;
  log?: { info(message: string): void };
}

const SERVER_PORT = 8080;

const pod = (namespace: string, name: string, role: string, image: string, command: string[]) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace, labels: { [ROLE_LABEL]: role, [MANAGED_LABEL]: "true" } },
  spec: {
    terminationGracePeriodSeconds: 0,
    automountServiceAccountToken: false,
    containers: [{ name: "main", image, imagePullPolicy: "IfNotPresent", command }],
  },
});

const policy = (namespace: string, name: string, from: unknown[]) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace },
  spec: { podSelector: { matchLabels: { [ROLE_LABEL]: "server" } }, policyTypes: ["Ingress"], ingress: from },
});

/**
 * Proves the cluster enforces NetworkPolicy before any NetworkPolicy finding is trusted:
 * in a scratch namespace a client reaches a server; after a deny-all ingress policy it must
 * not; after a policy allowing the client it must again. An engine that fails open (kindnetd
 * on kernels without nftables queue) fails the second step.
 */
export async function runCanary(options: CanaryOptions): Promise<CanaryResult> {
  const started = performance.now();
  const { kubectl } = options;
  const settle = options.settleTimeoutMs ?? 20_000;
  const namespace = `chartprobe-canary-${randomSuffix()}`;
  const steps: CanaryStep[] = [];
  const done = (enforced: boolean | null, detail?: string): CanaryResult => ({
    engine: options.engine,
    enforced,
    steps,
    ...(detail ? { detail } : {}),
    durationMs: Math.round(performance.now() - started),
  });
  try {
    await kubectl.apply(
      [
        {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name: namespace, labels: { [MANAGED_LABEL]: "true" } },
        },
        pod(namespace, "server", "server", options.image, [
          "socat",
          `TCP-LISTEN:${SERVER_PORT},fork,reuseaddr`,
          "SYSTEM:echo canary",
        ]),
        pod(namespace, "client", "client", options.image, ["sleep", "infinity"]),
      ]
        .map((d) => stringify(d))
        .join("---\n"),
    );
    await kubectl.run(
      ["-n", namespace, "wait", "--for=condition=Ready", "pod/server", "pod/client", "--timeout=120s"],
      {
        timeoutMs: 130_000,
      },
    );
    const server = await kubectl.json<{ status: { podIP?: string } }>([
      "-n",
      namespace,
      "get",
      "pod",
      "server",
    ]);
    const ip = server.status.podIP;
    if (!ip) return done(null, "the canary server pod has no IP");

    const probe = async (): Promise<"reachable" | "blocked" | "error"> => {
      const r = await kubectl.run(
        ["-n", namespace, "exec", "client", "--", "nc", "-z", "-w", "2", ip, String(SERVER_PORT)],
        {
          allowFailure: true,
          timeoutMs: 15_000,
        },
      );
      if (r.exitCode === 0) return "reachable";
      if (r.exitCode === 1) return "blocked";
      return "error";
    };
    // Policies take a moment to be programmed: poll until the expected state shows or time runs out.
    const observe = async (name: string, expected: CanaryStep["expected"]) => {
      const deadline = Date.now() + settle;
      let observed = await probe();
      while (observed !== expected && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1000));
        observed = await probe();
      }
      steps.push({ name, expected, observed });
      options.log?.info(`canary: ${name}: expected ${expected}, observed ${observed}`);
      return observed === expected;
    };

    if (!(await observe("client reaches server without policies", "reachable"))) {
      return done(null, "pod-to-pod traffic does not work at all; the canary cannot judge enforcement");
    }
    await kubectl.apply(stringify(policy(namespace, "deny-all", [])));
    const denied = await observe("deny-all ingress policy blocks the client", "blocked");
    await kubectl.apply(
      stringify(
        policy(namespace, "deny-all", [
          { from: [{ podSelector: { matchLabels: { [ROLE_LABEL]: "client" } } }] },
        ]),
      ),
    );
    const allowed = await observe("allow policy for the client lets it through again", "reachable");
    if (!denied) {
      return done(
        false,
        `NetworkPolicy is not enforced by engine "${options.engine}" (traffic passed a deny-all policy)`,
      );
    }
    return done(allowed, allowed ? undefined : "the allow policy did not restore traffic");
  } catch (error) {
    return done(null, `canary failed to run: ${(error as Error).message.split("\n")[0]}`);
  } finally {
    await kubectl.run(["delete", "namespace", namespace, "--wait=false", "--ignore-not-found"], {
      allowFailure: true,
    });
  }
}

import { MANAGED_LABEL } from "../cluster/naming.ts";
import { type BackgroundProcess, exec, startProcess } from "../exec.ts";
import type { Kubectl } from "../kube/kubectl.ts";
import type {
  AccessQuestion,
  CommandOutcome,
  ProbeAccess,
  ReleaseSnapshot,
  SourceIdentity,
  TunnelEndpoint,
} from "../model/access.ts";
import type { TargetProfile } from "../model/scenario.ts";
import { componentVantage, type Vantage } from "../model/vantage.ts";
import { ATTACKER_CONTAINER, startAttackerPod } from "./cluster/attacker-pods.ts";
import { canIWithToken } from "./cluster/can-i.ts";
import { type PodRef, podForComponent, toPodRef } from "./cluster/component-pods.ts";
import { podSecurityWarnings } from "./cluster/pod-security-warnings.ts";
import { ResilientForward } from "./cluster/resilient-forward.ts";

export interface ClusterAccessOptions {
  kubectl: Kubectl;
  helm: string;
  namespace: string;
  release: string;
  target: TargetProfile;
  attackerImage: string;
  /** A fresh namespace for the foreign attacker (created and deleted by this access); default <namespace>-foreign. */
  foreignNamespace?: string;
  networkPolicyEnforced: boolean | null;
  log: { info(message: string): void; debug(message: string): void };
}

interface Tunnel {
  endpoint: TunnelEndpoint;
  stop(): Promise<void>;
}

const NEIGHBOUR_POD = "chartprobe-neighbour";

/** kubectl arguments that run argv in an attacker pod's container. */
const attackerExec = (attacker: { namespace: string; pod: string }, argv: string[]): string[] => [
  "-n",
  attacker.namespace,
  "exec",
  attacker.pod,
  "-c",
  ATTACKER_CONTAINER,
  "--",
  ...argv,
];
const FOREIGN_POD = "chartprobe-foreign";

/**
 * ProbeAccess on a real cluster. Runner traffic goes through `kubectl port-forward` to the
 * component's pod (which enters the pod's network namespace and so bypasses NetworkPolicy, as
 * DESIGN.md notes). Attacker traffic goes through a socat relay inside the attacker pod,
 * reached by a port-forward to that pod, so unchanged pg/ioredis/axios clients attack from the
 * attacker's network identity.
 */
export class ClusterProbeAccess implements ProbeAccess {
  readonly namespace: string;
  readonly release: string;
  readonly vantages: Vantage[] = ["runner", "foreign-pod", "neighbour-pod"];
  readonly networkPolicyEnforced: boolean | null;
  readonly #o: ClusterAccessOptions;
  readonly #tunnels = new Map<string, Promise<Tunnel>>();
  #attackers: Promise<void> | undefined;
  #snapshot: Promise<ReleaseSnapshot> | undefined;
  #pods: Promise<Record<string, unknown>[]> | undefined;
  #relayPort = 20000 + Math.floor(Math.random() * 20000);
  readonly #foreignNamespace: string;

  constructor(options: ClusterAccessOptions) {
    this.#o = options;
    this.namespace = options.namespace;
    this.release = options.release;
    this.networkPolicyEnforced = options.networkPolicyEnforced;
    this.#foreignNamespace = options.foreignNamespace ?? `${options.namespace.slice(0, 50)}-foreign`;
    // Every component's own pod is a vantage point too (truth table, its own token).
    this.vantages.push(...Object.keys(options.target.components).map(componentVantage));
  }

  /** Starts the attacker pods (foreign namespace + neighbour); idempotent. */
  prepareAttackers(): Promise<void> {
    this.#attackers ??= (async () => {
      const { kubectl, attackerImage, namespace } = this.#o;
      const foreignNamespace = this.#foreignNamespace;
      await kubectl.apply(
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${foreignNamespace}\n  labels:\n    ${MANAGED_LABEL}: "true"\n`,
      );
      await Promise.all([
        startAttackerPod(kubectl, foreignNamespace, FOREIGN_POD, attackerImage),
        startAttackerPod(kubectl, namespace, NEIGHBOUR_POD, attackerImage),
      ]);
    })();
    return this.#attackers;
  }

  #attacker(vantage: Vantage): { namespace: string; pod: string } | undefined {
    if (vantage === "foreign-pod") return { namespace: this.#foreignNamespace, pod: FOREIGN_POD };
    if (vantage === "neighbour-pod") return { namespace: this.namespace, pod: NEIGHBOUR_POD };
    return undefined;
  }

  async #releasePods(): Promise<Record<string, unknown>[]> {
    this.#pods ??= this.#o.kubectl
      .json<{ items: Record<string, unknown>[] }>(["-n", this.namespace, "get", "pods"])
      .then((l) => l.items);
    return this.#pods;
  }

  async #componentPod(component: string): Promise<PodRef> {
    const spec = this.#o.target.components[component];
    if (!spec) throw new Error(`unknown component "${component}" in target ${this.#o.target.id}`);
    const pod = podForComponent((await this.#releasePods()) as never[], spec);
    if (!pod) throw Object.assign(new Error(`no ready pod for component ${component}`), { code: "ENOPOD" });
    return pod;
  }

  /** Port-forward restarts so far (each one is logged; the runner puts the count in the record). */
  tunnelRestarts = 0;

  /** A self-healing loopback endpoint in front of `kubectl port-forward` to pod:port. */
  async #forward(namespace: string, pod: string, port: number): Promise<ResilientForward> {
    const forward = new ResilientForward(
      {
        start: async () => {
          const pf = await this.#portForward(namespace, pod, port);
          return { port: pf.localPort, stop: () => pf.process.stop(), alive: () => pf.process.running() };
        },
      },
      (attempt, why) => {
        this.tunnelRestarts++;
        this.#o.log.info(`port-forward to ${namespace}/${pod}:${port} restarted (${attempt}): ${why}`);
      },
    );
    return forward;
  }

  async #portForward(
    namespace: string,
    pod: string,
    port: number,
  ): Promise<{ process: BackgroundProcess; localPort: number }> {
    const args = [
      "--kubeconfig",
      this.#o.kubectl.kubeconfig,
      "-n",
      namespace,
      "port-forward",
      "--address",
      "127.0.0.1",
      `pod/${pod}`,
      `:${port}`,
    ];
    const process = startProcess(this.#o.kubectl.binary, args);
    const match = await process.waitFor(/Forwarding from 127\.0\.0\.1:(\d+)/, 30_000).catch(async (e) => {
      await process.stop();
      throw e;
    });
    return { process, localPort: Number(match[1]) };
  }

  async #openTunnel(vantage: Vantage, component: string, port: number): Promise<Tunnel> {
    const target = await this.#componentPod(component);
    if (vantage === "runner") {
      const forward = await this.#forward(this.namespace, target.name, port);
      const localPort = await forward.listen();
      // The repro forwards to the same local port the probe used, so the commands after it
      // (which name that port) work as printed.
      return {
        endpoint: {
          host: "127.0.0.1",
          port: localPort,
          describe: `kubectl -n ${this.namespace} port-forward pod/${target.name} ${localPort}:${port}`,
          close: async () => {},
        },
        stop: () => forward.close(),
      };
    }
    const attacker = this.#attacker(vantage);
    if (!attacker)
      throw new Error(`vantage ${vantage} cannot carry a tunnel (only runner and attacker pods can)`);
    await this.prepareAttackers();
    const relay = this.#relayPort++;
    const listen = `TCP-LISTEN:${relay},bind=127.0.0.1,reuseaddr,fork`;
    await this.#o.kubectl.run(
      attackerExec(attacker, [
        "sh",
        "-c",
        `nohup socat ${listen} TCP:${target.ip}:${port},connect-timeout=5 >/dev/null 2>&1 &`,
      ]),
      { timeoutMs: 30_000 },
    );
    const forward = await this.#forward(attacker.namespace, attacker.pod, relay);
    const localPort = await forward.listen();
    return {
      endpoint: {
        host: "127.0.0.1",
        port: localPort,
        describe: `kubectl -n ${attacker.namespace} exec ${attacker.pod} -- socat ${listen} TCP:${target.ip}:${port} & kubectl -n ${attacker.namespace} port-forward pod/${attacker.pod} ${localPort}:${relay}`,
        close: async () => {},
      },
      stop: async () => {
        await forward.close();
        await this.#o.kubectl.run(
          ["-n", attacker.namespace, "exec", attacker.pod, "--", "pkill", "-f", `TCP-LISTEN:${relay},`],
          {
            allowFailure: true,
            timeoutMs: 15_000,
          },
        );
      },
    };
  }

  /** Tunnels are shared between probes and closed once, by dispose(). */
  async dial(vantage: Vantage, component: string, port: number): Promise<TunnelEndpoint> {
    const key = `${vantage}|${component}|${port}`;
    let tunnel = this.#tunnels.get(key);
    if (!tunnel) {
      tunnel = this.#openTunnel(vantage, component, port);
      this.#tunnels.set(key, tunnel);
      tunnel.catch(() => this.#tunnels.delete(key));
    }
    return (await tunnel).endpoint;
  }

  async exec(component: string, argv: string[], container?: string): Promise<CommandOutcome> {
    const pod = await this.#componentPod(component);
    const r = await this.#o.kubectl.run(
      ["-n", this.namespace, "exec", pod.name, ...(container ? ["-c", container] : []), "--", ...argv],
      { allowFailure: true, timeoutMs: 30_000 },
    );
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  }

  async probeTcp(
    vantage: Vantage,
    component: string,
    port: number,
    timeoutMs: number,
  ): Promise<"reachable" | "blocked" | "error"> {
    try {
      const target = await this.#componentPod(component);
      const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
      const attacker = this.#attacker(vantage);
      let argv: string[];
      if (attacker) {
        await this.prepareAttackers();
        argv = attackerExec(attacker, ["nc", "-z", "-w", seconds, target.ip, String(port)]);
      } else if (vantage.startsWith("component:")) {
        const source = await this.#componentPod(vantage.slice("component:".length));
        // Component images carry bash and coreutils but rarely nc: bash's /dev/tcp does the connect.
        argv = [
          "-n",
          this.namespace,
          "exec",
          source.name,
          "-c",
          source.containers[0] ?? "",
          "--",
          "timeout",
          seconds,
          "bash",
          "-c",
          `</dev/tcp/${target.ip}/${port}`,
        ];
      } else {
        return "error";
      }
      const r = await this.#o.kubectl.run(argv, { allowFailure: true, timeoutMs: timeoutMs + 15_000 });
      if (r.exitCode === 0) return "reachable";
      if (r.exitCode === 1 || r.exitCode === 124) return "blocked";
      return "error";
    } catch {
      return "error";
    }
  }

  /** The command that reproduces one probeTcp by hand. */
  async probeTcpCommand(vantage: Vantage, component: string, port: number): Promise<string> {
    const target = await this.#componentPod(component).catch(() => undefined);
    const ip = target?.ip ?? `<${component}-pod-ip>`;
    const attacker = this.#attacker(vantage);
    if (attacker) return `kubectl -n ${attacker.namespace} exec ${attacker.pod} -- nc -vz -w 2 ${ip} ${port}`;
    const source = vantage.startsWith("component:")
      ? await this.#componentPod(vantage.slice(10)).catch(() => undefined)
      : undefined;
    return `kubectl -n ${this.namespace} exec ${source?.name ?? "<pod>"} -- timeout 2 bash -c '</dev/tcp/${ip}/${port}'`;
  }

  async sourceIdentity(vantage: Vantage): Promise<SourceIdentity> {
    const nsLabels = async (ns: string) =>
      (
        await this.#o.kubectl.json<{ metadata: { labels?: Record<string, string> } }>([
          "get",
          "namespace",
          ns,
        ])
      ).metadata.labels ?? {};
    const attacker = this.#attacker(vantage);
    if (attacker) {
      await this.prepareAttackers();
      const pod = await this.#o.kubectl.json<Record<string, unknown>>([
        "-n",
        attacker.namespace,
        "get",
        "pod",
        attacker.pod,
      ]);
      return {
        namespace: attacker.namespace,
        namespaceLabels: await nsLabels(attacker.namespace),
        podLabels: toPodRef(pod).labels,
      };
    }
    if (vantage.startsWith("component:")) {
      const pod = await this.#componentPod(vantage.slice("component:".length));
      return {
        namespace: this.namespace,
        namespaceLabels: await nsLabels(this.namespace),
        podLabels: pod.labels,
      };
    }
    throw new Error(`vantage ${vantage} has no network identity in the cluster`);
  }

  snapshot(): Promise<ReleaseSnapshot> {
    this.#snapshot ??= (async () => {
      const { kubectl } = this.#o;
      const list = async (kind: string, namespaced = true) =>
        (
          await kubectl.json<{ items: Record<string, unknown>[] }>(
            namespaced ? ["-n", this.namespace, "get", kind] : ["get", kind],
          )
        ).items;
      const [
        pods,
        services,
        serviceAccounts,
        configMaps,
        secrets,
        roles,
        roleBindings,
        crbs,
        networkPolicies,
        ingresses,
      ] = await Promise.all([
        this.#releasePods(),
        list("services"),
        list("serviceaccounts"),
        list("configmaps"),
        list("secrets"),
        list("roles"),
        list("rolebindings"),
        list("clusterrolebindings", false),
        list("networkpolicies"),
        list("ingresses"),
      ]);
      const values = await exec(
        this.#o.helm,
        [
          "--kubeconfig",
          kubectl.kubeconfig,
          "-n",
          this.namespace,
          "get",
          "values",
          this.release,
          "--all",
          "-o",
          "json",
        ],
        {
          allowFailure: true,
          timeoutMs: 60_000,
        },
      );
      const ns = await kubectl.json<{ metadata: { labels?: Record<string, string> } }>([
        "get",
        "namespace",
        this.namespace,
      ]);
      const inNamespace = (b: Record<string, unknown>) =>
        ((b.subjects as { namespace?: string }[] | undefined) ?? []).some(
          (s) => s.namespace === this.namespace,
        );
      return {
        namespace: this.namespace,
        release: this.release,
        // Attacker pods are ours, not the chart's: keep them out of what probes judge.
        pods: pods.filter((p) => toPodRef(p).labels["chartprobe.io/role"] !== "attacker"),
        services,
        serviceAccounts,
        configMaps,
        secrets,
        roles,
        roleBindings,
        clusterRoleBindings: crbs.filter(inNamespace),
        networkPolicies,
        ingresses,
        helmValues:
          values.exitCode === 0 ? (JSON.parse(values.stdout || "{}") as Record<string, unknown>) : {},
        namespaceLabels: ns.metadata.labels ?? {},
      };
    })();
    return this.#snapshot;
  }

  canI(token: string, question: AccessQuestion): Promise<boolean | null> {
    return canIWithToken(this.#o.kubectl.kubeconfig, token, question);
  }

  async podSecurityDryRun(level: "baseline" | "restricted"): Promise<string[] | null> {
    const r = await this.#o.kubectl.run(
      [
        "label",
        "--dry-run=server",
        "--overwrite",
        "namespace",
        this.namespace,
        `pod-security.kubernetes.io/enforce=${level}`,
      ],
      { allowFailure: true, timeoutMs: 30_000 },
    );
    return r.exitCode === 0 ? podSecurityWarnings(r.stderr) : null;
  }

  /** Closes every tunnel (the attacker pods stay for another access to reuse). */
  async closeTunnels(): Promise<void> {
    const tunnels = [...this.#tunnels.values()];
    this.#tunnels.clear();
    await Promise.all(tunnels.map(async (t) => (await t.catch(() => undefined))?.stop()));
  }

  /** Closes every tunnel and removes the attacker pods and the foreign namespace. */
  async dispose(): Promise<void> {
    await this.closeTunnels();
    if (this.#attackers) {
      const { kubectl } = this.#o;
      await Promise.all([
        kubectl.run(
          ["-n", this.namespace, "delete", "pod", NEIGHBOUR_POD, "--ignore-not-found", "--wait=false"],
          { allowFailure: true },
        ),
        kubectl.run(["delete", "namespace", this.#foreignNamespace, "--ignore-not-found", "--wait=false"], {
          allowFailure: true,
        }),
      ]);
    }
  }
}

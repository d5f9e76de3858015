import { connect } from "node:net";
import type {
  AccessQuestion,
  CommandOutcome,
  ProbeAccess,
  ReleaseSnapshot,
  SourceIdentity,
  TunnelEndpoint,
} from "../model/access.ts";
import type { TargetProfile } from "../model/scenario.ts";
import type { Vantage } from "../model/vantage.ts";
import { emptySnapshot } from "./local/empty-snapshot.ts";
import { fixturePodsFor, mountsToken, podOfComponent } from "./local/fixture-pods.ts";
import { evaluateAccess } from "./local/rbac-evaluator.ts";

/** Where a component's port is served on this machine (a local process or a published container port). */
export interface LocalEndpoint {
  host: string;
  port: number;
}

export interface LocalAccessOptions {
  target: TargetProfile;
  namespace?: string;
  release?: string;
  /** component → container port → local endpoint. */
  endpoints: Record<string, Record<number, LocalEndpoint>>;
  /** Fixture objects; pods for every component in `endpoints` are added unless given. */
  snapshot?: Partial<ReleaseSnapshot>;
  networkPolicyEnforced?: boolean | null;
  /**
   * Simulate the service-account token inside pods: `cat <token path>` in a component answers
   * with a stand-in token for the pod's service account when the pod spec mounts one, and
   * canI evaluates the snapshot's RBAC objects for it. Off: exec and canI are unavailable.
   */
  serviceAccountTokens?: boolean;
}

const TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";
const TOKEN_PREFIX = "local-sa-token:";

const EXEC_UNAVAILABLE = "exec is unavailable: local access has no pods";

/**
 * ProbeAccess for integration tests: only the runner vantage exists, and it reaches each
 * component:port at a local endpoint directly (what a port-forward gives on a cluster).
 */
export class LocalProbeAccess implements ProbeAccess {
  readonly namespace: string;
  readonly release: string;
  readonly vantages: Vantage[] = ["runner"];
  readonly networkPolicyEnforced: boolean | null;
  readonly #options: LocalAccessOptions;

  constructor(options: LocalAccessOptions) {
    this.#options = options;
    this.namespace = options.namespace ?? "local";
    this.release = options.release ?? "local";
    this.networkPolicyEnforced = options.networkPolicyEnforced ?? null;
  }

  #endpoint(vantage: Vantage, component: string, port: number): LocalEndpoint {
    if (vantage !== "runner") throw new Error(`vantage ${vantage} is not available in local access`);
    const ep = this.#options.endpoints[component]?.[port];
    if (!ep)
      throw Object.assign(new Error(`no local endpoint for ${component}:${port}`), { code: "ECONNREFUSED" });
    return ep;
  }

  async dial(vantage: Vantage, component: string, port: number): Promise<TunnelEndpoint> {
    const ep = this.#endpoint(vantage, component, port);
    return {
      host: ep.host,
      port: ep.port,
      describe: `# ${component}:${port} is served locally at ${ep.host}:${ep.port}`,
      close: async () => undefined,
    };
  }

  async exec(component: string, argv: string[], _container?: string): Promise<CommandOutcome> {
    if (!this.#options.serviceAccountTokens || argv.join(" ") !== `cat ${TOKEN_PATH}`)
      return { exitCode: null, stdout: "", stderr: EXEC_UNAVAILABLE };
    const snap = await this.snapshot();
    const pod = podOfComponent(snap, this.#options.target, component);
    if (!pod) return { exitCode: null, stdout: "", stderr: `no pod of ${component}` };
    if (!mountsToken(pod, snap))
      return { exitCode: 1, stdout: "", stderr: `cat: ${TOKEN_PATH}: No such file or directory` };
    return {
      exitCode: 0,
      stdout: `${TOKEN_PREFIX}${this.namespace}:${pod.spec?.serviceAccountName || "default"}\n`,
      stderr: "",
    };
  }

  async probeTcp(
    vantage: Vantage,
    component: string,
    port: number,
    timeoutMs: number,
  ): Promise<"reachable" | "blocked" | "error"> {
    let ep: LocalEndpoint;
    try {
      ep = this.#endpoint(vantage, component, port);
    } catch {
      return "error";
    }
    return new Promise((resolve) => {
      const socket = connect({ host: ep.host, port: ep.port });
      const timer = setTimeout(() => {
        socket.destroy();
        resolve("blocked");
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.destroy();
        resolve("reachable");
      });
      socket.once("error", () => {
        clearTimeout(timer);
        resolve("blocked");
      });
    });
  }

  async sourceIdentity(vantage: Vantage): Promise<SourceIdentity> {
    if (vantage !== "runner") throw new Error(`vantage ${vantage} is not available in local access`);
    return { namespace: "", namespaceLabels: {}, podLabels: {} };
  }

  async snapshot(): Promise<ReleaseSnapshot> {
    const base = emptySnapshot(this.namespace, this.release);
    const given = this.#options.snapshot ?? {};
    const pods =
      given.pods ??
      fixturePodsFor(this.#options.target, Object.keys(this.#options.endpoints), this.namespace);
    return structuredClone({ ...base, ...given, pods });
  }

  async canI(token: string, question: AccessQuestion): Promise<boolean | null> {
    if (!this.#options.serviceAccountTokens || !token.startsWith(TOKEN_PREFIX)) return null;
    const [namespace, name] = token.slice(TOKEN_PREFIX.length).split(":");
    if (!namespace || !name) return null;
    return evaluateAccess(await this.snapshot(), { namespace, name }, question);
  }
}

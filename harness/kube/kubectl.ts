import { type ExecOptions, type ExecResult, exec, shellCommand } from "../exec.ts";
import { API_RETRY, retryTransient } from "./transient.ts";

/**
 * A kubectl bound to one cluster: every call carries the cluster's kubeconfig explicitly.
 * Reads (`json`) and `apply`, which are safe to repeat, are retried with backoff when the API
 * server hiccups; `retries` counts those retries for the run record.
 */
export class Kubectl {
  readonly binary: string;
  readonly kubeconfig: string;
  readonly context: string | undefined;
  retries = 0;
  onRetry: ((what: string, why: string) => void) | undefined;

  constructor(binary: string, kubeconfig: string, context?: string) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.context = context;
  }

  private argv(args: readonly string[]): string[] {
    return ["--kubeconfig", this.kubeconfig, ...(this.context ? ["--context", this.context] : []), ...args];
  }

  run(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return exec(this.binary, this.argv(args), { timeoutMs: 120_000, ...options });
  }

  async json<T = Record<string, unknown>>(args: readonly string[], options: ExecOptions = {}): Promise<T> {
    const result = await this.retrying(`kubectl ${args.join(" ")}`, () =>
      this.run([...args, "-o", "json"], options),
    );
    return JSON.parse(result.stdout) as T;
  }

  apply(manifest: string, options: ExecOptions = {}): Promise<ExecResult> {
    return this.retrying("kubectl apply", () =>
      this.run(["apply", "-f", "-"], { ...options, input: manifest }),
    );
  }

  private retrying(what: string, call: () => Promise<ExecResult>): Promise<ExecResult> {
    return retryTransient(call, {
      ...API_RETRY,
      onRetry: (_attempt, why) => {
        this.retries++;
        this.onRetry?.(what, why);
      },
    });
  }

  /** The command a person pastes to do the same by hand (kubeconfig made explicit). */
  describe(args: readonly string[]): string {
    return shellCommand(["kubectl", ...this.argv(args)]);
  }
}

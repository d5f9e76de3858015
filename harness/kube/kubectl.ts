import { type ExecOptions, type ExecResult, exec, shellCommand } from "../exec.ts";

/** A kubectl bound to one cluster: every call carries the cluster's kubeconfig explicitly. */
export class Kubectl {
  readonly binary: string;
  readonly kubeconfig: string;
  readonly context: string | undefined;

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
    const result = await this.run([...args, "-o", "json"], options);
    return JSON.parse(result.stdout) as T;
  }

  apply(manifest: string, options: ExecOptions = {}): Promise<ExecResult> {
    return this.run(["apply", "-f", "-"], { ...options, input: manifest });
  }

  /** The command a person pastes to do the same by hand (kubeconfig made explicit). */
  describe(args: readonly string[]): string {
    return shellCommand(["kubectl", ...this.argv(args)]);
  }
}

import { spawn } from "node:child_process";

/** Quote one argument so the printed command can be pasted into a POSIX shell. */
export function shellQuote(arg: string): string {
  if (arg === "") return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export const shellCommand = (argv: readonly string[]): string => argv.map(shellQuote).join(" ");

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Do not throw on a non-zero exit; the caller inspects `exitCode`. */
  allowFailure?: boolean;
  /**
   * Run the command in a process group of its own and, on abort or timeout, stop the whole
   * group: tools like kind start `docker run` children that would otherwise outlive them.
   */
  processGroup?: boolean;
  /** Called with each chunk of output, for progress on long steps. */
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void;
}

export interface ExecResult {
  argv: string[];
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

/** The process result is the error: argv, exit code, output, duration and a paste-able command. */
export class CommandError extends Error {
  override readonly name = "CommandError";
  readonly result: ExecResult;
  constructor(result: ExecResult) {
    const why = result.timedOut
      ? `timed out after ${result.durationMs} ms`
      : result.signal
        ? `was killed by ${result.signal}`
        : `exited with code ${result.exitCode}`;
    const tail = (result.stderr || result.stdout).trim().split("\n").slice(-15).join("\n");
    super(`command ${why}: ${shellCommand(result.argv)}${tail ? `\n${tail}` : ""}`);
    this.result = result;
  }
  get command(): string {
    return shellCommand(this.result.argv);
  }
}

/** Every external command goes through here. */
export function exec(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const argv = [file, ...args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.processGroup ? { detached: true } : { signal: options.signal }),
    });
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        child.kill(sig);
      }
    };
    if (options.processGroup && options.signal) {
      const onAbort = () => {
        killGroup("SIGTERM");
        setTimeout(() => killGroup("SIGKILL"), 3000).unref();
      };
      if (options.signal.aborted) onAbort();
      else options.signal.addEventListener("abort", onAbort, { once: true });
      child.on("close", () => options.signal?.removeEventListener("abort", onAbort));
    }
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (options.processGroup) killGroup("SIGTERM");
            else child.kill("SIGTERM");
            setTimeout(
              () => (options.processGroup ? killGroup("SIGKILL") : child.kill("SIGKILL")),
              3000,
            ).unref();
          }, options.timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
      options.onOutput?.(c, "stdout");
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
      options.onOutput?.(c, "stderr");
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      if (err.code === "ENOENT") {
        reject(
          Object.assign(new Error(`command not found: ${file} (wanted for: ${shellCommand(argv)})`), {
            code: "ENOENT",
          }),
        );
      } else if (err.name === "AbortError") {
        reject(err);
      } else {
        reject(err);
      }
    });
    child.on("close", (exitCode, signal) => {
      if (timer) clearTimeout(timer);
      const result: ExecResult = {
        argv,
        exitCode,
        signal,
        stdout,
        stderr,
        durationMs: Math.round(performance.now() - started),
        timedOut,
      };
      if ((exitCode === 0 && !timedOut) || options.allowFailure) resolve(result);
      else reject(new CommandError(result));
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

export interface BackgroundProcess {
  argv: string[];
  pid: number | undefined;
  /** Resolves with the first regex match on stdout/stderr, rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  output(): string;
  /** False once the process has exited (or failed to start). */
  running(): boolean;
  stop(): Promise<void>;
}

/** A long-lived subprocess (port-forwards): started here so it is stopped the same way everywhere. */
export function startProcess(
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): BackgroundProcess {
  const argv = [file, ...args];
  const child = spawn(file, args, { env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let buffer = "";
  let exited = false;
  const listeners = new Set<() => void>();
  const onData = (c: Buffer) => {
    buffer += c.toString("utf8");
    if (buffer.length > 64_000) buffer = buffer.slice(-32_000);
    for (const l of listeners) l();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.on("error", () => {
    exited = true;
    for (const l of listeners) l();
  });
  child.on("exit", () => {
    exited = true;
    for (const l of listeners) l();
  });
  return {
    argv,
    pid: child.pid,
    output: () => buffer,
    running: () => !exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = buffer.match(pattern);
          if (m) {
            done();
            resolve(m);
          } else if (exited) {
            done();
            reject(new Error(`${shellCommand(argv)} exited before ready: ${buffer.trim().slice(-500)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`${shellCommand(argv)} not ready after ${timeoutMs} ms: ${buffer.trim().slice(-500)}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (exited) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve();
        }, 3000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      });
    },
  };
}

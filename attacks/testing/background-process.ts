import { type ExecResult, exec } from "../../harness/exec.ts";

/** A long-running local server started through harness/exec.ts; stop() ends it and waits. */
export interface BackgroundProcess {
  readonly argv: string[];
  /** Output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function startBackground(
  file: string,
  args: string[],
  options: { cwd?: string } = {},
): BackgroundProcess {
  const controller = new AbortController();
  let out = "";
  const done: Promise<ExecResult | undefined> = exec(file, args, {
    ...options,
    signal: controller.signal,
    allowFailure: true,
    onOutput: (chunk) => {
      out = (out + chunk).slice(-20_000);
    },
  }).catch(() => undefined);
  return {
    argv: [file, ...args],
    output: () => out,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

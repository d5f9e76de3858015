import { CommandError, type ExecResult } from "../exec.ts";

/**
 * kubectl failures that say nothing about the request itself: the API server, etcd or the
 * connection to them hiccuped (a busy 2-core machine, a control plane restarting a component).
 * The same request a moment later usually works. Everything else (NotFound, Forbidden, invalid
 * objects) is an answer and is never retried.
 */
const TRANSIENT = [
  /Unable to connect to the server/i,
  /connect: connection refused/i,
  /connection reset by peer/i,
  /i\/o timeout/i,
  /TLS handshake timeout/i,
  /http2: client connection lost/i,
  /etcdserver: (request timed out|leader changed|too many requests)/i,
  /the server is currently unable to handle the request/i,
  /the object has been modified; please apply your changes to the latest version/i,
  /Client\.Timeout exceeded/i,
];

export function isTransientFailure(result: Pick<ExecResult, "exitCode" | "stderr" | "timedOut">): boolean {
  if (result.exitCode === 0 || result.timedOut) return false;
  return TRANSIENT.some((re) => re.test(result.stderr));
}

export interface RetryPolicy {
  attempts: number;
  /** Doubles after each failed attempt. */
  firstDelayMs: number;
  onRetry?: (attempt: number, why: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const API_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 1000 };

/** Runs `call` again, with exponential backoff, while it fails in a transient way. */
export async function retryTransient(
  call: () => Promise<ExecResult>,
  policy: RetryPolicy,
): Promise<ExecResult> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    let result: ExecResult;
    try {
      result = await call();
    } catch (error) {
      if (!(error instanceof CommandError) || attempt >= policy.attempts || !isTransientFailure(error.result))
        throw error;
      result = error.result;
    }
    if (attempt >= policy.attempts || !isTransientFailure(result)) return result;
    policy.onRetry?.(attempt, result.stderr.trim().split("\n")[0] ?? "");
    await sleep(policy.firstDelayMs * 2 ** (attempt - 1));
  }
}

import { describe, expect, it } from "vitest";
import { CommandError, type ExecResult } from "../exec.ts";
import { isTransientFailure, retryTransient } from "./transient.ts";

const result = (exitCode: number, stderr = "", timedOut = false): ExecResult => ({
  argv: ["kubectl", "get", "pods"],
  exitCode,
  signal: null,
  stdout: exitCode === 0 ? "{}" : "",
  stderr,
  durationMs: 5,
  timedOut,
});

const REFUSED =
  "The connection to the server 127.0.0.1:39623 was refused - did you specify the right host or port?\nUnable to connect to the server: dial tcp 127.0.0.1:39623: connect: connection refused";

describe("isTransientFailure", () => {
  it.each([
    [REFUSED, true],
    ["Error from server: etcdserver: request timed out", true],
    ["Error from server (ServiceUnavailable): the server is currently unable to handle the request", true],
    ['Error from server (NotFound): pods "x" not found', false],
    ['Error from server (Forbidden): pods is forbidden: User "u" cannot list', false],
    ["error: error validating data: unknown field", false],
  ])("%s → %s", (stderr, transient) => {
    expect(isTransientFailure(result(1, stderr))).toBe(transient);
  });

  it("never retries success or our own timeout", () => {
    expect(isTransientFailure(result(0, REFUSED))).toBe(false);
    expect(isTransientFailure(result(1, REFUSED, true))).toBe(false);
  });
});

describe("retryTransient", () => {
  const policy = (delays: number[], retries: string[]) => ({
    attempts: 4,
    firstDelayMs: 100,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
    onRetry: (_n: number, why: string) => retries.push(why),
  });

  it("retries a transient failure with doubling delays until it works", async () => {
    const answers = [result(1, REFUSED), new CommandError(result(1, REFUSED)), result(0)];
    const delays: number[] = [];
    const retries: string[] = [];
    const r = await retryTransient(
      async () => {
        const next = answers.shift();
        if (next instanceof Error) throw next;
        return next as ExecResult;
      },
      policy(delays, retries),
    );
    expect(r.exitCode).toBe(0);
    expect(delays).toEqual([100, 200]);
    expect(retries).toHaveLength(2);
  });

  it("gives up after the last attempt and hands back the failure as it came", async () => {
    const delays: number[] = [];
    await expect(
      retryTransient(
        async () => {
          throw new CommandError(result(1, REFUSED));
        },
        policy(delays, []),
      ),
    ).rejects.toThrow(/connection refused/);
    expect(delays).toEqual([100, 200, 400]);
  });

  it("does not retry an answer", async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw new CommandError(result(1, 'Error from server (NotFound): pods "x" not found'));
        },
        policy([], []),
      ),
    ).rejects.toThrow(/NotFound/);
    expect(calls).toBe(1);
  });
});

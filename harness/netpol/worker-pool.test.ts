import { describe, expect, it } from "vitest";
import { runPool } from "./worker-pool.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runPool", () => {
  it("keeps input order although items finish out of order", async () => {
    const out = await runPool(
      [30, 5, 15, 1],
      async (ms) => {
        await sleep(ms);
        return ms * 2;
      },
      {
        concurrency: 4,
        onError: () => -1,
      },
    );
    expect(out).toEqual([60, 10, 30, 2]);
  });

  it("never runs more than `concurrency` workers at once", async () => {
    let running = 0;
    let peak = 0;
    await runPool(
      Array.from({ length: 12 }, (_, i) => i),
      async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(5);
        running--;
      },
      { concurrency: 3, onError: () => undefined },
    );
    expect(peak).toBe(3);
  });

  it("turns a throwing worker into a result and goes on with the rest", async () => {
    const out = await runPool(
      ["a", "boom", "c"],
      async (s) => {
        if (s === "boom") throw new Error("kaput");
        return s.toUpperCase();
      },
      { concurrency: 2, onError: (e) => `error: ${(e as Error).message}` },
    );
    expect(out).toEqual(["A", "error: kaput", "C"]);
  });

  it("does not start items after the signal is aborted", async () => {
    const ac = new AbortController();
    const started: number[] = [];
    const out = await runPool(
      [1, 2, 3, 4],
      async (n) => {
        started.push(n);
        if (n === 1) ac.abort(new Error("stop"));
        return "ran";
      },
      { concurrency: 1, signal: ac.signal, onError: () => "cancelled" },
    );
    expect(started).toEqual([1]);
    expect(out).toEqual(["ran", "cancelled", "cancelled", "cancelled"]);
  });

  it("handles an empty list and a silly concurrency", async () => {
    expect(await runPool([], async () => 1, { concurrency: 0, onError: () => 0 })).toEqual([]);
    expect(await runPool([1, 2], async (n) => n, { concurrency: 0, onError: () => 0 })).toEqual([1, 2]);
  });
});

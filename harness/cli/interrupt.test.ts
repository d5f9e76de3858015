import { describe, expect, it } from "vitest";
import { InterruptedError, onInterrupt } from "./interrupt.ts";

describe("onInterrupt", () => {
  it("aborts with an InterruptedError on the first SIGINT and removes its handlers when done", () => {
    const controller = new AbortController();
    const warnings: string[] = [];
    const before = process.listenerCount("SIGINT");
    const stop = onInterrupt(controller, (t) => warnings.push(t));
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    process.emit("SIGINT", "SIGINT");
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBeInstanceOf(InterruptedError);
    expect(warnings[0]).toContain("stopping and cleaning up");
    stop();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});

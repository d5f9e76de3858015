import { afterAll, describe, expect, it } from "vitest";
import {
  closedPort,
  type LoopbackEndpoint,
  startBlackHole,
  startListener,
  tcpReach,
} from "./loopback-net.ts";

// The three kinds of loopback endpoint the benchmark and the probe tests stand on.
const opened: LoopbackEndpoint[] = [];
afterAll(async () => {
  await Promise.all(opened.map((e) => e.close()));
});

describe("loopback endpoints", () => {
  it("a listener is reachable at once", async () => {
    const e = await startListener("127.0.0.1");
    opened.push(e);
    expect(await tcpReach(e.host, e.port, 1000)).toBe("reachable");
  });

  it("a closed port is blocked at once (refused)", async () => {
    const e = await closedPort("127.0.0.2");
    const started = performance.now();
    expect(await tcpReach(e.host, e.port, 1000)).toBe("blocked");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("a black hole is blocked only after the timeout (dropped), again and again", async () => {
    const e = await startBlackHole("127.0.0.3");
    opened.push(e);
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      expect(await tcpReach(e.host, e.port, 400)).toBe("blocked");
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    }
  });

  it("refuses anything but loopback", async () => {
    await expect(startListener("10.0.0.1")).rejects.toThrow(/not a loopback/);
    await expect(startBlackHole("0.0.0.0")).rejects.toThrow(/not a loopback/);
  });
});

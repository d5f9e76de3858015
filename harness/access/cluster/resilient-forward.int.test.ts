import { connect, createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { ResilientForward } from "./resilient-forward.ts";

// Real loopback sockets: an echo server stands for the pod, a small TCP proxy for
// `kubectl port-forward`, which the test kills the way kubectl exits after a stream error.
const servers: Server[] = [];
const listen = (server: Server) =>
  new Promise<number>((resolve) => {
    servers.push(server);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });

function echoThrough(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: "127.0.0.1", port }, () => s.end(text));
    let got = "";
    s.on("data", (d) => (got += d.toString()));
    s.on("close", () => resolve(got));
    s.on("error", reject);
  });
}

afterAll(() => {
  for (const s of servers) s.close();
});

describe("ResilientForward", () => {
  it("restarts a forwarder that died and keeps the same endpoint", async () => {
    const echoPort = await listen(createServer((c) => c.pipe(c)));
    let started = 0;
    let killCurrent = () => {};
    const forward = new ResilientForward({
      start: async () => {
        started++;
        let alive = true;
        const proxy = createServer({ allowHalfOpen: true }, (c) => {
          const up = connect({ host: "127.0.0.1", port: echoPort, allowHalfOpen: true });
          c.pipe(up).pipe(c);
        });
        const port = await listen(proxy);
        killCurrent = () => {
          alive = false;
          proxy.close();
        };
        return { port, alive: () => alive, stop: async () => killCurrent() };
      },
    });
    const endpoint = await forward.listen();
    expect(await echoThrough(endpoint, "one")).toBe("one");
    killCurrent();
    expect(await echoThrough(endpoint, "two")).toBe("two");
    expect(forward.restarts).toBe(1);
    expect(started).toBe(2);
    await forward.close();
  });
});

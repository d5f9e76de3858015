import { connect, createServer, isIP } from "node:net";
import { Worker } from "node:worker_threads";
import type { Reachability } from "../model/run-record.ts";

/**
 * Real loopback TCP endpoints for the benchmark and the integration tests: an accepting
 * listener (reachable), a closed port (refused: blocked fast) and a black hole (a listener
 * whose accept queue is full, so new SYNs are dropped and connects time out, as a policy that
 * drops packets does). Only 127.0.0.0/8 is ever used.
 */

const assertLoopback = (host: string): void => {
  if (isIP(host) !== 4 || !host.startsWith("127.")) throw new Error(`not a loopback IPv4 address: ${host}`);
};

export interface LoopbackEndpoint {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** A bare TCP connect: handshake done → reachable; refused or timed out → blocked. */
export function tcpReach(host: string, port: number, timeoutMs: number): Promise<Reachability> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (r: Reachability) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done("blocked"), timeoutMs);
    socket.once("connect", () => done("reachable"));
    socket.once("error", (err: NodeJS.ErrnoException) =>
      done(
        err.code === "ECONNREFUSED" || err.code === "ECONNRESET" || err.code === "ETIMEDOUT"
          ? "blocked"
          : "error",
      ),
    );
  });
}

export async function startListener(host = "127.0.0.1"): Promise<LoopbackEndpoint> {
  assertLoopback(host);
  return new Promise((resolve, reject) => {
    const server = createServer((s) => s.destroy());
    server.once("error", reject);
    server.listen(0, host, () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      resolve({ host, port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** A port on `host` that was free a moment ago: connects are refused. */
export async function closedPort(host = "127.0.0.1"): Promise<LoopbackEndpoint> {
  const l = await startListener(host);
  await l.close();
  return { host, port: l.port, close: async () => undefined };
}

// Runs in a worker: listens, reports the port, then blocks its own event loop so libuv never
// calls accept(); the kernel's accept queue fills and later SYNs are dropped.
const BLACK_HOLE_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const net = require("node:net");
const flag = new Int32Array(workerData.flag);
const server = net.createServer();
server.listen({ host: workerData.host, port: 0, backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 100);
  server.close();
  parentPort.close();
});
`;

/** A listener that never accepts: after filling its queue, every connect times out. */
export async function startBlackHole(host = "127.0.0.1"): Promise<LoopbackEndpoint> {
  assertLoopback(host);
  const flagBuffer = new SharedArrayBuffer(4);
  const worker = new Worker(BLACK_HOLE_WORKER, { eval: true, workerData: { host, flag: flagBuffer } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  // Connections the kernel completes on its own until the accept queue is full; two connects
  // in a row that do not complete prove it is (one slow connect on a busy machine does not).
  const fillers: ReturnType<typeof connect>[] = [];
  let misses = 0;
  for (let i = 0; i < 256 && misses < 2; i++) {
    const s = connect({ host, port });
    s.on("error", () => undefined);
    const ok = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 300);
      s.once("connect", () => {
        clearTimeout(t);
        resolve(true);
      });
    });
    if (ok) {
      fillers.push(s);
      misses = 0;
    } else {
      s.destroy();
      misses++;
    }
  }
  return {
    host,
    port,
    close: async () => {
      for (const s of fillers) s.destroy();
      Atomics.store(new Int32Array(flagBuffer), 0, 1);
      Atomics.notify(new Int32Array(flagBuffer), 0);
      await new Promise((r) => worker.once("exit", r));
    },
  };
}

import { connect, createServer, type Server, type Socket } from "node:net";

export interface ForwardBackend {
  /** Starts the real forwarder (e.g. kubectl port-forward) and returns its local port. */
  start(): Promise<{ port: number; stop(): Promise<void>; alive(): boolean }>;
}

/**
 * A stable loopback endpoint in front of a forwarder that may die: `kubectl port-forward` exits
 * after some stream errors (a server that closes a connection mid-handshake is enough). Each
 * incoming connection checks the forwarder, restarts it when it is gone, and retries the
 * connect with backoff, so probes never see a half-dead tunnel. Restarts are counted.
 */
export class ResilientForward {
  readonly #backend: ForwardBackend;
  readonly #onRestart: (attempt: number, why: string) => void;
  #server: Server | undefined;
  #current: Promise<{ port: number; stop(): Promise<void>; alive(): boolean }> | undefined;
  restarts = 0;

  constructor(backend: ForwardBackend, onRestart: (attempt: number, why: string) => void = () => {}) {
    this.#backend = backend;
    this.#onRestart = onRestart;
  }

  async listen(): Promise<number> {
    this.#current = this.#backend.start();
    await this.#current;
    this.#server = createServer({ allowHalfOpen: true }, (client) => void this.#handle(client));
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    const address = this.#server.address();
    if (!address || typeof address === "string") throw new Error("forward: no local address");
    return address.port;
  }

  async #backendPort(forceRestart: boolean, why: string): Promise<number> {
    const current = await this.#current?.catch(() => undefined);
    if (!forceRestart && current?.alive()) return current.port;
    await current?.stop().catch(() => undefined);
    this.restarts++;
    this.#onRestart(this.restarts, why);
    this.#current = this.#backend.start();
    return (await this.#current).port;
  }

  async #handle(client: Socket): Promise<void> {
    client.pause();
    client.on("error", () => client.destroy());
    let lastError = "";
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const port = await this.#backendPort(attempt > 0, lastError || "forwarder exited");
        const upstream = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: "127.0.0.1", port, allowHalfOpen: true });
          s.once("connect", () => resolve(s));
          s.once("error", reject);
        });
        // pipe() carries each half-close across; only errors tear both sides down.
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        return;
      } catch (error) {
        lastError = (error as Error).message;
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
    client.destroy();
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    const current = await this.#current?.catch(() => undefined);
    await current?.stop();
  }
}

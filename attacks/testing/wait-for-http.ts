import { http } from "../web/http-client.ts";

/** Polls GET url until `ready(status)` holds; rejects after timeoutMs with the last status seen. */
export async function waitForHttp(
  base: string,
  path: string,
  ready: (status: number) => boolean,
  timeoutMs: number,
  isAlive?: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  for (;;) {
    try {
      const res = await http(base, { path, timeoutMs: 5000 });
      if (ready(res.status)) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (isAlive && !(await isAlive())) throw new Error(`the server died while starting (last: ${last})`);
    if (Date.now() > deadline)
      throw new Error(`${base}${path} not ready after ${timeoutMs} ms (last: ${last})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

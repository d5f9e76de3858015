import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTarget } from "../../attacks/testing/test-target.ts";
import { LocalProbeAccess } from "./local-access.ts";

const target = testTarget();

describe("LocalProbeAccess", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const a = server.address();
    port = typeof a === "object" && a ? a.port : 0;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const access = () =>
    new LocalProbeAccess({ target, endpoints: { redis: { 6379: { host: "127.0.0.1", port } } } });

  it("dials the mapped endpoint from the runner only", async () => {
    const ep = await access().dial("runner", "redis", 6379);
    expect(ep).toMatchObject({ host: "127.0.0.1", port });
    await expect(access().dial("foreign-pod", "redis", 6379)).rejects.toThrow(/not available/);
    await expect(access().dial("runner", "redis", 1)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
  it("reports a listening port reachable and an unmapped one as error", async () => {
    expect(await access().probeTcp("runner", "redis", 6379, 1000)).toBe("reachable");
    expect(await access().probeTcp("runner", "postgres", 5432, 1000)).toBe("error");
  });
  it("adds one fixture pod per mapped component, labelled with its selector", async () => {
    const snap = await access().snapshot();
    expect(snap.pods).toHaveLength(1);
    expect((snap.pods[0] as { metadata: { labels: unknown } }).metadata.labels).toEqual(
      target.components.redis?.selector,
    );
  });
  it("has no exec and no API unless service-account tokens are simulated", async () => {
    expect((await access().exec("redis", ["id", "-u"])).exitCode).toBeNull();
    expect(await access().canI("t", { verb: "get", resource: "secrets" })).toBeNull();
  });
});

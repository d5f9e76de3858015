import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalProbeAccess } from "../../harness/access/local-access.ts";
import { type LocalRedis, startLocalRedis } from "../testing/local-redis.ts";
import { probeContext } from "../testing/probe-context.ts";
import { startAll } from "../testing/start-all.ts";
import { testTarget } from "../testing/test-target.ts";
import { redisDefaultPassword } from "./redis-default-password.ts";
import { redisNoAuth } from "./redis-no-auth.ts";

const target = testTarget();
const ctxFor = (port: number) =>
  probeContext(
    new LocalProbeAccess({ target, endpoints: { redis: { 6379: { host: "127.0.0.1", port } } } }),
    target,
  );

describe("redis probes against real redis-server", () => {
  let open: LocalRedis;
  let defaultPw: LocalRedis;
  let strong: LocalRedis;
  beforeAll(async () => {
    [open, defaultPw, strong] = (await startAll([
      () => startLocalRedis(),
      () => startLocalRedis({ password: "airflow", renameConfig: true }),
      () => startLocalRedis({ password: "s3cure-Redis-pw-4711" }),
    ])) as [LocalRedis, LocalRedis, LocalRedis];
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), defaultPw?.stop(), strong?.stop()]);
  });

  it("redis-no-auth: vulnerable without requirepass, reports CONFIG", async () => {
    const [f] = await redisNoAuth.run(ctxFor(open.port));
    expect(f?.verdict).toBe("vulnerable");
    expect(f?.summary).toMatch(/available: CONFIG, FLUSHALL, FLUSHDB, DEBUG/);
    expect(f?.evidence[0]?.content).toMatch(/ACL WHOAMI\n< default/);
    expect(f?.location?.valuesKey).toBe("redis.password");
  });

  it("redis-no-auth: secure with requirepass", async () => {
    const [f] = await redisNoAuth.run(ctxFor(strong.port));
    expect(f?.verdict).toBe("secure");
    expect(f?.evidence[0]?.content).toMatch(/NOAUTH/);
  });

  it("redis-default-password: vulnerable when the chart default works; renamed commands are not listed", async () => {
    const [f] = await redisDefaultPassword.run(ctxFor(defaultPw.port));
    expect(f?.verdict).toBe("vulnerable");
    expect(f?.summary).not.toMatch(/CONFIG|FLUSH/);
    expect(f?.evidence[0]?.content).toMatch(/CONFIG renamed or disabled/);
    expect(f?.repro).toContain('-a "$REDIS_PASSWORD"');
  });

  it("redis-default-password: secure with another password", async () => {
    const [f] = await redisDefaultPassword.run(ctxFor(strong.port));
    expect(f?.verdict).toBe("secure");
    expect(f?.evidence[0]?.content).toMatch(/WRONGPASS|invalid/i);
  });

  it("says inconclusive (never secure) when nothing listens on the runner path", async () => {
    const [f] = await redisNoAuth.run(ctxFor(1));
    expect(f?.verdict).toBe("inconclusive");
  });
});

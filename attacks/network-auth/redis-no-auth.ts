import {
  defineProbe,
  deployedSecretsOf,
  hasComponent,
  portOf,
  redact,
  runNetworkCheck,
} from "../probe-kit.ts";
import { redisConversation, redisPingAnswered } from "./redis-session.ts";

export const redisNoAuth = defineProbe({
  id: "redis-no-auth",
  title: "Redis answers without authentication",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-306"],
  attack: ["T1078.001", "T1530"],
  remediation:
    "Require a password for Redis (requirepass or an ACL default user that is off) and give it to clients from a Secret.",
  valuesKeys: ["redis.password", "redis.auth.enabled"],
  description:
    "Connects to the Redis port and sends PING without AUTH. A PONG means anyone who reaches the port can read and change the Celery broker's queues.",
  vantages: ["runner", "foreign-pod", "neighbour-pod"],
  component: "redis",
  appliesTo: hasComponent("redis"),
  run: (ctx, self) =>
    runNetworkCheck({
      meta: self,
      ctx,
      component: "redis",
      port: portOf(ctx.target, "redis", { protocol: "redis", number: 6379 }),
      reproCommand: (ep) => `redis-cli -h ${ep.host} -p ${ep.port} PING`,
      check: async (ep) => {
        const t = await redisConversation(ep);
        const evidence = [
          { label: "redis conversation", content: redact(t.lines.join("\n"), deployedSecretsOf(ctx)) },
        ];
        const repro = `${ep.describe}\nredis-cli -h ${ep.host} -p ${ep.port} PING`;
        if (redisPingAnswered(t))
          return {
            verdict: "vulnerable",
            summary: `PING answered without AUTH${t.whoami ? ` (user ${t.whoami})` : ""}${t.dangerousAvailable?.length ? `; available: ${t.dangerousAvailable.join(", ")}` : ""}`,
            evidence,
            repro,
          };
        return {
          verdict: "secure",
          summary: `Redis refused PING without AUTH: ${t.pingError ?? "no answer"}`,
          evidence,
          repro,
        };
      },
    }),
});

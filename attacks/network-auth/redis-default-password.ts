import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { redisConversation, redisPingAnswered } from "./redis-session.ts";

export const redisDefaultPassword = defineProbe({
  id: "redis-default-password",
  title: "Redis accepts the chart's default password",
  family: "network-auth",
  severity: "critical",
  cwe: ["CWE-1392", "CWE-798"],
  attack: ["T1078.001"],
  remediation: "Set a generated Redis password from an existing Secret instead of the chart default.",
  valuesKeys: ["redis.password", "redis.existingSecret"],
  description:
    "Sends AUTH with the password the chart ships as default, then PING, INFO server, ACL WHOAMI and COMMAND INFO for CONFIG/FLUSHALL/... (read-only; none of those is run).",
  vantages: ["runner", "foreign-pod", "neighbour-pod"],
  component: "redis",
  appliesTo: (_s, t) => t.components.redis !== undefined && t.knownDefaults.redisPassword !== undefined,
  run: (ctx, self) => {
    const password = ctx.target.knownDefaults.redisPassword;
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "redis",
      port: password ? portOf(ctx.target, "redis", { protocol: "redis", number: 6379 }) : undefined,
      check: async (ep) => {
        if (!password)
          return { verdict: "skipped", summary: "the target declares no default Redis password" };
        const t = await redisConversation(ep, { password });
        const evidence = [
          { label: "redis conversation", content: redact(t.lines.join("\n"), deployedSecretsOf(ctx)) },
        ];
        const repro = `${ep.describe}\n# REDIS_PASSWORD: the chart default Redis password (target profile knownDefaults.redisPassword)\nredis-cli -h ${ep.host} -p ${ep.port} -a "$REDIS_PASSWORD" --no-auth-warning PING`;
        const authed = t.lines.includes("< OK");
        if (redisPingAnswered(t) && authed)
          return {
            verdict: "vulnerable",
            summary: `AUTH with the chart default password succeeded${t.dangerousAvailable?.length ? `; available: ${t.dangerousAvailable.join(", ")}` : ""}`,
            evidence,
            repro,
          };
        if (
          redisPingAnswered(t) &&
          t.lines.some((l) => /without any password configured|no password is set/i.test(l))
        )
          // Open without any password: redis-no-auth reports that; the default password is not what lets us in.
          return {
            verdict: "secure",
            summary: "Redis has no password at all, so the default one is not in use (see redis-no-auth)",
            evidence,
            repro,
          };
        if (redisPingAnswered(t))
          return {
            verdict: "inconclusive",
            summary: "PING answered although AUTH was not confirmed",
            evidence,
            repro,
          };
        return {
          verdict: "secure",
          summary: `the chart default password was rejected: ${t.pingError ?? "?"}`,
          evidence,
          repro,
        };
      },
    });
  },
});

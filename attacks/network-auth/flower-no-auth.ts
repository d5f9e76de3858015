import { defineProbe, deployedSecretsOf, portOf, redact, runNetworkCheck } from "../probe-kit.ts";
import { baseUrl, describeExchange, http } from "../web/http-client.ts";

export const flowerNoAuth = defineProbe({
  id: "flower-no-auth",
  title: "Celery Flower answers without authentication",
  family: "network-auth",
  severity: "high",
  cwe: ["CWE-306"],
  attack: ["T1190", "T1078.001"],
  remediation:
    "Give Flower basic auth (or OAuth) from a Secret, or disable it; it can revoke tasks and shut workers down.",
  valuesKeys: ["flower.enabled", "flower.basicAuthSecret", "flower.username"],
  description: "GETs Flower's dashboard and its /api/workers endpoint without credentials.",
  vantages: ["runner", "foreign-pod", "neighbour-pod"],
  component: "flower",
  appliesTo: (_s, t) => t.components.flower !== undefined,
  run: (ctx, self) => {
    const port = portOf(ctx.target, "flower", { names: ["flower", "http"], protocol: "http", number: 5555 });
    return runNetworkCheck({
      meta: self,
      ctx,
      component: "flower",
      port,
      check: async (ep) => {
        const base = baseUrl(ep, port);
        const results = [];
        for (const path of ["/", "/api/workers"]) results.push({ path, res: await http(base, { path }) });
        const evidence = [
          {
            label: "flower",
            content: redact(
              results.map((r) => describeExchange({ path: r.path }, r.res, ["www-authenticate"])).join("\n"),
              deployedSecretsOf(ctx),
            ),
          },
        ];
        const repro = `${ep.describe}\ncurl -s -o /dev/null -w '%{http_code}\\n' ${base}/api/workers`;
        const open = results.filter((r) => r.res.status === 200);
        if (open.length > 0)
          return {
            verdict: "vulnerable",
            summary: `Flower answered 200 without credentials on ${open.map((r) => r.path).join(", ")}`,
            evidence,
            repro,
          };
        if (results.every((r) => r.res.status === 401 || r.res.status === 403))
          return { verdict: "secure", summary: "Flower demands authentication", evidence, repro };
        return {
          verdict: "inconclusive",
          summary: `Flower answered ${results.map((r) => r.res.status).join("/")}`,
          evidence,
          repro,
        };
      },
    });
  },
});

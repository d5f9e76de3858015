import { componentVantage } from "../../harness/model/vantage.ts";
import { runPerComponent } from "../object-check.ts";
import { defineProbe, type Pod } from "../probe-kit.ts";
import { dangerousQuestions } from "./dangerous-questions.ts";
import { serviceAccountOf, tokenMounted } from "./service-accounts.ts";

const TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export const saTokenPrivileges = defineProbe({
  id: "sa-token-privileges",
  title: "A component's own service-account token can do dangerous things",
  family: "identity",
  severity: "high",
  cwe: ["CWE-269", "CWE-250"],
  attack: ["T1552.007", "T1528", "T1609", "T1613"],
  remediation:
    "Bind only the verbs the component needs (no secrets, pods/exec, RBAC writes, impersonation or cluster-wide rights), and do not mount tokens where none is needed.",
  valuesKeys: ["rbac.create", "rbac.events", "*.serviceAccount"],
  description:
    "Reads the token from inside each component's pod and asks the API server (SelfSubjectAccessReview with that token) about dangerous verbs in the release namespace and cluster-wide.",
  run: (ctx, self) =>
    runPerComponent(
      ctx,
      self,
      async (component, pods, snap) => {
        const first = pods[0] as Pod;
        const sa = serviceAccountOf(first);
        const mount = tokenMounted(first, snap);
        const repro = `kubectl -n ${snap.namespace} auth can-i --list --as=system:serviceaccount:${snap.namespace}:${sa}`;
        if (!mount.mounted)
          return {
            verdict: "secure",
            summary: `no token is mounted (${mount.why})`,
            evidence: [{ label: "token", content: mount.why }],
            repro,
          };
        const out = await ctx.access
          .exec(component, ["cat", TOKEN_PATH])
          .catch((e: Error) => ({ exitCode: null, stdout: "", stderr: e.message }));
        if (out.exitCode !== 0) {
          const missing = /No such file|not found/i.test(out.stderr);
          return missing
            ? {
                verdict: "secure",
                summary: `no token at ${TOKEN_PATH}`,
                evidence: [{ label: "exec", content: out.stderr.trim().slice(0, 300) }],
                repro,
              }
            : {
                verdict: "inconclusive",
                summary: `could not read the token inside the pod: ${(out.stderr || "exec unavailable").trim().slice(0, 200)}`,
                repro,
              };
        }
        const token = out.stdout.trim();
        const allowed: string[] = [];
        const unknown: string[] = [];
        const denied: string[] = [];
        for (const { label, q } of dangerousQuestions(snap.namespace)) {
          const answer = await ctx.access.canI(token, q).catch(() => null);
          (answer === true ? allowed : answer === false ? denied : unknown).push(label);
        }
        const evidence = [
          {
            label: `SelfSubjectAccessReview as ${sa}`,
            content: [
              `allowed: ${allowed.join(", ") || "-"}`,
              `denied: ${denied.join(", ") || "-"}`,
              ...(unknown.length ? [`unknown: ${unknown.join(", ")}`] : []),
            ].join("\n"),
          },
        ];
        if (allowed.length)
          return {
            verdict: "vulnerable",
            summary: `the ${component} token may ${allowed.join(", ")}`,
            evidence,
            repro,
          };
        if (unknown.length)
          return {
            verdict: "inconclusive",
            summary: `the API could not answer for: ${unknown.join(", ")}`,
            evidence,
            repro,
          };
        return {
          verdict: "secure",
          summary: "the token may do none of the dangerous verbs",
          evidence,
          repro,
        };
      },
      componentVantage,
    ),
});

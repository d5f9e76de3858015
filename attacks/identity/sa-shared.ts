import { runForRelease } from "../object-check.ts";
import { defineProbe, podsOf } from "../probe-kit.ts";
import { serviceAccountOf } from "./service-accounts.ts";

export const saShared = defineProbe({
  id: "sa-shared",
  title: "One service account shared by several components",
  family: "identity",
  severity: "medium",
  cwe: ["CWE-250", "CWE-269"],
  attack: ["T1078.004", "T1528"],
  remediation: "Give each component its own service account with only the permissions it needs.",
  valuesKeys: ["serviceAccount.name", "*.serviceAccount.name"],
  description:
    "Maps every component's pods to their service accounts; an account used by more than one component is a finding.",
  vantages: ["api"],
  run: (ctx, self) =>
    runForRelease(ctx, self, (snap) => {
      const byAccount = new Map<string, Set<string>>();
      for (const component of Object.keys(ctx.target.components))
        for (const pod of podsOf(snap, ctx.target, component)) {
          const sa = serviceAccountOf(pod);
          byAccount.set(sa, (byAccount.get(sa) ?? new Set()).add(component));
        }
      const lines = [...byAccount].map(([sa, cs]) => `${sa}: ${[...cs].sort().join(", ")}`);
      const shared = [...byAccount].filter(([, cs]) => cs.size > 1);
      const evidence = [{ label: "service accounts", content: lines.join("\n") }];
      const repro = `kubectl -n ${snap.namespace} get pods -o custom-columns=NAME:.metadata.name,SA:.spec.serviceAccountName`;
      if (byAccount.size === 0)
        return { verdict: "inconclusive", summary: "no component pods found", evidence, repro };
      return shared.length
        ? {
            verdict: "vulnerable",
            summary: shared.map(([sa, cs]) => `${sa} is used by ${[...cs].sort().join(", ")}`).join("; "),
            evidence,
            repro,
          }
        : { verdict: "secure", summary: "every service account serves a single component", evidence, repro };
    }),
});

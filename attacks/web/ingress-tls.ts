import { runForRelease } from "../object-check.ts";
import { defineProbe } from "../probe-kit.ts";

interface IngressObject {
  metadata?: { name?: string };
  spec?: { tls?: { hosts?: string[]; secretName?: string }[]; rules?: { host?: string }[] };
}

export const ingressTls = defineProbe({
  id: "ingress-tls",
  title: "Ingress serves the UI without TLS",
  family: "web",
  severity: "high",
  cwe: ["CWE-319"],
  attack: ["T1040", "T1557"],
  remediation:
    "Add a tls: section (certificate Secret) for every host of the Ingress, and HSTS at the ingress controller.",
  valuesKeys: ["ingress.web.tls", "ingress.web.enabled"],
  description: "Every Ingress of the release must have a tls entry covering each of its hosts.",
  vantages: ["api"],
  run: (ctx, self) =>
    runForRelease(ctx, self, (snap) => {
      const ingresses = snap.ingresses as IngressObject[];
      const repro = `kubectl -n ${snap.namespace} get ingress -o jsonpath='{range .items[*]}{.metadata.name} tls={.spec.tls}{"\\n"}{end}'`;
      if (ingresses.length === 0) return { verdict: "skipped", summary: "the release has no Ingress", repro };
      const problems: string[] = [];
      for (const ing of ingresses) {
        const tls = ing.spec?.tls ?? [];
        const covered = new Set(tls.flatMap((t) => t.hosts ?? []));
        if (tls.length === 0) problems.push(`${ing.metadata?.name}: no tls section`);
        else
          for (const r of ing.spec?.rules ?? [])
            if (r.host && !covered.has(r.host))
              problems.push(`${ing.metadata?.name}: host ${r.host} not covered by tls`);
      }
      const evidence = [
        {
          label: "ingresses",
          content: ingresses
            .map((i) => `${i.metadata?.name}: tls=${JSON.stringify(i.spec?.tls ?? [])}`)
            .join("\n"),
        },
      ];
      return problems.length
        ? { verdict: "vulnerable", summary: problems.join("; "), evidence, repro }
        : { verdict: "secure", summary: "every Ingress host has TLS", evidence, repro };
    }),
});

import type { ProbeFamily, ProbeMeta } from "../harness/model/probe.ts";
import type { RunRecord } from "../harness/model/run-record.ts";

/**
 * Probe metadata for the reports: from the record's `probes` (or an extra catalog the caller
 * passes), else a minimal stand-in built from the findings themselves, so a record without
 * metadata still renders.
 */
export class ProbeCatalog {
  readonly #byId = new Map<string, ProbeMeta>();
  readonly #order: string[] = [];

  constructor(record: RunRecord, extra: readonly ProbeMeta[] = []) {
    for (const p of [...(record.probes ?? []), ...extra]) if (!this.#byId.has(p.id)) this.#byId.set(p.id, p);
    // Column order: catalog order for known probes, then first appearance.
    const seen = new Set<string>();
    const used = new Set(record.scenarios.flatMap((s) => s.findings.map((f) => f.probe)));
    for (const id of this.#byId.keys()) if (used.has(id)) seen.add(id);
    for (const s of record.scenarios) for (const f of s.findings) seen.add(f.probe);
    this.#order.push(...seen);
    for (const s of record.scenarios) {
      for (const f of s.findings) {
        if (this.#byId.has(f.probe)) continue;
        this.#byId.set(f.probe, {
          id: f.probe,
          title: f.probe,
          family: guessFamily(f.probe),
          severity: f.severity,
          cwe: [],
          attack: [],
          remediation: f.remediation,
          valuesKeys: f.location?.valuesKey ? [f.location.valuesKey] : [],
          description: f.summary,
        });
      }
    }
  }

  /** Probe ids that produced at least one finding, in column order. */
  get usedIds(): readonly string[] {
    return this.#order;
  }

  get(id: string): ProbeMeta {
    const meta = this.#byId.get(id);
    if (!meta) throw new Error(`no metadata for probe ${id}`);
    return meta;
  }
}

/** Family from the id's shape, only for records that carry no probe metadata. */
function guessFamily(id: string): ProbeFamily {
  if (id.startsWith("pod-")) return "workload";
  if (id.startsWith("sa-")) return "identity";
  if (id.startsWith("netpol-")) return "network-policy";
  if (id.startsWith("image-")) return "supply-chain";
  if (id.startsWith("cookie-") || id === "security-headers" || id === "ingress-tls") return "web";
  if (id.startsWith("secret-") || id.includes("fernet") || id.includes("forg")) return "secrets";
  return "network-auth";
}

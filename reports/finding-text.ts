import type { Finding } from "../harness/model/finding.ts";

/** Where a finding's cause lives, as one line: `file:line (valuesKey)`. */
export function locationText(f: Finding): string | undefined {
  if (!f.location) return undefined;
  const at = f.location.line ? `${f.location.file}:${f.location.line}` : f.location.file;
  return f.location.valuesKey ? `${at} (values key ${f.location.valuesKey})` : at;
}

/** The plain-text body of a finding: summary, where, evidence, repro, remediation. */
export function findingPlainText(f: Finding): string {
  const parts = [`${f.summary}`, `verdict: ${f.verdict}, severity: ${f.severity}`];
  const where = locationText(f);
  if (where) parts.push(`location: ${where}`);
  if (f.attempts && f.attempts > 1) parts.push(`attempts: ${f.attempts}`);
  for (const e of f.evidence) parts.push(`--- evidence: ${e.label} ---\n${e.content}`);
  if (f.repro) parts.push(`--- reproduce ---\n${f.repro}`);
  parts.push(`--- remediation ---\n${f.remediation}`);
  return parts.join("\n");
}

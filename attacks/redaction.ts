// Stand-in with the same signature as reports/redact.ts (owned by the reports engineer);
// swapped for a re-export once that module lands.

/** Replaces each secret (and its base64 form) in the text with "***". */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  const variants = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    variants.add(s);
    variants.add(Buffer.from(s, "utf8").toString("base64"));
    variants.add(encodeURIComponent(s));
  }
  // Longest first so a secret that contains another is replaced whole.
  for (const v of [...variants].sort((a, b) => b.length - a.length)) out = out.split(v).join("***");
  return out;
}

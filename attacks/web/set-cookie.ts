/** One Set-Cookie header, parsed (attribute names lower-cased). */
export interface SetCookie {
  name: string;
  value: string;
  secure: boolean;
  httpOnly: boolean;
  /** As sent ("Lax", "Strict", "None"), or undefined when absent. */
  sameSite: string | undefined;
  attributes: Record<string, string>;
  raw: string;
}

export function parseSetCookie(raw: string): SetCookie | undefined {
  const parts = raw.split(";");
  const first = parts.shift() ?? "";
  const eq = first.indexOf("=");
  if (eq <= 0) return undefined;
  const attributes: Record<string, string> = {};
  for (const p of parts) {
    const i = p.indexOf("=");
    const k = (i < 0 ? p : p.slice(0, i)).trim().toLowerCase();
    if (!k) continue;
    attributes[k] = i < 0 ? "" : p.slice(i + 1).trim();
  }
  return {
    name: first.slice(0, eq).trim(),
    value: first.slice(eq + 1).trim(),
    secure: "secure" in attributes,
    httpOnly: "httponly" in attributes,
    sameSite: attributes.samesite,
    attributes,
    raw,
  };
}

/** The cookie a web app keeps its session in: the named one, else the first that is set. */
export function sessionCookie(headers: string[], name = "session"): SetCookie | undefined {
  const parsed = headers.map(parseSetCookie).filter((c): c is SetCookie => c !== undefined);
  return parsed.find((c) => c.name === name) ?? parsed[0];
}

/** The header with its value replaced, for evidence that shows the attributes only. */
export const describeCookie = (c: SetCookie): string => c.raw.replace(/^([^=]+)=[^;]*/, "$1=***");

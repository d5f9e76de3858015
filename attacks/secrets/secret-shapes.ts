/** Names of settings whose value is itself a credential. */
const SECRET_NAME =
  /(pass(word|wd)?|pwd|secret|secret_?key|token|api_?key|access_?key|private_?key|fernet_?key|fernet|credentials?|auth_?key|conn(ection)?_?(string|uri|url)?|sql_alchemy_conn|broker_url|result_backend)$/i;
/** Connection settings: a finding only when they embed user:password. */
const CONNECTION_NAME = /(conn(ection)?_?(string|uri|url)?|sql_alchemy_conn|broker_url|result_backend)$/i;
/** Names that point at a secret rather than hold one. */
const REFERENCE_NAME =
  /(existing|_file$|file$|path$|_cmd$|cmd$|secret$|secret_?name$|secretname$|name$|ref$|_secret$|_backend_kwargs$|key_?id$)/i;

/** A URL with user:password@ in it (the password part non-empty). */
export const CREDENTIAL_URL = /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i;

/** Whether a name/value pair is a literal credential (not a reference, not empty, not a placeholder). */
export function looksLikeSecret(name: string, value: unknown): boolean {
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (v === "") return false;
  const m = CREDENTIAL_URL.exec(v);
  if (m && !isPlaceholder(m[1] ?? "")) return true;
  const key = name.replace(/[-.]/g, "_");
  if (!SECRET_NAME.test(key)) return false;
  if (REFERENCE_NAME.test(key) && !/(password|fernet_?key|secret_?key)$/i.test(key)) return false;
  if (CONNECTION_NAME.test(key)) return false;
  return !isPlaceholder(v);
}

function isPlaceholder(v: string): boolean {
  return /^(\$\(|\$\{|\{\{|<|changeme$|\*+$|true$|false$|none$|null$)/i.test(v) || v.startsWith("/");
}

/** The literal on the right of `name = value` / `name: value`, or undefined for an expression. */
function literalValue(raw: string): string | undefined {
  const v = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) return quoted[2];
  // Code (calls, subscripts, operators) is not a literal secret.
  return /^[^\s()[\]{}"'`]+$/.test(v) ? v : undefined;
}

/** Lines of an embedded config file (airflow.cfg, .ini, .env, YAML) that hold credentials. */
export function secretLinesIn(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z0-9_.-]+)\s*[:=]\s*(.*?)\s*$/.exec(line);
    const value = m ? literalValue(m[2] ?? "") : undefined;
    if (m && value !== undefined && looksLikeSecret(m[1] ?? "", value)) out.push(m[1] ?? "");
    else if (CREDENTIAL_URL.test(line)) out.push(m?.[1] ?? line.trim().slice(0, 40));
  }
  return out;
}

/**
 * Secret redaction, in two passes.
 *
 * 1. Known values: the harness knows the credentials it read from the release (Secrets, helm
 *    values) and calls `redactText(text, secrets)` before any text enters the run record. Those
 *    values never get stored anywhere, so the record itself cannot carry them.
 * 2. Patterns: text that *looks* like a credential (password=..., Authorization headers, URL
 *    user:pass@, JWTs such as service-account tokens, private-key PEM blocks, AWS keys, cookie
 *    values, `AUTH pw`, `-u user:pw`) is masked. Every report writer runs this pass again over
 *    every string of the record as a safety net.
 *
 * Policy: a chart's *public* default credentials (admin/admin, the shipped fernet key) are masked
 * by the patterns too when they appear in a credential position: it is simpler and safe, and the
 * defaults are in the target profile for whoever needs them. Repro commands that must stay
 * pasteable refer to a shell variable instead (`curl -u "admin:$ADMIN_PASSWORD"`); values that
 * are variable references are left alone.
 */

export const MASK = "***";

/** Values shorter than this are not redacted by value (they would shred ordinary words). */
const MIN_SECRET_LENGTH = 4;

/** Replaces each known secret value, and its base64 and URL-encoded forms, with the mask. */
export function redactValues(text: string, secrets: readonly string[]): string {
  const variants = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    variants.add(s);
    variants.add(Buffer.from(s, "utf8").toString("base64"));
    variants.add(Buffer.from(s, "utf8").toString("base64url"));
    variants.add(encodeURIComponent(s));
  }
  let out = text;
  // Longest first, so a secret that contains another one is replaced whole.
  for (const v of [...variants].sort((a, b) => b.length - a.length)) out = out.split(v).join(MASK);
  return out;
}

/** A value we must not mask: already masked, a boolean/null, or a shell variable reference. */
function keepValue(raw: string): boolean {
  const v = raw.replace(/^["']|["']$/g, "");
  return (
    v === "" ||
    v === MASK ||
    /^(true|false|null|none|yes|no|~)$/i.test(v) ||
    /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|\()/.test(v) ||
    /^<[^>]*>$/.test(v)
  );
}

const SECRET_KEY =
  "[A-Za-z0-9_.-]*?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|fernet[_-]?key|credentials?|requirepass)[A-Za-z0-9_.-]*";
/** Keys that name where a secret lives rather than holding it (secretName, tokenPath, ...). */
const NOT_A_VALUE_KEY =
  /(name|names|ref|keyref|path|file|mount|kind|type|count|length|expir\w*|automount\w*|key_?id)$/i;

type Group = string | undefined;
type Rule = { re: RegExp; replace: (m: string, ...groups: Group[]) => string };

const maskUnlessKept = (m: string, head: Group, value: Group): string =>
  keepValue(value ?? "") ? m : `${head ?? ""}${MASK}`;

// Order matters: whole blocks and structured forms first, the generic key=value last.
const RULES: Rule[] = [
  {
    re: /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----)/g,
    replace: (_m, begin, end) => `${begin}\n${MASK}\n${end}`,
  },
  {
    // scheme://user:password@host
    re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@'"/]+)@/gi,
    replace: (m, head, pw) => `${maskUnlessKept(m.slice(0, -1), head, pw)}@`,
  },
  {
    re: /\b((?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:basic|bearer|token|digest|negotiate)?[ \t]*)([^\s"',;]+)/gi,
    replace: maskUnlessKept,
  },
  {
    // Cookie: a=b; c=d   and   Set-Cookie: session=...; HttpOnly (attributes are kept).
    re: /\b(set-cookie|cookie)(["']?[ \t]*:[ \t]*)([^\r\n]*)/gi,
    replace: (_m, name = "", sep = "", rest = "") => `${name}${sep}${maskCookieValues(name, rest)}`,
  },
  {
    // JWTs, including Kubernetes service-account tokens.
    re: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    replace: () => MASK,
  },
  { re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: () => MASK },
  {
    // curl -u user:pw / --user user:pw
    re: /((?:^|\s)(?:-u|--user)[ \t=]+["']?[^\s:'"]+:)([^\s'"]+)/g,
    replace: maskUnlessKept,
  },
  {
    // A redis AUTH command line (prompt characters allowed before it) with its one or two
    // arguments (password, or user and password): mask both. Prose that starts with AUTH has more words.
    re: /^([ \t>$#"'*\d.:-]*AUTH[ \t]+)(\S+(?:[ \t]+\S+)?)[ \t]*$/gm,
    replace: maskUnlessKept,
  },
  { re: /(redis-cli\b[^\r\n]*?[ \t]-a[ \t]+)(\S+)/g, replace: maskUnlessKept },
  {
    re: /((?:^|\s)--(?:pass|password|token|secret|auth)[ \t=]+)(["']?[^\s'"]+["']?)/g,
    replace: maskUnlessKept,
  },
  {
    re: new RegExp(
      `\\b(${SECRET_KEY})(["']?[ \\t]*[:=][ \\t]*)("[^"\\n]*"|'[^'\\n]*'|[^\\s,;&"'}\\]]+)`,
      "gi",
    ),
    replace: (m, key = "", sep = "", value = "") => {
      if (NOT_A_VALUE_KEY.test(key) || keepValue(value)) return m;
      const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : "";
      return `${key}${sep}${quote}${MASK}${quote}`;
    },
  },
  {
    // `requirepass foo` in a redis.conf or a CONFIG GET answer
    re: /\b(requirepass|masterauth)([ \t]+)(\S+)/gi,
    replace: (m, key, sp, value) => maskUnlessKept(m, `${key}${sp}`, value),
  },
];

const COOKIE_ATTRIBUTES = /^(path|domain|expires|max-age|samesite|secure|httponly|priority|partitioned)$/i;

function maskCookieValues(header: string, rest: string): string {
  const isSetCookie = header.toLowerCase() === "set-cookie";
  return rest
    .split(";")
    .map((part, i) => {
      const eq = part.indexOf("=");
      if (eq < 0) return part;
      const name = part.slice(0, eq);
      // In Set-Cookie only the first pair is the cookie; the rest are attributes to keep.
      if (isSetCookie && i > 0) return part;
      if (COOKIE_ATTRIBUTES.test(name.trim())) return part;
      const value = part.slice(eq + 1);
      return value.trim() === "" || value.trim() === MASK ? part : `${name}=${MASK}`;
    })
    .join(";");
}

/** Masks everything that looks like a credential. Idempotent. */
export function redactPatterns(text: string): string {
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.re, (match: string, ...rest: unknown[]) => {
      // replace() passes (match, ...groups, offset, input[, named]): the groups end at the offset.
      const groups = rest.slice(
        0,
        rest.findIndex((x) => typeof x === "number"),
      ) as Group[];
      return rule.replace(match, ...groups);
    });
  }
  return out;
}

/** The one call the harness makes before text enters the record: known values, then patterns. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return redactPatterns(redactValues(text, secrets));
}

/** Object keys whose string value is itself a secret (e.g. a `--set redis.password=x`). */
const SECRET_VALUE_KEY = new RegExp(`^${SECRET_KEY}$`, "i");

/**
 * A deep copy of any JSON value with every string redacted, and string values under
 * secret-looking keys masked whole. Writers call this on the record before rendering.
 */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === "string") {
      if (key && SECRET_VALUE_KEY.test(key) && !NOT_A_VALUE_KEY.test(key) && !keepValue(v)) return MASK;
      return redactText(v, secrets);
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, undefined));
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, k);
      return out;
    }
    return v;
  };
  return walk(value, undefined) as T;
}

/**
 * Scenario id globs: `*` matches within one path segment, `**` across segments, `?` one
 * character. Anything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*" && glob[i + 1] === "*") {
      out += ".*";
      i++;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

export const matchesGlob = (id: string, glob: string): boolean => globToRegExp(glob).test(id);

/** The ids matching `pattern`, sorted (an exact id matches itself only). */
export function matchIds(pattern: string, ids: Iterable<string>): string[] {
  const all = [...ids];
  if (!isGlob(pattern)) return all.includes(pattern) ? [pattern] : [];
  const re = globToRegExp(pattern);
  return all.filter((id) => re.test(id)).sort();
}

import { isAbsolute, relative, sep } from "node:path";

/** A path relative to `root` with forward slashes, or the absolute path when outside it. */
export function repoRelative(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return absolute;
  return rel.split(sep).join("/");
}

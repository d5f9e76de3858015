import { displayPath, type PathSegment } from "./field-path.ts";
import type { Problem } from "./problem.ts";
import type { YamlSource } from "./yaml-source.ts";

/** A problem located at a field of a parsed file (at its key when `key` is set). */
export function problemAt(
  source: YamlSource,
  segments: PathSegment[],
  message: string,
  fix: string,
  key = false,
): Problem {
  return {
    file: source.display,
    ...source.locate(segments, { key }),
    path: displayPath(segments),
    message,
    fix,
  };
}

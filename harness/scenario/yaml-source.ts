import { readFile } from "node:fs/promises";
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { PathSegment } from "./field-path.ts";
import type { Problem } from "./problem.ts";

/** A parsed YAML file that can point at the line and column of any field. */
export interface YamlSource {
  /** Absolute path. */
  path: string;
  /** The name shown to people. */
  display: string;
  data: unknown;
  /** Line/column (1-based) of the value at `segments`, or of its key when `key` is set. */
  locate(segments: readonly PathSegment[], options?: { key?: boolean }): { line: number; column: number };
}

export type ParsedYaml = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

export async function readYaml(path: string, display: string): Promise<ParsedYaml> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [
        {
          file: display,
          path: "",
          message: code === "ENOENT" ? "file does not exist" : `cannot read file (${code ?? String(error)})`,
          fix: "check the path",
        },
      ],
    };
  }
  return parseYaml(text, path, display);
}

export function parseYaml(text: string, path: string, display: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file: display,
          line: pos.line,
          column: pos.col,
          path: "",
          message: `YAML syntax: ${e.message.split("\n")[0]}`,
          fix:
            e.code === "DUPLICATE_KEY"
              ? "remove one of the two keys"
              : "fix the YAML syntax (indentation, quotes, a missing colon)",
        };
      }),
    };
  }
  if (doc.contents === null) {
    return {
      ok: false,
      problems: [
        {
          file: display,
          line: 1,
          column: 1,
          path: "",
          message: "the file is empty",
          fix: "write a target, scenario or matrix (see scenarios/schema/), or delete the file",
        },
      ],
    };
  }
  const position = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const source: YamlSource = {
    path,
    display,
    data: doc.toJS({ maxAliasCount: 100 }) as unknown,
    locate(segments, options) {
      let node: unknown = doc.contents;
      let last: Node | null = doc.contents;
      for (const [i, segment] of segments.entries()) {
        const isLast = i === segments.length - 1;
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
          );
          if (!pair) break;
          if (isLast && options?.key && isScalar(pair.key)) {
            last = pair.key;
            break;
          }
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          node = node.items[segment];
        } else {
          break;
        }
        if (node && typeof node === "object" && "range" in node) last = node as Node;
        else break;
      }
      return position(last?.range?.[0] ?? 0);
    },
  };
  return { ok: true, source };
}

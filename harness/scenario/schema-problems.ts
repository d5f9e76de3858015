import type { ErrorObject } from "ajv";
import { suggestion } from "./did-you-mean.ts";
import { displayPath, type PathSegment, pointerToSegments } from "./field-path.ts";
import type { Problem } from "./problem.ts";
import type { YamlSource } from "./yaml-source.ts";

interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  pattern?: string;
}

const typeOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "list" : typeof value === "object" ? "map" : typeof value;

const typeWord = (t: string): string =>
  ({ object: "a map (key: value)", array: "a list", string: "a string", integer: "a whole number" })[t] ??
  `a ${t}`;

/** Turns ajv errors into problems that name the line, the field, what is wrong and the fix. */
export function schemaProblems(source: YamlSource, errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    // A failed "if"/"anyOf" wrapper repeats what its branches already said.
    if (error.keyword === "if" || error.keyword === "anyOf" || error.keyword === "oneOf") continue;
    const segments = pointerToSegments(error.instancePath);
    const parent = (error.parentSchema ?? {}) as SchemaNode;
    const at = (segs: PathSegment[], key = false): Pick<Problem, "line" | "column"> => {
      const { line, column } = source.locate(segs, { key });
      return { line, column };
    };
    const problem = (segs: PathSegment[], message: string, fix?: string, key = false): void => {
      problems.push({
        file: source.display,
        ...at(segs, key),
        path: displayPath(segs),
        message,
        ...(fix ? { fix } : {}),
      });
    };
    const hint = parent.description ? ` (${parent.description})` : "";
    switch (error.keyword) {
      case "additionalProperties": {
        const key = String((error.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys(parent.properties ?? {});
        problem(
          [...segments, key],
          `unknown key "${key}"`,
          allowed.length ? suggestion(key, allowed, "key") : "remove it",
          true,
        );
        break;
      }
      case "required": {
        const missing = String((error.params as { missingProperty: string }).missingProperty);
        const spec = parent.properties?.[missing];
        const what = spec?.description ? `: ${spec.description}` : "";
        problem(segments, `missing required field "${missing}"`, `add "${missing}"${what}`);
        break;
      }
      case "type": {
        const wanted = String((error.params as { type: string | string[] }).type).split(",");
        const got = typeOf(error.data);
        const quote =
          wanted.includes("string") && (got === "number" || got === "boolean")
            ? `quote it: "${String(error.data)}" (YAML reads unquoted ${String(error.data)} as a ${got})`
            : `write ${wanted.map(typeWord).join(" or ")} here${hint}`;
        problem(
          segments,
          `must be ${wanted.map(typeWord).join(" or ")}, not ${got === "null" ? "empty" : `a ${got}`}`,
          quote,
        );
        break;
      }
      case "enum": {
        const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
        problem(
          segments,
          `${JSON.stringify(error.data)} is not allowed`,
          suggestion(String(error.data), allowed),
        );
        break;
      }
      case "pattern": {
        const name = (error as { propertyName?: string }).propertyName;
        if (name !== undefined) {
          problem(
            [...segments, name],
            `key "${name}" has the wrong form`,
            parent.description ? `write ${parent.description}` : undefined,
            true,
          );
          break;
        }
        problem(
          segments,
          `${JSON.stringify(error.data)} has the wrong form`,
          parent.description
            ? `write ${parent.description}`
            : `match ${String((error.params as { pattern: string }).pattern)}`,
        );
        break;
      }
      case "propertyNames":
        // ajv reports the offending name in a separate "pattern" error under propertyName; keep one.
        break;
      default: {
        const name = (error as { propertyName?: string }).propertyName;
        if (name !== undefined) {
          problem(
            [...segments, name],
            `key "${name}" ${error.message ?? "is invalid"}`,
            hint.trim() || undefined,
            true,
          );
        } else {
          problem(
            segments,
            error.message ?? `fails ${error.keyword}`,
            parent.description ? `write ${parent.description}` : undefined,
          );
        }
      }
    }
  }
  return problems;
}

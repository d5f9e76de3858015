import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { FileKind } from "./schemas.ts";

/** Folders under scenarios/ that hold no target, scenario or matrix files. */
const IGNORED_TOP = new Set(["schema", "examples-invalid"]);

const YAML = /\.ya?ml$/;

/** What a path means by the layout alone (a "scenario" may turn out to be an expectations list). */
export function kindByLayout(relPath: string): FileKind | undefined {
  const parts = relPath.split("/");
  if (!YAML.test(relPath) || IGNORED_TOP.has(parts[0] ?? "")) return undefined;
  if (parts[0] === "matrices" && parts.length === 2) return "matrix";
  if (parts.length === 2 && parts[1] === "target.yaml") return "target";
  if (parts.length === 2 && /^matrix[^/]*\.ya?ml$/.test(parts[1] ?? "")) return "matrix";
  if (parts.length >= 3 && parts[1] === "scenarios") return "scenario";
  return undefined;
}

/**
 * Every target, scenario and matrix file under the scenarios folder, by the documented layout:
 * <target>/target.yaml, <target>/scenarios/**\/*.yaml, <target>/matrix*.yaml, matrices/*.yaml.
 * Values files, charts, schema/ and examples-invalid/ are not picked up.
 */
export async function discoverFiles(scenariosDir: string): Promise<{ path: string; kind: FileKind }[]> {
  if (!existsSync(scenariosDir)) return [];
  const entries = await readdir(scenariosDir, { recursive: true });
  return entries
    .map((e) => e.split("\\").join("/"))
    .sort()
    .flatMap((rel) => {
      const kind = kindByLayout(rel);
      return kind ? [{ path: resolve(scenariosDir, rel), kind }] : [];
    });
}

/** The kind of a file given by path: the layout first, then its content. */
export function classify(relPath: string | undefined, data: unknown): FileKind {
  if (Array.isArray(data)) return "expectations";
  const byLayout = relPath === undefined ? undefined : kindByLayout(relPath);
  if (byLayout) return byLayout;
  const keys = data && typeof data === "object" ? Object.keys(data) : [];
  if (keys.includes("chart") || keys.includes("components")) return "target";
  if (keys.includes("axes") || (keys.includes("scenarios") && !keys.includes("target"))) return "matrix";
  return "scenario";
}

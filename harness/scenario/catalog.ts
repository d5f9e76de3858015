import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { checkMatrix } from "../matrix/check-matrix.ts";
import type { Scenario } from "../model/scenario.ts";
import { classify, discoverFiles } from "./discover.ts";
import { checkExpectationsSource, loadScenario } from "./load-scenario.ts";
import { loadTarget } from "./load-target.ts";
import type { LoadedMatrix, LoadedScenario, LoadedTarget } from "./loaded.ts";
import { repoRelative } from "./paths.ts";
import { type Problem, ScenarioFilesInvalidError } from "./problem.ts";
import { problemAt } from "./problem-at.ts";
import type { FileKind } from "./schemas.ts";
import { readYaml, type YamlSource } from "./yaml-source.ts";

export interface CatalogOptions {
  /** Absolute project root (repository-relative paths are relative to it). */
  root: string;
  /** Default: <root>/scenarios. */
  scenariosDir?: string;
  /** Files to check besides (or, for problems, instead of) the discovered ones. */
  files?: string[];
  probeIds?: ReadonlySet<string>;
}

/** Every target, base scenario and matrix of the project, and what is wrong with them. */
export interface Catalog {
  root: string;
  targets: Map<string, LoadedTarget>;
  scenarios: Map<string, LoadedScenario>;
  matrices: Map<string, LoadedMatrix>;
  /** The files checked (display names) and their kinds. */
  files: { file: string; kind: FileKind }[];
  /** The files in focus (display names): the given files (folders expanded), or every file. */
  focus: string[];
  /** Problems of the files in focus (the given files, or every file when none were given). */
  problems: Problem[];
}

interface Parsed {
  source: YamlSource;
  kind: FileKind;
}

export async function loadCatalog(options: CatalogOptions): Promise<Catalog> {
  const root = options.root;
  const scenariosDir = options.scenariosDir ?? resolve(root, "scenarios");
  const discovered = await discoverFiles(scenariosDir);
  const explicit = await expandPaths(
    options.files ?? [],
    discovered.map((d) => d.path),
  );
  const byPath = new Map<string, FileKind | undefined>(discovered.map((d) => [d.path, d.kind]));
  for (const f of explicit) if (!byPath.has(f)) byPath.set(f, undefined);

  const problemsOf = new Map<string, Problem[]>();
  const report = (origin: string, problems: Problem[]): void => {
    if (problems.length > 0) problemsOf.set(origin, [...(problemsOf.get(origin) ?? []), ...problems]);
  };
  const parsed: Parsed[] = [];
  const files: Catalog["files"] = [];
  for (const [path, layoutKind] of byPath) {
    const display = repoRelative(root, path);
    const result = await readYaml(path, display);
    if (!result.ok) {
      report(display, result.problems);
      files.push({ file: display, kind: layoutKind ?? "scenario" });
      continue;
    }
    const inScenarios = relative(scenariosDir, path);
    const rel =
      inScenarios.startsWith("..") || isAbsolute(inScenarios) ? undefined : inScenarios.split(sep).join("/");
    const kind = classify(rel, result.source.data);
    parsed.push({ source: result.source, kind });
    files.push({ file: display, kind });
  }
  const ofKind = (kind: FileKind): YamlSource[] => parsed.filter((p) => p.kind === kind).map((p) => p.source);

  const targets = new Map<string, LoadedTarget>();
  for (const source of ofKind("target")) {
    const { target, problems } = loadTarget(source, { root, ...pick(options) });
    report(source.display, problems);
    if (!target) continue;
    const other = targets.get(target.profile.id);
    if (other) {
      report(source.display, [duplicate(source, "target", target.profile.id, other.file)]);
    } else targets.set(target.profile.id, target);
  }

  const ctx = { root, targets, ...pick(options) };
  const scenarios = new Map<string, LoadedScenario>();
  // Ids of scenarios that parsed but have problems: matrices naming them are not wrong too.
  const scenarioIds = new Set<string>();
  for (const source of ofKind("scenario")) {
    const { loaded, id, problems } = await loadScenario(source, ctx);
    if (id) scenarioIds.add(id);
    report(source.display, problems);
    if (!loaded) continue;
    const other = scenarios.get(loaded.scenario.id);
    if (other) report(source.display, [duplicate(source, "scenario", loaded.scenario.id, other.file)]);
    else scenarios.set(loaded.scenario.id, loaded);
  }

  for (const source of ofKind("expectations")) {
    const targetId = relative(scenariosDir, source.path).split(/[\\/]/)[0] ?? "";
    report(source.display, checkExpectationsSource(source, ctx, targets.get(targetId)?.profile).problems);
  }

  const matrices = new Map<string, LoadedMatrix>();
  for (const source of ofKind("matrix")) {
    const { spec, problems } = checkMatrix(source, scenarioIds);
    report(source.display, problems);
    if (!spec) continue;
    const other = matrices.get(spec.name);
    if (other) report(source.display, [duplicate(source, "matrix", spec.name, other.file)]);
    else matrices.set(spec.name, { spec, file: source.display });
  }

  const focus = explicit.length > 0 ? explicit.map((f) => repoRelative(root, f)) : files.map((f) => f.file);
  const problems = dedupe(focus.flatMap((f) => problemsOf.get(f) ?? []));
  return { root, targets, scenarios, matrices, files, focus, problems };
}

/**
 * Given paths, with folders expanded: to the target/scenario/matrix files found under them by
 * the layout, or, for a folder outside the layout (like examples-invalid/), its own YAML files.
 */
async function expandPaths(paths: string[], discovered: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths.map((f) => resolve(f))) {
    const info = await stat(p).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(p);
      continue;
    }
    const inside = discovered.filter((d) => d.startsWith(`${p}${sep}`));
    if (inside.length > 0) out.push(...inside);
    else {
      const names = (await readdir(p)).filter((n) => /\.ya?ml$/.test(n)).sort();
      out.push(...names.map((n) => join(p, n)));
    }
  }
  return [...new Set(out)];
}

const pick = (o: CatalogOptions): { probeIds?: ReadonlySet<string> } =>
  o.probeIds ? { probeIds: o.probeIds } : {};

function duplicate(source: YamlSource, noun: string, id: string, firstFile: string): Problem {
  const field = noun === "matrix" ? "name" : "id";
  return problemAt(
    source,
    [field],
    `duplicate ${noun} ${field} "${id}" (already defined in ${firstFile})`,
    `give one of them a different ${field}`,
  );
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The catalog, or a ScenarioFilesInvalidError (exit 2) listing every problem. */
export async function loadValidCatalog(options: CatalogOptions): Promise<Catalog> {
  const catalog = await loadCatalog(options);
  if (catalog.problems.length > 0) throw new ScenarioFilesInvalidError(catalog.problems);
  return catalog;
}

export const baseScenarios = (catalog: Catalog): Map<string, Scenario> =>
  new Map([...catalog.scenarios].map(([id, s]) => [id, s.scenario]));

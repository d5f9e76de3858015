import { existsSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import type { ClusterOptions, Expectation, Scenario } from "../model/scenario.ts";
import { checkExpectations } from "./check-expectations.ts";
import { checkScenarioRefs } from "./check-scenario-refs.ts";
import { suggestion } from "./did-you-mean.ts";
import type { CheckContext, LoadedScenario } from "./loaded.ts";
import { repoRelative } from "./paths.ts";
import type { Problem } from "./problem.ts";
import { problemAt } from "./problem-at.ts";
import { schemaProblems } from "./schema-problems.ts";
import { validateAgainst } from "./schemas.ts";
import { readYaml, type YamlSource } from "./yaml-source.ts";

export const DEFAULT_CLUSTER: ClusterOptions = { kubernetesVersion: "1.34.4", networkPolicy: "kube-router" };

/** A scenario file as written (schema-valid). */
export interface RawScenario {
  id?: string;
  target: string;
  description?: string;
  values?: string[];
  set?: Record<string, string | number | boolean>;
  cluster?: Partial<ClusterOptions>;
  expectations?: Expectation[];
  expectationsFile?: string;
  allowUndecided?: string[];
  probes?: { include?: string[]; exclude?: string[] };
  networkIntent?: Record<string, "allow" | "deny">;
  installTimeoutSeconds?: number;
}

const SCENARIO_ID = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/;

/** The id a scenario gets when its file does not set one: <target>/<file name without .yaml>. */
export const defaultScenarioId = (target: string, file: string): string =>
  `${target}/${basename(file, extname(file))}`;

/** Checks a parsed scenario file, merges its expectations file and applies the defaults. */
export async function loadScenario(
  source: YamlSource,
  ctx: CheckContext,
): Promise<{ loaded?: LoadedScenario; id?: string; problems: Problem[] }> {
  const schemaErrors = validateAgainst("scenario", source.data);
  if (schemaErrors.length > 0) return { problems: schemaProblems(source, schemaErrors) };
  const raw = source.data as RawScenario;
  const problems: Problem[] = [];
  const here = dirname(source.path);

  const loadedTarget = ctx.targets.get(raw.target);
  if (!loadedTarget) {
    problems.push(
      problemAt(
        source,
        ["target"],
        `unknown target "${raw.target}" (no valid scenarios/${raw.target}/target.yaml)`,
        ctx.targets.size > 0
          ? suggestion(raw.target, ctx.targets.keys(), "target")
          : "create the target profile first, or fix the errors in it",
      ),
    );
  }
  const target = loadedTarget?.profile;

  const valuesFiles: string[] = [];
  for (const [i, v] of (raw.values ?? []).entries()) {
    const abs = resolve(here, v);
    if (!existsSync(abs)) {
      problems.push(
        problemAt(
          source,
          ["values", i],
          `values file "${v}" does not exist (looked at ${repoRelative(ctx.root, abs)})`,
          "give a path relative to this scenario file",
        ),
      );
    }
    valuesFiles.push(repoRelative(ctx.root, abs));
  }

  let fileExpectations: Expectation[] = [];
  let expectationsFile: string | undefined;
  if (raw.expectationsFile !== undefined) {
    const abs = resolve(here, raw.expectationsFile);
    expectationsFile = repoRelative(ctx.root, abs);
    if (!existsSync(abs)) {
      problems.push(
        problemAt(
          source,
          ["expectationsFile"],
          `expectations file "${raw.expectationsFile}" does not exist`,
          "give a path relative to this scenario file",
        ),
      );
    } else {
      const result = await loadExpectationsFile(abs, expectationsFile, ctx, target);
      problems.push(...result.problems);
      fileExpectations = result.expectations;
    }
  }
  problems.push(...checkExpectations(source, ["expectations"], raw.expectations ?? [], target, ctx.probeIds));
  problems.push(...checkScenarioRefs(source, raw, target, ctx.probeIds));

  const id = raw.id ?? defaultScenarioId(raw.target, source.path);
  if (raw.id === undefined && !SCENARIO_ID.test(id)) {
    problems.push(
      problemAt(
        source,
        ["target"],
        `the id taken from the file name, "${id}", is not lower-case <target>/<name>`,
        "rename the file (lower case, digits, . _ -) or set id: explicitly",
      ),
    );
  }
  const scenario: Scenario = {
    id,
    target: raw.target,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    valuesFiles,
    set: Object.fromEntries(Object.entries(raw.set ?? {}).map(([k, v]) => [k, String(v)])),
    cluster: { ...DEFAULT_CLUSTER, ...raw.cluster },
    // File first, inline after: with equal specificity the later (inline) one wins.
    expectations: [...fileExpectations, ...(raw.expectations ?? [])],
    ...(raw.allowUndecided ? { allowUndecided: raw.allowUndecided } : {}),
    ...(raw.probes ? { probes: raw.probes } : {}),
    ...(raw.networkIntent ? { networkIntent: raw.networkIntent } : {}),
    ...(raw.installTimeoutSeconds !== undefined ? { installTimeoutSeconds: raw.installTimeoutSeconds } : {}),
  };
  if (problems.length > 0) return { id: scenario.id, problems };
  return {
    id: scenario.id,
    loaded: { scenario, file: source.display, ...(expectationsFile ? { expectationsFile } : {}) },
    problems,
  };
}

/** Reads and checks a YAML list of expectations (its problems name that file). */
export async function loadExpectationsFile(
  abs: string,
  display: string,
  ctx: Pick<CheckContext, "probeIds">,
  target: Parameters<typeof checkExpectations>[3],
): Promise<{ expectations: Expectation[]; problems: Problem[] }> {
  const parsed = await readYaml(abs, display);
  if (!parsed.ok) return { expectations: [], problems: parsed.problems };
  return checkExpectationsSource(parsed.source, ctx, target);
}

export function checkExpectationsSource(
  source: YamlSource,
  ctx: Pick<CheckContext, "probeIds">,
  target: Parameters<typeof checkExpectations>[3],
): { expectations: Expectation[]; problems: Problem[] } {
  const errors = validateAgainst("expectations", source.data);
  if (errors.length > 0) return { expectations: [], problems: schemaProblems(source, errors) };
  const expectations = source.data as Expectation[];
  return { expectations, problems: checkExpectations(source, [], expectations, target, ctx.probeIds) };
}

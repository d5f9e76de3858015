import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { TargetProfile } from "../model/scenario.ts";
import { probeFix } from "./check-expectations.ts";
import type { CheckContext, LoadedTarget } from "./loaded.ts";
import { repoRelative } from "./paths.ts";
import type { Problem } from "./problem.ts";
import { problemAt } from "./problem-at.ts";
import { schemaProblems } from "./schema-problems.ts";
import { validateAgainst } from "./schemas.ts";
import type { YamlSource } from "./yaml-source.ts";

/** Checks a parsed target.yaml and resolves chart.path to a repository-relative path. */
export function loadTarget(
  source: YamlSource,
  ctx: Pick<CheckContext, "root" | "probeIds">,
): { target?: LoadedTarget; problems: Problem[] } {
  const schemaErrors = validateAgainst("target", source.data);
  if (schemaErrors.length > 0) return { problems: schemaProblems(source, schemaErrors) };
  const raw = source.data as TargetProfile;
  const problems: Problem[] = [];
  const problem = (segs: (string | number)[], message: string, fix: string, key = false): void => {
    problems.push(problemAt(source, segs, message, fix, key));
  };

  const sources = (["repo", "oci", "path"] as const).filter((k) => raw.chart[k] !== undefined);
  if (sources.length !== 1) {
    problem(
      ["chart"],
      sources.length === 0
        ? "the chart has no source"
        : `the chart has ${sources.length} sources (${sources.join(", ")})`,
      "give exactly one of chart.repo (Helm repository URL), chart.oci (oci://...) or chart.path",
    );
  }
  const chart = { ...raw.chart };
  if (raw.chart.path !== undefined) {
    const abs = resolve(dirname(source.path), raw.chart.path);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      problem(
        ["chart", "path"],
        `chart folder "${raw.chart.path}" does not exist`,
        "give a folder relative to this file",
      );
    }
    chart.path = repoRelative(ctx.root, abs);
  }
  if (basename(source.path) === "target.yaml") {
    const folder = basename(dirname(source.path));
    if (folder !== raw.id) {
      problem(
        ["id"],
        `id "${raw.id}" differs from its folder "${folder}"`,
        `set id: ${folder} (or rename the folder)`,
      );
    }
  }
  if (ctx.probeIds) {
    for (const probe of Object.keys(raw.locations ?? {})) {
      if (!ctx.probeIds.has(probe)) {
        problem(["locations", probe], `unknown probe "${probe}"`, probeFix(probe, ctx.probeIds), true);
      }
    }
  }
  const profile: TargetProfile = {
    ...raw,
    chart,
    knownDefaults: raw.knownDefaults ?? {},
    credentials: raw.credentials ?? {},
    locations: raw.locations ?? {},
  };
  // Problems found past the schema are reported, but the profile still serves its scenarios
  // (one bad locations entry must not turn every scenario into "unknown target").
  return { target: { profile, file: source.display }, problems };
}

import type { Expectation, TargetProfile } from "../model/scenario.ts";
import { isVantage } from "../model/vantage.ts";
import { isIsoDate } from "./dates.ts";
import { didYouMean, suggestion } from "./did-you-mean.ts";
import type { PathSegment } from "./field-path.ts";
import type { Problem } from "./problem.ts";
import { problemAt } from "./problem-at.ts";
import type { YamlSource } from "./yaml-source.ts";

/** Components an expectation may name: the profile's, plus "release" for release-wide checks. */
export const componentNames = (target: TargetProfile | undefined): string[] =>
  target ? [...Object.keys(target.components), "release"] : [];

/**
 * Semantic checks of a list of (schema-valid) expectations: known probe, known component and
 * vantage, a reason for every accepted weakness, a real expiry date.
 */
export function checkExpectations(
  source: YamlSource,
  base: PathSegment[],
  expectations: Expectation[],
  target: TargetProfile | undefined,
  probeIds: ReadonlySet<string> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const components = componentNames(target);
  const firstIndex = new Map<string, number>();
  for (const [i, e] of expectations.entries()) {
    const at = (field: string, message: string, fix: string): void => {
      problems.push(problemAt(source, [...base, i, field], message, fix));
    };
    const key = `${e.probe}|${e.component ?? "*"}|${e.vantage ?? "*"}`;
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      at(
        "probe",
        `repeats the expectation at index ${earlier} (same probe, component and vantage)`,
        "keep one of them: with two, only the later one counts",
      );
    } else firstIndex.set(key, i);
    if (probeIds && !probeIds.has(e.probe)) {
      at("probe", `unknown probe "${e.probe}"`, probeFix(e.probe, probeIds));
    }
    if (target && e.component !== undefined && !components.includes(e.component)) {
      at(
        "component",
        `unknown component "${e.component}" (target ${target.id} has ${components.join(", ")})`,
        suggestion(e.component, components, "component"),
      );
    }
    if (e.vantage !== undefined) {
      const named = e.vantage.startsWith("component:") ? e.vantage.slice("component:".length) : undefined;
      if (!isVantage(e.vantage)) {
        at(
          "vantage",
          `unknown vantage "${e.vantage}"`,
          "use runner, foreign-pod, neighbour-pod, api or component:<name>",
        );
      } else if (target && named !== undefined && !(named in target.components)) {
        at(
          "vantage",
          `vantage names unknown component "${named}"`,
          suggestion(named, Object.keys(target.components), "component"),
        );
      }
    }
    if (e.verdict !== "secure" && (e.reason === undefined || e.reason.trim() === "")) {
      at(
        "verdict",
        `expectation "${e.verdict}" for ${e.probe} has no reason`,
        'add reason: "<why this is accepted>" (every exception to "secure" must say why)',
      );
    }
    if (e.expires !== undefined && !isIsoDate(e.expires)) {
      at(
        "expires",
        `"${e.expires}" is not a real date`,
        'write a calendar date as YYYY-MM-DD, quoted, e.g. "2027-01-31"',
      );
    }
  }
  return problems;
}

/** "did you mean" for a probe id, else where the ids are listed (the catalog is too long to print). */
export function probeFix(id: string, probeIds: ReadonlySet<string>): string {
  const best = didYouMean(id, probeIds);
  return best ? `did you mean "${best}"?` : "use a probe id from `chartprobe probes list`";
}

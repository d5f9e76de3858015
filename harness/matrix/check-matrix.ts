import { suggestion } from "../scenario/did-you-mean.ts";
import type { Problem } from "../scenario/problem.ts";
import { problemAt } from "../scenario/problem-at.ts";
import { schemaProblems } from "../scenario/schema-problems.ts";
import { validateAgainst } from "../scenario/schemas.ts";
import type { YamlSource } from "../scenario/yaml-source.ts";
import { isGlob, matchIds } from "./glob.ts";
import type { MatrixSpec } from "./matrix-spec.ts";

/** Schema check, then every scenario pattern and include must name known base scenarios. */
export function checkMatrix(
  source: YamlSource,
  scenarioIds: ReadonlySet<string>,
): { spec?: MatrixSpec; problems: Problem[] } {
  const errors = validateAgainst("matrix", source.data);
  if (errors.length > 0) return { problems: schemaProblems(source, errors) };
  const spec = source.data as MatrixSpec;
  const problems: Problem[] = [];
  const unknown = (segments: (string | number)[], pattern: string): void => {
    problems.push(
      problemAt(
        source,
        segments,
        `"${pattern}" matches no scenario`,
        isGlob(pattern)
          ? "check the glob (`chartprobe scenarios list` shows the ids)"
          : suggestion(pattern, scenarioIds, "scenario id"),
      ),
    );
  };
  for (const [i, pattern] of spec.scenarios.entries()) {
    if (matchIds(pattern, scenarioIds).length === 0) unknown(["scenarios", i], pattern);
  }
  for (const [i, inc] of (spec.include ?? []).entries()) {
    if (matchIds(inc.scenario, scenarioIds).length === 0) unknown(["include", i, "scenario"], inc.scenario);
  }
  return problems.length > 0 ? { problems } : { spec, problems };
}

import type { TargetProfile } from "../model/scenario.ts";
import { probeFix } from "./check-expectations.ts";
import { suggestion } from "./did-you-mean.ts";
import type { Problem } from "./problem.ts";
import { problemAt } from "./problem-at.ts";
import type { YamlSource } from "./yaml-source.ts";

interface ScenarioRefs {
  allowUndecided?: string[];
  probes?: { include?: string[]; exclude?: string[] };
  networkIntent?: Record<string, string>;
}

/** Probe ids in allowUndecided/probes and the components and ports named by networkIntent. */
export function checkScenarioRefs(
  source: YamlSource,
  raw: ScenarioRefs,
  target: TargetProfile | undefined,
  probeIds: ReadonlySet<string> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const probeList = (segments: (string | number)[], ids: string[] | undefined, star: boolean): void => {
    if (!probeIds) return;
    for (const [i, id] of (ids ?? []).entries()) {
      if ((star && id === "*") || probeIds.has(id)) continue;
      problems.push(
        problemAt(
          source,
          [...segments, i],
          `unknown probe "${id}"`,
          `${probeFix(id, probeIds)}${star ? ' (or "*" for all)' : ""}`,
        ),
      );
    }
  };
  probeList(["allowUndecided"], raw.allowUndecided, true);
  probeList(["probes", "include"], raw.probes?.include, false);
  probeList(["probes", "exclude"], raw.probes?.exclude, false);

  if (!target) return problems;
  const components = Object.keys(target.components);
  for (const key of Object.keys(raw.networkIntent ?? {})) {
    const [sourcePart = "", destination = ""] = key.split("->");
    const at = (message: string, fix: string): void => {
      problems.push(problemAt(source, ["networkIntent", key], message, fix, true));
    };
    if (sourcePart.startsWith("component:")) {
      const name = sourcePart.slice("component:".length);
      if (!(name in target.components))
        at(`unknown source component "${name}"`, suggestion(name, components, "component"));
    }
    const [name = "", port = ""] = destination.split(":");
    const spec = target.components[name];
    if (!spec) {
      at(`unknown destination component "${name}"`, suggestion(name, components, "component"));
    } else if (!spec.ports.some((p) => String(p.port) === port || p.name === port)) {
      at(
        `component "${name}" has no port "${port}"`,
        `use one of: ${spec.ports.map((p) => `${p.port} (${p.name})`).join(", ") || "(it declares no ports)"}`,
      );
    }
  }
  return problems;
}

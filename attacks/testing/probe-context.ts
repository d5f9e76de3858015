import type { ProbeAccess } from "../../harness/model/access.ts";
import type { ProbeContext } from "../../harness/model/probe.ts";
import type { TargetProfile } from "../../harness/model/scenario.ts";
import { testScenario } from "./test-target.ts";

/** A probe context over the given access, with a quiet logger and no cancellation. */
export function probeContext(access: ProbeAccess, target: TargetProfile): ProbeContext<ProbeAccess> {
  return {
    scenario: testScenario(),
    target,
    access,
    log: { debug: () => undefined, info: () => undefined },
    signal: new AbortController().signal,
    location: (id) => {
      const l = target.locations[id];
      if (!l) return undefined;
      return l.file
        ? { file: l.file, valuesKey: l.valuesKey }
        : { file: "values.yaml", valuesKey: l.valuesKey };
    },
  };
}

export function b64(s: string): string {
  return Buffer.from(s, "utf8").toString("base64");
}

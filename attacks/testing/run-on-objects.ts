import { LocalProbeAccess } from "../../harness/access/local-access.ts";
import type { ReleaseSnapshot } from "../../harness/model/access.ts";
import type { Finding } from "../../harness/model/finding.ts";
import type { TargetProfile } from "../../harness/model/scenario.ts";
import type { AccessProbe } from "../probe-kit.ts";
import { probeContext } from "./probe-context.ts";

/** Runs a probe over fixture objects only (no network endpoints). */
export function runOnObjects(
  probe: AccessProbe,
  target: TargetProfile,
  snapshot: Partial<ReleaseSnapshot>,
  options: { serviceAccountTokens?: boolean } = {},
): Promise<Finding[]> {
  const access = new LocalProbeAccess({ target, endpoints: {}, snapshot, ...options });
  return probe.run(probeContext(access, target));
}

export const verdicts = (fs: Finding[]): Record<string, string> =>
  Object.fromEntries(fs.map((f) => [`${f.component}|${f.vantage}`, f.verdict]));

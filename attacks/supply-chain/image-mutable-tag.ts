import { containersOf } from "../object-check.ts";
import { defineProbe } from "../probe-kit.ts";
import { runContainerRule } from "../workload/container-rule.ts";

export const imageMutableTag = defineProbe({
  id: "image-mutable-tag",
  title: "Image referenced by a mutable tag instead of a digest",
  family: "supply-chain",
  severity: "low",
  cwe: ["CWE-494", "CWE-829"],
  attack: ["T1525", "T1195.002"],
  remediation:
    "Pin every image by digest (repository@sha256:...), in values or with a policy that resolves tags.",
  valuesKeys: ["*.image.tag", "images"],
  description: "Every container image must be referenced as name@sha256:<digest>.",
  vantages: ["api"],
  run: (ctx, self) =>
    runContainerRule(ctx, self, {
      container: (c) =>
        /@sha256:[0-9a-f]{64}$/.test(c.image ?? "")
          ? undefined
          : `image ${c.image ?? "(none)"} has no digest`,
      secureSummary: "every image is pinned by digest",
      show: (pod) => containersOf(pod).map(({ c }) => c.image),
      jsonpath: "{.spec.containers[*].image}",
    }),
});

import { containersOf, kubectlPod, runPerComponent } from "../object-check.ts";
import { defineProbe, type Pod } from "../probe-kit.ts";
import { effective, securityContexts } from "./container-rule.ts";

export const podRunsAsRoot = defineProbe({
  id: "pod-runs-as-root",
  title: "Container runs as root (uid 0)",
  family: "workload",
  severity: "medium",
  cwe: ["CWE-250"],
  attack: ["T1611"],
  remediation: "Set runAsNonRoot: true and a non-zero runAsUser in the pod securityContext.",
  valuesKeys: ["*.securityContext.runAsUser", "*.podSecurityContext.runAsNonRoot"],
  description:
    "Resolves each container's uid from its securityContext; when the spec leaves it to the image, asks the running container (`id -u`).",
  vantages: ["api"],
  run: (ctx, self) =>
    runPerComponent(ctx, self, async (component, pods, snap) => {
      const first = pods[0] as Pod;
      const issues: string[] = [];
      const unknown: string[] = [];
      const notes: string[] = [];
      for (const { c } of containersOf(first, { init: false })) {
        const uid = effective(c, first, "runAsUser");
        if (uid === 0) {
          issues.push(`${c.name}: runAsUser 0`);
          continue;
        }
        if (typeof uid === "number") {
          notes.push(`${c.name}: runAsUser ${uid}`);
          continue;
        }
        if (effective(c, first, "runAsNonRoot") === true) {
          notes.push(`${c.name}: runAsNonRoot true (kubelet refuses uid 0)`);
          continue;
        }
        // The image decides: ask the container itself.
        const out = await ctx.access
          .exec(component, ["id", "-u"], c.name)
          .catch((e: Error) => ({ exitCode: null, stdout: "", stderr: e.message }));
        const seen = out.exitCode === 0 ? out.stdout.trim() : "";
        if (/^\d+$/.test(seen)) {
          notes.push(`${c.name}: \`id -u\` → ${seen}`);
          if (seen === "0") issues.push(`${c.name}: runs as uid 0 (image default)`);
        } else
          unknown.push(
            `${c.name}: uid left to the image and \`id -u\` failed (${(out.stderr || "no output").trim().slice(0, 120)})`,
          );
      }
      const evidence = [
        { label: "uids", content: [...issues, ...notes, ...unknown].join("\n") },
        { label: "spec", content: JSON.stringify(securityContexts(first)).slice(0, 1500) },
      ];
      const repro = `${kubectlPod(snap.namespace, first, "{.spec.securityContext.runAsUser} {.spec.containers[*].securityContext.runAsUser}")}\nkubectl -n ${snap.namespace} exec ${first.metadata?.name ?? "POD"} -- id -u`;
      if (issues.length) return { verdict: "vulnerable", summary: issues.join("; "), evidence, repro };
      if (unknown.length) return { verdict: "inconclusive", summary: unknown.join("; "), evidence, repro };
      return { verdict: "secure", summary: "no container runs as uid 0", evidence, repro };
    }),
});

import { exec } from "../exec.ts";
import type { Kubectl } from "../kube/kubectl.ts";
import type { Diagnostic } from "../model/run-record.ts";

const MAX = 20_000;
const clip = (text: string): string =>
  text.length > MAX ? `${text.slice(0, MAX)}\n… (${text.length - MAX} more characters)` : text;

/**
 * What a person needs to see why an install failed: events, describe of pods that are not
 * ready, their recent logs, and helm's status. Each piece is collected on its own; one that
 * fails is noted and the others are still gathered.
 */
export async function collectDiagnostics(
  kubectl: Kubectl,
  helm: string,
  namespace: string,
  release: string,
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const grab = async (kind: Diagnostic["kind"], name: string, run: () => Promise<string>) => {
    try {
      out.push({ kind, name, content: clip(await run()) });
    } catch (error) {
      out.push({ kind, name, content: `could not collect: ${(error as Error).message.split("\n")[0]}` });
    }
  };
  await grab(
    "events",
    `events in ${namespace}`,
    async () =>
      (
        await kubectl.run(["-n", namespace, "get", "events", "--sort-by=.lastTimestamp"], {
          allowFailure: true,
        })
      ).stdout,
  );
  const pods = await kubectl
    .json<{
      items: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[];
    }>(["-n", namespace, "get", "pods"])
    .catch(() => ({ items: [] }));
  const notReady = pods.items.filter(
    (p) => !(p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
  );
  for (const pod of notReady.slice(0, 8)) {
    const name = pod.metadata.name;
    await grab(
      "describe",
      `pod/${name}`,
      async () =>
        (await kubectl.run(["-n", namespace, "describe", "pod", name], { allowFailure: true })).stdout,
    );
    await grab("logs", `pod/${name}`, async () => {
      const r = await kubectl.run(
        ["-n", namespace, "logs", name, "--all-containers", "--tail=80", "--prefix"],
        { allowFailure: true },
      );
      return r.stdout || r.stderr;
    });
  }
  await grab("helm-status", `helm status ${release}`, async () => {
    const r = await exec(helm, ["--kubeconfig", kubectl.kubeconfig, "-n", namespace, "status", release], {
      allowFailure: true,
    });
    return r.stdout || r.stderr;
  });
  return out;
}

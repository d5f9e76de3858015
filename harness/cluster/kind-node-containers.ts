import { exec } from "../exec.ts";

/**
 * The docker containers of a kind cluster's nodes, found by kind's own label: the one place
 * that knows how, for delete, `clean` and the tests that check nothing is left.
 */
export async function kindNodeContainers(docker: string, cluster: string): Promise<string[]> {
  const r = await exec(
    docker,
    ["ps", "-a", "--filter", `label=io.x-k8s.kind.cluster=${cluster}`, "--format", "{{.Names}}"],
    { timeoutMs: 30_000 },
  );
  return r.stdout.split("\n").filter(Boolean);
}

/** Removes node containers kind did not (or could not) delete. */
export async function removeKindNodeContainers(docker: string, cluster: string): Promise<void> {
  const names = await kindNodeContainers(docker, cluster);
  if (names.length > 0)
    await exec(docker, ["rm", "-f", "-v", ...names], { allowFailure: true, timeoutMs: 120_000 });
}

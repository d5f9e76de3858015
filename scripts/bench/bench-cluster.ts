// Prints the provisioning and cluster figures of issue 3: cold build times (recorded by the
// provisioning scripts when they filled the cache), warm provisioning measured now, and the
// time to create, prove (canary) and delete one kind cluster with kube-router.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCanary } from "../../harness/cluster/canary.ts";
import { KindClusterProvider } from "../../harness/cluster/kind-cluster-provider.ts";
import { randomSuffix } from "../../harness/cluster/naming.ts";
import { Kubectl } from "../../harness/kube/kubectl.ts";
import { ATTACKER_IMAGE } from "../../harness/runner/run-session.ts";
import { cacheDir } from "../../harness/toolchain/paths.ts";
import { provision } from "../../harness/toolchain/provision.ts";

const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`${m}\n`) };
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const tsv = join(cacheDir(), "build-times.tsv");
console.log("cold builds (recorded when the cache was filled, 2 cores):");
if (existsSync(tsv)) {
  const last = new Map<string, string[]>();
  for (const line of readFileSync(tsv, "utf8").split("\n").filter(Boolean)) {
    const cols = line.split("\t");
    last.set(cols[0] ?? "", cols);
  }
  for (const [name, cols] of last)
    console.log(`  ${name.padEnd(14)} ${(cols[1] ?? "").padEnd(40)} ${cols[2]} s`);
} else {
  console.log("  (none recorded)");
}

const t0 = performance.now();
const { toolchain, timings } = await provision({ log: quiet });
console.log(`warm provisioning: ${s(performance.now() - t0)}`);
for (const t of timings) console.log(`  ${t.step.padEnd(22)} ${s(t.durationMs)}`);

const provider = new KindClusterProvider({ toolchain, log: quiet });
const name = `chartprobe-bench-${randomSuffix()}`;
const t1 = performance.now();
try {
  const handle = await provider.up({
    name,
    kubernetesVersion: "1.34.4",
    networkPolicy: "kube-router",
    nodes: 1,
  });
  const created = performance.now() - t1;
  const t2 = performance.now();
  await provider.loadImages(handle, [ATTACKER_IMAGE]);
  const loaded = performance.now() - t2;
  const canary = await runCanary({
    kubectl: new Kubectl(toolchain.kubectl, handle.kubeconfigPath),
    engine: "kube-router",
    image: ATTACKER_IMAGE,
  });
  console.log(`cluster create (kind + pod network + kube-router + CoreDNS ready): ${s(created)}`);
  console.log(`load attacker image: ${s(loaded)}`);
  console.log(`canary: ${s(canary.durationMs)} (enforced: ${canary.enforced})`);
} finally {
  const t3 = performance.now();
  await provider.down(name);
  console.log(`cluster delete: ${s(performance.now() - t3)}`);
}

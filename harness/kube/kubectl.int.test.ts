import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveToolchain } from "../toolchain/toolchain.ts";
import { Kubectl } from "./kubectl.ts";

// The real kubectl against an API address where nothing listens: the refusal is transient, so
// reads are retried with backoff (and counted) before the error reaches the caller.
const dir = mkdtempSync(join(tmpdir(), "chartprobe-kubectl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe("kubectl wrapper against an unreachable API server", () => {
  it("retries a read on connection refused, counts the retries, then fails with kubectl's message", async () => {
    const kubeconfig = join(dir, "kubeconfig");
    const port = await closedPort();
    writeFileSync(
      kubeconfig,
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
users: [{name: u, user: {token: nothing}}]
current-context: c
`,
    );
    const kubectl = new Kubectl(resolveToolchain("offline").kubectl, kubeconfig);
    const seen: string[] = [];
    kubectl.onRetry = (what) => seen.push(what);
    await expect(kubectl.json(["get", "pods"], { timeoutMs: 20_000 })).rejects.toThrow(/connection refused/);
    expect(kubectl.retries).toBe(3);
    expect(seen).toEqual(["kubectl get pods", "kubectl get pods", "kubectl get pods"]);
  });
});

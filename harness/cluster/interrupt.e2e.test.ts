import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { exec } from "../exec.ts";
import { cacheDir, kubeconfigPathFor } from "../toolchain/paths.ts";
import { kindNodeContainers } from "./kind-node-containers.ts";
import { randomSuffix } from "./naming.ts";

// Ctrl-C during `chartprobe cluster up`, then `chartprobe clean`: nothing may be left.
const root = resolve(import.meta.dirname, "../..");
const cli = resolve(root, "harness/cli/main.ts");

const nodeContainers = (name: string) => kindNodeContainers("docker", name);

describe("interrupting cluster up", () => {
  it("leaves nothing behind after SIGINT and clean", async () => {
    const name = `chartprobe-e2e-int-${randomSuffix()}`;
    const child = spawn(process.execPath, [cli, "cluster", "up", "--name", name, "--skip-canary"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));

    // Wait until kind has started the node container: the middle of creation.
    const deadline = Date.now() + 240_000;
    while ((await nodeContainers(name)).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect((await nodeContainers(name)).length, output).toBeGreaterThan(0);
    child.kill("SIGINT");
    const code = await exited;
    expect(code, output).not.toBe(0);

    const clean = await exec(process.execPath, [cli, "clean", "--cluster-name", name], {
      cwd: root,
      allowFailure: true,
      timeoutMs: 300_000,
    });
    expect(clean.exitCode, clean.stderr).toBe(0);
    expect(await nodeContainers(name)).toEqual([]);
    const clusters = await exec(resolve(cacheDir(), "bin/kind"), ["get", "clusters"], {
      allowFailure: true,
    });
    expect(clusters.stdout.split("\n")).not.toContain(name);
    expect(existsSync(kubeconfigPathFor(name))).toBe(false);
  });
});

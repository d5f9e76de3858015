import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const cleanupModule = resolve(import.meta.dirname, "cleanup.ts");

/** Runs a small program that uses the cleanup stack, sends it a signal once it is ready. */
function runAndSignal(
  body: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; output: string }> {
  const program = `import { deferCleanup } from ${JSON.stringify(cleanupModule)};\n${body}\nconsole.log("ready");\nsetInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", program], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((done) => {
    child.stdout.on("data", (d) => {
      output += d;
      if (output.includes("ready")) child.kill(signal);
    });
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => done({ code, output }));
  });
}

describe("cleanup on signals", () => {
  it("runs what is registered, newest first, then exits 130 on SIGINT", async () => {
    const { code, output } = await runAndSignal(
      `deferCleanup("first", async () => console.log("undo first"));
       deferCleanup("second", async () => console.log("undo second"));`,
      "SIGINT",
    );
    expect(code).toBe(130);
    expect(output.indexOf("undo second")).toBeLessThan(output.indexOf("undo first"));
    expect(output).toContain("received SIGINT: cleaning up");
  });

  it("exits 143 quietly on SIGTERM when everything was already undone", async () => {
    const { code, output } = await runAndSignal(
      `const forget = deferCleanup("x", async () => {}); forget();`,
      "SIGTERM",
    );
    expect(code).toBe(143);
    expect(output).not.toContain("cleaning up");
  });
});

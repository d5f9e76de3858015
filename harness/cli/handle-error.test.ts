import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { toolchainMissing } from "../commands/common/toolchain-missing.ts";
import { EnvironmentError, GateFailedError, InternalError, UserError } from "../errors.ts";
import { CommandError } from "../exec.ts";
import { handleError } from "./handle-error.ts";

function run(error: unknown, verbose = false): { code: number; text: string } {
  let text = "";
  const code = handleError(error, verbose, (t) => {
    text += t;
  });
  return { code, text };
}

describe("handleError maps errors to documented exit codes", () => {
  it.each([
    ["gate failed", new GateFailedError("2 failing"), 1, "chartprobe: gate failed: 2 failing"],
    ["user error", new UserError("bad file", "fix it"), 2, "chartprobe: error: bad file\n  hint: fix it"],
    ["environment", toolchainMissing("cluster up"), 3, "chartprobe: environment problem: toolchain missing"],
    [
      "failed command",
      new CommandError({
        argv: ["kind", "get", "clusters"],
        exitCode: 1,
        signal: null,
        stdout: "",
        stderr: "no docker",
        durationMs: 5,
        timedOut: false,
      }),
      3,
      "command exited with code 1: kind get clusters",
    ],
    [
      "missing executable",
      Object.assign(new Error("command not found: helm (wanted for: helm version)"), { code: "ENOENT" }),
      3,
      "hint: install it, or run `chartprobe doctor`",
    ],
    ["bug", new InternalError("oops"), 4, "this is a bug in chartprobe; run again with --verbose"],
    ["thrown non-error", "weird", 4, "chartprobe: internal error: weird"],
  ])("%s", (_name, error, code, text) => {
    const r = run(error);
    expect(r.code).toBe(code);
    expect(r.text).toContain(text);
    expect(r.text).not.toMatch(/\n\s+at /);
  });

  it("prints the stack (and causes) only with --verbose", () => {
    const error = new EnvironmentError("no cluster", "run cluster up", { cause: new Error("ECONNREFUSED") });
    expect(run(error).text).not.toContain("caused by");
    const verbose = run(error, true).text;
    expect(verbose).toMatch(/\n\s+at /);
    expect(verbose).toContain("caused by: Error: ECONNREFUSED");
  });

  it("treats commander's own errors as usage (help and version as success)", () => {
    expect(run(new CommanderError(1, "commander.unknownCommand", "unknown command")).code).toBe(2);
    expect(run(new CommanderError(0, "commander.helpDisplayed", "(outputHelp)")).code).toBe(0);
    expect(run(new CommanderError(0, "commander.version", "0.1.0")).code).toBe(0);
  });

  it("the stub actions' EnvironmentError exits 3", () => {
    expect(toolchainMissing("run")).toBeInstanceOf(EnvironmentError);
    expect(run(toolchainMissing("run")).code).toBe(3);
  });
});

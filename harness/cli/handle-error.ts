import { CommanderError } from "commander";
import { EnvironmentError, EXIT, exitCodeFor } from "../errors.ts";

const LABEL: Record<number, string> = {
  [EXIT.gateFailed]: "gate failed",
  [EXIT.usage]: "error",
  [EXIT.environment]: "environment problem",
  [EXIT.internal]: "internal error",
};

/** A missing executable is an environment problem, not a bug. */
function normalize(error: unknown): unknown {
  const e = error as { code?: string; message?: string } | undefined;
  if (e?.code === "ENOENT" && e.message?.startsWith("command not found")) {
    return new EnvironmentError(e.message, "install it, or run `chartprobe doctor` to see what is missing", {
      cause: error,
    });
  }
  return error;
}

function causes(error: unknown): string[] {
  const out: string[] = [];
  let cause = (error as { cause?: unknown } | undefined)?.cause;
  while (cause instanceof Error && out.length < 5) {
    out.push(`caused by: ${cause.stack ?? cause.message}`);
    cause = cause.cause;
  }
  return out;
}

/**
 * The one top-level handler: prints the error (message, hint; the stack only with --verbose)
 * and returns the exit code from errors.ts. Commander's own usage errors are already printed.
 */
export function handleError(raw: unknown, verbose: boolean, write: (text: string) => void): number {
  if (raw instanceof CommanderError) {
    if (raw.code === "commander.helpDisplayed" || raw.code === "commander.version") return EXIT.ok;
    return EXIT.usage;
  }
  const error = normalize(raw);
  const code = exitCodeFor(error);
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`chartprobe: ${LABEL[code] ?? "error"}: ${message}`];
  const hint = (error as { hint?: string } | undefined)?.hint;
  if (hint) lines.push(`  hint: ${hint}`);
  if (verbose) {
    if (error instanceof Error && error.stack) lines.push(error.stack);
    lines.push(...causes(error));
  } else if (code === EXIT.internal) {
    lines.push("  this is a bug in chartprobe; run again with --verbose for the stack trace and report it");
  }
  write(`${lines.join("\n")}\n`);
  return code;
}

/**
 * The one errors module. Every error the CLI can end with is one of these, and
 * `exitCodeFor` is the one place that maps them to exit codes (documented in README.md).
 */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  environment: 3,
  internal: 4,
} as const;

/** Bad usage or bad input: names the file, the field and the fix. Exit 2. */
export class UserError extends Error {
  override readonly name = "UserError";
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** Something missing or broken in the environment (docker, kind, helm, cluster). Exit 3. */
export class EnvironmentError extends Error {
  override readonly name = "EnvironmentError";
  readonly hint: string | undefined;
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.hint = hint;
  }
}

/** The gate found regressions or unexpected findings. Exit 1. */
export class GateFailedError extends Error {
  override readonly name = "GateFailedError";
}

/** A bug in chartprobe itself. Exit 4. */
export class InternalError extends Error {
  override readonly name = "InternalError";
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UserError) return EXIT.usage;
  if (error instanceof GateFailedError) return EXIT.gateFailed;
  if (error instanceof EnvironmentError) return EXIT.environment;
  if (error instanceof Error && error.name === "CommandError") return EXIT.environment;
  return EXIT.internal;
}

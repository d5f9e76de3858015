/** Exit code after an interruption (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT = 130;

/**
 * Turns the first SIGINT/SIGTERM into an abort of `controller` (cleanup can run) and the second
 * into an immediate exit. Returns a function that removes the handlers.
 */
export function onInterrupt(controller: AbortController, warn: (text: string) => void): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      warn(`${signal} again: exiting without cleaning up (\`chartprobe clean\` removes leftovers)`);
      process.exit(INTERRUPTED_EXIT);
    }
    warn(`${signal}: stopping and cleaning up (press Ctrl-C again to exit at once)`);
    controller.abort(new InterruptedError(signal));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/** The reason of the abort: the user (or CI) asked chartprobe to stop. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.signal = signal;
  }
}

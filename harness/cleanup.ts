/**
 * Cleanup that cannot be forgotten: whatever creates something registers how to undo it, and
 * the undo runs on normal exit, on SIGINT/SIGTERM, and on an uncaught crash, last-in first-out.
 * A cleanup error is reported and never hides the original error.
 */
type Disposer = { label: string; run: () => Promise<void> };

const stack: Disposer[] = [];
let installed = false;
let running: Promise<void> | undefined;
let report: (message: string) => void = (m) => process.stderr.write(`${m}\n`);

export function setCleanupReporter(fn: (message: string) => void): void {
  report = fn;
}

/** Registers an undo step; returns a function that unregisters it (after a normal teardown). */
export function deferCleanup(label: string, run: () => Promise<void>): () => void {
  installSignalHandlers();
  const entry = { label, run };
  stack.push(entry);
  return () => {
    const i = stack.indexOf(entry);
    if (i >= 0) stack.splice(i, 1);
  };
}

export function runCleanup(): Promise<void> {
  running ??= (async () => {
    while (stack.length > 0) {
      const entry = stack.pop();
      if (!entry) break;
      try {
        report(`cleanup: ${entry.label}`);
        await entry.run();
      } catch (error) {
        report(`cleanup failed (${entry.label}): ${(error as Error).message.split("\n")[0]}`);
      }
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

export function pendingCleanups(): string[] {
  return stack.map((d) => d.label);
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // Nothing registered (e.g. a test worker told to stop): leave quietly, as without a handler.
      if (stack.length === 0 && !running) process.exit(signal === "SIGINT" ? 130 : 143);
      report(`received ${signal}: cleaning up (press Ctrl-C again to abort cleanup)`);
      process.once(signal, () => process.exit(130));
      void runCleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}

import { deferCleanup } from "../../cleanup.ts";

/**
 * An AbortSignal that fires when the user presses Ctrl-C (or CI sends SIGTERM), so long loops
 * stop starting new work while the cleanup stack removes what exists.
 */
export function abortOnSignal(): AbortSignal {
  const controller = new AbortController();
  // Registered first, so it runs last: every other cleanup has already been attempted.
  deferCleanup("stop the run", async () => controller.abort());
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
  return controller.signal;
}

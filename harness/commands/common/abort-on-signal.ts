/**
 * An AbortSignal that fires when the user presses Ctrl-C (or CI sends SIGTERM), so long loops
 * stop starting new work while harness/cleanup.ts removes what exists.
 */
export function abortOnSignal(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
  return controller.signal;
}

/**
 * Starts several servers in parallel; if one fails, stops the ones that did start before
 * rethrowing, so a failed beforeAll leaves nothing running.
 */
export async function startAll<T extends { stop(): Promise<void> }>(
  starters: (() => Promise<T>)[],
): Promise<T[]> {
  const results = await Promise.allSettled(starters.map((s) => s()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(
      results.map((r) => (r.status === "fulfilled" ? r.value.stop().catch(() => undefined) : undefined)),
    );
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

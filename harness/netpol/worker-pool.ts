/**
 * A fixed pool of workers draining one queue, like the Kubernetes netpol e2e prober: workers
 * never throw, every item gets a result (a thrown error is turned into one by `onError`), and
 * results come back in input order whatever order they finished in.
 */
export interface PoolOptions<T, R> {
  concurrency: number;
  /** Turns a worker's unexpected throw into a result, so one failure never loses the table. */
  onError: (error: unknown, item: T) => R;
  /** When aborted, items not yet started get `onError(signal.reason)` instead of running. */
  signal?: AbortSignal;
}

export async function runPool<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
  options: PoolOptions<T, R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const width = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, items.length));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      if (options.signal?.aborted) {
        results[index] = options.onError(options.signal.reason ?? new Error("aborted"), item);
        continue;
      }
      try {
        results[index] = await work(item, index);
      } catch (err) {
        results[index] = options.onError(err, item);
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

import { UserError } from "../errors.ts";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`bad shard "${text}"`, "write --shard i/n with 1 ≤ i ≤ n, e.g. --shard 2/4");
  }
  return { index, count };
}

/**
 * The items of one shard. Items are sorted by id and dealt round-robin: item k (0-based, in
 * sorted order) goes to shard (k mod n) + 1. So the shards are disjoint, together complete,
 * their sizes differ by at most one, and the split depends only on the set of ids (not on
 * file order). Adding a scenario may move others to another shard; that only matters within one run.
 */
export function shardItems<T>(items: readonly T[], shard: Shard, idOf: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  return sorted.filter((_, k) => k % shard.count === shard.index - 1);
}

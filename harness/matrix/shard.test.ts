import { describe, expect, it } from "vitest";
import { UserError } from "../errors.ts";
import { parseShard, shardItems } from "./shard.ts";

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("shardItems (property: disjoint, complete, balanced, order-independent)", () => {
  it("holds for 300 random matrices", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = rng(seed);
      const size = Math.floor(rand() * 60);
      const count = 1 + Math.floor(rand() * 9);
      const ids = [
        ...new Set(
          Array.from(
            { length: size },
            () => `t${Math.floor(rand() * 5)}/s${Math.floor(rand() * 1000)}@k8s-1.3${Math.floor(rand() * 4)}`,
          ),
        ),
      ];
      const shuffled = [...ids].sort(() => rand() - 0.5);
      const shards = Array.from({ length: count }, (_, i) =>
        shardItems(ids, { index: i + 1, count }, (x) => x),
      );
      const again = Array.from({ length: count }, (_, i) =>
        shardItems(shuffled, { index: i + 1, count }, (x) => x),
      );
      const all = shards.flat();
      expect(new Set(all).size, `seed ${seed}: disjoint`).toBe(all.length);
      expect([...all].sort(), `seed ${seed}: complete`).toEqual([...ids].sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes), `seed ${seed}: balanced`).toBeLessThanOrEqual(1);
      expect(again, `seed ${seed}: independent of input order`).toEqual(shards);
    }
  });
});

describe("parseShard", () => {
  it("parses i/n", () => expect(parseShard("2/4")).toEqual({ index: 2, count: 4 }));
  it.each(["0/4", "5/4", "1/0", "a/b", "2", "1/2/3"])("rejects %s as a usage error", (text) => {
    expect(() => parseShard(text)).toThrow(UserError);
  });
});

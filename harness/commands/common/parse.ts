import { InvalidArgumentError } from "commander";
import { parseShard, type Shard } from "../../matrix/shard.ts";

/** Commander argument parsers: a bad value is a usage error (exit 2) naming the fix. */
export function positiveInt(what: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      throw new InvalidArgumentError(`${what} must be a whole number ≥ 1, got "${value}".`);
    }
    return Number(value);
  };
}

export function shardArg(value: string): Shard {
  try {
    return parseShard(value);
  } catch {
    throw new InvalidArgumentError(`write i/n with 1 ≤ i ≤ n, e.g. 2/4 (got "${value}").`);
  }
}

/** For repeatable options: --scenario a --scenario b (a comma list works too). */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function listOf<T extends string>(allowed: readonly T[], what: string): (value: string) => T[] {
  return (value) => {
    const items = value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    const bad = items.filter((v) => !(allowed as readonly string[]).includes(v));
    if (bad.length > 0 || items.length === 0) {
      throw new InvalidArgumentError(`unknown ${what} "${bad.join(",")}"; allowed: ${allowed.join(", ")}.`);
    }
    return items as T[];
  };
}

/** An ISO date (YYYY-MM-DD). */
export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`write a date as YYYY-MM-DD (got "${value}").`);
  }
  return value;
}

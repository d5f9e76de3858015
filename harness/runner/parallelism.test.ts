import { describe, expect, it } from "vitest";
import { defaultParallelism } from "./parallelism.ts";

const GiB = 1024 ** 3;

describe("defaultParallelism", () => {
  it.each([
    { scenarios: 8, cpus: 2, free: 20 * GiB, expected: 2, why: "one per core" },
    { scenarios: 8, cpus: 16, free: 7 * GiB, expected: 3, why: "memory holds three installs" },
    { scenarios: 1, cpus: 8, free: 64 * GiB, expected: 1, why: "never more than the scenarios" },
    { scenarios: 4, cpus: 4, free: 0.5 * GiB, expected: 1, why: "never fewer than one" },
    { scenarios: 0, cpus: 4, free: 8 * GiB, expected: 1, why: "an empty plan still gets one worker" },
  ])("$why: $scenarios scenarios, $cpus cpus → $expected", ({ scenarios, cpus, free, expected }) => {
    expect(defaultParallelism(scenarios, { cpus, freeMemoryBytes: free })).toBe(expected);
  });
});

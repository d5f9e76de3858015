import { describe, expect, it } from "vitest";
import type { Finding } from "../model/finding.ts";
import { differingVerdicts } from "./repeat-probes.ts";

const f = (probe: string, component: string, verdict: Finding["verdict"]): Finding =>
  ({ probe, component, vantage: "runner", verdict, summary: "" }) as unknown as Finding;

describe("differingVerdicts", () => {
  it("names every finding whose verdict changed or vanished, and nothing else", () => {
    const reference = [
      f("redis-no-auth", "redis", "vulnerable"),
      f("flower-no-auth", "flower", "secure"),
      f("x", "y", "secure"),
    ];
    const again = [f("redis-no-auth", "redis", "vulnerable"), f("flower-no-auth", "flower", "inconclusive")];
    expect(differingVerdicts(reference, again)).toEqual([
      "flower-no-auth|flower|runner: secure → inconclusive",
      "x|y|runner: secure → missing",
    ]);
    expect(differingVerdicts(reference, reference)).toEqual([]);
  });
});

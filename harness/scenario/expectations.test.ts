import { describe, expect, it } from "vitest";
import type { Expectation } from "../model/scenario.ts";
import type { Vantage } from "../model/vantage.ts";
import { isIsoDate } from "./dates.ts";
import { resolveExpectation } from "./expectations.ts";

const TODAY = "2026-12-03";
const key = (probe: string, component: string, vantage: Vantage) => ({ probe, component, vantage });

const list: Expectation[] = [
  { probe: "redis-no-auth", verdict: "vulnerable", reason: "probe-wide" },
  { probe: "redis-no-auth", component: "redis", verdict: "inconclusive", reason: "component" },
  { probe: "redis-no-auth", component: "redis", vantage: "foreign-pod", verdict: "secure" },
  { probe: "redis-no-auth", vantage: "runner", verdict: "skipped", reason: "vantage only" },
  { probe: "flower-no-auth", verdict: "vulnerable", reason: "until the fix ships", expires: "2026-12-03" },
  { probe: "pod-seccomp", verdict: "vulnerable", reason: "old", expires: "2026-12-02" },
];

describe("resolveExpectation", () => {
  it.each([
    ["no expectation: default secure", key("pod-privileged", "redis", "api"), "secure", undefined, false],
    ["probe only", key("redis-no-auth", "webserver", "neighbour-pod"), "vulnerable", "probe-wide", false],
    [
      "probe+component beats probe",
      key("redis-no-auth", "redis", "neighbour-pod"),
      "inconclusive",
      "component",
      false,
    ],
    [
      "probe+component+vantage beats all",
      key("redis-no-auth", "redis", "foreign-pod"),
      "secure",
      undefined,
      false,
    ],
    [
      "probe+component beats probe+vantage",
      key("redis-no-auth", "redis", "runner"),
      "inconclusive",
      "component",
      false,
    ],
    [
      "probe+vantage beats probe",
      key("redis-no-auth", "webserver", "runner"),
      "skipped",
      "vantage only",
      false,
    ],
    [
      "expires today: still valid",
      key("flower-no-auth", "flower", "runner"),
      "vulnerable",
      "until the fix ships",
      false,
    ],
    ["expired yesterday", key("pod-seccomp", "webserver", "api"), "vulnerable", "old", true],
  ] as const)("%s", (_name, k, verdict, reason, expired) => {
    const r = resolveExpectation(list, k, TODAY);
    expect(r.verdict).toBe(verdict);
    expect(r.source?.reason).toBe(reason);
    expect(r.expired).toBe(expired);
  });

  it("among equally specific expectations the later one wins", () => {
    const r = resolveExpectation(
      [
        { probe: "p", verdict: "vulnerable", reason: "file" },
        { probe: "p", verdict: "secure" },
      ],
      key("p", "c", "api"),
      TODAY,
    );
    expect(r.verdict).toBe("secure");
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["26-01-01", false],
  ])("%s → %s", (d, ok) => expect(isIsoDate(d)).toBe(ok));
});

import { describe, expect, it } from "vitest";
import type { RunRecord } from "../harness/model/run-record.ts";
import type { Verdict } from "../harness/model/verdict.ts";
import { diffIsEmpty, diffRecords, formatDiff } from "./diff.ts";
import { sampleRecord } from "./testing/sample-record.ts";

function setVerdict(
  r: RunRecord,
  scenario: string,
  probe: string,
  component: string,
  vantage: string,
  v: Verdict,
) {
  const f = r.scenarios
    .find((s) => s.scenario.id === scenario)
    ?.findings.find((x) => x.probe === probe && x.component === component && x.vantage === vantage);
  if (!f) throw new Error(`no finding ${probe} [${component}] from ${vantage}`);
  f.verdict = v;
}

describe("diffRecords", () => {
  it("finds nothing between a record and itself", () => {
    const d = diffRecords(sampleRecord(), sampleRecord());
    expect(diffIsEmpty(d)).toBe(true);
    expect(formatDiff(d)).toBe("No differences.\n");
  });

  it("sorts verdict changes into new, fixed and changed", () => {
    const a = sampleRecord();
    const b = sampleRecord();
    setVerdict(b, "testbed/hardened", "redis-no-auth", "redis", "runner", "vulnerable"); // secure → vulnerable
    setVerdict(b, "testbed/insecure", "flower-no-auth", "flower", "runner", "secure"); // vulnerable → secure
    setVerdict(b, "testbed/insecure", "sa-shared", "release", "api", "error"); // vulnerable → error
    setVerdict(b, "testbed/hardened", "known-fernet-key", "release", "api", "inconclusive"); // secure → inconclusive
    const d = diffRecords(a, b);
    expect(d.newFindings.map((c) => [c.scenario, c.probe, c.from, c.to])).toEqual([
      ["testbed/hardened", "redis-no-auth", "secure", "vulnerable"],
    ]);
    expect(d.fixed.map((c) => [c.probe, c.from, c.to])).toEqual([["flower-no-auth", "vulnerable", "secure"]]);
    expect(d.changed.map((c) => [c.probe, c.from, c.to])).toEqual([
      ["sa-shared", "vulnerable", "error"],
      ["known-fernet-key", "secure", "inconclusive"],
    ]);
  });

  it("counts a vulnerable finding of a probe new in B as new, and a vanished one as changed", () => {
    const a = sampleRecord();
    const b = sampleRecord();
    const hardened = b.scenarios[1];
    const insecure = b.scenarios[0];
    if (!hardened || !insecure) throw new Error("fixture changed");
    hardened.findings.push({
      ...(insecure.findings[0] as (typeof insecure.findings)[0]),
      probe: "brand-new-probe",
    });
    hardened.findings.push({
      ...(hardened.findings[0] as (typeof hardened.findings)[0]),
      probe: "quiet-new-probe",
    });
    insecure.findings = insecure.findings.filter((f) => f.probe !== "known-fernet-key");
    const d = diffRecords(a, b);
    expect(d.newFindings.map((c) => c.probe)).toEqual(["brand-new-probe"]);
    expect(d.changed.map((c) => [c.probe, c.from, c.to])).toEqual([
      ["known-fernet-key", "vulnerable", "absent"],
    ]);
  });

  it("lists added and removed scenarios without listing their findings one by one", () => {
    const a = sampleRecord();
    const b = sampleRecord();
    const moved = b.scenarios.pop();
    if (!moved) throw new Error("fixture changed");
    b.scenarios.shift();
    b.scenarios.push({ ...moved, scenario: { ...moved.scenario, id: "testbed/new" } });
    const d = diffRecords(a, b);
    expect(d.addedScenarios).toEqual(["testbed/new"]);
    expect(d.removedScenarios).toEqual(["testbed/insecure", "testbed/restricted-psa"]);
    expect(d.changed).toEqual([]);
  });

  it("formats a readable text", () => {
    const a = sampleRecord();
    const b = sampleRecord();
    setVerdict(b, "testbed/hardened", "redis-no-auth", "redis", "runner", "vulnerable");
    setVerdict(b, "testbed/insecure", "flower-no-auth", "flower", "runner", "secure");
    b.scenarios.pop();
    expect(formatDiff(diffRecords(a, b))).toBe(
      [
        "New vulnerable findings (1):",
        "  + testbed/hardened  redis-no-auth [redis] from runner: secure → vulnerable  (PING refused: NOAUTH Authentication required)",
        "",
        "Fixed (1):",
        "  - testbed/insecure  flower-no-auth [flower] from runner: vulnerable → secure  (GET /api/workers answered 200 without credentials)",
        "",
        "Scenarios removed: testbed/restricted-psa",
        "",
      ].join("\n"),
    );
  });
});

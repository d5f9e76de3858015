import { describe, expect, it } from "vitest";
import { UserError } from "../harness/errors.ts";
import type { RunRecord } from "../harness/model/run-record.ts";
import { mergeRecords } from "./merge.ts";
import { validateRunRecordShape } from "./record-schema.ts";
import { sampleRecord } from "./testing/sample-record.ts";

/** Splits the sample into shard records, one scenario each, as `--shard i/n` would. */
function shards(): RunRecord[] {
  const full = sampleRecord();
  return full.scenarios.map((s, i) => ({
    ...sampleRecord(),
    shard: { index: i + 1, count: full.scenarios.length },
    startedAt: new Date(Date.parse(full.startedAt) + i * 60_000).toISOString(),
    finishedAt: new Date(Date.parse(full.finishedAt) - i * 60_000).toISOString(),
    scenarios: [s],
  }));
}

describe("mergeRecords", () => {
  it("joins shards into one valid record without a shard field", () => {
    const parts = shards();
    const merged = mergeRecords(parts);
    expect(merged.scenarios.map((s) => s.scenario.id)).toEqual([
      "testbed/insecure",
      "testbed/hardened",
      "testbed/restricted-psa",
    ]);
    expect(merged.shard).toBeUndefined();
    expect(merged.runId).toBe(sampleRecord().runId);
    expect(merged.startedAt).toBe(parts[0]?.startedAt);
    expect(merged.finishedAt).toBe(parts[0]?.finishedAt);
    expect(merged.clusters).toHaveLength(1);
    expect(merged.probes).toHaveLength(20);
    expect(validateRunRecordShape(merged)).toEqual([]);
  });

  it("does not depend on the order of its inputs", () => {
    const parts = shards();
    expect(mergeRecords([...parts].reverse())).toEqual(mergeRecords(parts));
  });

  it("takes the earliest start and the latest finish as instants", () => {
    const [a, b] = shards() as [RunRecord, RunRecord];
    a.startedAt = "2026-12-03T15:00:00+02:00"; // 13:00Z
    b.startedAt = "2026-12-03T13:30:00Z";
    a.finishedAt = "2026-12-03T14:00:00Z";
    b.finishedAt = "2026-12-03T16:30:00+02:00"; // 14:30Z
    const merged = mergeRecords([a, b]);
    expect(merged.startedAt).toBe("2026-12-03T15:00:00+02:00");
    expect(merged.finishedAt).toBe("2026-12-03T16:30:00+02:00");
  });

  it("accepts the same scenario twice when its results are identical", () => {
    const [a] = shards() as [RunRecord];
    const again = structuredClone(a);
    expect(mergeRecords([a, again]).scenarios).toHaveLength(1);
  });

  it("refuses the same scenario with different results", () => {
    const [a] = shards() as [RunRecord];
    const other = structuredClone(a);
    (other.scenarios[0]?.findings[0] as { verdict: string }).verdict = "secure";
    other.runId = "another-run";
    const err = (() => {
      try {
        mergeRecords([a, other]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain("scenario testbed/insecure appears in two records");
    expect((err as Error).message).toContain("another-run");
  });

  it("deduplicates clusters by name and keeps the first record's tools", () => {
    const [a, b] = shards() as [RunRecord, RunRecord];
    b.tools = { ...b.tools, helm: "v9.9.9" };
    b.clusters = [
      ...b.clusters,
      {
        name: "chartprobe-other",
        provider: "kind",
        kubernetesVersion: "1.34.1",
        networkPolicy: "calico",
        created: true,
      },
    ];
    const merged = mergeRecords([a, b]);
    expect(merged.clusters.map((c) => c.name)).toEqual(["chartprobe-7f3a", "chartprobe-other"]);
    expect(merged.tools.helm).toBe(a.tools.helm);
  });

  it("gives records of different runs a deterministic merged id", () => {
    const [a, b] = shards() as [RunRecord, RunRecord];
    b.runId = "run-b";
    const id = mergeRecords([a, b]).runId;
    expect(id).toMatch(/^merged-[0-9a-f]{12}$/);
    expect(mergeRecords([b, a]).runId).toBe(id);
  });

  it("refuses to merge nothing", () => {
    expect(() => mergeRecords([])).toThrow(UserError);
  });
});

import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { UserError } from "../harness/errors.ts";
import type { ProbeMeta } from "../harness/model/probe.ts";
import type { ClusterInfo, RunRecord, ScenarioResult } from "../harness/model/run-record.ts";

/**
 * Joins shard records into one: the union of their scenarios (the same scenario twice is fine
 * only with identical results), clusters and probe metadata deduplicated by name/id, the earliest
 * start and the latest finish, tools and host from the first record, and no `shard`.
 * Records with a shard index are taken in index order, so the result does not depend on the
 * order of the files on the command line.
 */
export function mergeRecords(records: RunRecord[]): RunRecord {
  if (records.length === 0) throw new UserError("nothing to merge", "pass one or more run-record.json files");
  const versions = new Set(records.map((r) => r.schemaVersion));
  if (versions.size > 1) {
    throw new UserError(
      `cannot merge records of different schema versions (${[...versions].join(", ")})`,
      "re-run the shards with the same chartprobe version",
    );
  }
  const ordered = [...records].sort((a, b) => (a.shard?.index ?? 0) - (b.shard?.index ?? 0));
  const first = ordered[0] as RunRecord;

  const scenarios = new Map<string, ScenarioResult>();
  for (const r of ordered) {
    for (const s of r.scenarios) {
      const seen = scenarios.get(s.scenario.id);
      if (!seen) scenarios.set(s.scenario.id, s);
      else if (!isDeepStrictEqual(seen, s)) {
        throw new UserError(
          `scenario ${s.scenario.id} appears in two records (runs ${first.runId === r.runId ? r.runId : `${first.runId} and ${r.runId}`}) with different results`,
          "merge the shards of one matrix run only; a scenario must be in exactly one shard (check the --shard i/n arguments)",
        );
      }
    }
  }
  const clusters = new Map<string, ClusterInfo>();
  for (const r of ordered) for (const c of r.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
  const probes = new Map<string, ProbeMeta>();
  for (const r of ordered) for (const p of r.probes ?? []) if (!probes.has(p.id)) probes.set(p.id, p);

  const runIds = [...new Set(ordered.map((r) => r.runId))];
  const merged: RunRecord = {
    kind: "chartprobe-run",
    schemaVersion: first.schemaVersion,
    runId: runIds.length === 1 ? first.runId : mergedRunId(runIds),
    startedAt: pick(
      ordered.map((r) => r.startedAt),
      (a, b) => a < b,
    ),
    finishedAt: pick(
      ordered.map((r) => r.finishedAt),
      (a, b) => a > b,
    ),
    tools: first.tools,
    host: first.host,
    clusters: [...clusters.values()],
    scenarios: [...scenarios.values()],
  };
  if (probes.size > 0) merged.probes = [...probes.values()];
  return merged;
}

/** Compares instants, not strings, so "+02:00" offsets sort right. */
function pick(times: string[], better: (a: number, b: number) => boolean): string {
  let best = times[0] as string;
  for (const t of times) if (better(Date.parse(t), Date.parse(best))) best = t;
  return best;
}

/** Deterministic id for records of several runs: independent of argument order. */
function mergedRunId(runIds: string[]): string {
  const hash = createHash("sha256")
    .update([...runIds].sort().join("\n"))
    .digest("hex")
    .slice(0, 12);
  return `merged-${hash}`;
}

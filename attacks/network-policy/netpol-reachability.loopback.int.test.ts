import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProbeAccess } from "../../harness/model/access.ts";
import type { Reachability } from "../../harness/model/run-record.ts";
import type { Vantage } from "../../harness/model/vantage.ts";
import {
  scenario as fixtureScenario,
  target as fixtureTarget,
  identities,
  snapshot,
} from "../../harness/netpol/fixtures/airflow-release.ts";
import {
  closedPort,
  type LoopbackEndpoint,
  startBlackHole,
  startListener,
  tcpReach,
} from "../../harness/netpol/loopback-net.ts";
import { runTruthTable } from "../../harness/netpol/truth-table.ts";
import { probeContext } from "../testing/probe-context.ts";
import { testTarget } from "../testing/test-target.ts";
import { netpolReachability } from "./netpol-reachability.ts";

// The probe's decisions against real sockets: each (source, component:port) pair of the fixture
// release is routed to a real loopback endpoint — an accepting listener where the network lets
// the pair through, a closed port (refused) or a black hole (dropped, times out) where it does
// not. The same fixture's policies give the expectation. On a kind cluster the harness's
// probeTcp does this for real.

let open: LoopbackEndpoint;
let refused: LoopbackEndpoint;
let dropped: LoopbackEndpoint;

beforeAll(async () => {
  [open, refused, dropped] = await Promise.all([startListener(), closedPort("127.0.0.3"), startBlackHole()]);
});
afterAll(async () => {
  await Promise.all([open?.close(), refused?.close(), dropped?.close()]);
});

const allowedByFixturePolicy = new Set([
  "foreign-pod->webserver:8080",
  "neighbour-pod->webserver:8080",
  "component:worker->webserver:8080",
  "component:worker->worker:8793",
  "component:worker->redis:6379",
  "component:worker->postgres:5432",
  "component:scheduler->webserver:8080",
  "component:scheduler->redis:6379",
  "component:scheduler->postgres:5432",
]);

interface NetworkOptions {
  enforced: boolean | null;
  /** Pairs the network lets through although the policy denies them. */
  leaks?: string[];
  /** Sources whose probe machinery fails (exec into the pod breaks). */
  broken?: Vantage[];
}

/** A ProbeAccess whose probeTcp connects for real, to the endpoint the pair is routed to. */
function loopbackAccess(opts: NetworkOptions): ProbeAccess & { calls: number } {
  const access = {
    calls: 0,
    namespace: snapshot.namespace,
    release: snapshot.release,
    vantages: [
      "runner",
      "foreign-pod",
      "neighbour-pod",
      "component:worker",
      "component:scheduler",
      "component:flower",
    ] as Vantage[],
    networkPolicyEnforced: opts.enforced,
    snapshot: async () => snapshot,
    sourceIdentity: async (v: Vantage) => {
      const id = identities[v];
      if (!id) throw new Error(`no identity for ${v}`);
      return id;
    },
    probeTcp: async (
      v: Vantage,
      component: string,
      port: number,
      timeoutMs: number,
    ): Promise<Reachability> => {
      access.calls++;
      if (opts.broken?.includes(v)) throw new Error(`exec into ${v} failed`);
      const pair = `${v}->${component}:${port}`;
      const to =
        allowedByFixturePolicy.has(pair) || opts.leaks?.includes(pair)
          ? open
          : v === "foreign-pod"
            ? dropped
            : refused;
      return tcpReach(to.host, to.port, timeoutMs);
    },
    dial: async () => {
      throw new Error("not used by netpol-reachability");
    },
    exec: async () => {
      throw new Error("not used by netpol-reachability");
    },
    canI: async () => null,
  };
  return access;
}

const target = testTarget({
  components: fixtureTarget.components as ReturnType<typeof testTarget>["components"],
});
const ctxFor = (access: ProbeAccess) => {
  const ctx = probeContext(access, target);
  ctx.scenario = { ...ctx.scenario, networkIntent: fixtureScenario.networkIntent ?? {} };
  return ctx;
};
const verdicts = (fs: { component: string; vantage: string; verdict: string }[]) =>
  Object.fromEntries(fs.map((f) => [`${f.component}|${f.vantage}`, f.verdict]));

describe("netpol-reachability over real loopback sockets", () => {
  it("is secure where the network behaves as the policies say, and skips absent parts", async () => {
    const findings = await netpolReachability.run(ctxFor(loopbackAccess({ enforced: true })));
    const v = verdicts(findings);
    // 4 present destination components x 3 present sources, plus skipped flower/scheduler columns and the flower source.
    expect(v["redis|neighbour-pod"]).toBe("secure");
    expect(v["redis|foreign-pod"]).toBe("secure");
    expect(v["webserver|foreign-pod"]).toBe("secure");
    expect(v["postgres|component:worker"]).toBe("secure");
    expect(v["flower|foreign-pod"]).toBe("skipped");
    expect(v["scheduler|neighbour-pod"]).toBe("skipped");
    expect(v["redis|component:flower"]).toBe("skipped");
    expect(v["redis|runner"]).toBeUndefined();
    expect(findings.filter((f) => f.verdict !== "secure" && f.verdict !== "skipped")).toEqual([]);
  });

  it("flags exactly the pair that leaks, with its row and a repro", async () => {
    const findings = await netpolReachability.run(
      ctxFor(loopbackAccess({ enforced: true, leaks: ["neighbour-pod->redis:6379"] })),
    );
    const bad = findings.filter((f) => f.verdict !== "secure" && f.verdict !== "skipped");
    expect(bad.map((f) => `${f.component}|${f.vantage}|${f.verdict}`)).toEqual([
      "redis|neighbour-pod|vulnerable",
    ]);
    const f = bad[0];
    expect(f?.summary).toContain("redis:6379 (the installed policy denies it)");
    expect(f?.evidence[0]?.content).toMatch(
      /redis:6379: expected deny, intended deny, observed reachable — MISMATCH/,
    );
    expect(f?.repro).toBe(`kubectl -n airflow exec "$ATTACKER_POD" -- nc -vz -w 2 10.244.0.13 6379`);
    expect(f?.severity).toBe("high");
  });

  it("flags a pair the policy allows but the intent denies once it is reachable", async () => {
    const access = loopbackAccess({ enforced: true });
    const ctx = ctxFor(access);
    ctx.scenario = {
      ...ctx.scenario,
      id: "intent-denies-web",
      networkIntent: { "foreign-pod->webserver:*": "deny" },
    };
    const findings = await netpolReachability.run(ctx);
    const f = findings.find((x) => x.component === "webserver" && x.vantage === "foreign-pod");
    expect(f?.verdict).toBe("vulnerable");
    expect(f?.summary).toContain("the scenario's intent denies it");
  });

  it("is inconclusive everywhere, never secure, when enforcement is not proven", async () => {
    for (const enforced of [false, null]) {
      const ctx = ctxFor(loopbackAccess({ enforced, leaks: ["foreign-pod->redis:6379"] }));
      ctx.scenario = { ...ctx.scenario, id: `unenforced-${enforced}` };
      const findings = await netpolReachability.run(ctx);
      const decided = findings.filter((f) => f.verdict !== "skipped");
      expect(decided.length).toBeGreaterThan(0);
      expect(new Set(decided.map((f) => f.verdict))).toEqual(new Set(["inconclusive"]));
    }
  });

  it("turns a failing probe into error findings for that source only", async () => {
    const findings = await netpolReachability.run(
      ctxFor(loopbackAccess({ enforced: true, broken: ["component:scheduler"] })),
    );
    const bySource = findings.filter((f) => f.vantage === "component:scheduler" && f.verdict !== "skipped");
    expect(new Set(bySource.map((f) => f.verdict))).toEqual(new Set(["error"]));
    expect(findings.filter((f) => f.vantage !== "component:scheduler" && f.verdict === "error")).toEqual([]);
  });

  it("probes each pair once, in parallel, and hands the harness the table the probe judged", async () => {
    const access = loopbackAccess({ enforced: true });
    const ctx = ctxFor(access);
    const started = performance.now();
    const [run, findings] = await Promise.all([runTruthTable(ctx), netpolReachability.run(ctx)]);
    const elapsed = performance.now() - started;
    expect(access.calls).toBe(run.table.cells.length);
    expect(run.table.cells).toHaveLength(4 * 4);
    // 3 foreign-pod pairs hit the black hole (2 s timeout each): in parallel that costs one timeout.
    expect(elapsed).toBeLessThan(2 * 2000);
    expect(
      run.table.cells.filter((c) => c.source === "foreign-pod" && c.observed === "blocked"),
    ).toHaveLength(3);
    expect(run.table.cells.every((c) => c.match)).toBe(true);
    expect(run.report).toContain("0 mismatches");
    expect(findings.some((f) => f.verdict === "secure")).toBe(true);
    expect(await runTruthTable(ctx)).toBe(run);
  });

  it("takes each repro from the access layer when it can tell one", async () => {
    const access = Object.assign(loopbackAccess({ enforced: true, leaks: ["foreign-pod->postgres:5432"] }), {
      probeTcpCommand: async (v: Vantage, component: string, port: number) => {
        if (component === "webserver") throw new Error("no pod");
        return `probe ${v} ${component} ${port}`;
      },
    });
    const run = await runTruthTable(ctxFor(access));
    const repro = (src: string, dst: string) =>
      run.table.cells.find((c) => c.source === src && c.destination === dst)?.repro;
    expect(repro("foreign-pod", "postgres:5432")).toBe("probe foreign-pod postgres 5432");
    expect(repro("foreign-pod", "webserver:8080")).toMatch(
      /^kubectl -n chartprobe-foreign exec .* nc -vz -w 2 10\.244\.0\.11 8080$/,
    );
    expect(run.report).toContain("    probe foreign-pod postgres 5432");
  });
});

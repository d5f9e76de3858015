import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderJunit } from "./junit-report.ts";
import { sampleRecord } from "./testing/sample-record.ts";

interface Case {
  "@_name": string;
  "@_classname": string;
  "@_time": string;
  failure?: { "#text": string; "@_message": string; "@_type": string };
  error?: { "#text": string; "@_message": string; "@_type": string };
  skipped?: { "@_message": string };
}
interface Suite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_errors": string;
  "@_skipped": string;
  testcase: Case[];
}

function parse(xml: string): { root: Record<string, string>; suites: Suite[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "testsuite" || name === "testcase" || name === "property",
  });
  const doc = parser.parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
  return { root: doc.testsuites, suites: doc.testsuites.testsuite };
}

describe("JUnit writer", () => {
  const xml = renderJunit(sampleRecord());
  const { root, suites } = parse(xml);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has one testsuite per scenario and the right totals", () => {
    expect(suites.map((s) => s["@_name"])).toEqual([
      "testbed/insecure",
      "testbed/hardened",
      "testbed/restricted-psa",
    ]);
    // 32 + 31 findings, plus one error testcase for the scenario that failed to install.
    expect(root["@_tests"]).toBe("64");
    expect(root["@_failures"]).toBe("27");
    expect(root["@_errors"]).toBe("5");
    expect(root["@_skipped"]).toBe("5");
  });

  it("keeps every suite's counts equal to its testcases", () => {
    for (const s of suites) {
      const cases = s.testcase;
      expect(Number(s["@_tests"])).toBe(cases.length);
      expect(Number(s["@_failures"])).toBe(cases.filter((c) => c.failure).length);
      expect(Number(s["@_errors"])).toBe(cases.filter((c) => c.error).length);
      expect(Number(s["@_skipped"])).toBe(cases.filter((c) => c.skipped !== undefined).length);
    }
  });

  it("names testcases `probe [component] from vantage` with classname scenario.family", () => {
    const insecure = suites[0] as Suite;
    const names = insecure.testcase.map((c) => c["@_name"]);
    expect(names).toContain("redis-no-auth [redis] from foreign-pod");
    expect(names).toContain("sa-token-privileges [scheduler] from component:scheduler");
    expect(new Set(names).size).toBe(names.length);
    const c = insecure.testcase.find((x) => x["@_name"] === "pod-runs-as-root [redis] from api");
    expect(c?.["@_classname"]).toBe("testbed/insecure.workload");
  });

  it("puts evidence and the repro command into the failure of a vulnerable finding", () => {
    const c = (suites[0] as Suite).testcase.find((x) => x["@_name"] === "redis-no-auth [redis] from runner");
    expect(c?.failure?.["@_type"]).toBe("vulnerable (critical)");
    expect(c?.failure?.["@_message"]).toContain("PING answered without AUTH");
    const text = c?.failure?.["#text"] ?? "";
    expect(text).toContain("--- evidence: redis conversation ---");
    expect(text).toContain("< +PONG");
    expect(text).toContain("--- reproduce ---");
    expect(text).toContain("redis-cli -h 127.0.0.1 -p 16379 PING");
    expect(text).toContain("scenarios/testbed/values/insecure.yaml:14");
  });

  it("keeps error, inconclusive and skipped distinct", () => {
    const hardened = (suites[1] as Suite).testcase;
    const byName = (n: string) => hardened.find((x) => x["@_name"] === n);
    expect(byName("log-server-no-token [worker] from runner")?.error?.["@_type"]).toBe("error");
    expect(byName("airflow-default-login [webserver] from neighbour-pod")?.error?.["@_type"]).toBe(
      "inconclusive",
    );
    expect(byName("flower-no-auth [flower] from runner")?.skipped?.["@_message"]).toBe(
      "flower is disabled in this scenario",
    );
    const secure = byName("redis-no-auth [redis] from runner");
    expect(secure?.failure ?? secure?.error ?? secure?.skipped).toBeUndefined();
  });

  it("reports a failed install as an error testcase with the diagnostics", () => {
    const [c] = (suites[2] as Suite).testcase;
    expect(c?.["@_name"]).toBe("scenario install");
    expect(c?.["@_classname"]).toBe("testbed/restricted-psa.install");
    expect(c?.error?.["@_type"]).toBe("install-failed");
    expect(c?.error?.["#text"]).toContain("violates PodSecurity");
    // Markup inside diagnostics is text, not elements.
    expect(xml).toContain(
      "&lt;script&gt;alert(&apos;escape me&apos;)&lt;/script&gt;".replace(/&apos;/g, "'"),
    );
  });

  it("escapes markup, quotes and characters XML forbids", () => {
    const r = sampleRecord();
    const f = r.scenarios[0]?.findings[0];
    if (!f) throw new Error("fixture changed");
    f.summary = `a "quoted" <b>bold</b> & ]]> \u0000\u0007 end`;
    f.evidence = [{ label: "raw", content: "bytes \u0001\u001b[31m red </failure>" }];
    const out = renderJunit(r);
    expect(XMLValidator.validate(out)).toBe(true);
    const back = parse(out).suites[0]?.testcase[0];
    expect(back?.failure?.["@_message"]).toContain('a "quoted" <b>bold</b> & ]]>');
    expect(back?.failure?.["#text"]).toContain("</failure>");
  });
});

describe("JUnit writer, other scenario states", () => {
  it("reports a skipped scenario as skipped and a timed-out one as an error", () => {
    const r = sampleRecord();
    const [insecure, hardened] = r.scenarios as [(typeof r.scenarios)[0], (typeof r.scenarios)[0]];
    r.scenarios = [
      { ...insecure, status: "skipped", findings: [], error: "excluded by --probe filter" },
      { ...hardened, status: "timed-out", error: "scenario timed out after 1800 s" },
    ];
    const xml = renderJunit(r);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { suites } = parse(xml);
    expect(suites[0]?.testcase).toHaveLength(1);
    expect(suites[0]?.testcase[0]?.skipped?.["@_message"]).toBe("excluded by --probe filter");
    // A timed-out scenario keeps the findings it got, plus one error for the timeout.
    expect(suites[1]?.testcase).toHaveLength(hardened.findings.length + 1);
    expect(suites[1]?.testcase[0]?.error?.["@_type"]).toBe("timed-out");
  });
});

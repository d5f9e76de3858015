import { describe, expect, it } from "vitest";
import { loadCatalog } from "./catalog.ts";
import { formatProblem, type Problem } from "./problem.ts";
import { baseFiles, makeProject, TEST_PROBES } from "./testing/project.ts";

/** Loads a project made of the base files plus `files`, and returns the formatted problems. */
async function problemsFor(
  files: Record<string, string>,
  focus?: string[],
): Promise<{ problems: Problem[]; text: string }> {
  const root = makeProject({ ...baseFiles(), ...files });
  const catalog = await loadCatalog({
    root,
    probeIds: TEST_PROBES,
    ...(focus ? { files: focus.map((f) => `${root}/${f}`) } : {}),
  });
  return { problems: catalog.problems, text: catalog.problems.map(formatProblem).join("\n") };
}

const SCENARIO = "scenarios/testbed/scenarios/insecure.yaml";

describe("scenario validator: each bad-input class names file, line:column, problem and fix", () => {
  it("accepts a valid project", async () => {
    const { problems } = await problemsFor({
      [SCENARIO]: `target: testbed
values: [../values/insecure.yaml]
expectations:
  - { probe: redis-no-auth, component: redis, verdict: vulnerable, reason: "chart default", expires: "2099-01-01" }
`,
    });
    expect(problems).toEqual([]);
  });

  it("unknown key, with did-you-mean", async () => {
    const { problems, text } = await problemsFor({
      [SCENARIO]: 'target: testbed\ncluster:\n  kubernetesVersoin: "1.34.4"\n',
    });
    expect(problems).toHaveLength(1);
    expect(text).toContain(`${SCENARIO}:3:3: cluster.kubernetesVersoin: unknown key "kubernetesVersoin"`);
    expect(text).toContain('fix: did you mean "kubernetesVersion"?');
  });

  it("wrong type: an unquoted version is a number", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: "target: testbed\ncluster:\n  kubernetesVersion: 1.34\n",
    });
    expect(text).toContain(`${SCENARIO}:3:22: cluster.kubernetesVersion: must be a string, not a number`);
    expect(text).toContain('fix: quote it: "1.34"');
  });

  it("wrong type: a map where a list belongs", async () => {
    const { text } = await problemsFor({ [SCENARIO]: "target: testbed\nvalues:\n  a: b\n" });
    expect(text).toContain(`${SCENARIO}:3:3: values: must be a list, not a map`);
    expect(text).toContain("fix: write a list here");
  });

  it("wrong type: an empty value where a map belongs", async () => {
    const { text } = await problemsFor({ [SCENARIO]: "target: testbed\ncluster:\n" });
    expect(text).toContain(`${SCENARIO}:2:9: cluster: must be a map (key: value), not empty`);
  });

  it("missing required field", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: "target: testbed\nexpectations:\n  - probe: redis-no-auth\n    component: redis\n",
    });
    expect(text).toContain(`${SCENARIO}:3:5: expectations[0]: missing required field "verdict"`);
    expect(text).toContain('fix: add "verdict": the verdict a correct harness gives');
  });

  it("bad probe id in an expectation, with did-you-mean against the probe registry", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: "target: testbed\nexpectations:\n  - { probe: redis-no-auht, verdict: secure }\n",
    });
    expect(text).toContain(`${SCENARIO}:3:14: expectations[0].probe: unknown probe "redis-no-auht"`);
    expect(text).toContain('did you mean "redis-no-auth"?');
  });

  it("unknown component in an expectation, from the target profile", async () => {
    const { text } = await problemsFor({
      [SCENARIO]:
        "target: testbed\nexpectations:\n  - probe: redis-no-auth\n    component: rdis\n    verdict: secure\n",
    });
    expect(text).toContain(`${SCENARIO}:4:16: expectations[0].component: unknown component "rdis"`);
    expect(text).toContain('fix: did you mean "redis"?');
  });

  it("duplicate scenario id", async () => {
    const other = "scenarios/testbed/scenarios/copy.yaml";
    const { problems, text } = await problemsFor({
      [SCENARIO]: "id: testbed/same\ntarget: testbed\n",
      [other]: "id: testbed/same\ntarget: testbed\n",
    });
    expect(problems).toHaveLength(1);
    // Files load in sorted order: copy.yaml first, so insecure.yaml is the duplicate.
    expect(text).toContain(
      `${SCENARIO}:1:5: id: duplicate scenario id "testbed/same" (already defined in ${other})`,
    );
    expect(text).toContain("fix: give one of them a different id");
  });

  it("a values file that does not exist", async () => {
    const { text } = await problemsFor({ [SCENARIO]: "target: testbed\nvalues:\n  - ../values/nope.yaml\n" });
    expect(text).toContain(`${SCENARIO}:3:5: values[0]: values file "../values/nope.yaml" does not exist`);
    expect(text).toContain("fix: give a path relative to this scenario file");
  });

  it("a non-secure expectation without a reason", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: "target: testbed\nexpectations:\n  - probe: flower-no-auth\n    verdict: vulnerable\n",
    });
    expect(text).toContain(
      `${SCENARIO}:4:14: expectations[0].verdict: expectation "vulnerable" for flower-no-auth has no reason`,
    );
    expect(text).toContain("fix: add reason:");
  });

  it("a bad expiry date (form and calendar)", async () => {
    const calendar = await problemsFor({
      [SCENARIO]: `target: testbed
expectations:
  - { probe: flower-no-auth, verdict: vulnerable, reason: r, expires: "2026-02-30" }
`,
    });
    expect(calendar.problems).toHaveLength(1);
    expect(calendar.text).toContain(
      `${SCENARIO}:3:71: expectations[0].expires: "2026-02-30" is not a real date`,
    );
    expect(calendar.text).toContain('fix: write a calendar date as YYYY-MM-DD, quoted, e.g. "2027-01-31"');
    const form = await problemsFor({
      [SCENARIO]: `target: testbed
expectations:
  - { probe: redis-no-auth, verdict: vulnerable, reason: r, expires: next week }
`,
    });
    expect(form.text).toContain(`${SCENARIO}:3:70: expectations[0].expires: "next week" has the wrong form`);
    expect(form.text).toContain("fix: write YYYY-MM-DD");
  });

  it("the same expectation twice in one list", async () => {
    const { text } = await problemsFor({
      [SCENARIO]:
        "target: testbed\nexpectations:\n  - { probe: redis-no-auth, component: redis, verdict: secure }\n  - { probe: redis-no-auth, component: redis, verdict: vulnerable, reason: r }\n",
    });
    expect(text).toContain(`${SCENARIO}:4:14: expectations[1].probe: repeats the expectation at index 0`);
    expect(text).toContain("fix: keep one of them");
  });

  it("a file name that does not make a valid default id", async () => {
    const { text } = await problemsFor({
      "scenarios/testbed/scenarios/My Scenario.yaml": "target: testbed\n",
    });
    expect(text).toContain(
      'target: the id taken from the file name, "testbed/My Scenario", is not lower-case',
    );
  });

  it("a bad verdict, with did-you-mean", async () => {
    const { text } = await problemsFor({
      [SCENARIO]:
        "target: testbed\nexpectations:\n  - { probe: redis-no-auth, verdict: vulnerble, reason: x }\n",
    });
    expect(text).toContain(`expectations[0].verdict: "vulnerble" is not allowed`);
    expect(text).toContain('fix: did you mean "vulnerable"?');
  });

  it("an unknown target", async () => {
    const { text } = await problemsFor({ [SCENARIO]: "target: testbd\n" });
    expect(text).toContain(`${SCENARIO}:1:9: target: unknown target "testbd"`);
    expect(text).toContain('did you mean "testbed"?');
  });

  it("YAML syntax errors and duplicate keys", async () => {
    const { text } = await problemsFor({ [SCENARIO]: "target: testbed\ntarget: other\n" });
    expect(text).toContain(`${SCENARIO}:2:1: YAML syntax:`);
    expect(text).toContain("fix: remove one of the two keys");
  });

  it("an empty file", async () => {
    const { text } = await problemsFor({ [SCENARIO]: "# nothing yet\n" });
    expect(text).toContain(`${SCENARIO}:1:1: the file is empty`);
  });

  it("networkIntent naming a port the component does not have", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: 'target: testbed\nnetworkIntent:\n  "foreign-pod->redis:6380": deny\n',
    });
    expect(text).toContain(
      `${SCENARIO}:3:3: networkIntent["foreign-pod->redis:6380"]: component "redis" has no port "6380"`,
    );
    expect(text).toContain("fix: use one of: 6379 (redis)");
  });

  it("checks the expectations file a scenario merges in, naming that file", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: "target: testbed\nexpectationsFile: insecure.expectations.yml\n",
      "scenarios/testbed/expect/insecure.expectations.yml":
        "- { probe: redis-no-auth, verdict: vulnerable }\n",
    });
    expect(text).toContain('expectations file "insecure.expectations.yml" does not exist');
    const ok = await problemsFor({
      [SCENARIO]: "target: testbed\nexpectationsFile: ../expect/insecure.yml\n",
      "scenarios/testbed/expect/insecure.yml": "- { probe: redis-no-auht, verdict: secure }\n",
    });
    expect(ok.text).toContain(
      'scenarios/testbed/expect/insecure.yml:1:12: [0].probe: unknown probe "redis-no-auht"',
    );
  });

  it("target profile: chart folder missing and id differing from its folder", async () => {
    const { text } = await problemsFor({
      "scenarios/testbed/target.yaml":
        "id: testbed2\ntitle: T\nchart: { path: nochart, name: t }\ncomponents:\n  redis: { selector: { a: b }, ports: [] }\n",
    });
    expect(text).toContain(
      'scenarios/testbed/target.yaml:3:16: chart.path: chart folder "nochart" does not exist',
    );
    expect(text).toContain('id: id "testbed2" differs from its folder "testbed"');
  });

  it("matrix naming an unknown scenario", async () => {
    const { text } = await problemsFor({
      [SCENARIO]: "target: testbed\n",
      "scenarios/testbed/matrix.yaml": "name: nightly\nscenarios: [testbed/insecur]\n",
    });
    expect(text).toContain(
      'scenarios/testbed/matrix.yaml:2:13: scenarios[0]: "testbed/insecur" matches no scenario',
    );
    expect(text).toContain('fix: did you mean "testbed/insecure"?');
  });

  it("with explicit paths, reports only those files", async () => {
    const bad = "scenarios/examples/bad.yaml";
    const { problems } = await problemsFor(
      {
        [SCENARIO]: "target: nope\n",
        [bad]: "target: testbed\nprobes: { include: [redis-no-auth, flowr-no-auth] }\n",
      },
      [bad],
    );
    expect(problems.map((p) => p.file)).toEqual([bad]);
    expect(formatProblem(problems[0] as Problem)).toContain(
      'probes.include[1]: unknown probe "flowr-no-auth"',
    );
  });
});

describe("scenario resolution", () => {
  it("applies defaults and makes values files repository-relative", async () => {
    const root = makeProject({
      ...baseFiles(),
      [SCENARIO]:
        "target: testbed\nvalues: [../values/insecure.yaml]\nset: { replicas: 2, debug: true }\nexpectationsFile: ../expect.yaml\nexpectations:\n  - { probe: redis-no-auth, verdict: secure }\n",
      "scenarios/testbed/expect.yaml":
        "- { probe: redis-no-auth, verdict: vulnerable, reason: default password }\n",
    });
    const catalog = await loadCatalog({ root, probeIds: TEST_PROBES });
    expect(catalog.problems).toEqual([]);
    const s = catalog.scenarios.get("testbed/insecure")?.scenario;
    expect(s).toMatchObject({
      id: "testbed/insecure",
      target: "testbed",
      valuesFiles: ["scenarios/testbed/values/insecure.yaml"],
      set: { replicas: "2", debug: "true" },
      cluster: { kubernetesVersion: "1.34.4", networkPolicy: "kube-router" },
    });
    expect(s?.expectations.map((e) => e.verdict)).toEqual(["vulnerable", "secure"]);
    expect(catalog.targets.get("testbed")?.profile.chart.path).toBe("scenarios/testbed/chart");
  });
});

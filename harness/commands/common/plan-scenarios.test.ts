import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../log/create-logger.ts";
import { ScenarioFilesInvalidError } from "../../scenario/problem.ts";
import { baseFiles, makeProject } from "../../scenario/testing/project.ts";
import { planScenarios } from "./plan-scenarios.ts";

const project = (extra: Record<string, string> = {}): string =>
  makeProject({
    ...baseFiles(),
    "scenarios/testbed/scenarios/insecure.yaml":
      "target: testbed\nexpectations:\n  - { probe: redis-no-auth, verdict: vulnerable, reason: default }\n",
    "scenarios/testbed/scenarios/hardened.yaml": "target: testbed\n",
    ...extra,
  });

describe("planScenarios", () => {
  it("pairs the selected scenarios with their target profile and narrows --probe", async () => {
    const plan = await planScenarios(
      { root: project(), scenarios: ["testbed/insecure"], probes: ["redis-no-auth"] },
      createMemoryLogger(),
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]?.target.id).toBe("testbed");
    expect(plan[0]?.scenario.probes).toEqual({ include: ["redis-no-auth"] });
  });

  it("refuses to plan when any scenario file is invalid, and rejects unknown --probe ids", async () => {
    const bad = project({ "scenarios/testbed/scenarios/bad.yaml": "target: testbed\nclustr: {}\n" });
    await expect(
      planScenarios({ root: bad, scenarios: ["testbed/insecure"] }, createMemoryLogger()),
    ).rejects.toThrow(ScenarioFilesInvalidError);
    await expect(
      planScenarios(
        { root: project(), scenarios: ["testbed/insecure"], probes: ["redis-no-auht"] },
        createMemoryLogger(),
      ),
    ).rejects.toMatchObject({
      message: 'unknown probe "redis-no-auht" in --probe',
      hint: 'did you mean "redis-no-auth"?',
    });
  });
});

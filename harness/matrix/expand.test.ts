import { describe, expect, it } from "vitest";
import type { Scenario } from "../model/scenario.ts";
import { expandMatrix } from "./expand.ts";
import { matchesGlob } from "./glob.ts";
import type { MatrixSpec } from "./matrix-spec.ts";

const base = (id: string, over: Partial<Scenario["cluster"]> = {}): Scenario => ({
  id,
  target: id.split("/")[0] as string,
  valuesFiles: [],
  set: {},
  cluster: { kubernetesVersion: "1.34.4", networkPolicy: "kube-router", ...over },
  expectations: [],
});
const catalog = new Map(
  [
    base("testbed/insecure"),
    base("testbed/hardened", { podSecurity: "restricted" }),
    base("airflow-helm/defaults"),
  ].map((s) => [s.id, s]),
);
const ids = (spec: MatrixSpec): string[] => expandMatrix(spec, catalog).map((c) => c.scenario.id);

describe("expandMatrix", () => {
  it("without axes yields the base scenarios under their own ids", () => {
    expect(ids({ name: "m", scenarios: ["testbed/*"] })).toEqual(["testbed/hardened", "testbed/insecure"]);
  });

  it("crosses axes; a value equal to the base scenario's keeps the base id", () => {
    expect(
      ids({
        name: "m",
        scenarios: ["testbed/insecure"],
        axes: { kubernetesVersion: ["1.33.8", "1.34.4"], networkPolicy: ["kube-router", "calico"] },
      }),
    ).toEqual([
      "testbed/insecure@k8s-1.33.8",
      "testbed/insecure@k8s-1.33.8+np-calico",
      "testbed/insecure",
      "testbed/insecure@np-calico",
    ]);
  });

  it("sets the cell's cluster options", () => {
    const [cell] = expandMatrix(
      {
        name: "m",
        scenarios: ["testbed/hardened"],
        axes: { kubernetesVersion: ["1.33.8"], podSecurity: ["baseline"] },
      },
      catalog,
    );
    expect(cell?.scenario.cluster).toEqual({
      kubernetesVersion: "1.33.8",
      networkPolicy: "kube-router",
      podSecurity: "baseline",
    });
    expect(cell?.scenario.id).toBe("testbed/hardened@k8s-1.33.8+psa-baseline");
    expect(cell?.base).toBe("testbed/hardened");
  });

  it("exclude drops cells matching every given field (scenario as glob); include adds cells after it", () => {
    const spec: MatrixSpec = {
      name: "m",
      scenarios: ["testbed/*", "airflow-helm/defaults"],
      axes: { kubernetesVersion: ["1.33.8", "1.34.4"] },
      exclude: [
        { scenario: "testbed/*", kubernetesVersion: "1.33.8" },
        { scenario: "airflow-helm/defaults", kubernetesVersion: "1.34.4" },
      ],
      include: [
        { scenario: "testbed/insecure", networkPolicy: "calico" },
        { scenario: "testbed/insecure", kubernetesVersion: "1.33.8" },
      ],
    };
    expect(ids(spec)).toEqual([
      "testbed/hardened",
      "testbed/insecure",
      "airflow-helm/defaults@k8s-1.33.8",
      "testbed/insecure@np-calico",
      "testbed/insecure@k8s-1.33.8",
    ]);
  });

  it("ids are stable when scenarios and axis values are added", () => {
    const small = ids({
      name: "m",
      scenarios: ["testbed/insecure"],
      axes: { kubernetesVersion: ["1.33.8"] },
    });
    const big = ids({
      name: "m",
      scenarios: ["testbed/*", "airflow-helm/*"],
      axes: {
        kubernetesVersion: ["1.33.8", "1.34.4", "1.32.9"],
        networkPolicy: ["kube-router", "kindnet"],
        podSecurity: ["restricted"],
      },
    });
    const smallAgain = ids({
      name: "m",
      scenarios: ["testbed/insecure"],
      axes: { kubernetesVersion: ["1.33.8", "1.32.9"] },
    });
    expect(smallAgain).toContain(small[0]);
    // The same cell (k8s 1.33.8, kube-router, restricted) in the big matrix has the same id as alone.
    const alone = ids({
      name: "m",
      scenarios: ["testbed/hardened"],
      axes: { kubernetesVersion: ["1.33.8"] },
    });
    expect(big).toContain(alone[0]);
    expect(new Set(big).size).toBe(big.length);
    expect(big).toHaveLength(3 * 3 * 2);
  });

  it("keeps duplicate cells once", () => {
    expect(
      ids({
        name: "m",
        scenarios: ["testbed/insecure", "testbed/*"],
        include: [{ scenario: "testbed/insecure" }],
      }),
    ).toEqual(["testbed/insecure", "testbed/hardened"]);
  });
});

describe("globs", () => {
  it.each([
    ["testbed/insecure", "testbed/*", true],
    ["testbed/insecure@k8s-1.33.8", "testbed/*", true],
    ["testbed/a/b", "testbed/*", false],
    ["testbed/a/b", "testbed/**", true],
    ["testbed/insecure", "testbed/in?ecure", true],
    ["testbedX/insecure", "testbed/*", false],
    ["a.b/c", "a.b/*", true],
    ["axb/c", "a.b/*", false],
  ])("%s ~ %s → %s", (id, glob, ok) => expect(matchesGlob(id, glob)).toBe(ok));
});

describe("expandMatrix (property: unique ids, stable under growth)", () => {
  const versions = ["1.32.9", "1.33.8", "1.34.4", "1.35.1"];
  const engines = ["kube-router", "kindnet", "calico", "none"] as const;
  const levels = ["privileged", "baseline", "restricted"] as const;
  const pick = <T>(all: readonly T[], mask: number): T[] => all.filter((_, i) => mask & (1 << i));

  it("holds for every combination of axis subsets", () => {
    const scenarios: MatrixSpec["scenarios"] = ["testbed/*", "airflow-helm/defaults"];
    for (let v = 1; v < 1 << versions.length; v++) {
      for (let e = 1; e < 1 << engines.length; e += 3) {
        for (let l = 0; l < 1 << levels.length; l++) {
          const axes = {
            kubernetesVersion: pick(versions, v),
            networkPolicy: pick(engines, e),
            ...(l ? { podSecurity: pick(levels, l) } : {}),
          };
          const cells = expandMatrix({ name: "m", scenarios, axes }, catalog);
          const cellIds = cells.map((c) => c.scenario.id);
          expect(new Set(cellIds).size).toBe(cellIds.length);
          // Growing one axis keeps every existing cell with the same id and cluster options.
          const grown = expandMatrix(
            { name: "m", scenarios, axes: { ...axes, kubernetesVersion: [...versions] } },
            catalog,
          );
          const byId = new Map(grown.map((c) => [c.scenario.id, c.scenario.cluster]));
          for (const c of cells) expect(byId.get(c.scenario.id)).toEqual(c.scenario.cluster);
        }
      }
    }
  });
});

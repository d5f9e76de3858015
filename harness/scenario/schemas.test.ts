import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { NETWORK_POLICY_ENGINES } from "../commands/common/cluster-options.ts";
import { SCHEMA_DIR, SCHEMA_FILES, validateAgainst } from "./schemas.ts";

describe("published JSON Schemas", () => {
  it.each(Object.entries(SCHEMA_FILES))(
    "%s schema compiles in strict mode and is named by its file",
    (kind, file) => {
      const schema = JSON.parse(readFileSync(resolve(SCHEMA_DIR, file), "utf8")) as {
        $id: string;
        title: string;
      };
      expect(schema.$id).toBe(file);
      expect(schema.title).toContain("chartprobe");
      expect(() => validateAgainst(kind as keyof typeof SCHEMA_FILES, {})).not.toThrow();
    },
  );

  it("the expectations schema reuses the scenario's expectation definition", () => {
    expect(validateAgainst("expectations", [{ probe: "p", verdict: "secure" }])).toEqual([]);
    expect(validateAgainst("expectations", [{ probe: "p", verdict: "maybe" }])[0]?.keyword).toBe("enum");
  });
});

describe("NetworkPolicy engine names", () => {
  // The CLI, the scenario/matrix schemas and the run-record schema each list the engines; a
  // name missing from one of them would reject a valid scenario or record.
  const enums = (file: string): string[][] => {
    const found: string[][] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const e = (node as { enum?: unknown }).enum;
        if (Array.isArray(e) && e.includes("kube-router")) found.push(e as string[]);
        Object.values(node).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync(file, "utf8")));
    return found;
  };

  it.each([
    resolve(SCHEMA_DIR, "scenario.schema.json"),
    resolve(SCHEMA_DIR, "matrix.schema.json"),
    resolve(import.meta.dirname, "../../reports/schema/run-record.schema.json"),
  ])("%s lists exactly the CLI's engines", (file) => {
    const lists = enums(file);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect([...list].sort()).toEqual([...NETWORK_POLICY_ENGINES].sort());
  });
});

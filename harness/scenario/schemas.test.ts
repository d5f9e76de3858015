import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
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

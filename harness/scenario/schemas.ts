import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

/** The published JSON Schemas (scenarios/schema/), shipped with chartprobe itself. */
export const SCHEMA_DIR = resolve(import.meta.dirname, "../../scenarios/schema");

export type FileKind = "target" | "scenario" | "matrix" | "expectations";

export const SCHEMA_FILES: Record<FileKind, string> = {
  target: "target.schema.json",
  scenario: "scenario.schema.json",
  matrix: "matrix.schema.json",
  expectations: "expectations.schema.json",
};

let compiled: Record<FileKind, ValidateFunction> | undefined;

/** Compiled validators, built once; `verbose` keeps each error's schema for hints. */
export function validators(): Record<FileKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  for (const file of Object.values(SCHEMA_FILES)) {
    ajv.addSchema(JSON.parse(readFileSync(resolve(SCHEMA_DIR, file), "utf8")) as object);
  }
  const get = (kind: FileKind): ValidateFunction => {
    const v = ajv.getSchema(SCHEMA_FILES[kind]);
    if (!v) throw new Error(`schema ${SCHEMA_FILES[kind]} did not compile`);
    return v;
  };
  compiled = {
    target: get("target"),
    scenario: get("scenario"),
    matrix: get("matrix"),
    expectations: get("expectations"),
  };
  return compiled;
}

export function validateAgainst(kind: FileKind, data: unknown): ErrorObject[] {
  const validate = validators()[kind];
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

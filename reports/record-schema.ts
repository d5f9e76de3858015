import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/** The committed JSON Schema of the run record (draft 2020-12). */
export const RUN_RECORD_SCHEMA_PATH = resolve(import.meta.dirname, "schema/run-record.schema.json");

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default;

let validator: ValidateFunction | undefined;

export function runRecordSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(RUN_RECORD_SCHEMA_PATH, "utf8")) as Record<string, unknown>;
}

/** Validates a parsed record against the schema; returns ajv's errors (empty when valid). */
export function validateRunRecordShape(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv);
    validator = ajv.compile(runRecordSchema());
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** "/scenarios/0/findings/3/verdict" → "$.scenarios[0].findings[3].verdict". */
export function jsonPath(instancePath: string): string {
  if (!instancePath) return "$";
  return `$${instancePath
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((seg) =>
      /^\d+$/.test(seg)
        ? `[${seg}]`
        : /^[A-Za-z_$][\w$]*$/.test(seg)
          ? `.${seg}`
          : `[${JSON.stringify(seg)}]`,
    )
    .join("")}`;
}

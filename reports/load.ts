import { readFile } from "node:fs/promises";
import type { ErrorObject } from "ajv";
import { closest } from "fastest-levenshtein";
import { UserError } from "../harness/errors.ts";
import { RUN_RECORD_SCHEMA_VERSION, type RunRecord } from "../harness/model/run-record.ts";
import { jsonPath, validateRunRecordShape } from "./record-schema.ts";

/** How many schema problems one message lists before it says "and N more". */
const MAX_LISTED = 5;

/** Reads a run record and checks it against reports/schema/run-record.schema.json. */
export async function loadRunRecord(path: string): Promise<RunRecord> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `${path}: cannot read the run record (${code ?? String(err)})`,
      "pass the path of a run-record.json written by `chartprobe run` or `chartprobe report merge`",
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(
      `${path}: not valid JSON (${(err as Error).message})`,
      "a run record is the JSON file `chartprobe run` writes (run-record.json); was the file cut short or is it another format?",
    );
  }
  return parseRunRecord(data, path);
}

/** Validates already-parsed JSON; `source` names it in messages. */
export function parseRunRecord(data: unknown, source: string): RunRecord {
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError(
      `${source}: $ must be a JSON object`,
      "a run record is an object with kind: chartprobe-run",
    );
  }
  const obj = data as Record<string, unknown>;
  if (obj.kind !== "chartprobe-run") {
    throw new UserError(
      `${source}: $.kind is ${JSON.stringify(obj.kind)}, expected "chartprobe-run"`,
      "this is not a chartprobe run record; pass the run-record.json of a run",
    );
  }
  if (obj.schemaVersion !== RUN_RECORD_SCHEMA_VERSION) {
    throw new UserError(
      `${source}: $.schemaVersion is ${JSON.stringify(obj.schemaVersion)}, this chartprobe reads schemaVersion ${RUN_RECORD_SCHEMA_VERSION}`,
      typeof obj.schemaVersion === "number" && obj.schemaVersion > RUN_RECORD_SCHEMA_VERSION
        ? "the record was written by a newer chartprobe: upgrade chartprobe to read it"
        : "re-run the scenario with this chartprobe version to get a record it can read",
    );
  }
  const errors = validateRunRecordShape(data);
  if (errors.length > 0) {
    const lines = errors.slice(0, MAX_LISTED).map((e) => `  ${describe(e)}`);
    if (errors.length > MAX_LISTED) lines.push(`  ... and ${errors.length - MAX_LISTED} more`);
    throw new UserError(
      `${source}: not a valid run record (schemaVersion ${RUN_RECORD_SCHEMA_VERSION}):\n${lines.join("\n")}`,
      `fix the fields named above (schema: reports/schema/run-record.schema.json); ${fixFor(errors[0] as ErrorObject)}`,
    );
  }
  return data as RunRecord;
}

function describe(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `${at}: missing required field "${String(p.missingProperty)}"`;
    case "additionalProperties": {
      const extra = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      const hint = known.length > 0 ? `; did you mean "${closest(extra, known)}"?` : "";
      return `${at}: unknown field "${extra}"${hint}`;
    }
    case "enum":
      return `${at}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${at}: must be ${JSON.stringify(p.allowedValue)}`;
    default:
      return `${at}: ${e.message ?? e.keyword}`;
  }
}

function fixFor(e: ErrorObject): string {
  switch (e.keyword) {
    case "required":
      return "add the missing field";
    case "additionalProperties":
      return "remove or rename the unknown field";
    case "enum":
    case "const":
      return "use one of the allowed values";
    case "type":
      return "give the field a value of the right type";
    default:
      return "correct the value";
  }
}

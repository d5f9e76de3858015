import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { RunRecord } from "../../harness/model/run-record.ts";

export const SAMPLE_RECORD_PATH = resolve(import.meta.dirname, "../fixtures/sample-run-record.json");

/** A fresh deep copy of the sample record for each test (tests may change it). */
export function sampleRecord(): RunRecord {
  return JSON.parse(readFileSync(SAMPLE_RECORD_PATH, "utf8")) as RunRecord;
}

/**
 * The secret values planted in the sample record, each in a different credential position
 * (URL user info, AUTH line, curl -u, Basic header, env assignment, Set-Cookie, JWT, PEM body,
 * password=, redis-cli -a, a --set of redis.password), spread over evidence, repro commands,
 * summaries and diagnostics. No report may ever contain one of them.
 */
export const PLANTED_SECRETS = [
  "PlantedSetPass-1x9",
  "PlantedPgPass-91c2",
  "PlantedRedisPass-7f3a",
  "PlantedAdminPass-55",
  "YWRtaW46UGxhbnRlZEFkbWluUGFzcy01NQ==",
  "PlantedFernetKey-2b9ab",
  "PlantedWebKey-88x",
  "PlantedSessionCookie-abc123",
  "PlantedSessionCookie-def456",
  "PlantedForgedCookie-77",
  "PlantedJwtSignature_x1",
  "eyJhbGciOiJSUzI1NiIsImtpZCI6InBsYW50ZWQifQ",
  "PlantedPemBody0123456789abcdef",
  "PlantedDiagPass-3e9",
  "PlantedReproPass-5k",
];

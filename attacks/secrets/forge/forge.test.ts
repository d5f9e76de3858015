import { describe, expect, it } from "vitest";
import {
  flaskLoginIdentifier,
  loggedInSession,
  readFlaskSession,
  signFlaskSession,
  verifyFlaskSession,
} from "./flask-session-cookie.ts";
import { forgeLogServerToken } from "./jwt-hs512.ts";

// Vectors computed independently with Python: itsdangerous 2.2 URLSafeTimedSerializer (salt
// "cookie-session", HMAC key derivation, SHA-1, compact sorted JSON), PyJWT 2.8 HS512, and
// Flask-Login 0.6's _create_identifier() in a Flask test request.
const NOW = 1767225600;
const KEY = "THIS IS UNSAFE!";

describe("Flask session cookie forging", () => {
  it("matches itsdangerous for an uncompressed payload", () => {
    expect(signFlaskSession({ _user_id: "1", _fresh: true }, KEY, NOW)).toBe(
      "eyJfZnJlc2giOnRydWUsIl91c2VyX2lkIjoiMSJ9.aVW5AA.KSwFXErXBUJLmKqFZic0v8CpsFA",
    );
  });

  it("accepts itsdangerous' compressed cookie and round-trips its own", () => {
    // zlib implementations may emit different (equally valid) deflate streams, so the bytes are
    // compared through verification and decoding rather than literally.
    const python =
      ".eJwlzsENwzAIAMBd_O4DY2xDlokAg9Jv0ryq7t5KvQnuXfY84zrK9jrveJT9ucpWtMqQAIXWEmyCiRiRec7eQmkshpnKWkOG9UihTroIq3YHS01TFpdgSjZCMERriug0DZorkrDMBRK-tA12gETBQOrax8Lyi9xXnP9NLZ8v9w8vug.aVW5AA.vhf_f4Aei0YvotJpKTtaGeC-2nU";
    expect(verifyFlaskSession(python, KEY)).toBe(true);
    expect(verifyFlaskSession(python, "another key")).toBe(false);
    expect(verifyFlaskSession(python.replace("aVW5AA", "aVW5AB"), KEY)).toBe(false);
    const session = loggedInSession("1", "10.9.9.9", "chartprobe/1");
    expect(readFlaskSession(python)).toEqual(session);
    const ours = signFlaskSession(session, KEY, NOW);
    expect(ours.startsWith(".")).toBe(true);
    expect(verifyFlaskSession(ours, KEY)).toBe(true);
    expect(readFlaskSession(ours)).toEqual(session);
  });

  it("changes the signature with another key", () => {
    expect(signFlaskSession({ _user_id: "1" }, "other", NOW)).not.toBe(
      signFlaskSession({ _user_id: "1" }, KEY, NOW),
    );
  });

  it("computes Flask-Login's session identifier", () => {
    expect(flaskLoginIdentifier("10.9.9.9", "chartprobe/1")).toBe(
      "a1969e0a033f0b70b99b44bcf753ea46d807fa8a1e96b5ef9454ad421a5c0bfafba89c9e84f8b420b22b3a22c47b03ca249897d09ecda368c00f292e245a56d2",
    );
  });
});

describe("worker log server token forging", () => {
  it("matches PyJWT HS512 with the claims Airflow's JWTSigner checks", () => {
    expect(forgeLogServerToken(KEY, "dag_id=x/run_id=y/task_id=z/attempt=1.log", NOW)).toBe(
      "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ0YXNrLWluc3RhbmNlLWxvZ3MiLCJpYXQiOjE3NjcyMjU2MDAsIm5iZiI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI1NjMwLCJmaWxlbmFtZSI6ImRhZ19pZD14L3J1bl9pZD15L3Rhc2tfaWQ9ei9hdHRlbXB0PTEubG9nIn0.LUN_qChC7CpXp9h7eAFZFcMcdogs_5-OvpZQ_ORXgZsF1Ws9FvV7K5OK-5OWFi00OAJh_vEn_OVjZFHjaq3ivQ",
    );
  });
});

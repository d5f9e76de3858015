import { describe, expect, it } from "vitest";
import { MASK, redactDeep, redactPatterns, redactText, redactValues } from "./redact.ts";

describe("redactPatterns", () => {
  // [input, what must be gone, what must stay]
  const cases: [string, string, string][] = [
    ["postgresql://airflow:S3cretPw@db:5432/airflow", "S3cretPw", "postgresql://airflow:***@db:5432/airflow"],
    ["redis://:Pw-only-1@redis:6379/0", "Pw-only-1", "redis://:"],
    ["Authorization: Basic YWRtaW46YWRtaW4=", "YWRtaW46YWRtaW4=", "Authorization: Basic ***"],
    ["-H 'authorization: Bearer abc.def-ghi'", "abc.def-ghi", "Bearer ***"],
    [
      "Set-Cookie: session=abc.Zx.sig; HttpOnly; Path=/; SameSite=Lax",
      "abc.Zx.sig",
      "HttpOnly; Path=/; SameSite=Lax",
    ],
    ["Cookie: session=abcdef; csrftoken=xyz1", "abcdef", "Cookie: session=***; csrftoken=***"],
    ["curl -u admin:hunter2 http://127.0.0.1:8080/", "hunter2", "curl -u admin:*** http://127.0.0.1:8080/"],
    ["curl --user admin:hunter2 http://x", "hunter2", "--user admin:***"],
    ["> AUTH default Pl4nted-pw\n< +OK", "Pl4nted-pw", "> AUTH ***\n< +OK"],
    ["AUTH Pl4nted-pw", "Pl4nted-pw", "AUTH ***"],
    ["127.0.0.1:6379> AUTH alice Pl4nted-pw", "Pl4nted-pw", "127.0.0.1:6379> AUTH ***"],
    ["redis-cli -h 127.0.0.1 -p 6379 -a Pl4nted-pw PING", "Pl4nted-pw", "-a *** PING"],
    ["requirepass Pl4nted-pw", "Pl4nted-pw", "requirepass ***"],
    ["AIRFLOW__CORE__FERNET_KEY=Zm9vYmFyYmF6 next", "Zm9vYmFyYmF6", "AIRFLOW__CORE__FERNET_KEY=*** next"],
    ['{"password": "hunter22", "user": "airflow"}', "hunter22", '"password": "***", "user": "airflow"'],
    ["webserverSecretKey: my-secret-key-value", "my-secret-key-value", "webserverSecretKey: ***"],
    ["PGPASSWORD=abc123 psql -h x", "abc123", "PGPASSWORD=*** psql"],
    ["--password=abc123", "abc123", "--password=***"],
    ["token eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJl", "c2lnbmF0dXJl", "token ***"],
    [
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nline2\n-----END RSA PRIVATE KEY-----",
      "MIIEowIBAAKCAQEA",
      "-----BEGIN RSA PRIVATE KEY-----\n***\n-----END RSA PRIVATE KEY-----",
    ],
    ["aws key AKIAABCDEFGHIJKLMNOP here", "AKIAABCDEFGHIJKLMNOP", "aws key *** here"],
  ];
  it.each(cases)("masks %j", (input, secret, kept) => {
    const out = redactPatterns(input);
    expect(out).not.toContain(secret);
    expect(out).toContain(kept);
  });

  const untouched = [
    "PING answered without AUTH (user default); CONFIG is available",
    "AUTH with the chart's default password was refused",
    "automountServiceAccountToken: true",
    "secretKeyRef: airflow-fernet-key",
    "secretName: airflow-webserver-secret",
    'curl -u "admin:$ADMIN_PASSWORD" http://127.0.0.1:8080/',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable reference, on purpose
    "postgresql://airflow:${DB_PASSWORD}@db:5432/airflow",
    "PGPASSWORD=$KNOWN_DEFAULT_DB_PASSWORD psql -h 127.0.0.1",
    "session cookie lacks Secure",
    "login with admin/admin succeeded",
    "password: ***",
  ];
  it.each(untouched)("leaves %j alone", (text) => {
    expect(redactPatterns(text)).toBe(text);
  });

  it("is idempotent", () => {
    for (const [input] of cases) {
      const once = redactPatterns(input);
      expect(redactPatterns(once)).toBe(once);
    }
  });
});

describe("redactValues", () => {
  it("masks a known value, its base64, base64url and URL-encoded forms", () => {
    const secret = "p@ss/w?rd+x~1";
    const text = [
      `plain ${secret}`,
      `b64 ${Buffer.from(secret).toString("base64")}`,
      `b64url ${Buffer.from(secret).toString("base64url")}`,
      `url ${encodeURIComponent(secret)}`,
    ].join("\n");
    const out = redactValues(text, [secret]);
    expect(out).toBe(`plain ${MASK}\nb64 ${MASK}\nb64url ${MASK}\nurl ${MASK}`);
  });

  it("replaces a longer secret whole when it contains a shorter one", () => {
    expect(redactValues("x abcdefgh y", ["abcd", "abcdefgh"])).toBe(`x ${MASK} y`);
  });

  it("ignores empty and very short values (they would shred words)", () => {
    expect(redactValues("a bit of text", ["", "a", "bit"])).toBe("a bit of text");
  });
});

describe("redactText and redactDeep", () => {
  it("redactText applies the known values and the patterns", () => {
    expect(redactText("value s3cr3t-value and password=other1", ["s3cr3t-value"])).toBe(
      `value ${MASK} and password=${MASK}`,
    );
  });

  it("redactDeep masks every string and values under secret-looking keys, without touching the input", () => {
    const input = {
      set: { "redis.password": "plain-value", "web.replicas": "2" },
      findings: [{ summary: "AUTH xyz123", evidence: [{ label: "env", content: "TOKEN=abc12345" }] }],
      count: 3,
      ok: true,
    };
    const copy = structuredClone(input);
    const out = redactDeep(input, ["never-here"]);
    expect(out.set["redis.password"]).toBe(MASK);
    expect(out.set["web.replicas"]).toBe("2");
    expect(out.findings[0]?.summary).toBe(`AUTH ${MASK}`);
    expect(out.findings[0]?.evidence[0]?.content).toBe(`TOKEN=${MASK}`);
    expect(out.count).toBe(3);
    expect(input).toEqual(copy);
  });
});

import { describe, expect, it } from "vitest";
import { hardenedRelease, insecureRelease } from "../testing/release-fixtures.ts";
import { runOnObjects } from "../testing/run-on-objects.ts";
import { testTarget } from "../testing/test-target.ts";
import { knownFernetKey } from "./known-fernet-key.ts";
import { secretInConfigmap } from "./secret-in-configmap.ts";
import { secretInEnvLiteral } from "./secret-in-env-literal.ts";
import { secretInReleaseValues, secretValuePaths } from "./secret-in-release-values.ts";
import { secretMountedUnneeded } from "./secret-mounted-unneeded.ts";
import { looksLikeSecret, secretLinesIn } from "./secret-shapes.ts";

const target = testTarget();
const insecure = insecureRelease(target);
const hardened = hardenedRelease(target);

describe("secret probes on fixture objects", () => {
  it("known-fernet-key: the chart default is found, a generated key is not", async () => {
    const [bad] = await runOnObjects(knownFernetKey, target, insecure);
    expect(bad?.verdict).toBe("vulnerable");
    expect(bad?.summary).toMatch(/local-config-envs/);
    expect(JSON.stringify(bad)).not.toContain(target.knownDefaults.fernetKey);
    const [good] = await runOnObjects(knownFernetKey, target, hardened);
    expect(good?.verdict).toBe("secure");
  });
  it("known-fernet-key: a rotation list that still holds the default is vulnerable; none found is inconclusive", async () => {
    const rotated = {
      ...hardened,
      secrets: [
        {
          metadata: { name: "x" },
          data: { "fernet-key": Buffer.from(`newkey,${target.knownDefaults.fernetKey}`).toString("base64") },
        },
      ],
    };
    expect((await runOnObjects(knownFernetKey, target, rotated))[0]?.verdict).toBe("vulnerable");
    expect((await runOnObjects(knownFernetKey, target, { ...hardened, secrets: [] }))[0]?.verdict).toBe(
      "inconclusive",
    );
  });

  it("secret-in-env-literal: a connection string with a password in env, not names or references", async () => {
    const bad = await runOnObjects(secretInEnvLiteral, target, insecure);
    expect(bad.every((f) => f.verdict === "vulnerable")).toBe(true);
    expect(bad[0]?.summary).toMatch(/AIRFLOW__DATABASE__SQL_ALCHEMY_CONN/);
    expect(bad[0]?.summary).not.toMatch(/DATABASE_USER|REDIS_PASSWORD/);
    expect(JSON.stringify(bad)).not.toContain("postgres:airflow@");
    const good = await runOnObjects(secretInEnvLiteral, target, hardened);
    expect(good.every((f) => f.verdict === "secure")).toBe(true);
  });

  it("secret-in-configmap: sql_alchemy_conn with credentials in airflow.cfg; *_secret is fine", async () => {
    const [bad] = await runOnObjects(secretInConfigmap, target, insecure);
    expect(bad?.verdict).toBe("vulnerable");
    expect(bad?.summary).toMatch(/local-config\/airflow\.cfg: sql_alchemy_conn/);
    const [good] = await runOnObjects(secretInConfigmap, target, hardened);
    expect(good?.verdict).toBe("secure");
  });

  it("secret-in-release-values: literal passwords and keys; empty values and Secret names are fine", async () => {
    const [bad] = await runOnObjects(secretInReleaseValues, target, insecure);
    expect(bad?.verdict).toBe("vulnerable");
    expect(secretValuePaths(insecure.helmValues).sort()).toEqual([
      "airflow.fernetKey",
      "airflow.users[0].password",
      "airflow.webserverSecretKey",
      "postgresql.postgresqlPassword",
      "redis.password",
    ]);
    const [good] = await runOnObjects(secretInReleaseValues, target, hardened);
    expect(good?.verdict).toBe("secure");
    expect(
      (await runOnObjects(secretInReleaseValues, target, { ...hardened, helmValues: {} }))[0]?.verdict,
    ).toBe("inconclusive");
  });

  it("secret-mounted-unneeded: envFrom of the whole Secret gives flower the database password", async () => {
    const bad = await runOnObjects(secretMountedUnneeded, target, insecure);
    const flower = bad.find((f) => f.component === "flower");
    expect(flower?.verdict).toBe("vulnerable");
    expect(flower?.summary).toMatch(/local-config-envs\/DATABASE_PASSWORD/);
    const good = await runOnObjects(secretMountedUnneeded, target, hardened);
    expect(good.map((f) => f.verdict)).toEqual(good.map(() => "secure"));
  });
});

describe("secret-mounted-unneeded with literal env (no Secret at all)", () => {
  it("counts literal env named like the profile's secret keys, ignores other literals", async () => {
    const pod = (component: string, env: { name: string; value: string }[]) => ({
      metadata: { name: `${component}-0`, labels: target.components[component]?.selector },
      spec: { containers: [{ name: component, env }] },
    });
    const pods = [
      pod("flower", [
        { name: "REDIS_PASSWORD", value: "x1" },
        { name: "AIRFLOW__CORE__FERNET_KEY", value: "k" },
      ]),
      pod("redis", [
        { name: "REDIS_PASSWORD", value: "x1" },
        { name: "SOME_OTHER_PASSWORD", value: "y" },
      ]),
    ];
    const fs = await runOnObjects(secretMountedUnneeded, target, { pods, secrets: [] });
    const flower = fs.find((f) => f.component === "flower");
    expect(flower?.verdict).toBe("vulnerable");
    expect(flower?.summary).toMatch(/env\/AIRFLOW__CORE__FERNET_KEY/);
    expect(fs.find((f) => f.component === "redis")?.verdict).toBe("secure");
  });
});

describe("secret shapes", () => {
  it.each([
    ["DATABASE_PASSWORD", "s3cret", true],
    ["AIRFLOW__CORE__FERNET_KEY", "abc=", true],
    ["webserverSecretKey", "THIS IS UNSAFE!", true],
    ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "postgresql://u:p4ss@h/db", true],
    ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "postgresql://h/db", false],
    ["existingSecret", "my-secret", false],
    ["basicAuthSecret", "flower-auth", false],
    ["DATABASE_PASSWORD_FILE", "/run/secrets/pw", false],
    ["REDIS_PASSWORD", "$(REDIS_PW)", false],
    ["password", "", false],
    ["LOAD_EXAMPLES", "False", false],
    ["BROKER_URL", "redis://:airflow@redis:6379/0", true],
  ])("%s=%s → %s", (name, value, expected) => {
    expect(looksLikeSecret(name, value)).toBe(expected);
  });
  it("ignores code in embedded files, flags quoted literals", () => {
    const py =
      'password = request.form["password"]\nSECRET_KEY = os.environ.get("X")\nAPI_TOKEN = "tok-123456"\n';
    expect(secretLinesIn(py)).toEqual(["API_TOKEN"]);
  });
  it("finds credential lines in embedded config files", () => {
    expect(secretLinesIn("[a]\npassword = x1y2\nuser = bob\nurl: redis://:pw@r:6379\n")).toEqual([
      "password",
      "url",
    ]);
  });
});

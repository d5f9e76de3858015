import { describe, expect, it } from "vitest";
import { emptySnapshot } from "../harness/access/local/empty-snapshot.ts";
import type { ReleaseSnapshot } from "../harness/model/access.ts";
import { credentialRef, deployedDbCredential, parseDbUrl } from "./deployed-credentials.ts";
import { b64 } from "./testing/probe-context.ts";
import { testTarget } from "./testing/test-target.ts";

const snap = (over: Partial<ReleaseSnapshot>): ReleaseSnapshot => ({
  ...emptySnapshot("ns", "rel"),
  ...over,
});

describe("deployed credentials", () => {
  it("parses SQLAlchemy-style postgres URLs", () => {
    expect(parseDbUrl("postgresql+psycopg2://postgres:air%40flow@rel-pgbouncer:6432/airflow")).toEqual({
      user: "postgres",
      password: "air@flow",
      database: "airflow",
    });
    expect(parseDbUrl("redis://:pw@r:6379/0")).toBeUndefined();
  });
  it("finds profile refs under camelCase or kebab-case purpose names", () => {
    const t = testTarget({
      credentials: { fernetKey: { secret: "s", key: "F" }, "database-user": { secret: "s", key: "U" } },
    });
    expect(credentialRef(t, "fernet-key")?.key).toBe("F");
    expect(credentialRef(t, "databaseUser")?.key).toBe("U");
  });
  it("reads user and password from the release Secret", () => {
    const s = snap({
      secrets: [
        {
          metadata: { name: "rel-config-envs" },
          data: { DATABASE_USER: b64("app"), DATABASE_PASSWORD: b64("pw") },
        },
      ],
    });
    expect(deployedDbCredential(s, testTarget())).toEqual({
      user: "app",
      password: "pw",
      database: "airflow",
    });
  });
  it("falls back to a connection URL written literally into the pods", () => {
    const pods = [
      {
        spec: {
          containers: [
            {
              name: "c",
              env: [{ name: "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", value: "postgresql://app2:pw2@h/db2" }],
            },
          ],
        },
      },
    ];
    expect(deployedDbCredential(snap({ pods }), testTarget())).toEqual({
      user: "app2",
      password: "pw2",
      database: "db2",
    });
    expect(deployedDbCredential(snap({}), testTarget())).toBeUndefined();
  });
});

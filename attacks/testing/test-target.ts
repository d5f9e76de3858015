import type { Scenario, TargetProfile } from "../../harness/model/scenario.ts";

/** A target profile shaped like the community Airflow chart, with its public defaults. */
export function testTarget(overrides: Partial<TargetProfile> = {}): TargetProfile {
  return {
    id: "test",
    title: "test target",
    chart: { name: "test", path: "scenarios/test/chart" },
    components: {
      webserver: {
        selector: { app: "airflow", component: "web" },
        ports: [{ name: "web", port: 8080, protocol: "http" }],
        needsSecrets: ["webserver-secret-key", "fernet-key", "database"],
      },
      scheduler: {
        selector: { app: "airflow", component: "scheduler" },
        ports: [],
        needsKubeApi: true,
        needsSecrets: ["fernet-key", "database", "redis"],
      },
      worker: {
        selector: { app: "airflow", component: "worker" },
        ports: [{ name: "worker-logs", port: 8793, protocol: "http" }],
        needsSecrets: ["webserver-secret-key", "fernet-key", "database", "redis"],
      },
      flower: {
        selector: { app: "airflow", component: "flower" },
        ports: [{ name: "flower", port: 5555, protocol: "http" }],
        needsSecrets: ["redis"],
      },
      postgres: {
        selector: { app: "postgresql" },
        ports: [{ name: "postgres", port: 5432, protocol: "postgres" }],
        needsSecrets: [],
      },
      pgbouncer: {
        selector: { app: "airflow", component: "pgbouncer" },
        ports: [{ name: "pgbouncer", port: 6432, protocol: "postgres" }],
        needsSecrets: ["database"],
      },
      redis: {
        selector: { app: "redis" },
        ports: [{ name: "redis", port: 6379, protocol: "redis" }],
        needsSecrets: ["redis"],
      },
    },
    knownDefaults: {
      adminUser: { username: "admin", password: "admin" },
      webserverSecretKey: "THIS IS UNSAFE!",
      fernetKey: "7T512UXSSmBOkpWimFHIVb8jK6lfmSAvx4mO6Arehnc=",
      database: { username: "postgres", password: "airflow", database: "airflow" },
      redisPassword: "airflow",
    },
    credentials: {
      database: { secret: "{release}-config-envs", key: "DATABASE_PASSWORD" },
      "database-user": { secret: "{release}-config-envs", key: "DATABASE_USER" },
      redis: { secret: "{release}-config-envs", key: "REDIS_PASSWORD" },
      "webserver-secret-key": { secret: "{release}-config-envs", key: "AIRFLOW__WEBSERVER__SECRET_KEY" },
      "fernet-key": { secret: "{release}-config-envs", key: "AIRFLOW__CORE__FERNET_KEY" },
    },
    locations: {
      "redis-no-auth": { valuesKey: "redis.password", file: "values.yaml" },
      "airflow-default-login": { valuesKey: "airflow.users", file: "values.yaml" },
    },
    ...overrides,
  };
}

export function testScenario(): Scenario {
  return {
    id: "test/local",
    target: "test",
    valuesFiles: [],
    set: {},
    cluster: { kubernetesVersion: "1.33", networkPolicy: "none" },
    expectations: [],
  };
}

import type { ReleaseSnapshot } from "../../harness/model/access.ts";
import type { TargetProfile } from "../../harness/model/scenario.ts";
import { b64 } from "./probe-context.ts";

// Hand-written Kubernetes objects (API shapes) for two releases of the test target: one with the
// community chart's weaknesses, one hardened. They are data fixtures for the object probes.

const NS = "local";
const DIGEST = `@sha256:${"ab".repeat(32)}`;
const API_ACCESS_VOLUME = {
  name: "kube-api-access-x1",
  projected: {
    sources: [
      { serviceAccountToken: { path: "token", expirationSeconds: 3607 } },
      { configMap: { name: "kube-root-ca.crt" } },
    ],
  },
};

function insecurePod(name: string, labels: Record<string, string>): Record<string, unknown> {
  return {
    metadata: { name: `${name}-0`, namespace: NS, labels },
    spec: {
      serviceAccountName: "airflow",
      hostNetwork: name === "worker",
      securityContext: { fsGroup: 0 },
      volumes: [
        API_ACCESS_VOLUME,
        ...(name === "worker" ? [{ name: "logs", hostPath: { path: "/var/log/airflow" } }] : []),
      ],
      containers: [
        {
          name,
          image: "apache/airflow:2.8.4-python3.9",
          securityContext:
            name === "redis"
              ? { runAsUser: 0, privileged: true, capabilities: { add: ["NET_ADMIN"] } }
              : { runAsUser: 50000 },
          env: [
            { name: "DATABASE_USER", value: "postgres" },
            {
              name: "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
              value: "postgresql://postgres:airflow@local-pgbouncer:6432/airflow",
            },
            {
              name: "REDIS_PASSWORD",
              valueFrom: { secretKeyRef: { name: "local-config-envs", key: "REDIS_PASSWORD" } },
            },
          ],
          envFrom: [{ secretRef: { name: "local-config-envs" } }],
        },
      ],
    },
    status: { phase: "Running" },
  };
}

function hardenedPod(
  name: string,
  labels: Record<string, string>,
  needsApi: boolean,
  keys: string[],
): Record<string, unknown> {
  return {
    metadata: { name: `${name}-0`, namespace: NS, labels },
    spec: {
      serviceAccountName: `local-${name}`,
      automountServiceAccountToken: needsApi,
      securityContext: { runAsNonRoot: true, runAsUser: 50000, seccompProfile: { type: "RuntimeDefault" } },
      volumes: [...(needsApi ? [API_ACCESS_VOLUME] : []), { name: "tmp", emptyDir: {} }],
      containers: [
        {
          name,
          image: `apache/airflow:2.9.3${DIGEST}`,
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
          },
          resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "100m", memory: "256Mi" } },
          env: [
            { name: "AIRFLOW__CORE__LOAD_EXAMPLES", value: "False" },
            ...keys.map((k) => ({
              name: k,
              valueFrom: { secretKeyRef: { name: "local-config-envs", key: k } },
            })),
          ],
        },
      ],
    },
    status: { phase: "Running" },
  };
}

/** The keys each component of the test target needs, as data keys of local-config-envs. */
const NEEDED_KEYS: Record<string, string[]> = {
  webserver: ["AIRFLOW__WEBSERVER__SECRET_KEY", "AIRFLOW__CORE__FERNET_KEY", "DATABASE_PASSWORD"],
  scheduler: ["AIRFLOW__CORE__FERNET_KEY", "DATABASE_PASSWORD", "REDIS_PASSWORD"],
  worker: [
    "AIRFLOW__WEBSERVER__SECRET_KEY",
    "AIRFLOW__CORE__FERNET_KEY",
    "DATABASE_PASSWORD",
    "REDIS_PASSWORD",
  ],
  flower: ["REDIS_PASSWORD"],
  postgres: [],
  pgbouncer: ["DATABASE_PASSWORD"],
  redis: ["REDIS_PASSWORD"],
};

export function insecureRelease(target: TargetProfile): Partial<ReleaseSnapshot> {
  return {
    namespace: NS,
    pods: Object.entries(target.components).map(([name, c]) => insecurePod(name, c.selector)),
    serviceAccounts: [{ metadata: { name: "airflow", namespace: NS } }],
    secrets: [
      {
        metadata: { name: "local-config-envs" },
        data: {
          DATABASE_PASSWORD: b64("airflow"),
          REDIS_PASSWORD: b64("airflow"),
          AIRFLOW__CORE__FERNET_KEY: b64(target.knownDefaults.fernetKey ?? "x"),
          AIRFLOW__WEBSERVER__SECRET_KEY: b64("THIS IS UNSAFE!"),
        },
      },
    ],
    configMaps: [
      {
        metadata: { name: "local-config" },
        data: {
          "airflow.cfg":
            "[database]\nsql_alchemy_conn = postgresql://postgres:airflow@local-postgresql:5432/airflow\n[core]\nload_examples = True\n",
        },
      },
    ],
    roles: [
      {
        metadata: { name: "local-airflow", namespace: NS },
        rules: [
          {
            apiGroups: [""],
            resources: ["pods"],
            verbs: ["create", "get", "delete", "list", "patch", "watch"],
          },
          { apiGroups: [""], resources: ["pods/exec"], verbs: ["create", "get"] },
          { apiGroups: [""], resources: ["pods/log"], verbs: ["get", "list"] },
        ],
      },
    ],
    roleBindings: [
      {
        metadata: { name: "local-airflow", namespace: NS },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "local-airflow" },
        subjects: [{ kind: "ServiceAccount", name: "airflow", namespace: NS }],
      },
    ],
    ingresses: [{ metadata: { name: "local-web" }, spec: { rules: [{ host: "airflow.example.invalid" }] } }],
    helmValues: {
      airflow: {
        users: [{ username: "admin", password: "admin", role: "Admin" }],
        fernetKey: target.knownDefaults.fernetKey,
        webserverSecretKey: "THIS IS UNSAFE!",
      },
      postgresql: { postgresqlPassword: "airflow", existingSecret: "" },
      redis: { password: "airflow" },
      flower: { basicAuthSecret: "" },
    },
    namespaceLabels: {},
  };
}

export function hardenedRelease(target: TargetProfile): Partial<ReleaseSnapshot> {
  return {
    namespace: NS,
    pods: Object.entries(target.components).map(([name, c]) =>
      hardenedPod(name, c.selector, c.needsKubeApi === true, NEEDED_KEYS[name] ?? []),
    ),
    serviceAccounts: Object.keys(target.components).map((name) => ({
      metadata: { name: `local-${name}`, namespace: NS },
      automountServiceAccountToken: false,
    })),
    secrets: [
      {
        metadata: { name: "local-config-envs" },
        data: {
          DATABASE_PASSWORD: b64("Gen3rated-db-pw"),
          REDIS_PASSWORD: b64("Gen3rated-redis-pw"),
          AIRFLOW__CORE__FERNET_KEY: b64("ZmVybmV0LWtleS1nZW5lcmF0ZWQtcGVyLWluc3RhbGw9"),
          AIRFLOW__WEBSERVER__SECRET_KEY: b64("gen3rated-webserver-key"),
        },
      },
    ],
    configMaps: [
      {
        metadata: { name: "local-config" },
        data: {
          "airflow.cfg":
            "[database]\nsql_alchemy_conn_secret = local-db-conn\n[core]\nload_examples = False\n",
        },
      },
    ],
    roles: [
      {
        metadata: { name: "local-scheduler", namespace: NS },
        rules: [{ apiGroups: [""], resources: ["pods/log", "events"], verbs: ["get", "list", "watch"] }],
      },
    ],
    roleBindings: [
      {
        metadata: { name: "local-scheduler", namespace: NS },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "local-scheduler" },
        subjects: [{ kind: "ServiceAccount", name: "local-scheduler", namespace: NS }],
      },
    ],
    ingresses: [
      {
        metadata: { name: "local-web" },
        spec: {
          rules: [{ host: "airflow.example.invalid" }],
          tls: [{ hosts: ["airflow.example.invalid"], secretName: "web-tls" }],
        },
      },
    ],
    helmValues: {
      airflow: {
        users: [],
        fernetKey: "",
        webserverSecretKey: "",
        webserverSecretKeySecretName: "local-webserver-key",
      },
      postgresql: { existingSecret: "local-db", postgresqlPassword: "" },
      redis: { existingSecret: "local-redis", password: "" },
    },
    namespaceLabels: { "pod-security.kubernetes.io/enforce": "restricted" },
  };
}

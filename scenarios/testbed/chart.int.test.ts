import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { exec } from "../../harness/exec.ts";

// Renders the testbed chart with helm for every scenario and checks that each profile really
// carries the weaknesses (and only those) its ground truth claims. Needs the helm binary that
// the toolchain provisioning builds ($CHARTPROBE_HELM or ~/.cache/chartprobe/bin/helm).

const here = import.meta.dirname;
const chart = join(here, "chart");
const scenariosDir = join(here, "scenarios");
const helm = process.env.CHARTPROBE_HELM ?? join(homedir(), ".cache/chartprobe/bin/helm");

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are checked field by field below
type Doc = Record<string, any>;
interface Rendered {
  docs: Doc[];
  kinds: (kind: string) => Doc[];
  pods: { component: string; spec: Doc; labels: Record<string, string> }[];
  secretData: Record<string, string>;
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "Job"]);

async function render(valuesFiles: string[], release = "t1"): Promise<Rendered> {
  const args = ["template", release, chart, "--namespace", "cp-test"];
  for (const f of valuesFiles) args.push("-f", f);
  const out = await exec(helm, args, { timeoutMs: 60_000 });
  const docs = parseAllDocuments(out.stdout)
    .map((d) => d.toJS() as Doc | null)
    .filter((d): d is Doc => d !== null);
  const kinds = (kind: string) => docs.filter((d) => d.kind === kind);
  const pods = docs
    .filter((d) => WORKLOADS.has(d.kind))
    .map((d) => ({
      component: d.spec.template.metadata.labels["app.kubernetes.io/component"],
      labels: d.spec.template.metadata.labels,
      spec: d.spec.template.spec,
    }));
  const secretData: Record<string, string> = {};
  for (const s of kinds("Secret")) {
    for (const [k, v] of Object.entries(s.data ?? {}))
      secretData[k] = Buffer.from(String(v), "base64").toString();
  }
  return { docs, kinds, pods, secretData };
}

function containers(spec: Doc): Doc[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

function literalEnv(spec: Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of containers(spec))
    for (const e of c.env ?? []) if ("value" in e) out[e.name] = String(e.value);
  return out;
}

function scenarioValues(name: string): string[] {
  const file = join(scenariosDir, `${name}.yaml`);
  const scenario = parse(readFileSync(file, "utf8")) as { values: string[] };
  return scenario.values.map((v) => resolve(dirname(file), v));
}

const scenarioNames = readdirSync(scenariosDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""));
const hardenedFamily = scenarioNames.filter((n) => n !== "insecure");
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  if (!existsSync(helm))
    throw new Error(`helm not found at ${helm}: run the toolchain provisioning or set CHARTPROBE_HELM`);
  for (const name of scenarioNames) rendered.set(name, await render(scenarioValues(name)));
}, 300_000);

const get = (name: string): Rendered => {
  const r = rendered.get(name);
  if (!r) throw new Error(`scenario ${name} was not rendered`);
  return r;
};

describe("testbed chart", () => {
  it("passes helm lint with the insecure and hardened values", async () => {
    for (const name of ["insecure", "hardened"]) {
      const out = await exec(helm, ["lint", chart, ...scenarioValues(name).flatMap((f) => ["-f", f])], {
        allowFailure: true,
      });
      expect(out.exitCode, out.stdout + out.stderr).toBe(0);
    }
  });

  it("labels every pod with name, instance and a catalog component, and uses local images", () => {
    const target = parse(readFileSync(join(here, "target.yaml"), "utf8")) as {
      components: Record<string, unknown>;
    };
    const allowed = new Set([...Object.keys(target.components), "migrate"]);
    for (const name of scenarioNames) {
      const { pods } = get(name);
      expect(pods.length, name).toBe(8);
      for (const pod of pods) {
        expect(pod.labels["app.kubernetes.io/name"]).toBe("chartprobe-testbed");
        expect(pod.labels["app.kubernetes.io/instance"]).toBe("t1");
        expect(allowed.has(pod.component), `${name}: ${pod.component}`).toBe(true);
        for (const c of containers(pod.spec)) {
          expect(c.image).toMatch(/^chartprobe\.local\/[a-z]+:[0-9a-z.-]+$/);
          expect(c.imagePullPolicy).toBe("IfNotPresent");
        }
      }
    }
  });
});

describe("insecure profile", () => {
  it("writes the community chart's known secrets literally into every Airflow pod", () => {
    const { pods, kinds } = get("insecure");
    for (const pod of pods.filter((p) =>
      ["webserver", "scheduler", "worker", "flower"].includes(p.component),
    )) {
      const env = literalEnv(pod.spec);
      expect(env.AIRFLOW__WEBSERVER__SECRET_KEY, pod.component).toBe("THIS IS UNSAFE!");
      expect(env.AIRFLOW__CORE__FERNET_KEY).toBe("7T512UXSSmBOkpWimFHIVb8jK6lfmSAvx4mO6Arehnc=");
      expect(env.AIRFLOW__CELERY__BROKER_URL).toContain(":airflow@");
      expect(env.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN).toContain("postgres:airflow@");
      expect(env.AIRFLOW__WEBSERVER__COOKIE_SECURE).toBe("False");
    }
    expect(kinds("Secret")).toHaveLength(0);
    expect(kinds("NetworkPolicy")).toHaveLength(0);
  });

  it("shares one token-mounting service account bound to the pod-launcher Role", () => {
    const { pods, kinds } = get("insecure");
    expect(new Set(pods.map((p) => p.spec.serviceAccountName))).toEqual(new Set(["t1-airflow"]));
    expect(pods.every((p) => p.spec.automountServiceAccountToken === true)).toBe(true);
    const rules = kinds("Role")[0]?.rules ?? [];
    expect(rules).toContainEqual(
      expect.objectContaining({ resources: ["pods/exec"], verbs: ["create", "get"] }),
    );
  });

  it("sets only uid/gid in container contexts and no limits", () => {
    for (const pod of get("insecure").pods) {
      for (const c of containers(pod.spec)) {
        expect(Object.keys(c.securityContext).sort()).toEqual(["runAsGroup", "runAsUser"]);
        expect(c.securityContext.runAsUser).not.toBe(0);
        expect(c.resources.limits).toBeUndefined();
      }
    }
  });
});

describe("hardened family", () => {
  it("meets PSS restricted plus read-only root and limits in every container", () => {
    for (const name of hardenedFamily) {
      for (const pod of get(name).pods) {
        expect(pod.spec.securityContext.seccompProfile?.type, `${name}/${pod.component}`).toBe(
          "RuntimeDefault",
        );
        expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
        for (const c of containers(pod.spec)) {
          const sc = c.securityContext;
          const where = `${name}/${pod.component}/${c.name}`;
          expect(sc.allowPrivilegeEscalation, where).toBe(false);
          expect(sc.capabilities?.drop, where).toEqual(["ALL"]);
          expect(sc.readOnlyRootFilesystem, where).toBe(true);
          expect(sc.runAsUser, where).not.toBe(0);
          expect(c.resources.limits?.cpu && c.resources.limits?.memory, where).toBeTruthy();
        }
      }
    }
  });

  it("never writes a Secret value literally into a pod spec", () => {
    for (const name of hardenedFamily) {
      const { pods, secretData } = get(name);
      // Generated secrets are 32+ characters; short mutation values like "airflow" also name
      // the database, so they are left out of this comparison.
      const secrets = new Set(
        Object.entries(secretData)
          .filter(([k, v]) => !k.endsWith("username") && v.length >= 16)
          .map(([, v]) => v),
      );
      for (const pod of pods) {
        for (const [k, v] of Object.entries(literalEnv(pod.spec))) {
          expect(secrets.has(v), `${name}/${pod.component}: ${k}`).toBe(false);
        }
      }
    }
  });

  it("generates long random secrets, different on every install", async () => {
    const again = await render(scenarioValues("hardened"));
    const first = get("hardened").secretData;
    for (const key of [
      "AIRFLOW__WEBSERVER__SECRET_KEY",
      "AIRFLOW__CORE__FERNET_KEY",
      "REDIS_PASSWORD",
      "POSTGRES_PASSWORD",
    ]) {
      expect(first[key]?.length ?? 0, key).toBeGreaterThanOrEqual(32);
      expect(again.secretData[key], key).not.toBe(first[key]);
    }
    expect(Buffer.from(first.AIRFLOW__CORE__FERNET_KEY ?? "", "base64")).toHaveLength(32);
  });

  it("gives each component its own service account and only the worker a token", () => {
    const { pods } = get("hardened");
    for (const pod of pods) {
      expect(pod.spec.serviceAccountName).toBe(`t1-${pod.component}`);
      expect(pod.spec.automountServiceAccountToken, pod.component).toBe(pod.component === "worker");
    }
  });
});

describe("single mutations differ from hardened in exactly their weakness", () => {
  it("mut-redis-default-password sets the known redis password", () => {
    expect(get("mut-redis-default-password").secretData.REDIS_PASSWORD).toBe("airflow");
    expect(get("hardened").secretData.REDIS_PASSWORD).not.toBe("airflow");
  });

  it("mut-flower-no-auth drops the flower credentials", () => {
    expect(get("mut-flower-no-auth").secretData.AIRFLOW__CELERY__FLOWER_BASIC_AUTH).toBeUndefined();
    expect(get("hardened").secretData.AIRFLOW__CELERY__FLOWER_BASIC_AUTH).toMatch(/^flower-ops:.{32}$/);
  });

  it("mut-default-admin creates admin/admin", () => {
    expect(get("mut-default-admin").secretData["user-admin-password"]).toBe("admin");
    expect(get("hardened").secretData["user-admin-password"]).toBeUndefined();
  });

  it("mut-known-secret-key uses the published key with client-side sessions", () => {
    const r = get("mut-known-secret-key");
    expect(r.secretData.AIRFLOW__WEBSERVER__SECRET_KEY).toBe("THIS IS UNSAFE!");
    const web = r.pods.find((p) => p.component === "webserver");
    expect(literalEnv(web?.spec ?? {}).AIRFLOW__WEBSERVER__SESSION_BACKEND).toBe("securecookie");
  });

  it("mut-no-networkpolicy removes every NetworkPolicy", () => {
    expect(get("hardened").kinds("NetworkPolicy")).toHaveLength(7);
    expect(get("mut-no-networkpolicy").kinds("NetworkPolicy")).toHaveLength(0);
  });

  it("mut-shared-sa-podlauncher shares one account bound to pods/exec, token still only in the worker", () => {
    const r = get("mut-shared-sa-podlauncher");
    expect(new Set(r.pods.map((p) => p.spec.serviceAccountName))).toEqual(new Set(["t1-airflow"]));
    expect(r.kinds("Role")[0]?.rules).toContainEqual(expect.objectContaining({ resources: ["pods/exec"] }));
    expect(r.pods.filter((p) => p.spec.automountServiceAccountToken).map((p) => p.component)).toEqual([
      "worker",
    ]);
  });
});

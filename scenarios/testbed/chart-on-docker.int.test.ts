import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { exec } from "../../harness/exec.ts";

// Runs the hardened testbed render as plain docker containers, one per pod, with the pod's own
// constraints (read-only root, writable emptyDirs, cap-drop ALL, no-new-privileges, its uid) on
// a private docker network whose aliases are the Service names. It proves the chart's commands,
// env and images work together before any cluster exists. Secrets are rendered literally here
// (secrets.asLiteralEnv=true) because docker has no Secret objects; nothing else changes.

const helm = process.env.CHARTPROBE_HELM ?? join(homedir(), ".cache/chartprobe/bin/helm");
const chart = join(import.meta.dirname, "chart");
const values = join(import.meta.dirname, "values/hardened.yaml");
const run = `cp-tb-${randomBytes(3).toString("hex")}`;
const label = `org.chartprobe.test=${run}`;
const started: string[] = [];
const tempDirs: string[] = [];

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests
type Doc = Record<string, any>;
const pods = new Map<string, Doc>();
const configMaps = new Map<string, Record<string, string>>();
const hostPorts = new Map<string, number>();

async function docker(args: string[], allowFailure = false) {
  return exec("docker", args, { allowFailure, timeoutMs: 120_000 });
}

/** docker run for the pod's main container, as close to its Kubernetes spec as docker allows. */
async function startPod(component: string): Promise<void> {
  const spec = pods.get(component);
  if (!spec) throw new Error(`no pod for ${component}`);
  const c = spec.containers[0];
  const sc = c.securityContext ?? {};
  const name = `${run}-${component}`;
  const args = ["run", "-d", "--name", name, "--label", label, "--network", run];
  args.push("--network-alias", `t1-${component}`, "--hostname", `t1-${component}-0`);
  if (sc.readOnlyRootFilesystem) args.push("--read-only");
  if (sc.capabilities?.drop?.includes("ALL")) args.push("--cap-drop", "ALL");
  if (sc.allowPrivilegeEscalation === false) args.push("--security-opt", "no-new-privileges");
  args.push("--user", `${sc.runAsUser}:${sc.runAsGroup}`);
  const volumes = new Map<string, Doc>((spec.volumes ?? []).map((v: Doc) => [v.name, v]));
  for (const m of c.volumeMounts ?? []) {
    const v = volumes.get(m.name);
    // An anonymous volume keeps the image directory's owner, like an emptyDir writable by the pod.
    if (v?.emptyDir) args.push("-v", m.mountPath);
    else if (v?.configMap) {
      const data = configMaps.get(v.configMap.name) ?? {};
      const dir = (await exec("mktemp", ["-d"])).stdout.trim();
      tempDirs.push(dir);
      for (const [file, text] of Object.entries(data)) await exec("tee", [join(dir, file)], { input: text });
      await exec("chmod", ["-R", "a+rX", dir]);
      args.push("-v", `${dir}:${m.mountPath}:ro`);
    }
  }
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) env[e.name] = "value" in e ? String(e.value) : `t1-${component}-0`;
  for (const [k, v] of Object.entries(env)) args.push("-e", `${k}=${v}`);
  for (const p of c.ports ?? []) args.push("-p", `127.0.0.1::${p.containerPort}`);
  const expand = (a: string) => a.replace(/\$\((\w+)\)/g, (m, k: string) => env[k] ?? m);
  args.push(c.image, ...[...(c.command ?? []), ...(c.args ?? [])].map(expand));
  await docker(args);
  started.push(name);
  for (const p of c.ports ?? []) {
    const out = (await docker(["port", name, `${p.containerPort}/tcp`])).stdout.trim().split("\n")[0] ?? "";
    hostPorts.set(component, Number(out.slice(out.lastIndexOf(":") + 1)));
  }
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
}

const url = (component: string, path: string) => `http://127.0.0.1:${hostPorts.get(component)}${path}`;

beforeAll(async () => {
  if (!existsSync(helm))
    throw new Error(`helm not found at ${helm}: run the toolchain provisioning or set CHARTPROBE_HELM`);
  const out = await exec(helm, ["template", "t1", chart, "-f", values, "--set", "secrets.asLiteralEnv=true"]);
  for (const d of parseAllDocuments(out.stdout).map((x) => x.toJS() as Doc | null)) {
    if (!d) continue;
    if (d.kind === "ConfigMap") configMaps.set(d.metadata.name, d.data);
    if (["Deployment", "StatefulSet", "Job"].includes(d.kind)) {
      pods.set(d.spec.template.metadata.labels["app.kubernetes.io/component"], d.spec.template.spec);
    }
  }
  await docker(["network", "create", "--label", label, run]);
  for (const c of ["postgres", "redis", "pgbouncer", "migrate"]) await startPod(c);
  // The init containers' job (wait for the migration) is done here by waiting for the Job pod.
  const code = await until(
    "migration",
    async () => {
      const s = (
        await docker(["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", `${run}-migrate`])
      ).stdout.trim();
      return s.startsWith("exited") ? s.split(" ")[1] : undefined;
    },
    420_000,
  );
  if (code !== "0") {
    const logs = await docker(["logs", "--tail", "30", `${run}-migrate`], true);
    throw new Error(`migrate exited ${code}: ${logs.stdout}${logs.stderr}`);
  }
  for (const c of ["webserver", "scheduler", "worker", "flower"]) await startPod(c);
}, 600_000);

afterAll(async () => {
  for (const name of started) await docker(["rm", "-f", "-v", name], true);
  await docker(["network", "rm", run], true);
  for (const dir of tempDirs) await exec("rm", ["-rf", dir], { allowFailure: true });
});

describe("hardened testbed pods on docker", () => {
  it("the webserver becomes healthy and sees the scheduler's heartbeat", async () => {
    const health = await until(
      "healthy webserver and scheduler",
      async () => {
        const body = (await (await fetch(url("webserver", "/health"))).json()) as Doc;
        return body.scheduler?.status === "healthy" ? body : undefined;
      },
      480_000,
    );
    expect(health.metadatabase.status).toBe("healthy");
  }, 500_000);

  it("serves the login page with Secure, SameSite=Strict cookies and the security headers", async () => {
    const res = await fetch(url("webserver", "/login/"));
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("flower asks for credentials and accepts the generated ones", async () => {
    const pod = pods.get("flower");
    const auth = pod?.containers[0].env.find(
      (e: Doc) => e.name === "AIRFLOW__CELERY__FLOWER_BASIC_AUTH",
    )?.value;
    const anon = await until("flower", async () => (await fetch(url("flower", "/"))).status, 240_000);
    expect(anon).toBe(401);
    const ok = await fetch(url("flower", "/"), {
      headers: { authorization: `Basic ${Buffer.from(auth).toString("base64")}` },
    });
    expect(ok.status).toBe(200);
  }, 250_000);

  it("the worker's log server refuses requests without a token", async () => {
    const status = await until(
      "worker log server",
      async () => (await fetch(url("worker", "/log/x.log"))).status,
      240_000,
    );
    expect(status).toBe(403);
  }, 250_000);
});

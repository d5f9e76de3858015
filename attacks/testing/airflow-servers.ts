import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec } from "../../harness/exec.ts";
import { type RunningContainer, runContainer } from "./docker-container.ts";
import { type TempDir, tempDir } from "./temp-dir.ts";
import { waitForHttp } from "./wait-for-http.ts";

export const AIRFLOW_IMAGE = process.env.CHARTPROBE_AIRFLOW_IMAGE ?? "chartprobe.local/airflow:2.9.3-cp1";

/** Is the locally built Airflow image there? */
export async function airflowImagePresent(): Promise<boolean> {
  const r = await exec("docker", ["image", "inspect", AIRFLOW_IMAGE], {
    allowFailure: true,
    timeoutMs: 30_000,
  });
  return r.exitCode === 0;
}

export interface AirflowServer {
  base: string;
  container: RunningContainer;
  stop(): Promise<void>;
}

export interface WebserverOptions {
  secretKey: string;
  adminPassword: string;
  cookieSecure: boolean;
  cookieSameSite: "Lax" | "Strict" | "None";
  /** X-Frame-Options DENY plus X-Content-Type-Options nosniff (via a plugin). */
  securityHeaders: boolean;
  /** Drops HttpOnly from the session cookie (via a plugin), as a misconfigured deployment would. */
  httpOnlyOff?: boolean;
  /** Adds basic auth to the REST API backends. */
  apiBasicAuth: boolean;
}

async function isRunning(id: string): Promise<boolean> {
  const r = await exec("docker", ["inspect", "-f", "{{.State.Running}}", id], {
    allowFailure: true,
    timeoutMs: 20_000,
  });
  return r.stdout.trim() === "true";
}

/** A plugins folder whose blueprint adjusts the Flask app the way the options ask. */
async function writePlugins(dir: TempDir, o: WebserverOptions): Promise<string> {
  const plugins = join(dir.path, "plugins");
  await mkdir(plugins, { recursive: true });
  const lines = [
    "from flask import Blueprint",
    "from airflow.plugins_manager import AirflowPlugin",
    'bp = Blueprint("chartprobe_test", __name__)',
  ];
  if (o.httpOnlyOff)
    lines.push("bp.record_once(lambda state: state.app.config.update(SESSION_COOKIE_HTTPONLY=False))");
  if (o.securityHeaders)
    lines.push(
      "@bp.after_app_request",
      "def _nosniff(response):",
      '    response.headers["X-Content-Type-Options"] = "nosniff"',
      "    return response",
    );
  lines.push(
    "class ChartprobeTestPlugin(AirflowPlugin):",
    '    name = "chartprobe_test"',
    "    flask_blueprints = [bp]",
    "",
  );
  await writeFile(join(plugins, "chartprobe_test.py"), lines.join("\n"));
  await chmod(dir.path, 0o755);
  await chmod(plugins, 0o755);
  await chmod(join(plugins, "chartprobe_test.py"), 0o644);
  return plugins;
}

/** The Airflow 2 webserver on sqlite, with an admin user, on a loopback port. */
export async function startAirflowWebserver(o: WebserverOptions): Promise<AirflowServer> {
  const dir = await tempDir("airflow-web");
  let container: RunningContainer | undefined;
  const stop = async () => {
    await container?.stop();
    await dir.remove();
  };
  try {
    const plugins = await writePlugins(dir, o);
    const backends = o.apiBasicAuth
      ? "airflow.api.auth.backend.session,airflow.api.auth.backend.basic_auth"
      : "airflow.api.auth.backend.session";
    container = await runContainer({
      image: AIRFLOW_IMAGE,
      ports: [8080],
      mounts: { [plugins]: "/opt/airflow/plugins" },
      env: {
        AIRFLOW__WEBSERVER__SECRET_KEY: o.secretKey,
        AIRFLOW__WEBSERVER__SESSION_BACKEND: "securecookie",
        AIRFLOW__WEBSERVER__COOKIE_SECURE: o.cookieSecure ? "True" : "False",
        AIRFLOW__WEBSERVER__COOKIE_SAMESITE: o.cookieSameSite,
        AIRFLOW__WEBSERVER__X_FRAME_ENABLED: o.securityHeaders ? "False" : "True",
        AIRFLOW__WEBSERVER__WORKERS: "1",
        AIRFLOW__WEBSERVER__WEB_SERVER_WORKER_TIMEOUT: "300",
        AIRFLOW__API__AUTH_BACKENDS: backends,
        AIRFLOW__CORE__LOAD_EXAMPLES: "False",
        AIRFLOW__CORE__EXECUTOR: "SequentialExecutor",
        AIRFLOW_ADMIN_PASSWORD: o.adminPassword,
      },
      command: [
        "bash",
        "-c",
        'airflow db migrate >/dev/null && airflow users create -u admin -p "$AIRFLOW_ADMIN_PASSWORD" -r Admin -e admin@example.invalid -f A -l D >/dev/null && exec airflow webserver --workers 1',
      ],
    });
    const c = container;
    const base = `http://127.0.0.1:${c.hostPort(8080)}`;
    await waitForHttp(
      base,
      "/health",
      (s) => s === 200,
      420_000,
      () => isRunning(c.id),
    );
    return { base, container: c, stop };
  } catch (err) {
    const logs = (await container?.logs().catch(() => "")) ?? "";
    await stop();
    throw new Error(`airflow webserver did not start: ${(err as Error).message}\n${logs}`);
  }
}

/** The worker log server (port 8793) as `airflow celery worker` starts it, with the given secret key. */
export async function startLogServer(secretKey: string): Promise<AirflowServer> {
  const container = await runContainer({
    image: AIRFLOW_IMAGE,
    ports: [8793],
    env: { AIRFLOW__WEBSERVER__SECRET_KEY: secretKey, AIRFLOW__CORE__LOAD_EXAMPLES: "False" },
    command: ["python", "-c", "from airflow.utils.serve_logs import serve_logs; serve_logs()"],
  });
  return startedOrStopped(container, 8793, "/log/x", (s) => s === 403, 180_000);
}

/**
 * A log server without any token check: a plain static file server over the logs folder, as
 * old Airflow releases and hand-rolled sidecars serve it.
 */
export async function startUncheckedLogServer(): Promise<AirflowServer> {
  const container = await runContainer({
    image: AIRFLOW_IMAGE,
    ports: [8793],
    command: [
      "bash",
      "-c",
      "mkdir -p /opt/airflow/logs/log && cd /opt/airflow/logs && exec python -m http.server 8793",
    ],
  });
  return startedOrStopped(container, 8793, "/", (s) => s === 200, 120_000);
}

/** Celery Flower (in-memory broker), optionally with basic auth. */
export async function startFlower(basicAuth?: {
  username: string;
  password: string;
}): Promise<AirflowServer> {
  const args = ["celery", "--broker=memory://", "flower", "--port=5555", "--address=0.0.0.0"];
  if (basicAuth) args.push(`--basic-auth=${basicAuth.username}:${basicAuth.password}`);
  const container = await runContainer({ image: AIRFLOW_IMAGE, ports: [5555], command: args });
  return startedOrStopped(container, 5555, "/healthcheck", (s) => s === 200 || s === 401, 180_000);
}

async function startedOrStopped(
  container: RunningContainer,
  port: number,
  path: string,
  ready: (s: number) => boolean,
  timeoutMs: number,
): Promise<AirflowServer> {
  const base = `http://127.0.0.1:${container.hostPort(port)}`;
  try {
    await waitForHttp(base, path, ready, timeoutMs, () => isRunning(container.id));
  } catch (err) {
    const logs = await container.logs().catch(() => "");
    await container.stop();
    throw new Error(`${(err as Error).message}\n${logs}`);
  }
  return { base, container, stop: () => container.stop() };
}

export const randomSecret = (): string => randomBytes(24).toString("base64url");

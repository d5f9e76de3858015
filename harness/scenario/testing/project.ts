import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { onTestFinished } from "vitest";

const made: string[] = [];
// Removed when the test process ends, so repeated runs do not pile up folders in the temp dir.
process.once("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away project folder with the given files (path → content), for validator tests. */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "chartprobe-scenarios-"));
  try {
    // Inside a running test: remove the folder when that test ends.
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  } catch {
    made.push(root);
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const TEST_PROBES: ReadonlySet<string> = new Set([
  "redis-no-auth",
  "redis-default-password",
  "postgres-default-credentials",
  "flower-no-auth",
  "pod-runs-as-root",
]);

/** A minimal valid target profile with a local chart folder. */
export const TARGET_YAML = `id: testbed
title: Testbed chart
chart:
  path: chart
  name: testbed
components:
  redis:
    selector: { app: redis }
    ports: [{ name: redis, port: 6379, protocol: redis }]
  webserver:
    selector: { app: web }
    ports: [{ name: http, port: 8080, protocol: http }]
    needsKubeApi: false
knownDefaults:
  redisPassword: airflow
`;

/** The base project: one target, its chart folder and a values file. */
export const baseFiles = (): Record<string, string> => ({
  "scenarios/testbed/target.yaml": TARGET_YAML,
  "scenarios/testbed/chart/Chart.yaml": "name: testbed\n",
  "scenarios/testbed/values/insecure.yaml": "redis: { password: airflow }\n",
});

import { resolve } from "node:path";
import { MANAGED_LABEL, RUN_LABEL } from "../cluster/naming.ts";
import { exec } from "../exec.ts";
import type { Kubectl } from "../kube/kubectl.ts";
import type { Scenario, TargetProfile } from "../model/scenario.ts";

export interface InstallInput {
  kubectl: Kubectl;
  helm: string;
  root: string;
  scenario: Scenario;
  target: TargetProfile;
  namespace: string;
  release: string;
  runId: string;
  timeoutSeconds: number;
  onOutput?: (line: string) => void;
}

/** The chart reference and flags helm needs; a loaded target's chart.path is repository-relative. */
export function chartArgs(target: TargetProfile, root: string): string[] {
  const { chart } = target;
  if (chart.path) return [resolve(root, chart.path)];
  if (chart.oci) return [chart.oci, ...(chart.version ? ["--version", chart.version] : [])];
  if (chart.repo)
    return [chart.name, "--repo", chart.repo, ...(chart.version ? ["--version", chart.version] : [])];
  return [chart.name, ...(chart.version ? ["--version", chart.version] : [])];
}

export function namespaceManifest(input: Pick<InstallInput, "namespace" | "runId" | "scenario">): string {
  const level = input.scenario.cluster.podSecurity;
  const psa = level
    ? [`pod-security.kubernetes.io/enforce: ${level}`, `pod-security.kubernetes.io/enforce-version: latest`]
    : [];
  return [
    "apiVersion: v1",
    "kind: Namespace",
    "metadata:",
    `  name: ${input.namespace}`,
    "  labels:",
    `    ${MANAGED_LABEL}: "true"`,
    `    ${RUN_LABEL}: ${JSON.stringify(input.runId)}`,
    ...psa.map((l) => `    ${l}`),
    "",
  ].join("\n");
}

/** The helm command line for a scenario (also printed by `repro`). */
export function helmInstallArgs(input: InstallInput): string[] {
  const values = input.scenario.valuesFiles.flatMap((f) => ["-f", resolve(input.root, f)]);
  const sets = Object.entries(input.scenario.set).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
  return [
    "--kubeconfig",
    input.kubectl.kubeconfig,
    "upgrade",
    "--install",
    input.release,
    ...chartArgs(input.target, input.root),
    "--namespace",
    input.namespace,
    ...values,
    ...sets,
    "--timeout",
    `${input.timeoutSeconds}s`,
  ];
}

/** Creates the labelled namespace and runs `helm upgrade --install` (readiness is waited for separately). */
export async function installRelease(input: InstallInput): Promise<void> {
  await input.kubectl.apply(namespaceManifest(input));
  await exec(input.helm, helmInstallArgs(input), {
    timeoutMs: (input.timeoutSeconds + 60) * 1000,
    onOutput: (chunk) => {
      for (const line of chunk.split("\n")) if (line.trim()) input.onOutput?.(line.trim());
    },
  });
}

/** Removes the release and its namespace (PVCs go with the namespace). */
export async function uninstallRelease(
  kubectl: Kubectl,
  helm: string,
  namespace: string,
  release: string,
): Promise<void> {
  await exec(
    helm,
    [
      "--kubeconfig",
      kubectl.kubeconfig,
      "-n",
      namespace,
      "uninstall",
      release,
      "--wait",
      "--timeout",
      "120s",
    ],
    {
      allowFailure: true,
      timeoutMs: 150_000,
    },
  );
  await kubectl.run(["delete", "namespace", namespace, "--ignore-not-found", "--wait=false"], {
    allowFailure: true,
  });
}

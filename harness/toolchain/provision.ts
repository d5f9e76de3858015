import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EnvironmentError } from "../errors.ts";
import { CommandError, exec } from "../exec.ts";
import {
  detectStrategy,
  missingBinaries,
  resolveToolchain,
  type Strategy,
  type Toolchain,
} from "./toolchain.ts";

const SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "provision");

export interface ProvisionLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ProvisionStepTiming {
  step: string;
  durationMs: number;
}

/** The offline strategy as a short list of explicit steps, each one idempotent and cached. */
const OFFLINE_STEPS = [
  { name: "docker engine", script: "start-docker.sh" },
  { name: "base image", script: "build-base-image.sh" },
  { name: "kind and helm", script: "build-go-tools.sh" },
  { name: "kubernetes binaries", script: "build-kubernetes.sh" },
  { name: "add-on binaries", script: "build-addon-binaries.sh" },
  { name: "kind node image", script: "build-node-image.sh" },
  { name: "policy engine images", script: "build-engine-images.sh" },
] as const;

const ONLINE_STEPS = [
  { name: "docker engine", script: "start-docker.sh" },
  { name: "kind, helm, kubectl", script: "download-tools.sh" },
] as const;

export async function provision(options: {
  strategy?: string;
  kubernetesVersion?: string;
  log: ProvisionLog;
  signal?: AbortSignal;
}): Promise<{ toolchain: Toolchain; timings: ProvisionStepTiming[] }> {
  let strategy: Strategy;
  try {
    strategy = detectStrategy(options.strategy);
  } catch (error) {
    throw new EnvironmentError((error as Error).message, "pass --strategy online or --strategy offline");
  }
  const env = { ...process.env };
  if (options.kubernetesVersion) {
    env.K8S_VERSION = options.kubernetesVersion.startsWith("v")
      ? options.kubernetesVersion
      : `v${options.kubernetesVersion}`;
  }
  const steps = strategy === "online" ? ONLINE_STEPS : OFFLINE_STEPS;
  const timings: ProvisionStepTiming[] = [];
  for (const step of steps) {
    options.log.info(`provision (${strategy}): ${step.name}`);
    try {
      const result = await exec("bash", [join(SCRIPTS, step.script)], {
        env,
        signal: options.signal,
        onOutput: (chunk) => {
          for (const line of chunk.split("\n")) if (line.trim()) options.log.info(`  ${line.trim()}`);
        },
      });
      timings.push({ step: step.name, durationMs: result.durationMs });
    } catch (error) {
      if (error instanceof CommandError) {
        throw new EnvironmentError(
          `provisioning step "${step.name}" failed (${error.command})`,
          `see the output above; the step's script is scripts/provision/${step.script} and can be run by hand`,
          { cause: error },
        );
      }
      throw error;
    }
  }
  const toolchain = resolveToolchain(strategy, env.K8S_VERSION);
  const missing = missingBinaries(toolchain);
  if (missing.length > 0) {
    throw new EnvironmentError(
      `toolchain missing after provisioning: ${missing.join(", ")}`,
      "run `chartprobe doctor` to see what is wrong",
    );
  }
  return { toolchain, timings };
}

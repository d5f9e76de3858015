import { detectStrategy, resolveToolchain, type Toolchain } from "../../toolchain/toolchain.ts";
import type { Strategy } from "./cluster-options.ts";

/** The toolchain as it is on disk now (no provisioning): for commands that only inspect or remove. */
export function currentToolchain(strategy: Strategy, kubernetesVersion?: string): Toolchain {
  return resolveToolchain(detectStrategy(strategy === "auto" ? undefined : strategy), kubernetesVersion);
}

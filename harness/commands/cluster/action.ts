import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { toolchainMissing } from "../common/toolchain-missing.ts";
import type { ClusterDownOptions, ClusterListOptions, ClusterUpOptions } from "./options.ts";

/** Placeholders until the cluster provider lands: each says what is missing and exits 3. */
export async function clusterUpAction(
  options: ClusterUpOptions,
  log: Logger,
  _ctx: CliContext,
): Promise<void> {
  log.debug("cluster up options", { ...options });
  throw toolchainMissing("cluster up");
}

export async function clusterDownAction(
  options: ClusterDownOptions,
  log: Logger,
  _ctx: CliContext,
): Promise<void> {
  log.debug("cluster down options", { ...options });
  throw toolchainMissing("cluster down");
}

export async function clusterListAction(
  options: ClusterListOptions,
  log: Logger,
  _ctx: CliContext,
): Promise<void> {
  log.debug("cluster list options", { ...options });
  throw toolchainMissing("cluster list");
}

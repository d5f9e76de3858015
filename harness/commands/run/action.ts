import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { toolchainMissing } from "../common/toolchain-missing.ts";
import type { RunOptions } from "./options.ts";

/** Placeholder until the cluster provider lands: says what is missing and exits 3. */
export async function runAction(options: RunOptions, log: Logger, _ctx: CliContext): Promise<void> {
  log.debug("run options", { ...options });
  throw toolchainMissing("run");
}

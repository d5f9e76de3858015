import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { toolchainMissing } from "../common/toolchain-missing.ts";
import type { CleanOptions } from "./options.ts";

/** Placeholder until the cluster provider lands: says what is missing and exits 3. */
export async function cleanAction(options: CleanOptions, log: Logger, _ctx: CliContext): Promise<void> {
  log.debug("clean options", { ...options });
  throw toolchainMissing("clean");
}

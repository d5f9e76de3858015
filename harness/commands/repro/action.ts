import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { toolchainMissing } from "../common/toolchain-missing.ts";
import type { ReproOptions } from "./options.ts";

/** Placeholder until the cluster provider lands: says what is missing and exits 3. */
export async function reproAction(options: ReproOptions, log: Logger, _ctx: CliContext): Promise<void> {
  log.debug("repro options", { ...options });
  throw toolchainMissing("repro");
}

import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { toolchainMissing } from "../common/toolchain-missing.ts";
import type { DoctorOptions } from "./options.ts";

/** Placeholder until the toolchain checks land: says what is missing and exits 3. */
export async function doctorAction(options: DoctorOptions, log: Logger, _ctx: CliContext): Promise<void> {
  log.debug("doctor options", { ...options });
  throw toolchainMissing("doctor");
}

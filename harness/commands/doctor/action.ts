import type { CliContext } from "../../cli/cli-context.ts";
import { EnvironmentError } from "../../errors.ts";
import type { Logger } from "../../log/logger.ts";
import { runDoctor } from "../../toolchain/doctor.ts";
import { table, toJson } from "../common/print.ts";
import type { DoctorOptions } from "./options.ts";

export async function doctorAction(options: DoctorOptions, _log: Logger, ctx: CliContext): Promise<void> {
  const checks = await runDoctor(options.strategy === "auto" ? undefined : options.strategy);
  const bad = checks.filter((c) => c.status === "missing" || c.status === "fail");
  ctx.out(
    options.json
      ? toJson({ ok: bad.length === 0, checks })
      : table(
          ["CHECK", "STATUS", "DETAIL", "FIX"],
          checks.map((c) => [c.name, c.status.toUpperCase(), c.detail, c.fix ?? ""]),
        ),
  );
  if (bad.length > 0) {
    throw new EnvironmentError(
      `${bad.length} check(s) failed: ${bad.map((c) => c.name).join(", ")}`,
      "see the FIX column; `bash scripts/bootstrap.sh run` provisions everything",
    );
  }
}

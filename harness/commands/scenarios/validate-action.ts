import type { CliContext } from "../../cli/cli-context.ts";
import type { Logger } from "../../log/logger.ts";
import { loadCatalog } from "../../scenario/catalog.ts";
import { ScenarioFilesInvalidError } from "../../scenario/problem.ts";
import { toJson } from "../common/print.ts";
import { probeIdsOrWarn } from "../common/probe-ids.ts";
import type { ScenariosValidateOptions } from "./command.ts";

export async function validateAction(
  options: ScenariosValidateOptions,
  log: Logger,
  ctx: CliContext,
): Promise<void> {
  const probeIds = await probeIdsOrWarn(log);
  const catalog = await loadCatalog({
    root: options.root,
    files: options.paths,
    ...(probeIds ? { probeIds } : {}),
  });
  const checked = catalog.focus.length;
  if (options.json) {
    ctx.out(toJson({ ok: catalog.problems.length === 0, checked, problems: catalog.problems }));
  }
  if (catalog.problems.length > 0) throw new ScenarioFilesInvalidError(catalog.problems);
  if (!options.json) {
    const focus = new Set(catalog.focus);
    const count = (kind: string): number =>
      catalog.files.filter((f) => f.kind === kind && focus.has(f.file)).length;
    ctx.out(
      checked === 0
        ? "nothing to check: no target, scenario or matrix files found"
        : `ok: ${checked} file${checked === 1 ? "" : "s"} valid (${count("target")} targets, ${count("scenario")} scenarios, ${count("matrix")} matrices, ${count("expectations")} expectations files)`,
    );
  }
}

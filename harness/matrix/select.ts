import { resolve } from "node:path";
import { UserError } from "../errors.ts";
import type { Scenario } from "../model/scenario.ts";
import { baseScenarios, type Catalog } from "../scenario/catalog.ts";
import { suggestion } from "../scenario/did-you-mean.ts";
import { repoRelative } from "../scenario/paths.ts";
import { expandMatrix } from "./expand.ts";
import { isGlob, matchIds } from "./glob.ts";
import { type Shard, shardItems } from "./shard.ts";

export interface Selection {
  /** Scenario ids or globs (--scenario); with a matrix they filter its cells (by cell or base id). */
  scenarios?: string[];
  /** A matrix file path or a matrix name (--matrix). */
  matrix?: string;
  shard?: Shard;
  /** Return an empty list instead of failing when nothing is selected (for listings). */
  allowEmpty?: boolean;
}

/**
 * The resolved scenarios a run covers: the matrix cells (or the named base scenarios), filtered
 * by --scenario, then this shard's part. Throws UserError (exit 2) when nothing is selected.
 */
export function selectScenarios(catalog: Catalog, selection: Selection): Scenario[] {
  let pool: { scenario: Scenario; base: string }[];
  if (selection.matrix !== undefined) {
    const wanted = selection.matrix;
    const file = repoRelative(catalog.root, resolve(wanted));
    const matrix =
      catalog.matrices.get(wanted) ?? [...catalog.matrices.values()].find((m) => m.file === file);
    if (!matrix) {
      throw new UserError(
        `unknown matrix "${wanted}"`,
        `give a matrix file or name; ${suggestion(wanted, catalog.matrices.keys(), "matrix")} (\`chartprobe scenarios list\` shows them)`,
      );
    }
    pool = expandMatrix(matrix.spec, baseScenarios(catalog));
  } else {
    pool = [...catalog.scenarios.values()].map((s) => ({ scenario: s.scenario, base: s.scenario.id }));
  }

  if (selection.scenarios && selection.scenarios.length > 0) {
    const ids = pool.flatMap((c) => [c.scenario.id, c.base]);
    const chosen = new Set<string>();
    for (const pattern of selection.scenarios) {
      const hits = matchIds(pattern, new Set(ids));
      if (hits.length === 0) {
        throw new UserError(
          `no scenario matches "${pattern}"${selection.matrix ? ` in matrix ${selection.matrix}` : ""}`,
          isGlob(pattern)
            ? "check the glob; `chartprobe scenarios list` shows the ids"
            : suggestion(pattern, new Set(ids), "scenario id"),
        );
      }
      for (const h of hits) chosen.add(h);
    }
    // A bare base id without a matrix selects that scenario only; with a matrix, all its cells.
    pool = pool.filter(
      (c) => chosen.has(c.scenario.id) || (selection.matrix !== undefined && chosen.has(c.base)),
    );
  }

  const picked = selection.shard ? shardItems(pool, selection.shard, (c) => c.scenario.id) : pool;
  if (pool.length === 0)
    throw new UserError("no scenarios selected", "add scenario files or pick a matrix that has cells");
  return picked.map((c) => c.scenario);
}

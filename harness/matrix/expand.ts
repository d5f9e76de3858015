import type { Scenario } from "../model/scenario.ts";
import { matchesGlob, matchIds } from "./glob.ts";
import { AXES, type AxisValues, type MatrixSpec } from "./matrix-spec.ts";
import { cellId } from "./scenario-id.ts";

/** One expanded cell: the resolved scenario plus what it was made from. */
export interface MatrixCell {
  scenario: Scenario;
  base: string;
  axes: AxisValues;
}

function cartesian(spec: MatrixSpec, base: Scenario): AxisValues[] {
  let combos: AxisValues[] = [{}];
  for (const axis of AXES) {
    const values: readonly (string | undefined)[] = spec.axes?.[axis] ?? [base.cluster[axis]];
    combos = combos.flatMap((c) => values.map((v) => (v === undefined ? c : { ...c, [axis]: v })));
  }
  return combos;
}

function makeCell(base: Scenario, axes: AxisValues): MatrixCell {
  const cluster = { ...base.cluster, ...axes };
  return { scenario: { ...base, id: cellId(base.id, base.cluster, cluster), cluster }, base: base.id, axes };
}

const excluded = (cell: MatrixCell, rules: MatrixSpec["exclude"]): boolean =>
  (rules ?? []).some(
    (rule) =>
      (rule.scenario === undefined || matchesGlob(cell.base, rule.scenario)) &&
      AXES.every((axis) => rule[axis] === undefined || rule[axis] === cell.scenario.cluster[axis]),
  );

/**
 * Expands a matrix: every base scenario × every combination of axis values (an axis the matrix
 * does not list keeps the base scenario's own value), then drops cells an `exclude` entry
 * matches (every field it gives must be equal; `scenario` may be a glob), then adds the
 * `include` cells (never excluded). Cells with equal ids are kept once. Order: as listed.
 * Unknown scenario ids are ignored here; the validator reports them.
 */
export function expandMatrix(spec: MatrixSpec, scenarios: ReadonlyMap<string, Scenario>): MatrixCell[] {
  const cells: MatrixCell[] = [];
  const seen = new Set<string>();
  const add = (cell: MatrixCell): void => {
    if (seen.has(cell.scenario.id)) return;
    seen.add(cell.scenario.id);
    cells.push(cell);
  };
  const bases = [...new Set(spec.scenarios.flatMap((p) => matchIds(p, scenarios.keys())))];
  for (const id of bases) {
    const base = scenarios.get(id) as Scenario;
    for (const axes of cartesian(spec, base)) {
      const cell = makeCell(base, axes);
      if (!excluded(cell, spec.exclude)) add(cell);
    }
  }
  for (const inc of spec.include ?? []) {
    for (const id of matchIds(inc.scenario, scenarios.keys())) {
      const { scenario: _, ...axes } = inc;
      add(makeCell(scenarios.get(id) as Scenario, axes));
    }
  }
  return cells;
}

// Reading results in tests: a unit by name, an item's points by code, a ranking's order by name,
// and a unit's explanation tree (what `assess explain` shows).
import type { Rubric } from "../../src/rubric/model.js";
import { planOf } from "../../src/rubric/plan.js";
import type { Results, UnitResult } from "../../src/model/results.js";
import type { Submission } from "../../src/model/submission.js";
import { explainUnit, type ItemView } from "../../src/report/explain.js";

export function unitNamed(r: Results, name: string): UnitResult {
  const u = r.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}

/** The points scoring gave a unit's item (or line) by its code. */
export function pointsOf(rubric: Rubric, u: UnitResult, code: string): number {
  const i = planOf(rubric, u.kind)?.index.get(code);
  if (i === undefined) throw new Error(`no item ${code} for ${u.kind}`);
  return u.points[i] ?? 0;
}

/** A ranking's entries as [name, rank]. */
export function order(r: Results, ranking = 0): [string, number | null][] {
  return (r.rankings[ranking]?.entries ?? []).map((e) => [r.units[e.unit]?.name ?? "?", e.rank]);
}

/** A unit's lines and items as `assess explain` shows them. */
export function tree(rubric: Rubric, sub: Submission, r: Results, name: string): ItemView[] {
  const u = r.units.findIndex((x) => x.name === name);
  const unit = r.units[u];
  if (!unit) throw new Error(`no unit ${name}`);
  return explainUnit(rubric, sub, unit, u);
}

/** Every item of a tree, groups before their children. */
export function flatten(items: readonly ItemView[]): ItemView[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}

// The report's award list: rank prizes, single-item awards with amounts, yellow cards and vetoes
// (with the failing values and targets), in that order, each kind by overall rank.
import type { RankingResult, Results } from "../../model/results.js";
import type { Lang } from "../../messages/index.js";
import { xmlSafe } from "../../xlsx/escape.js";
import { listedAmount, awardBasis, awardCategories, listedOpen, mayWin, mayWinAmount, mayWinBasis, unheld, vacancies, vacancyCells, withheldListed } from "../labels.js";
import type { Rubric } from "../../rubric/model.js";
import type { Cell, Row } from "./model.js";


/** The award list: each kind of award in turn, units in the order the report's rankings list them. */
export function awardListRows(rubric: Rubric, results: Results, rankings: readonly RankingResult[], lang: Lang): Row[] {
  const position = new Map<number, number>();
  for (const r of rankings) for (const e of r.entries) if (!position.has(e.unit)) position.set(e.unit, position.size);
  const pos = (i: number): number => position.get(i) ?? Number.MAX_SAFE_INTEGER;
  const rows: Row[] = [];
  const categories = awardCategories(rubric, lang);
  for (const [kind, category] of categories) {
    const units = results.units.flatMap((u, i) => (u.awards.some((a) => a.kind === kind) ? [i] : [])).sort((a, b) => pos(a) - pos(b) || a - b);
    for (const i of units) {
      const u = results.units[i];
      if (!u) continue;
      for (const a of u.awards.filter((x) => x.kind === kind)) {
        const cells: Cell[] = [category, xmlSafe(u.name), xmlSafe(listedOpen(u, a, lang, category)), listedAmount(u, a, lang), xmlSafe(awardBasis(a, u, lang, rubric))];
        // A vetoed unit's rows all red (its grade's too), as the legend says of vetoed units.
        rows.push({ cells, ...(kind === "veto" || u.vetoed ? { mark: "veto" as const } : kind === "warning" ? { mark: "warning" as const } : {}) });
      }
    }
    // A single-item award a veto withholds, among the single-item awards (a leader asked where it went).
    if (kind === "single")
      for (const i of results.units.flatMap((u, i) => (u.withheld.length ? [i] : [])).sort((a, b) => pos(a) - pos(b) || a - b)) {
        const u = results.units[i];
        if (!u) continue;
        for (const w of u.withheld) {
          const { award, basis } = withheldListed(w, u, lang);
          rows.push({ cells: [category, xmlSafe(u.name), xmlSafe(award), null, xmlSafe(basis)], mark: "veto" });
        }
      }
    // What pending claims could still bring a unit, in that award's list, in the rankings' order.
    const could = results.units.flatMap((u, i) => (unheld(u).some((o) => o.kind === kind) ? [i] : [])).sort((a, b) => pos(a) - pos(b) || a - b);
    for (const i of could) {
      const u = results.units[i];
      if (!u) continue;
      for (const o of unheld(u)) if (o.kind === kind) rows.push({ cells: [category, xmlSafe(u.name), xmlSafe(mayWin(o, lang, u)), mayWinAmount(rubric, o, u, lang), xmlSafe(mayWinBasis(o, lang, u))] });
    }
    // The prize tiers nobody holds, after the prizes given (奖次空缺).
    if (kind === "rank")
      for (const v of vacancies(rubric, results)) {
        const { award, basis } = vacancyCells(v, lang);
        // No unit: the cell left empty (a dash prints like 一 in a Chinese font).
        rows.push({ cells: [category, "", xmlSafe(award), null, xmlSafe(basis)] });
      }
  }
  return rows;
}

// The report's award list: rank prizes, single-item awards with amounts, yellow cards and vetoes
// (with the failing values and targets), in that order, each kind by overall rank.
import type { Award, RankingResult, Results } from "../../model/results.js";
import { message, type Lang } from "../../messages/index.js";
import { xmlSafe } from "../../xlsx/escape.js";
import { awardAmount, awardBasis, listedAward, mayWin, pendingMark, unheld, vacancies, vacancyCells } from "../labels.js";
import type { Rubric } from "../../rubric/model.js";
import type { Cell, Row } from "./model.js";

const ORDER = ["rank", "grade", "single", "warning", "veto"] as const;
const CATEGORY: Record<Award["kind"], string> = {
  rank: "out.award-kind.rank",
  grade: "out.award-kind.grade",
  single: "out.award-kind.single",
  warning: "out.award-kind.warning",
  veto: "out.award-kind.veto",
};

/** The award list: each kind of award in turn, units in the order the report's rankings list them. */
export function awardListRows(rubric: Rubric, results: Results, rankings: readonly RankingResult[], lang: Lang): Row[] {
  const position = new Map<number, number>();
  for (const r of rankings) for (const e of r.entries) if (!position.has(e.unit)) position.set(e.unit, position.size);
  const pos = (i: number): number => position.get(i) ?? Number.MAX_SAFE_INTEGER;
  const rows: Row[] = [];
  for (const kind of ORDER) {
    const units = results.units.flatMap((u, i) => (u.awards.some((a) => a.kind === kind) ? [i] : [])).sort((a, b) => pos(a) - pos(b) || a - b);
    for (const i of units) {
      const u = results.units[i];
      if (!u) continue;
      for (const a of u.awards.filter((x) => x.kind === kind)) {
        const cells: Cell[] = [message(lang, CATEGORY[kind]), xmlSafe(u.name), xmlSafe(pendingMark(u, lang, a) + listedAward(a, lang)), awardAmount(a), xmlSafe(awardBasis(a, u, lang))];
        rows.push({ cells, ...(kind === "veto" ? { mark: "veto" as const } : kind === "warning" ? { mark: "warning" as const } : {}) });
      }
    }
    // What pending claims could still bring a unit, in that award's list, in the rankings' order.
    const could = results.units.flatMap((u, i) => (unheld(u).some((o) => o.kind === kind) ? [i] : [])).sort((a, b) => pos(a) - pos(b) || a - b);
    for (const i of could) {
      const u = results.units[i];
      if (!u) continue;
      for (const o of unheld(u)) if (o.kind === kind) rows.push({ cells: [message(lang, CATEGORY[kind]), xmlSafe(u.name), xmlSafe(mayWin(o, lang)), null, xmlSafe(o.rankingName)] });
    }
    // The prize tiers nobody holds, after the prizes given (奖次空缺).
    if (kind === "rank")
      for (const v of vacancies(rubric, results)) {
        const { award, basis } = vacancyCells(v, lang);
        // No unit: the cell left empty (a dash prints like 一 in a Chinese font).
        rows.push({ cells: [message(lang, CATEGORY.rank), "", xmlSafe(award), null, xmlSafe(basis)] });
      }
  }
  return rows;
}

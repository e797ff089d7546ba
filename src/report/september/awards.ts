// The report's award list: rank prizes, single-item awards with amounts, yellow cards and vetoes
// (with the failing values and targets), in that order, each kind by overall rank.
import type { Award, RankingResult, Results, UnitResult } from "../../model/results.js";
import { cellRef } from "../../diagnostics/index.js";
import { message, type Lang } from "../../messages/index.js";
import { formatMeasure, pointsToNumber } from "../../model/numbers.js";
import { xmlSafe } from "../../xlsx/escape.js";
import { awardContent, vacancies, vacancyCells } from "../labels.js";
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

function basis(a: Award, u: UnitResult, lang: Lang): string {
  switch (a.kind) {
    case "rank":
      return message(lang, a.place !== undefined ? "out.ranking-place" : "out.ranking-rank", { ranking: a.rankingName, rank: u.ranks[a.ranking] ?? "", place: a.place ?? "" });
    case "grade":
      return message(lang, "out.ranking-rank", { ranking: a.rankingName, rank: u.ranks[a.ranking] ?? "" });
    case "single":
      return message(lang, "report.basis.single", { level: a.level, cell: cellRef(a.basis.sheet, a.basis.cell) });
    case "warning":
      return message(lang, "out.total-is", { total: pointsToNumber(u.total) });
    case "veto":
      return message(lang, "report.basis.veto", { indicator: a.indicator, value: formatMeasure(a.value, a.display), target: formatMeasure(a.target, a.display)});
  }
}

function amount(a: Award): number | null {
  if (a.kind === "single") return a.amount;
  if (a.kind === "rank") return a.amount ?? null;
  return null;
}

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
        const cells: Cell[] = [message(lang, CATEGORY[kind]), xmlSafe(u.name), xmlSafe(awardContent(a, lang)), amount(a), xmlSafe(basis(a, u, lang))];
        rows.push({ cells, ...(kind === "veto" ? { mark: "veto" as const } : kind === "warning" ? { mark: "warning" as const } : {}) });
      }
    }
    // The prize tiers nobody holds, after the prizes given (奖次空缺).
    if (kind === "rank")
      for (const v of vacancies(rubric, results)) {
        const { award, basis } = vacancyCells(v, lang);
        rows.push({ cells: [message(lang, CATEGORY.rank), "—", xmlSafe(award), null, xmlSafe(basis)] });
      }
  }
  return rows;
}

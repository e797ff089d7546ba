// The documented JSON of `assess score --json` and `assess explain --json`: stable keys, points as
// decimal numbers, rates as fractions, ranks null when a unit is not ranked.
import { cellRef } from "../diagnostics/index.js";
import type { Rubric } from "../rubric/model.js";
import type { Award, Gap, GradeGap, Results, UnitResult } from "../model/results.js";
import type { Cover, Submission } from "../model/submission.js";
import type { JsonDiagnostic } from "../diagnostics/render.js";
import { pointsToNumber, rateToFraction } from "../model/numbers.js";
import type { Lang } from "../messages/index.js";
import { explainUnit, ledgerWhy, whyText, type ItemView } from "./explain.js";
import { mainRankings, vacancies, type Vacancy } from "./labels.js";
import { heldPrizeReader, heldPrizes, type HeldPrize } from "./held-prizes.js";

/** A measured value in JSON: a rate as a fraction, a count or amount as its number. */
function measureJson(v: number, display: string): number {
  return display === "%" ? rateToFraction(v) : pointsToNumber(v);
}

function awardJson(a: Award): Record<string, unknown> {
  switch (a.kind) {
    case "rank":
      return { kind: "rank", ranking: a.ranking, tier: a.tier, ...(a.amount !== undefined ? { amount: a.amount } : {}), ...(a.place !== undefined ? { place: a.place } : {}) };
    case "grade":
      return { kind: "grade", ranking: a.ranking, grade: a.grade, ...(a.held ? { held: true } : {}), ...(a.by ? { heldBy: a.by.gate } : {}), ...(a.cut ? { cut: a.cut } : {}), ...(a.over ? { over: a.over } : {}) };
    case "single":
      return { kind: "single", ranking: a.ranking, code: a.code, name: a.name, ...(a.amount !== undefined ? { amount: a.amount } : {}), level: a.level, basis: cellRef(a.basis.sheet, a.basis.cell), ...(a.over ? { over: a.over } : {}) };
    case "warning":
      return { kind: "warning", ranking: a.ranking, name: a.name, reasons: a.reasons };
    case "veto":
      // display: the indicator's unit (% with value and target as fractions; 起, 万元… as numbers).
      return { kind: "veto", gate: a.gate, gateName: a.gateName, indicator: a.indicator, indicatorName: a.indicatorName, value: measureJson(a.value, a.display), target: measureJson(a.target, a.display), display: a.display };
  }
}

/** An item in JSON, with the code of the line it is on (`items` lists every line's items together). */
function itemJson(i: ItemView, line: string, lang: Lang): Record<string, unknown> {
  const base = { code: i.code, name: i.name, line, points: pointsToNumber(i.points), max: pointsToNumber(i.max), lost: pointsToNumber(i.lost) };
  if (i.kind === "group") return { ...base, items: i.children.map((c) => itemJson(c, line, lang)) };
  return {
    ...base,
    kind: i.kind,
    why: whyText(lang, i),
    ...(i.source ? { cell: cellRef(i.source.sheet, i.source.cell) } : {}),
    // The unit's own target and floor, where read from its row (the text says 目标取自 指标数据!O5).
    ...(i.measured?.targetAt ? { targetCell: cellRef(i.measured.targetAt.sheet, i.measured.targetAt.cell) } : {}),
    ...(i.measured?.floorAt ? { floorCell: cellRef(i.measured.floorAt.sheet, i.measured.floorAt.cell) } : {}),
  };
}

/** A unit's standing while claims are pending: its own certainty, or its result where nothing can move it. */
function certaintyJson(u: UnitResult): Record<string, unknown> {
  const c = u.certainty;
  return {
    total: (c?.total ?? [u.total, u.total]).map(pointsToNumber),
    rank: Object.fromEntries(Object.entries(u.ranks).map(([id, rank]) => [id, rank === null ? null : [...(c?.ranks[id] ?? [rank, rank])]])),
    settled: c?.settled ?? true,
    // With what else it may end as: a grade's other grades, a prize's tier at its best and worst place (null: none).
    open: (c?.open ?? []).map((o) => ({ ranking: o.ranking, kind: o.kind, ...(o.code !== undefined ? { code: o.code } : {}), ...(o.grades ? { grades: [...o.grades] } : {}), ...(o.tier !== undefined ? { best: o.tier } : {}), ...(o.worst !== undefined ? { worst: o.worst } : {}), ...(o.tiers ? { tiers: [...o.tiers] } : {}) })),
    pending: (c?.pending ?? []).map((x) => cellRef(x.sheet, x.cell)),
  };
}

/**
 * The rankings that grade each unit (those ranking its kind or group that have grades), by unit: a
 * unit one of them leaves unranked (vetoed) is graded null there, not left out.
 */
export function gradedByReader(rubric: Rubric | undefined, r: Results): (u: UnitResult) => readonly string[] {
  const by = new Map<UnitResult, string[]>();
  if (rubric)
    for (const x of r.rankings) {
      if (!rubric.rankings.find((y) => y.id === x.id)?.grades) continue;
      for (const e of x.entries) {
        const u = r.units[e.unit];
        if (!u) continue;
        const list = by.get(u);
        if (list) list.push(x.id);
        else by.set(u, [x.id]);
      }
    }
  return (u) => by.get(u) ?? [];
}

/**
 * `held`: the prizes its veto kept it from where it keeps its rank (heldPrizes), given with its
 * withheld single-item awards. `graded`: the rankings that grade it (gradedByReader).
 */
export function unitJson(u: UnitResult, pending = false, held: readonly HeldPrize[] = [], graded: readonly string[] = []): Record<string, unknown> {
  const grade = { ...Object.fromEntries(graded.map((id) => [id, u.grades[id] ?? null])), ...u.grades };
  return {
    name: u.name,
    kind: u.kind,
    ...(u.group !== undefined ? { group: u.group } : {}),
    vetoed: u.vetoed,
    lines: Object.fromEntries(Object.entries(u.subtotals).map(([k, v]) => [k, pointsToNumber(v)])),
    bonus: pointsToNumber(u.bonus),
    deduction: pointsToNumber(u.deduction),
    total: pointsToNumber(u.total),
    // Held at 0 where lines + bonus − deduction fell below it (the sum does not give it then).
    ...(u.floored ? { floored: true } : {}),
    // What ledger rows charged to a line or an item changed there (already in its lines), by code.
    ...(Object.keys(u.charges).length ? { charged: Object.fromEntries(Object.entries(u.charges).map(([k, v]) => [k, pointsToNumber(v)])) } : {}),
    rank: { ...u.ranks },
    ...(Object.keys(grade).length ? { grade } : {}),
    awards: u.awards.map(awardJson),
    // A vetoed unit's single-item awards recognized in the ledger and not given: where they went.
    // And the prize its place would have brought (passed: to the unit behind; else its place left empty).
    ...(u.withheld.length || held.length
      ? {
          withheld: [
            ...held.map((h) => ({ kind: "rank", ranking: h.rankingId, tier: h.tier, rank: h.rank, place: h.place, passed: !h.empty && h.noneBehind !== true, ...(h.tied ? { tied: true } : {}) })),
            ...u.withheld.map((w) => ({ kind: "single", ranking: w.ranking, code: w.code, name: w.name, level: w.level, basis: cellRef(w.basis.sheet, w.basis.cell) })),
          ],
        }
      : {}),
    ...(u.gap !== undefined ? { gap: u.gap ? gapJson(u.gap) : null } : {}),
    ...(u.gradeGap !== undefined ? { gradeGap: u.gradeGap ? gradeGapJson(u.gradeGap) : null } : {}),
    ...(pending ? { certainty: certaintyJson(u) } : {}),
  };
}

function gapJson(gap: Gap): Record<string, unknown> {
  const tie = gap.tie ? { tie: { key: gap.tie.key, own: pointsToNumber(gap.tie.own), theirs: pointsToNumber(gap.tie.theirs), units: [...gap.tie.units.names], level: gap.tie.units.count, ...(gap.tie.ahead ? { ahead: true } : {}) } } : {};
  return { ranking: gap.ranking, tier: gap.tier, points: pointsToNumber(gap.points), ...(gap.beyond ? { beyond: true } : {}), ...tie };
}

function gradeGapJson(gap: GradeGap): Record<string, unknown> {
  const quota = gap.quota ? { quota: { count: gap.quota.count, others: gap.quota.others, score: pointsToNumber(gap.quota.score), pass: gap.quota.pass, tied: gap.quota.tied } } : {};
  return { ranking: gap.ranking, grade: gap.grade, points: pointsToNumber(gap.points), from: pointsToNumber(gap.from), ...quota };
}

/** One unit with every item and ledger row, as `assess explain --json` prints it. */
export function explainJson(rubric: Rubric, sub: Submission, results: Results, u: number, lang: Lang, warnings: readonly JsonDiagnostic[] = []): Record<string, unknown> {
  const unit = results.units[u];
  if (!unit) return {};
  const lines = explainUnit(rubric, sub, unit, u);
  return {
    // Its standing while claims are pending, as `score --json` gives it.
    ...unitJson(unit, results.pendingRows > 0, heldPrizes(rubric, results, u), gradedByReader(rubric, results)(unit)),
    items: lines.flatMap((l) => l.children.map((i) => itemJson(i, l.code, lang))),
    ledger: unit.ledger.map((r) => ({
      row: r.entry.row,
      // Its code cell, as certainty.pending and an award's basis name the rows.
      cell: cellRef(r.entry.at.sheet, r.entry.at.cell),
      code: r.entry.code,
      count: r.entry.count,
      level: r.entry.level ?? null,
      // Points entered on the row (a code of a range, KF3 10–30), else null.
      entered: r.entry.points === undefined ? null : pointsToNumber(r.entry.points),
      status: r.entry.status,
      // The row as read, as diff --json gives a row: 未如实上报, 说明, 依据.
      flagged: r.entry.flagged,
      note: r.entry.note,
      evidence: r.entry.evidence,
      counted: r.counted,
      // bonus, deduction or single (a recognition, scoring nothing): what points are (never signed);
      // points as counted (0 for a row not counted, a pending claim too: its why says what it would bring).
      kind: r.kind,
      points: pointsToNumber(r.points),
      why: ledgerWhy(lang, r, unit),
    })),
    // The workbook's warnings about this unit or about no unit in particular, as said on standard error.
    diagnostics: [...warnings],
  };
}

/**
 * `with_`: the cover's district and year, and the warnings the workbook got (as `validate --json`
 * gives them), where the caller has them (the command line and the browser edition do).
 */
export function resultsJson(r: Results, with_: { cover?: Cover; warnings?: readonly JsonDiagnostic[]; rubric?: Rubric; output?: string } = {}): string {
  const { cover, warnings, rubric, output } = with_;
  // Each ranking's prize tiers (what a unit's rank prize names), and those nobody holds (奖次空缺):
  // the award list read from the JSON alone.
  const vacant = rubric ? vacancies(rubric, r) : [];
  const held = rubric ? heldPrizeReader(rubric, r) : undefined;
  const graded = gradedByReader(rubric, r);
  // (By the rankings the rubric has, whether or not the kind has units this year: a kind without a
  // main ranking and a kind without units are told apart.)
  const main = new Set([...new Set(r.rankings.map((x) => x.unitKind))].flatMap((kind) => mainRankings(r, kind, true).map((x) => x.id)));
  // What a ranking breaks ties by, in turn (total, a line's or an item's code), where it does.
  const tieBreakers = (id: string): Record<string, unknown> => {
    const keys = rubric?.rankings.find((y) => y.id === id)?.tieBreakers ?? [];
    return keys.length ? { tieBreakers: [...keys] } : {};
  };
  const prizes = (id: string): Record<string, unknown> => {
    const x = rubric?.rankings.find((y) => y.id === id);
    if (!x?.tiers.length) return {};
    const here = vacant.filter((v) => v.ranking === x.name);
    const none = [...new Set(here.map((v) => v.tier))];
    // And each empty place or run of places, as the award list's 空缺 rows say them: which, why, and
    // whether pending claims may change it.
    const vacancies = here.map(vacancyJson);
    return { tiers: x.tiers.map((t) => ({ name: t.name, ranks: [t.from, t.to], ...(t.amount !== undefined ? { amount: t.amount } : {}) })), ...(none.length ? { vacant: none, vacancies } : {}) };
  };
  const doc = {
    rubric: { id: r.rubric.id, version: r.rubric.version, sha256: r.rubric.sha256 },
    input: { file: r.input.file, sha256: r.input.sha256 },
    // The workbook written (its name varies: 青山区.scored.xlsx, or 青山区.scored (2).xlsx beside a result given as input).
    ...(output !== undefined ? { output: { file: output } } : {}),
    ...(cover ? { cover: { district: cover.district ?? null, year: cover.year ?? null } } : {}),
    // Each unit kind's name and its lines' (what a unit's `lines` are keyed by), with their max and weight.
    ...(rubric
      ? {
          kinds: rubric.unitKinds.map((k) => ({
            id: k.id,
            name: k.name,
            lines: rubric.lines.filter((l) => k.lines.includes(l.code)).map((l) => ({ code: l.code, name: l.name, max: pointsToNumber(l.max), ...(k.weights?.[l.code] !== undefined ? { weight: rateToFraction(k.weights[l.code] ?? 0) } : {}) })),
            // Its ranking groups (what a unit's `group` and a ranking's are), named.
            ...(k.groups.length ? { groups: k.groups.map((g) => ({ id: g.id, name: g.name })) } : {}),
          })),
        }
      : {}),
    // Each ranking's id (what a unit's rank and awards are keyed by) with its name and kind.
    // (Each kind's main one marked, as the terminal and the page show it: by the total, or each group's, or its first.)
    rankings: r.rankings.map((x) => ({ id: x.id, name: x.name, unitKind: x.unitKind, ...(x.group !== undefined ? { group: x.group } : {}), by: x.by, ...(main.has(x.id) ? { main: true } : {}), ...tieBreakers(x.id), ...prizes(x.id) })),
    units: r.units.map((u, i) => unitJson(u, r.pendingRows > 0, held?.(i), graded(u))),
    ...(warnings ? { diagnostics: warnings } : {}),
  };
  return JSON.stringify(doc, null, 2);
}

/** A prize place or run of places nobody holds, as the award list's 空缺 rows say it: which, why, and whether pending claims may change it. */
export function vacancyJson(v: Vacancy): { tier: string; places: number[]; why: "vetoed" | "tie-above" | "no-unit"; units?: string[]; rank?: number; pending?: true } {
  return {
    tier: v.tier,
    places: [...v.at],
    why: v.kept ? "vetoed" : v.tied ? "tie-above" : "no-unit",
    ...(v.kept ? { units: [...v.kept.units], rank: v.kept.rank } : {}),
    ...(v.pending ? { pending: true as const } : {}),
  };
}

// `assess explain` in words: a unit's lines and items with the cell each came from, its vetoes,
// ledger rows, total and awards — the text the terminal prints and the browser edition shows.
import { oneLineText } from "../model/width.js";
import { cellRef } from "../diagnostics/index.js";
import { explainUnit, ledgerWhy, whyText, type ItemView } from "./explain.js";
import { awardClaims, outcomesWord, EVERY_RANKING, keyPoints, ledgerHeadings, moreThanGrades, mayWin as mayWinText, openAwardText, opens, pendingMark, rankKeyName, rankTier, unheld, vetoIndicatorName, withheldSingles } from "./labels.js";
import { targetSource } from "./explain.js";
import { heldPrizes } from "./held-prizes.js";
import type { Rubric } from "../rubric/model.js";
import { keyStep, rankKey, totalMost } from "../rubric/plan.js";
import type { Gap, GradeGap, Results, UnitResult } from "../model/results.js";
import type { CellAt, Submission } from "../model/submission.js";
import { formatMeasure, formatPoints, formatRate } from "../model/numbers.js";
import type { Lang } from "../messages/index.js";

/** How emphasis is shown: terminal colours, or nothing. */
export interface Paint {
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
}

export const PLAIN: Paint = { bold: (s) => s, red: (s) => s, yellow: (s) => s };

export interface Words {
  readonly lang: Lang;
  t(code: string, data?: Readonly<Record<string, string | number>>): string;
}

/** The pending messages that say the ranks as what they may become (名次可能为 …). */
const MAY_BE: ReadonlySet<string> = new Set(["explain.pending-ranks", "explain.pending-others-ranks", "explain.pending-both", "explain.pending-others-both", "explain.pending-others-settled", "explain.pending-settled-others"]);

export function renderExplain(ctx: Words, c: Paint, rubric: Rubric, sub: Submission, results: Results, index: number): string {
  const u = results.units[index];
  if (!u) return "";
  const out: string[] = [];
  const kindName = rubric.unitKinds.find((k) => k.id === u.kind)?.name ?? u.kind;
  out.push(c.bold(`${u.name}  (${kindName})`));
  const ranks = results.rankings
    .filter((r) => r.id in u.ranks)
    .map((r) => `${r.name} ${u.ranks[r.id] ?? ctx.t("status.vetoed")}`)
    .join(" · ");
  // A kind no ranking ranks: said, not a dangling separator.
  out.push(`${ctx.t("out.total")} ${c.bold(formatPoints(u.total))} · ${ranks || ctx.t("status.no-ranking", { kind: kindName })}`);
  // A workbook of this unit alone: its ranks and prizes said so in the text itself (explain > 石桥镇.txt
  // kept its 一等奖 without the warning, which went to standard error), as its report does.
  if (results.units.length === 1) out.push(ctx.t("explain.one-unit", { unit: u.name }));
  out.push(...tieLines(ctx, rubric, results, index));
  if (u.gap) out.push(gapLine(ctx, rubric, u.kind, u.gap));
  if (u.gradeGap) out.push(gradeGapLine(ctx, u.gradeGap, rubric, u));
  const fixedTotal = u.certainty !== undefined && u.certainty.total[0] === u.certainty.total[1];
  const moves = u.certainty && (!fixedTotal || !u.certainty.settled || Object.values(u.certainty.ranks).some(([a, b]) => a !== b));
  if (u.certainty && moves) {
    // A ranking it is not ranked on (vetoed) is said as the line above says it, not left out.
    const each = results.rankings
      .filter((r) => r.id in u.ranks)
      .map((r) => {
        const rank = u.ranks[r.id];
        if (rank === null || rank === undefined) return { said: `${r.name} ${ctx.t("status.vetoed")}`, moves: false };
        const [best, worst] = u.certainty?.ranks[r.id] ?? [rank, rank];
        return { said: `${r.name} ${best === worst ? best : `${best}–${worst}`}`, moves: best !== worst };
      });
    const ranges = each.map((e) => e.said).join(" · ");
    // Where the ranks are said as what they may become, those that may move alone (and that the
    // others stay, where there are others): 名次可能为 综合排名 8–9 listed a fixed 乡镇组排名 6 beside it.
    const moving = each.filter((e) => e.moves);
    const movingOnly = moving.length > 0 && moving.length < each.length;
    const mayBe = movingOnly ? ctx.t("explain.ranks-others-fixed", { ranges: moving.map((e) => e.said).join(" · ") }) : ranges;
    // (The rank or the ranks: as many as are listed.)
    const mayCount = movingOnly ? moving.length : each.length;
    // (None named where no single claim is known to move it, but the claims as a whole may.)
    // The awards' own where they are said to wait on some (a single-item recognition of its own, not another's rank move).
    // Another unit's claim named with whose and which it is (加扣分!B32(双河乡 JF1)): the cell alone read as its own.
    const whose = new Map(sub.ledger.map((e) => [cellRef(e.at.sheet, e.at.cell), e]));
    const said = (list: readonly CellAt[]): string =>
      list
        .map((c) => {
          const ref = cellRef(c.sheet, c.cell);
          const e = whose.get(ref);
          return e && e.unit.trim() !== u.name ? ctx.t("explain.claim-of", { cell: ref, unit: e.unit.trim(), code: e.code }) : ref;
        })
        .join("、");
    const awards = u.certainty.settled ? u.certainty.pending : awardClaims(rubric, u);
    const cells = said(awards) || ctx.t("explain.pending-claims");
    // Where its awards wait on fewer rows than may move its ranks, those too, said with the ranks.
    // (A single-item recognition scores nothing: it may bring an award, never move a rank.)
    const kindOf = new Map(rubric.ledger.map((l) => [l.code, l.kind]));
    const movesRanks = (c: CellAt): boolean => kindOf.get(whose.get(cellRef(c.sheet, c.cell))?.code ?? "") !== "single";
    // (And where its awards wait on a single-item recognition, which moves no rank: the ranks' own
    // rows said with them — 视 …B26 的认定,名次可能为 6–8 named a DX3 claim as moving its rank.)
    const rankRows = u.certainty.pending.filter(movesRanks);
    const apart = rankRows.some((c) => !awards.includes(c)) || awards.some((c) => !movesRanks(c));
    const rankCells = u.certainty.settled || !apart ? "" : said(rankRows);
    // Others' claims among those that may move its ranks: named (its range 8–10 came of 中和镇's).
    const others = u.certainty.pending.some((c) => (whose.get(cellRef(c.sheet, c.cell))?.unit.trim() ?? u.name) !== u.name);
    // Its ranks and awards waiting on the same claims: those said before the ranks, as where they
    // differ (after the ranks, the claims read as the awards' alone).
    const ranksMove = Object.values(u.certainty.ranks).some(([best, worst]) => best !== worst);
    // Its own total fixed: what may move it are the claims of others.
    // (Rows that move its total but none of its ranks: said with the total, its ranks as they are
    // — 视 B7 的认定,名次可能为 综合排名 4 read as if B7 could move it.)
    const code = fixedTotal
      ? u.certainty.settled
        ? "explain.pending-others-settled"
        : rankCells && ranksMove
          ? "explain.pending-others-ranks"
          : ranksMove
            ? "explain.pending-others-both"
            : "explain.pending-others"
      : u.certainty.settled
        ? others
          ? "explain.pending-settled-others"
          : "explain.pending-settled"
        : rankCells
          ? ranksMove
            ? "explain.pending-ranks"
            : "explain.pending-total"
          : ranksMove
            ? "explain.pending-both"
            : "explain.pending";
    const says = MAY_BE.has(code) ? mayBe : ranges;
    // (What may change in its scheme's word: 等次 where its kind's rankings give grades alone.)
    const what = outcomesWord(rubric.rankings.filter((x) => x.unitKind === u.kind));
    out.push(ctx.t(code, { what, lo: formatPoints(u.certainty.total[0]), hi: formatPoints(u.certainty.total[1]), ranges: says, rankWord: ctx.t(each.length === 1 ? "explain.rank-one" : "explain.rank-many"), mayWord: ctx.t(mayCount === 1 ? "explain.rank-may-one" : "explain.rank-may-many"), cells, rankCells }));
  }
  for (const v of u.vetoes) {
    out.push(c.red(ctx.t(v.lower ? "explain.veto-lower" : "explain.veto", { gate: v.gate, name: v.gateName, indicator: v.indicator, indicatorName: vetoIndicatorName(v), value: formatMeasure(v.value, v.display), target: formatMeasure(v.target, v.display), cell: cellRef(v.at.sheet, v.at.cell) })));
  }
  const row = (i: ItemView, depth: number): void => {
    const pts = `${formatPoints(i.points)}/${formatPoints(i.max)}`;
    const lost = i.lost > 0 ? c.yellow(` −${formatPoints(i.lost)}`) : "";
    if (i.kind === "group") {
      out.push(`${"  ".repeat(depth)}${i.code} ${i.name}  ${pts}${lost}`);
      for (const ch of i.children) row(ch, depth + 1);
      return;
    }
    const why = whyText(ctx.lang, i);
    const cell = i.source ? `  [${cellRef(i.source.sheet, i.source.cell)}]` : "";
    const target = targetSource(ctx.lang, i.measured);
    const line = `${"  ".repeat(depth)}${i.code} ${i.name}  ${pts}${lost}  ${why}${target}${cell}`;
    out.push(i.vetoes ? c.red(line) : line);
  };
  for (const l of explainUnit(rubric, sub, u, index)) {
    out.push("");
    // A line's own charges (环保督察 to 社会治理) are said beside it: its items do not hold them.
    out.push(c.bold(`${l.code} ${l.name}  ${formatPoints(l.points)}/${formatPoints(l.max)}`) + (l.charge ? whyText(ctx.lang, l) : ""));
    for (const i of l.children) row(i, 1);
  }
  if (u.ledger.length) {
    out.push("");
    // Single-item recognitions named only where the rubric has any.
    out.push(c.bold(ctx.t(rubric.ledger.some((x) => x.kind === "single") ? "explain.ledger" : "explain.ledger-points")));
    for (const r of u.ledger) {
      // A row held to nothing (a cap reached, its item at 0) shows 0, not −0.
      const sign = r.points === 0 ? "" : r.kind === "deduction" ? "−" : "+";
      const pts = r.counted && r.kind !== "single" ? `${sign}${formatPoints(r.points)}` : ctx.t(r.counted ? "explain.recorded" : "explain.not-counted");
      // The code's name beside it, as items are shown (KF2 alone sent a reader to the rubric).
      const name = rubric.ledger.find((x) => x.code === r.entry.code)?.name;
      out.push(`  ${r.entry.code}${name ? ` ${name}` : ""}  ${pts}  ${ledgerWhy(ctx.lang, r, u)}  [${cellRef(r.entry.sheet, r.entry.at.cell)}]${r.entry.note ? `  ${r.entry.note}` : ""}`);
    }
  }
  out.push("");
  // A weighted total shows each line with its weight: 93.21×40% + 85.5×35% + 100×25%.
  const kind = rubric.unitKinds.find((k) => k.id === u.kind);
  const sum = Object.entries(u.subtotals)
    .map(([code, p]) => {
      const w = kind?.weights?.[code];
      return w === undefined ? formatPoints(p) : `${formatPoints(p)}×${formatRate(w)}`;
    })
    .join(" + ");
  // ≈ where the weighted sum was rounded to 0.01 (90.505 → 90.51), as a ratio's quotient is said.
  const weights = kind?.weights;
  const exact = !weights || Object.entries(u.subtotals).reduce((a, [code, p]) => a + p * (weights[code] ?? 0), 0) % 10000 === 0;
  // A prize's ranking named where the kind has prizes on several (乡镇组, 街道组); a grade's or
  // card's where the unit may hold them on several (良好 and 优秀 read as one unit given both): by
  // the rubric, so that every unit of a kind says them alike (one with a card too named its grade).
  const prizeRankings = rubric.rankings.filter((r) => r.unitKind === u.kind && r.tiers.length > 0).length;
  const gradeRankings = rubric.rankings.filter((r) => r.unitKind === u.kind && (r.grades !== undefined || r.yellowCard !== undefined)).length;
  const shownAs = (a: (typeof u.awards)[number]): string | undefined => (a.kind === "grade" || a.kind === "warning" ? (gradeRankings > 1 ? EVERY_RANKING : undefined) : prizeRankings > 1 ? "" : undefined);
  // 加分/扣分 as the tables head them: 扣分(计入总分) where some of the kind's are charged elsewhere.
  const heads = ledgerHeadings(rubric, u.kind, ctx.lang);
  // In a sentence, not as a column's heading (Total = 259 + 588 + bonus 0 − deduction 0).
  const inline = (heading: string): string => (ctx.lang === "en" ? heading.charAt(0).toLowerCase() + heading.slice(1) : heading);
  // (Without 加分 0 or 扣分 0 where the kind has no such codes; a sum that is the total, said once.)
  const ledger = heads.map(([key, head]) => ctx.t(`explain.total-${key}`, { name: inline(head), points: formatPoints(u[key]) })).join("");
  const total = !ledger && exact && sum === formatPoints(u.total) ? ctx.t("explain.total-sum", { total: sum }) : ctx.t("explain.total", { sum, ledger, total: formatPoints(u.total), eq: u.floored ? "→" : exact ? "=" : "≈" });
  // (A total below 0 taken as 0 is no rounding: → 0, not ≈ 0.)
  out.push(total + (u.floored ? ` (${ctx.t("total.floored")})` : ""));
  // Each award (marked where pending claims could still change it), then what the unit could win
  // that it does not hold.
  const mayWin = unheld(u);
  if (u.awards.length || mayWin.length) {
    // A kind given grades alone is told its result, not 奖惩 over a grade (a school's 等次:优秀).
    out.push(c.bold(ctx.t(moreThanGrades(rubric.rankings.filter((x) => x.unitKind === u.kind)) ? "explain.awards" : "explain.outcome")));
    // In the order the sheets list them: a veto, then what pending claims could change (those
    // held, then those it could win), then the settled.
    const line = (a: (typeof u.awards)[number]): string => `  ${pendingMark(u, ctx.lang, a)}${openAwardText(u, a, ctx.lang, shownAs(a))}`;
    const open = (a: (typeof u.awards)[number]): boolean => a.kind !== "veto" && pendingMark(u, ctx.lang, a) !== "";
    for (const a of u.awards) if (a.kind === "veto") out.push(line(a));
    // The single-item awards its ledger recognizes and its veto withholds, after the veto.
    for (const w of withheldSingles(u, ctx.lang)) out.push(`  ${w}`);
    for (const a of u.awards) if (open(a)) out.push(line(a));
    for (const o of mayWin) out.push(`  ${mayWinText(o, ctx.lang, u)}`);
    for (const a of u.awards) if (a.kind !== "veto" && !open(a)) out.push(line(a));
    // A veto that keeps its rank: the prize its place would have brought, and where it went.
    for (const h of heldPrizes(rubric, results, index)) {
      // Tied, its place passed on: the prize it would have shared, then what the units behind got.
      const tiedPassed = !h.empty && h.tied === true;
      const code = tiedPassed ? (h.place !== h.rank ? "explain.prize-held-tied-place" : "explain.prize-held-tied") : !h.empty ? (h.noneBehind ? "explain.prize-held-none-behind" : "explain.prize-held-passed") : h.tied ? (h.place !== h.rank ? "explain.prize-held-tied-place" : "explain.prize-held-tied") : h.place !== h.rank ? "explain.prize-held-empty-place" : "explain.prize-held-empty";
      // Tied, the place it keeps empty said too (the award list's 空缺 row).
      const kept = h.kept ? ctx.t("explain.prize-kept-empty", { place: h.kept.place, tier: h.kept.tier }) : tiedPassed ? ctx.t(h.noneBehind ? "explain.prize-tied-none-behind" : "explain.prize-tied-passed", {}) : "";
      out.push(`  ${ctx.t(code, { ranking: h.ranking, rank: h.rank, place: h.place, tier: h.tier })}${kept}`);
    }
  }
  // A single-item award its counted row entered it for and others won (given to so many): why.
  for (const { code, data } of singlesLost(rubric, results, index, (unit) => ctx.t("explain.winner-unsettled", { unit }))) out.push(`  ${ctx.t(code, data)}`);
  // A name or note with a line break typed in its cell stays on its line.
  return out.map(oneLineText).join("\n") + "\n";
}

/**
 * The single-item awards given to so many (count) that a unit's counted rows entered it for and
 * others won, with what decided it: each as a message's code and data. A winner whose award pending
 * claims may still take (another's higher recognition, 申报中) is said as such (`unsettled`).
 */
function singlesLost(rubric: Rubric, results: Results, index: number, unsettled: (unit: string) => string): { code: string; data: Record<string, string | number> }[] {
  const u = results.units[index];
  if (!u || u.vetoed) return [];
  const out: { code: string; data: Record<string, string | number> }[] = [];
  for (const r of rubric.rankings) {
    if (r.unitKind !== u.kind || (r.group !== undefined && r.group !== u.group)) continue;
    for (const s of r.single) {
      if (s.count === undefined) continue;
      const entered = u.ledger.some((x) => x.counted && x.kind === "single" && x.entry.code === s.code);
      const holds = u.awards.some((a) => a.kind === "single" && a.ranking === r.id && a.code === s.code);
      const award = { kind: "single", ranking: r.id, code: s.code };
      const open = u.certainty?.open.some((o) => opens(o, award)) ?? false;
      if (!entered || holds || open) continue;
      const winners = results.units
        .filter((w) => w.awards.some((a) => a.kind === "single" && a.ranking === r.id && a.code === s.code))
        .map((w) => ((w.certainty?.open.some((o) => opens(o, award)) ?? false) ? unsettled(w.name) : w.name));
      const linked = s.linkedItem === undefined ? undefined : rankKey(rubric, u.kind, s.linkedItem);
      const data = { name: s.name, ranking: r.name, count: s.count, winners: winners.join("、") };
      out.push(linked ? { code: "explain.single-lost", data: { ...data, by: `${linked.code} ${linked.name}` } } : { code: "explain.single-lost-level", data });
    }
  }
  return out;
}

/** How many units level with it a unit's explanation names one by one, per ranking. */
const TIES_SAID = 5;

/** What it lacks for the next prize; where level is not enough, the tie-breaker that keeps it behind (1.58 where 91.18 − 89.61 is 1.57). */
function gapLine(ctx: Words, rubric: Rubric, kind: string, gap: Gap): string {
  const data = { ...rankTier(ctx.lang, gap.rankingName, gap.tier), points: formatPoints(gap.points) };
  const by = rubric.rankings.find((r) => r.id === gap.ranking)?.by ?? "total";
  // Past the key's max: said so, not promised.
  if (gap.beyond) return ctx.t("explain.gap-beyond", { ...data, key: rankKeyName(rubric, kind, by, ctx.lang), max: formatPoints(rankKey(rubric, kind, by)?.max ?? 0) });
  if (!gap.tie) return ctx.t("explain.gap", data);
  const { names, count } = gap.tie.units;
  const units = names.join(ctx.t("list.items")) + (count > names.length ? ctx.t("explain.tie-more", { count: count - names.length }) : "");
  // Ranked by an item judged in steps: passing the score is a step more, not 0.01.
  const step = keyStep(rubric, kind, by);
  const code = gap.tie.ahead ? "explain.gap-tie-ahead" : step > 1 ? "explain.gap-tie-step" : "explain.gap-tie";
  return ctx.t(code, { ...data, units, key: rankKeyName(rubric, kind, gap.tie.key, ctx.lang), mine: formatPoints(gap.tie.own), theirs: formatPoints(gap.tie.theirs), step: formatPoints(step) });
}

/** What it lacks for a better grade: the grade's mark, or where its quota is taken, the quota-th best of the others' scores, to pass (or reach). */
function gradeGapLine(ctx: Words, gap: GradeGap, rubric: Rubric, u: UnitResult): string {
  // (A ranking named for its grades, 教学常规等次: 距教学常规等次“良好”, not 等次 twice.)
  const ranking = ctx.lang === "en" ? gap.rankingName : gap.rankingName.replace(/等次$/, "");
  const data = { ranking, grade: gap.grade, points: formatPoints(gap.points), from: formatPoints(gap.from) };
  // Past the most its key can hold (100.01 of a total of 100 with no bonus to be had): out of reach, not a gap.
  const by = rubric.rankings.find((r) => r.id === gap.ranking)?.by ?? "total";
  const kind = rubric.unitKinds.find((k) => k.id === u.kind);
  const most = by !== "total" ? rankKey(rubric, u.kind, by)?.max : kind ? totalMost(kind, rubric.ledger, rubric.caps) : undefined;
  if (most !== undefined && keyPoints(rubric, u.kind, by)(u) + gap.points > most) return ctx.t("explain.grade-gap-beyond", { ...data, key: rankKeyName(rubric, u.kind, by, ctx.lang), max: formatPoints(most) });
  if (!gap.quota) return ctx.t("explain.grade-gap", data);
  // Why reaching it is enough, or passing it needed: the tie-breakers level on the score, or the rubric's rule for ties at the cut.
  const why = ctx.t(`explain.grade-gap-${gap.quota.pass ? "behind" : "ahead"}-${gap.quota.tied}`, { grade: gap.grade });
  // The score to pass is the quota-th best of the others' (名额内最低 read wrong where a tie at the
  // cut left that place to none).
  const nth = gap.quota.count === 1 ? ctx.t("explain.grade-gap-first") : ctx.t("explain.grade-gap-nth", { count: gap.quota.count });
  return ctx.t(gap.quota.pass ? "explain.grade-gap-pass" : "explain.grade-gap-reach", { ...data, count: gap.quota.count, others: gap.quota.others, score: formatPoints(gap.quota.score), why, nth });
}

/**
 * Where a unit is level with others on what a ranking ranks by: sharing its place (the
 * tie-breakers level too), or placed before or behind each by the first tie-breaker that parts
 * them — the ranks alone show 84.84 6th beside 84.84 5th and no why.
 */
function tieLines(ctx: Words, rubric: Rubric, results: Results, index: number): string[] {
  const u = results.units[index];
  if (!u) return [];
  const read = (key: string, x: NonNullable<typeof u>): number => keyPoints(rubric, u.kind, key)(x);
  const keyName = (key: string): string => rankKeyName(rubric, u.kind, key, ctx.lang);
  const out: string[] = [];
  for (const r of results.rankings) {
    const rank = u.ranks[r.id];
    if (rank === null || rank === undefined) continue;
    const mine = r.entries.find((e) => e.unit === index);
    if (!mine) continue;
    const level = r.entries.filter((e) => e.unit !== index && e.rank !== null && e.value === mine.value);
    if (!level.length) continue;
    const keys = rubric.rankings.find((x) => x.id === r.id)?.tieBreakers ?? [];
    const value = formatPoints(mine.value);
    const name = (e: { unit: number }): string => results.units[e.unit]?.name ?? "";
    const shared = level.filter((e) => e.rank === rank);
    if (shared.length) {
      const units = shared.slice(0, TIES_SAID).map(name).join(ctx.t("list.items")) + (shared.length > TIES_SAID ? ctx.t("explain.tie-more", { count: shared.length - TIES_SAID }) : "");
      out.push(ctx.t(keys.length ? "explain.tie-shared-keys" : "explain.tie-shared", { ranking: r.name, units, value, rank, keys: keys.map(keyName).join(ctx.t("list.items")) }));
    }
    const parted = level.filter((e) => e.rank !== rank);
    for (const e of parted.slice(0, TIES_SAID)) {
      const other = results.units[e.unit];
      const key = other && keys.find((k) => read(k, u) !== read(k, other));
      if (!other || key === undefined) continue;
      out.push(ctx.t((e.rank ?? 0) > rank ? "explain.tie-ahead" : "explain.tie-behind", { ranking: r.name, other: other.name, value, key: keyName(key), mine: formatPoints(read(key, u)), theirs: formatPoints(read(key, other)) }));
    }
    if (parted.length > TIES_SAID) out.push(ctx.t("explain.tie-parted-more", { ranking: r.name, count: parted.length - TIES_SAID }));
  }
  return out;
}


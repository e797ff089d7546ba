// Words shared by every output: award texts, statuses, rates and points for people.
import type { Award, OpenAward, RankingResult, Results, UnitResult, WithheldAward } from "../model/results.js";
import { gateVetoes, measureOf, type Rubric, type UnitKind } from "../rubric/model.js";
import { message, type Lang } from "../messages/index.js";
import { formatAmount, formatMeasure, formatPoints, formatPointsFixed, formatRate, type Points } from "../model/numbers.js";
import { planOf, rankKey } from "../rubric/plan.js";
import { cellRef } from "../diagnostics/index.js";
import type { CellAt } from "../model/submission.js";
import { resultSheetName } from "../workbook/ours.js";

/**
 * The headings of a kind's 加分 and 扣分 columns, each where a code of its kind applies to the kind
 * (不适用加扣分, or deductions alone: a column of 0 for every unit read as if its bonuses had been
 * looked at and none earned), in that order. Those columns hold what is charged to the total;
 * where the rubric charges some of the kind's codes to a line or an item instead (在社会治理中扣2分),
 * they are in that line's or item's points, and the heading says the column is the total's alone.
 */
export function ledgerHeadings(rubric: Rubric, kind: string, lang: Lang): readonly (readonly ["bonus" | "deduction", string])[] {
  const has = (k: "bonus" | "deduction"): boolean => rubric.ledger.some((c) => c.kind === k && c.unitKinds.includes(kind));
  const elsewhere = (k: "bonus" | "deduction"): boolean => rubric.ledger.some((c) => c.kind === k && c.charge !== "total" && c.unitKinds.includes(kind));
  return (["bonus", "deduction"] as const).filter(has).map((k) => [k, message(lang, `out.${k}${elsewhere(k) ? "-on-total" : ""}`)] as const);
}

/**
 * How a weighted kind's total is made from the columns of its ranking (总分 = 经济发展 × 40% + … + 加分
 * − 扣分), said under the table: the lines' columns hold their points before the weight (98 of
 * 100, headed 经济发展 ×40%), read by a leader as weighted, and then they did not add up. "" for
 * a kind without weights.
 */
export function weightsNote(rubric: Rubric, kind: string, lang: Lang, code: "table.weights" | "table.weights-no-lines" | "out.weights" | "report.weights" = "table.weights"): string {
  const plan = planOf(rubric, kind);
  const weights = plan?.kind.weights;
  if (!plan || !weights) return "";
  const terms = plan.lines.map(({ line }) => `${line.name} × ${formatRate(weights[line.code] ?? 0)}`).join(" + ");
  // The ledger's columns where some code of theirs is charged to the total (one charged to a line is in its points).
  const ledger = ledgerHeadings(rubric, kind, lang)
    .filter(([key]) => rubric.ledger.some((c) => c.kind === key && c.charge === "total" && c.unitKinds.includes(kind)))
    .map(([key, head]) => `${key === "bonus" ? "+" : "−"} ${head}`)
    .join(" ");
  return message(lang, code, { terms: ledger ? `${terms} ${ledger}` : terms });
}

/**
 * An award in words. `shown`: the ranking whose table says it, the awards of others named with
 * theirs (a prize won in a group's ranking, a grade, a card); "" names every prize's ranking (a
 * scheme giving prizes on several); EVERY_RANKING names every award's.
 */
export function awardText(a: Award, lang: Lang, shown?: string): string {
  // Said once per award, language and wording: every ranking sheet of a province asks again.
  const named = shown !== undefined && a.kind !== "veto" && a.ranking !== shown && (a.kind === "rank" ? !tierSaysRanking(a.tier, a.rankingName) : shown !== "" && namesRanking(a));
  const key = named ? `${lang}+` : lang;
  let said = spoken.get(a);
  if (!said) spoken.set(a, (said = {}));
  return (said[key] ??= say(a, lang, named));
}

const spoken = new WeakMap<Award, Record<string, string>>();

/** Said as `shown`: every award named with its ranking (a unit graded on several). */
export const EVERY_RANKING = "\u0000every";

/**
 * Whether an award said beside another ranking's (a total's sheet lists every award of the unit)
 * needs its ranking named, a prize aside (named unless its tier says it): a grade does (良好 and 优秀
 * side by side read as one unit given both), a card unless its reason names the ranking
 * (综合排名末位); a single-item award and a veto are the unit's whatever the ranking.
 */
function namesRanking(a: Award): boolean {
  switch (a.kind) {
    case "grade":
      return true;
    case "warning":
      return !a.reasons.includes("last");
    default:
      return false;
  }
}

/**
 * A tier whose name already says its ranking (经济发展先进 of 经济发展排名): named with it, the two
 * read as one stammered word (经济发展排名经济发展先进).
 */
function tierSaysRanking(tier: string, rankingName: string): boolean {
  const topic = rankingName.replace(/(单项)?(排名|排行|排序|考核)$/u, "");
  return topic.length >= 2 && topic !== rankingName && tier.includes(topic);
}

/**
 * A failed gate's indicator named after its code, as a leader reads it (ZB9 alone meant nothing to
 * one), unless the gate's name already says it (JS4.1 出生政策符合率 on ZB1 出生政策符合率).
 */
export function vetoIndicatorName(v: { readonly gateName: string; readonly indicatorName: string }): string {
  const name = v.indicatorName.trim();
  return name === "" || v.gateName.includes(name) ? "" : ` ${name}`;
}

/** A tier's name up to this many characters is said run on after its ranking's (乡镇组排名一等奖, 乡镇组排名先进单位). */
const TIER_JOINED_MAX = 4;

/**
 * A ranking and one of its tiers, for a message that says them as {ranking}{tier}: in Chinese, a
 * tier of a name of its own (综合绩效考核先进单位) is said with its ranking in brackets after it,
 * not run into it (县直部门综合绩效考核排名综合绩效考核先进单位 read as one word).
 */
export function rankTier(lang: Lang, ranking: string, tier: string): { ranking: string; tier: string } {
  if (!ownTierName(lang, tier)) return { ranking, tier };
  return { ranking: "", tier: message(lang, "word.tier-of", { tier, ranking }) };
}

/** Whether a tier is said with its ranking in brackets after it (rankTier). */
function ownTierName(lang: Lang, tier: string): boolean {
  return lang !== "en" && [...tier].length > TIER_JOINED_MAX;
}

function say(a: Award, lang: Lang, named: boolean): string {
  switch (a.kind) {
    case "rank": {
      // Passed on by vetoed units ahead (递补): said, or a unit reading its own line cannot tell why its rank won another tier's prize.
      // (After the tier in Chinese; in English after the whole, not between 二等奖 and "in 乡镇组排名".)
      const passed = a.place !== undefined ? message(lang, "award.tier-passed", { place: a.place }) : "";
      // A tier of a name of its own, named with its ranking: the 递补 in the one bracket (先进单位奖(乡镇组排名,递补为第 3 名), not two).
      if (named && a.place !== undefined && ownTierName(lang, a.tier)) {
        const tier = message(lang, "word.tier-of-passed", { tier: a.tier, ranking: a.rankingName, place: a.place });
        return a.amount !== undefined ? message(lang, "award.rank-in-amount", { tier, ranking: "", amount: formatAmount(a.amount), passed: "" }) : message(lang, "award.rank-in", { tier, ranking: "", passed: "" });
      }
      // With its amount, as a single-item award says its own (a leader reads the prize money off the same cell).
      if (a.amount !== undefined) return named ? message(lang, "award.rank-in-amount", { ...rankTier(lang, a.rankingName, a.tier), amount: formatAmount(a.amount), passed }) : message(lang, "award.rank-amount", { tier: a.tier, amount: formatAmount(a.amount), passed });
      return named ? message(lang, "award.rank-in", { ...rankTier(lang, a.rankingName, a.tier), passed }) : message(lang, "award.rank", { tier: a.tier, passed });
    }
    case "single":
      return (a.amount !== undefined ? message(lang, "award.single", { name: a.name, level: a.level, amount: formatAmount(a.amount) }) : message(lang, "award.single-honour", { name: a.name, level: a.level })) + singleOver(a, lang);
    case "grade":
      return message(lang, named ? "award.grade-in" : "award.grade", { grade: awardContent(a, lang), ranking: a.rankingName });
    case "warning":
      return message(lang, named ? "award.warning-in" : "award.warning", { name: a.name, reason: awardContent(a, lang), ranking: a.rankingName });
    case "veto":
      return message(lang, a.lower ? "award.veto-lower" : "award.veto", { gate: a.gate, gateName: a.gateName, indicator: a.indicator, indicatorName: vetoIndicatorName(a), value: formatMeasure(a.value, a.display), target: formatMeasure(a.target, a.display) });
  }
}

/**
 * What an award in the award lists was given on: its place, the recognition's level and cell, the
 * total, the failed value and its target (the indicator by its code and name: a leader knows no
 * ZB9). `unranked`: the rank said for a unit not ranked there.
 */
function gradeBasis(a: Extract<Award, { kind: "grade" }>, u: UnitResult, lang: Lang, rubric: Rubric, unranked: string): string {
  const by = rubric.rankings.find((x) => x.id === a.ranking)?.by ?? "total";
  const points = formatPointsFixed(keyPoints(rubric, u.kind, by)(u));
  return message(lang, "out.grade-basis", { ranking: a.rankingName, rank: u.ranks[a.ranking] ?? unranked, key: rankKeyName(rubric, u.kind, by, lang), points });
}

export function awardBasis(a: Award, u: UnitResult, lang: Lang, rubric: Rubric, unranked = ""): string {
  switch (a.kind) {
    case "rank":
      return message(lang, a.place !== undefined ? "out.ranking-place" : "out.ranking-rank", { ranking: a.rankingName, rank: u.ranks[a.ranking] ?? unranked, place: a.place ?? "" });
    case "grade":
      // A vetoed unit not ranked there has its grade from the veto, not from a rank ("第 — 名").
      if (u.ranks[a.ranking] === null) return message(lang, "out.grade-unranked", { ranking: a.rankingName, grade: a.grade });
      // With the score the grade's mark is read against (总分 88.50), not the place alone: a grade is
      // by the score (88.5 ≥ 80), its quota alone by the place. So too a grade a veto or a gate sets
      // (直接定为不合格): its place alone read as a row left short, and a leader asks what it scored.
      return gradeBasis(a, u, lang, rubric, unranked);
    case "single": {
      // The document it was recognized by, where the row's 依据 names one (a leader reads no cell).
      const evidence = u.ledger.find((r) => r.entry.at.sheet === a.basis.sheet && r.entry.at.cell === a.basis.cell)?.entry.evidence.trim() ?? "";
      const given = message(lang, evidence ? "report.basis.single-evidence" : "report.basis.single", { level: a.level, cell: cellRef(a.basis.sheet, a.basis.cell), evidence });
      // Held, and a claim of its own for it pending (at a higher level, say): that claim too.
      const open = u.certainty?.open.some((o) => opens(o, a)) ?? false;
      const claims = open ? claimsSaid(pendingSingles(u, a.ranking, a.code), lang) : [];
      return [given, ...claims].join(lang === "en" ? "; " : ";");
    }
    case "warning": {
      // With two decimals, as the tables beside it show points (总分 596.50, not 596.5); after its
      // ranking and place there, as a prize's and a grade's are (a kind carded on several rankings).
      const score = a.of !== undefined ? message(lang, "out.score-is", { of: a.of, score: formatPointsFixed(a.score ?? 0) }) : message(lang, "out.total-is", { total: formatPointsFixed(u.total) });
      const rank = u.ranks[a.ranking];
      return rank === null || rank === undefined ? score : message(lang, "out.card-basis", { place: message(lang, "out.ranking-rank", { ranking: a.rankingName, rank }), score });
    }
    case "veto":
      return message(lang, "report.basis.veto", { indicator: [a.indicator, measureOf(rubric, a.indicator)?.name ?? ""].filter((x) => x !== "").join(" "), value: formatMeasure(a.value, a.display), target: formatMeasure(a.target, a.display) });
  }
}

/** An award's amount in 元 (a prize's or a single-item award's), or null. */
export function awardAmount(a: Award): number | null {
  if (a.kind === "single" || a.kind === "rank") return a.amount ?? null;
  return null;
}

/**
 * An award's amount as the award list shows it: its number, or 待定 30,000 where pending claims may
 * still take the award away (a prize marked (待定) beside a plain 30,000 read as money settled).
 */
export function listedAmount(u: UnitResult, a: Award, lang: Lang): number | string | null {
  const amount = awardAmount(a);
  return amount !== null && pendingMark(u, lang, a) !== "" ? message(lang, "out.amount-pending", { amount: formatAmount(amount) }) : amount;
}

/** Whether a rubric gives money at all (a prize tier's or a single-item award's amount): else an award list has no amounts' column. */
export function givesMoney(rubric: Rubric): boolean {
  return rubric.rankings.some((r) => r.tiers.some((t) => t.amount !== undefined) || r.single.some((s) => s.amount !== undefined));
}

/** Where an award list's row holds its amount: after the category, the unit and the award. */
const AWARD_AMOUNT_AT = 3;

/** An award list's row (category, unit, award, amount, basis) without its amount, for a scheme that gives no money. */
export function withoutAmount<R extends { readonly cells: readonly unknown[] }>(row: R): R {
  return { ...row, cells: row.cells.filter((_, i) => i !== AWARD_AMOUNT_AT) };
}

/** The awards that carry money (awardAmount), in the award list's order. */
const MONEY_KINDS = ["rank", "single"] as const;

/** The money a district's awards give, in all (yuan), as counted now: what `diff` compares. */
export function moneyOf(results: Results): number {
  let total = 0;
  for (const u of results.units) for (const a of u.awards) total += awardAmount(a) ?? 0;
  return total;
}

/**
 * The money the award list gives, in all and by kind (奖金合计 210,000 元:名次奖 170,000 元、单项奖
 * 40,000 元), as its amount column would add up (what pending claims may yet bring is not in it,
 * and said to be left out); undefined where no award carries money.
 */
export function moneyTotal(results: Results, lang: Lang): string | undefined {
  const byKind = new Map<Award["kind"], number>();
  // (And of it, what pending claims may still take away: said, as the list marks it 待定.)
  let pending = 0;
  for (const u of results.units) {
    for (const a of u.awards) {
      const amount = awardAmount(a);
      if (amount) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + amount);
      if (amount && pendingMark(u, lang, a) !== "") pending += amount;
    }
  }
  if (!byKind.size) return undefined;
  const total = [...byKind.values()].reduce((x, y) => x + y, 0);
  // By kind where more than one gives money, in the list's order, each said as money is, mid-sentence (rank prizes 170,000 yuan).
  const parts = byKind.size > 1 ? MONEY_KINDS.flatMap((kind) => (byKind.has(kind) ? [message(lang, "out.money-part", { kind: message(lang, `out.money-kind.${kind}`), amount: formatAmount(byKind.get(kind) ?? 0) })] : [])) : [];
  // (Open where a prize or a single-item award may still change: a grade or a card pending moves no money.)
  const open = results.units.some((u) => u.certainty !== undefined && !u.certainty.settled && u.certainty.open.some((o) => o.kind === "rank" || o.kind === "single"));
  const data = { amount: formatAmount(total), parts: parts.length ? message(lang, "out.money-parts", { parts: parts.join(message(lang, "list.items")) }) : "" };
  return pending ? message(lang, "out.money-total-pending", { ...data, pending: formatAmount(pending) }) : message(lang, open ? "out.money-total-open" : "out.money-total", data);
}

/**
 * Prizes a tie at a tier's last place gives more units than the tier has places (山区组 第 3 名 two
 * units tied, both 一等奖 of places 1–3: four 一等奖, 50,000 元 more than a leader counted on), one
 * line for all; undefined where none does. (The rules give a tied place's tier to all tied there.)
 */
export function tiersShared(rubric: Rubric, results: Results, lang: Lang): string | undefined {
  // Ranking and tier → each place for prizes, its holders and their rank (a place passed on by a
  // vetoed unit ahead is not their rank), and how many hold the tier: one pass over a province's units.
  const held = new Map<string, { at: Map<number, { count: number; rank: number; open: boolean }>; given: number }>();
  for (const u of results.units) {
    for (const a of u.awards) {
      if (a.kind !== "rank") continue;
      const rank = u.ranks[a.ranking];
      if (typeof rank !== "number") continue;
      const key = `${a.ranking}\u0000${a.tier}`;
      let h = held.get(key);
      if (!h) held.set(key, (h = { at: new Map(), given: 0 }));
      const place = a.place ?? rank;
      // (Open where pending claims may part the tie or take a holder's prize: said (待定), not as settled.)
      h.at.set(place, { count: (h.at.get(place)?.count ?? 0) + 1, rank, open: (h.at.get(place)?.open ?? false) || pendingMark(u, lang, a) !== "" });
      h.given++;
    }
  }
  const said: string[] = [];
  for (const r of rubric.rankings) {
    for (const t of r.tiers) {
      const h = held.get(`${r.id}\u0000${t.name}`);
      const places = t.to - t.from + 1;
      if (!h || h.given <= places) continue;
      // The tied place that runs past the tier's last.
      const past = [...h.at].filter(([place, p]) => p.count > 1 && place + p.count - 1 > t.to).sort((a, b) => a[0] - b[0])[0];
      if (!past) continue;
      const [place, { count, rank, open }] = past;
      const data = { ranking: r.name, rank, place, count, tier: t.name, places: t.from === t.to ? String(t.from) : `${t.from}–${t.to}`, span: places, given: h.given };
      said.push((open ? message(lang, "award.unsettled") : "") + message(lang, place === rank ? "out.tier-shared" : "out.tier-shared-passed", data));
    }
  }
  return said.length ? said.join(message(lang, "list.parts")) : undefined;
}

/** Of a single-item award won past its limit by a tie at its last place: said after it, with how many won. */
function singleOver(a: Extract<Award, { kind: "single" }>, lang: Lang): string {
  return a.over ? message(lang, "award.single-over", { count: a.over.count, given: a.over.given }) : "";
}

/**
 * What was given, short, where a category column beside it says which kind of award it is (the
 * award lists): 一等奖, 良好(因一票否决), 总分低于 60, DJ4 意识形态工作.
 */
export function awardContent(a: Award, lang: Lang): string {
  switch (a.kind) {
    case "rank":
      return a.tier;
    case "single":
      return message(lang, "report.award.single", { name: a.name, level: a.level }) + singleOver(a, lang);
    case "grade":
      // Held by a veto, or short of the band its score reached: the words say why.
      if (a.cut && !a.held) {
        // A quota of none (20% of a unit or two, rounded down or half up) is no full quota: said as it is.
        // Tied at the edge: with how many, for the places left there (not the whole quota, where some went above).
        const tied = a.cut.tied ? (a.cut.unused !== undefined && a.cut.tiedWith !== undefined ? (a.cut.unused < a.cut.quota ? "award.grade-cut-tied-left" : "award.grade-cut-tied-all") : "award.grade-cut-tied") : undefined;
        const key = a.cut.quota === 0 ? (a.cut.round === "nearest" ? "award.grade-cut-none-nearest" : "award.grade-cut-none") : (tied ?? (a.cut.unused ? "award.grade-cut-unused" : a.cut.given !== undefined ? "award.grade-cut-more" : "award.grade-cut"));
        return message(lang, key, { grade: a.grade, better: a.cut.grade, quota: a.cut.quota, given: a.cut.given ?? 0, unused: a.cut.unused ?? 0, others: a.cut.tiedWith ?? 0 });
      }
      if (a.over && !a.held) return message(lang, "award.grade-over", { grade: a.grade, quota: a.over.quota, given: a.over.given });
      // Set by the veto, or held down to the best it allows: the two read alike (合格(因一票否决)).
      // (Held by a gate that holds the grade alone: by that gate, no veto: 良好(SH9 一般生产安全事故未达标,至多评为良好).)
      if (a.held && a.by) return message(lang, a.atMost ? "award.grade-held-by-at-most" : "award.grade-held-by", { grade: a.grade, gate: a.by.gate, gateName: a.by.gateName });
      return a.held ? message(lang, a.atMost ? "award.grade-held-at-most" : "award.grade-held", { grade: a.grade }) : a.grade;
    case "warning": {
      const code = a.reasons.length === 2 ? "award.warning-both" : a.reasons[0] === "last" ? "award.warning-last" : "award.warning-below";
      return message(lang, a.of !== undefined && code !== "award.warning-last" ? `${code}-of` : code, { ranking: a.rankingName, below: a.below !== undefined ? formatPoints(a.below) : "", of: a.of ?? "" });
    }
    case "veto":
      return `${a.gate} ${a.gateName}`;
  }
}

const AWARD_KINDS = ["rank", "single", "warning", "veto", "grade"] as const;

/**
 * The award lists' categories, in their order: each kind's word, but the rubric's own for its
 * cards where all its cards have one name that is no 黄牌警告 of any sort (a scheme's 全市通报 is
 * not listed under 黄牌警告, a word its 办法 never uses).
 */
export function awardCategories(rubric: Rubric, lang: Lang): Map<Award["kind"], string> {
  const category = new Map<Award["kind"], string>(AWARD_KINDS.map((k) => [k, message(lang, `out.award-kind.${k}`)]));
  const cards = new Set(rubric.rankings.flatMap((r) => (r.yellowCard ? [r.yellowCard.name] : [])));
  const [only] = cards;
  const generic = message(lang, "out.award-kind.warning");
  if (cards.size === 1 && only !== undefined && !only.startsWith(generic) && !only.startsWith(message("zh-CN", "out.award-kind.warning"))) category.set("warning", only);
  return category;
}

/**
 * What an award list's award column says beside its category (黄牌警告): the award short, but a
 * card the category does not name (招商黄牌, where the rubric's cards have several names) by its name.
 */
export function listedAward(a: Award, lang: Lang, category: string): string {
  // (Any name but the category's own: 黄牌警告(下年度重点管理) keeps what it adds.)
  return a.kind === "warning" && a.name !== category ? awardText(a, lang) : awardContent(a, lang);
}

/**
 * The awards column of a ranking's row: prizes and warnings, joined (a vetoed unit's veto first);
 * `own`: those of the ranking `shown` alone. `graded`: a column beside it gives the grade `shown`
 * gives, so that grade is said here only with its reason (良好(达到优秀分数线,但名额已满)), not
 * again as 等次:优秀 beside 优秀.
 */
export function awardsCell(u: UnitResult, lang: Lang, shown?: string, own: boolean | "grades" = false, between = message(lang, "list.parts"), graded = false): string {
  const open = u.certainty?.open ?? NONE_OPEN;
  const kept = shownIn(shown, own);
  const inColumn = (a: Award): boolean => graded && a.kind === "grade" && a.ranking === shown && !a.cut && !a.over && !a.held;
  // Joined by hand: every ranking sheet of a province asks for every unit. (`between`: what
  // parts them, a line break where a sheet's column is too narrow for them on one line.)
  let out = "";
  const add = (text: string): void => void (out = out ? `${out}${between}${text}` : text);
  // The veto first, then what pending claims could still change (marked, so that a narrow
  // terminal's cut never hides it), each award it could bring that the unit does not hold, the rest.
  if (u.vetoed) {
    for (const a of u.awards) if (a.kind === "veto") add(awardText(a, lang, shown));
    // A single-item award recognized but withheld by the veto (a leader asks where it went): on a
    // ranking showing its own awards, those it gives.
    for (const w of withheldSingles(u, lang, own === true ? shown : undefined)) add(w);
  }
  if (open.length) {
    const mark = message(lang, "award.unsettled");
    for (const a of u.awards) if (a.kind !== "veto" && kept(a) && isOpen(open, a)) add(mark + openAwardText(u, a, lang, shown));
    for (const o of unheld(u)) if (kept(o)) add(mayWin(o, lang, u));
  }
  for (const a of u.awards) if (a.kind !== "veto" && kept(a) && !isOpen(open, a) && !inColumn(a)) add(awardText(a, lang, shown));
  return out;
}

const NONE_OPEN: readonly OpenAward[] = [];

/**
 * Whether the unit's awards cell (awardsCell with the same `shown` and `own`) marks something
 * pending: a table's legend explains the mark where one of its rows carries it, not where a unit
 * has an award pending on another ranking the table leaves out.
 */
export function marksPending(u: UnitResult, shown: string, own: boolean | "grades" = false): boolean {
  const c = u.certainty;
  return c !== undefined && !c.settled && c.open.some(shownIn(shown, own));
}

/**
 * Which awards (held or open) a ranking's awards cell shows: `own`, the shown ranking's alone;
 * "grades", its own grade but every other award (a group's table under the whole kind's, which
 * gives the grade); else all.
 */
function shownIn(shown: string | undefined, own: boolean | "grades"): (a: { readonly kind: string; readonly ranking: string }) => boolean {
  return (a) => (own === true ? a.ranking === shown : own === "grades" ? a.kind !== "grade" || a.ranking === shown : true);
}

/**
 * The single-item awards a vetoed unit was recognized for and may not win, in words, by the award's
 * name (单项奖:移民地区综合治理单项奖(国家级)因一票否决不予授予); `ranking`: those it gives alone.
 */
export function withheldSingles(u: UnitResult, lang: Lang, ranking?: string): string[] {
  return u.withheld.filter((w) => ranking === undefined || w.ranking === ranking).map((w) => message(lang, "award.single-withheld", { name: w.name, level: w.level }));
}

/**
 * A withheld single-item award in an award list (its category says 单项奖): what, and on what
 * recognition (省级认定:省通报(见 加扣分!B19)), as an award given is listed.
 */
export function withheldListed(w: WithheldAward, u: UnitResult, lang: Lang): { award: string; basis: string } {
  const evidence = u.ledger.find((r) => r.entry.at.sheet === w.basis.sheet && r.entry.at.cell === w.basis.cell)?.entry.evidence.trim() ?? "";
  const basis = message(lang, evidence ? "report.basis.single-evidence" : "report.basis.single", { level: w.level, cell: cellRef(w.basis.sheet, w.basis.cell), evidence });
  return { award: message(lang, "award.single-withheld-listed", { name: w.name, level: w.level }), basis };
}

/** The awards pending claims could bring a unit that it holds nothing of (that kind, on that ranking). */
export function unheld(u: UnitResult): readonly OpenAward[] {
  const open = u.certainty?.open ?? NONE_OPEN;
  return open.length ? open.filter((o) => !u.awards.some((a) => a.kind !== "veto" && opens(o, a))) : NONE_OPEN;
}

/** What a unit could still win (or be given) on a ranking where it holds nothing of that kind. */
export function mayWin(o: OpenAward, lang: Lang, u?: UnitResult): string {
  if (o.kind === "single" && u) {
    // The awards its own pending recognitions are entered for, by name and level (a scheme may have
    // several single-item awards on one ranking: 可能获综合排名单项奖 named none of them).
    const awards = new Set<string>();
    for (const r of pendingSingles(u, o.ranking, o.code)) awards.add(message(lang, "report.award.single", { name: String(r.reason.data.award), level: String(r.reason.data.level) }));
    if (awards.size) return message(lang, "award.may-win.single-named", { awards: [...awards].join(message(lang, "list.items")) });
  }
  // A prize: the tier at its best place (可能获街道组排名二等奖; 名次奖 alone named no tier or money),
  // or every tier it may reach where it holds none now (可能获一等奖或二等奖: the best alone read as the only one in play).
  const held = o.kind === "rank" && u !== undefined && u.awards.some((a) => a.kind === "rank" && a.ranking === o.ranking);
  if (o.kind === "rank" && o.tiers && !held) {
    const tiers = o.tiers.join(message(lang, "list.or-words"));
    // (Short tier names after the ranking's, 街道组排名一等奖或二等奖; long ones with it in brackets.)
    return message(lang, "award.may-win.rank-tier", o.tiers.some((t) => ownTierName(lang, t)) ? rankTier(lang, o.rankingName, tiers) : { ranking: o.rankingName, tier: tiers });
  }
  if (o.kind === "rank" && o.tier !== undefined) return message(lang, "award.may-win.rank-tier", rankTier(lang, o.rankingName, o.tier));
  return message(lang, `award.may-win.${o.kind}`, { ranking: o.rankingName, card: o.card ?? "" });
}

/**
 * The money an award a unit may yet win would bring: a single-item award its own pending
 * recognitions claim (one award, with money), or the prize at its best place; else null. As text,
 * 待定 3,000, not won yet: a column's sum counts only the money awarded (a spreadsheet's SUM passes
 * over text). (In brackets, (3,000), finance staff read a negative amount: a fine.)
 */
export function mayWinAmount(rubric: Rubric, o: OpenAward, u: UnitResult, lang: Lang): string | null {
  const said = (amount: number): string => message(lang, "out.amount-pending", { amount: formatAmount(amount) });
  if (o.kind === "rank") {
    const amount = rubric.rankings.find((r) => r.id === o.ranking)?.tiers.find((t) => t.name === o.tier)?.amount;
    return amount !== undefined ? said(amount) : null;
  }
  if (o.kind !== "single") return null;
  const awards = rubric.rankings.find((r) => r.id === o.ranking)?.single ?? [];
  const amounts = new Set(pendingSingles(u, o.ranking, o.code).map((row) => awards.find((s) => s.code === row.entry.code)?.amount));
  const [amount] = amounts;
  return amounts.size === 1 && amount !== undefined ? said(amount) : null;
}

/** Pending recognitions as an award's basis says them: 市级申报中,见 加扣分!B6. */
function claimsSaid(rows: UnitResult["ledger"], lang: Lang): string[] {
  return rows.map((r) => message(lang, "report.basis.single-pending", { level: String(r.reason.data.level), cell: cellRef(r.entry.at.sheet, r.entry.at.cell) }));
}

/** A unit's own single-item recognitions pending for the awards on a ranking (or the one of that code). */
function pendingSingles(u: UnitResult, ranking: string, code?: string): UnitResult["ledger"] {
  return u.ledger.filter((r) => r.reason.code === "why.ledger-pending-single" && r.reason.data.ranking === ranking && (code === undefined || r.entry.code === code));
}

/**
 * The pending rows a unit's awards wait on: where every award claims could change is a single-item
 * award given to all recognised (no count) and claimed by the unit itself, its own claims for it
 * (another's claim may move its rank, not that award); else its own rows and others' on the
 * rankings where an award of its is open.
 */
export function awardClaims(rubric: Rubric, u: UnitResult): readonly CellAt[] {
  const c = u.certainty;
  if (!c) return [];
  // (By the award's own code where the open award names it: another award of the ranking may have a count.)
  const ownSingle = (o: OpenAward): boolean => {
    const awards = rubric.rankings.find((r) => r.id === o.ranking)?.single;
    if (o.kind !== "single" || !awards) return false;
    return o.code !== undefined ? awards.find((s) => s.code === o.code)?.count === undefined : !awards.some((s) => s.count !== undefined);
  };
  // (None found for its awards, though one is open: every row that may move it, rather than none.)
  const claims = c.awardClaims.length ? c.awardClaims : c.pending;
  if (!c.open.length || !c.open.every(ownSingle)) return claims;
  const rows = c.open.flatMap((o) => pendingSingles(u, o.ranking, o.code)).map((r) => r.entry.at);
  return rows.length ? rows : claims;
}

/**
 * The basis said beside what a unit could still win: for a single-item award, its own pending
 * recognitions entered for it, by level and cell (市级申报中,见 加扣分!B6), as a recognised one
 * says its row; else the ranking it could be won on.
 */
export function mayWinBasis(o: OpenAward, lang: Lang, u: UnitResult): string {
  if (o.kind === "single") {
    const rows = pendingSingles(u, o.ranking, o.code);
    if (rows.length) return claimsSaid(rows, lang).join(lang === "en" ? "; " : ";");
  }
  // A prize: its place now and the best it may reach (the ranking's name alone read as unfinished).
  const rank = u.ranks[o.ranking];
  const range = u.certainty?.ranks[o.ranking];
  if (o.kind === "rank" && typeof rank === "number" && range && range[0] < rank) return message(lang, "report.basis.may-reach", { ranking: o.rankingName, rank, best: range[0] });
  // A card it may get: its place and total now, and the worst the claims may bring (a bare ranking's name was no basis).
  const total = u.certainty?.total;
  if (o.kind === "warning" && typeof rank === "number" && total) {
    const data = { ranking: o.rankingName, rank, total: formatPoints(u.total), low: formatPoints(total[0]) };
    return range && range[1] > rank ? message(lang, "report.basis.may-card", { ...data, worst: range[1] }) : message(lang, "report.basis.may-card-total", data);
  }
  return o.rankingName;
}

/**
 * An award pending claims could change, as awardText says it, with what else it may end as
 * (等次:良好(…也可能为优秀), 三等奖(…也可能为二等奖)).
 */
export function openAwardText(u: UnitResult, a: Award, lang: Lang, shown?: string): string {
  return mayEndOtherwise(u, a, lang, awardText(a, lang, shown));
}

/** An award as the award lists say it (its category apart), marked (待定) where claims could change it, with what else it may end as. */
export function listedOpen(u: UnitResult, a: Award, lang: Lang, category: string): string {
  return pendingMark(u, lang, a) + mayEndOtherwise(u, a, lang, listedAward(a, lang, category));
}

/**
 * An award's words (as a list or a table says it), with what else it may end as while claims are
 * pending: a grade's other grades, a prize's other tier at its best or worst place (or none);
 * unchanged where it is not open. Said within the award's own note where it has one
 * (良好(…名额 1 个已满;…也可能为优秀)), not a second bracket after it.
 */
export function mayEndOtherwise(u: UnitResult, a: Award, lang: Lang, text: string): string {
  if (a.kind !== "grade" && a.kind !== "rank") return text;
  const o = u.certainty?.open.find((x) => opens(x, a));
  if (!o) return text;
  // A grade's other grades; a prize's tier at its best place and its worst's (null: none there), less the one it holds.
  const others = a.kind === "grade" ? (o.grades?.filter((g) => g !== a.grade) ?? []) : [...new Set([o.tier, o.worst].filter((t): t is string => typeof t === "string" && t !== a.tier))];
  const lose = a.kind === "rank" && o.worst === null;
  if (!others.length && !lose) return text;
  const aside = message(lang, lose ? (others.length ? "award.may-be-or-lose" : "award.may-lose") : "award.may-be", { others: others.join(message(lang, "list.or-words")) });
  const closing = /[)）]$/.exec(text)?.[0];
  return closing ? message(lang, "award.aside-within", { award: text.slice(0, -1), aside }).replace(/\)$/, closing) : message(lang, "award.aside", { award: text, aside });
}

function isOpen(open: readonly OpenAward[], a: Award): boolean {
  return a.kind !== "veto" && open.some((o) => opens(o, a));
}

/** Whether claims may change this award: its kind on its ranking (a single-item award, that award itself, by its code). */
export function opens(o: OpenAward, a: { readonly kind: string; readonly ranking: string; readonly code?: string }): boolean {
  return o.kind === a.kind && o.ranking === a.ranking && (o.kind !== "single" || o.code === undefined || o.code === a.code);
}

/**
 * Whether a ranking shows its units' awards: one by the total does, and one by a line or an item
 * that decides any (its prizes, grades, single-item awards or yellow card); else it says only why
 * a unit is not ranked.
 */
export function showsAwards(rubric: Rubric, r: { readonly id: string; readonly by: string }): boolean {
  if (r.by === "total") return true;
  const x = rubric.rankings.find((y) => y.id === r.id);
  return x !== undefined && givesAwards(x);
}

/**
 * The heading of a ranking's awards column: 奖惩 where it may hold a prize, a single-item award or a
 * yellow card (a ranking by the total shows those of every ranking of its kind; one by a line or an
 * item, its own); 备注 where it holds no more than grades' notes and vetoes (a scheme of grades alone:
 * 奖惩 over 良好(名额已满) promised what it has not).
 */
export function awardsHeading(rubric: Rubric, r: RankingRef, lang: Lang): string {
  return message(lang, moreThanGrades(rankingsShown(rubric, r)) ? "out.awards" : "out.remark");
}

type RankingRef = { readonly id: string; readonly by: string; readonly unitKind: string };

/** The rankings whose awards a ranking's table gives: its kind's where it ranks by the total, else its own. */
function rankingsShown(rubric: Rubric, r: RankingRef): Rubric["rankings"][number][] {
  return r.by === "total" ? rubric.rankings.filter((x) => x.unitKind === r.unitKind) : rubric.rankings.filter((x) => x.id === r.id);
}

/**
 * What a note on pending claims says may change (the `what` of its message): grades (等次) where these
 * rankings give grades and nothing more (a school's scheme: "标“待定”的奖惩" read of prizes it has
 * none of), else awards (奖惩).
 */
export function outcomesWord(rankings: readonly Rubric["rankings"][number][]): "awards" | "grades" {
  return !moreThanGrades(rankings) && rankings.some((x) => x.grades !== undefined) ? "grades" : "awards";
}

/** What a ranking's table's note on pending claims says may change (see outcomesWord). */
export function tableOutcomes(rubric: Rubric, r: RankingRef): "awards" | "grades" {
  return outcomesWord(rankingsShown(rubric, r));
}

/** A unit's grade on a ranking as its 等次 column shows it: marked where pending claims may still change it (优秀(待定)). */
export function gradeCell(u: UnitResult, ranking: string, lang: Lang): string {
  // A vetoed unit its veto leaves ungraded (不参加排名和等次评定) says so (不评定; its row red, its veto beside): a blank read as one forgotten.
  if (u.grades[ranking] === undefined && u.vetoed) return message(lang, "out.grade-none-vetoed");
  const grade = u.grades[ranking] ?? "";
  return grade && u.certainty?.open.some((o) => o.ranking === ranking && o.kind === "grade") ? message(lang, "out.grade-pending", { grade }) : grade;
}

/** Whether any of these rankings gives more than grades: a prize, a single-item award or a yellow card. */
export function moreThanGrades(rankings: readonly Rubric["rankings"][number][]): boolean {
  return rankings.some((x) => x.tiers.length > 0 || x.single.length > 0 || x.yellowCard !== undefined);
}

/** A ranking gives awards: prizes, grades, single-item awards or a yellow card. */
export function givesAwards(r: Rubric["rankings"][number]): boolean {
  return r.tiers.length > 0 || r.grades !== undefined || r.single.length > 0 || r.yellowCard !== undefined;
}

/** A tie-breaker a ranking's table shows in a column of its own: its heading, and a unit's points there. */
export interface TieColumn {
  readonly key: string;
  /** 同分时比较 after its code and name: GZ3 重点项目(同分时比较). */
  readonly heading: string;
  readonly points: (u: UnitResult) => Points;
}

/**
 * The tie-breakers of a ranking that its table shows nowhere else (an item; the total where a line
 * ranks; a line where an item does): each in a column, or a reader sees 46.5 ranked 2nd and 46.5
 * ranked 4th and no why. A table by the total shows the lines and the total already.
 */
export function tieColumns(rubric: Rubric, r: { readonly id: string; readonly unitKind: string; readonly by: string }, lang: Lang): TieColumn[] {
  const plan = planOf(rubric, r.unitKind);
  const shown = new Set(r.by === "total" ? ["total", ...(plan?.lines.map((l) => l.line.code) ?? [])] : [r.by]);
  const keys = (rubric.rankings.find((x) => x.id === r.id)?.tieBreakers ?? []).filter((k) => !shown.has(k));
  return keys.map((key) => ({ key, heading: message(lang, "out.tie-breaker", { name: key === "total" ? message(lang, "out.total") : rankKeyName(rubric, r.unitKind, key, lang) }), points: keyPoints(rubric, r.unitKind, key) }));
}

/**
 * Where units level on what a ranking ranks by were ranked apart by its tie-breakers, the note that
 * names those keys in turn (同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次), as `note` words it
 * (the report's bracket, a sheet's line, the terminal's and the page's bracket; its `-one` form for
 * one key). Undefined where no tie was broken so.
 */
export function tieBreakNote(rubric: Rubric, r: RankingResult, lang: Lang, note: "report.tie-note" | "out.tie-note" | "table.tie-note"): string | undefined {
  const keys = rubric.rankings.find((x) => x.id === r.id)?.tieBreakers ?? [];
  if (!keys.length) return undefined;
  const ranked = r.entries.filter((e) => e.rank !== null);
  const split = ranked.some((e, i) => i > 0 && ranked[i - 1]?.value === e.value && ranked[i - 1]?.rank !== e.rank);
  // Level on the tie-breakers too, they share a rank: said so (双河乡 and 杨柳镇 both 5th, a leader asked
  // whether the tie-breakers had been looked at).
  const level = ranked.some((e, i) => i > 0 && ranked[i - 1]?.value === e.value && ranked[i - 1]?.rank === e.rank);
  if (!split && !level) return undefined;
  return message(lang, `${note}${keys.length > 1 ? "" : "-one"}${level ? "-level" : ""}`, { keys: keys.map((k) => rankKeyName(rubric, r.unitKind, k, lang)).join(message(lang, "list.items")) });
}

/** What a ranking ranks or breaks ties by, named within a sentence: 总分 (total), or a line's or item's code and name. */
export function rankKeyName(rubric: Rubric, kind: string, key: string, lang: Lang): string {
  return key === "total" ? message(lang, "out.key-total") : `${key} ${rankKey(rubric, kind, key)?.name ?? ""}`.trim();
}

/** A unit's points on what a ranking ranks or breaks ties by: its total, a line's subtotal or an item's points. */
export function keyPoints(rubric: Rubric, kind: string, key: string): (u: UnitResult) => Points {
  const node = key === "total" ? undefined : planOf(rubric, kind)?.index.get(key);
  return (u) => (node === undefined ? u.total : (u.points[node] ?? 0));
}

/**
 * A kind's standing as the terminal, the browser page and 得分明细 show it: its whole ranking by
 * the total; where the kind is ranked by the total only in groups (综合部门组 and 执法部门组
 * ranked apart, no ranking of them all), each group's, in rubric order; else its first ranking.
 * (`emptyToo`: of the rankings the rubric has, whether or not they rank a unit this year.)
 */
export function mainRankings(results: Pick<Results, "rankings">, kind: string, emptyToo = false): RankingResult[] {
  const of = results.rankings.filter((r) => r.unitKind === kind && (emptyToo || r.entries.length > 0));
  const whole = of.find((r) => r.by === "total" && r.group === undefined);
  if (whole) return [whole];
  const groups = of.filter((r) => r.by === "total");
  if (groups.length) return groups;
  const first = of.find((r) => r.group === undefined) ?? of[0];
  return first ? [first] : [];
}

/**
 * The rankings neither the terminal nor the browser page shows (a group's, a line's, an item's,
 * beside each kind's main one): named, and where they are, rather than left out unsaid (the one
 * deciding a single-item award among them). Undefined where every ranking is shown.
 */
export function otherRankingsNote(results: Pick<Results, "rankings">, kinds: readonly { readonly id: string }[], lang: Lang): string | undefined {
  const shown = new Set(kinds.flatMap((k) => mainRankings(results, k.id).map((r) => r.id)));
  const others = results.rankings.filter((r) => !shown.has(r.id) && r.entries.length > 0);
  return others.length ? message(lang, "table.other-rankings", { rankings: others.map((r) => r.name).join(message(lang, "list.items")) }) : undefined;
}

/**
 * Where a kind no ranking ranks (its mainRankings none) has units: what the terminal and the
 * browser page say in place of its table, and the report among its closing lines, so that its
 * units are not left out unsaid.
 */
export function unrankedNote(results: Pick<Results, "rankings" | "units">, kind: Pick<UnitKind, "id" | "name" | "groups">, lang: Lang, said: "table" | "report" = "table"): string | undefined {
  const main = mainRankings(results, kind.id);
  const left = unrankedUnits(results, kind.id).map((i) => results.units[i] as UnitResult);
  if (!left.length) return undefined;
  const sheet = resultSheetName({ kind: "detail", unitKind: kind.id, unitKindName: kind.name }, lang);
  if (!main.length) return message(lang, `${said}.kind-unranked`, { kind: kind.name, count: left.length, sheet });
  // Ranked by the total in groups, one of them in none (街道组's ranking left out of a copied scheme).
  const groups = [...new Set(left.map((u) => kind.groups.find((g) => g.id === u.group)?.name ?? kind.name))].join(message(lang, "list.items"));
  return message(lang, `${said}.group-unranked`, { groups, count: left.length, sheet });
}

/** A kind's units (by index) in none of its main rankings: those unrankedNote speaks of. */
export function unrankedUnits(results: Pick<Results, "rankings" | "units">, kind: string): number[] {
  const listed = new Set(mainRankings(results, kind).flatMap((r) => r.entries.map((e) => e.unit)));
  const out: number[] = [];
  results.units.forEach((u, i) => {
    if (u.kind === kind && !listed.has(i)) out.push(i);
  });
  return out;
}

/** Whether pending claims could move a unit's rank on a ranking: it then shows a 名次区间 column. */
export function ranksMove(results: Pick<Results, "units">, r: { readonly id: string; readonly entries: readonly { readonly unit: number }[] }): boolean {
  return r.entries.some((e) => {
    const range = results.units[e.unit]?.certainty?.ranks[r.id];
    return range !== undefined && range[0] !== range[1];
  });
}

/** The most units named as those whose totals may still move (a province's may be many). */
const TOTALS_NAMED = 5;

/**
 * On a ranking by the total, the units whose totals pending claims may still move, with where to
 * (青石镇(954.5–964.5)), where no rank there can move: at most a few named, the rest counted.
 * `points`: as the table beside it shows them (the sheets and the page with both decimals, 954.50).
 * Undefined where there are none, or a rank can move (its 名次区间 says more).
 */
export function totalsMoving(results: Pick<Results, "units">, r: { readonly id: string; readonly by: string; readonly entries: readonly { readonly unit: number }[] }, lang: Lang, points: (p: Points) => string = formatPoints): { units: string; first: string; n: number } | undefined {
  if (r.by !== "total" || ranksMove(results, r)) return undefined;
  const moving = r.entries.flatMap((e) => {
    const u = results.units[e.unit];
    const span = u?.certainty?.total;
    return u && span && span[0] !== span[1] ? [{ name: u.name, span }] : [];
  });
  const [first] = moving;
  if (!first) return undefined;
  const named = moving
    .slice(0, TOTALS_NAMED)
    .map(({ name, span }) => `${name}${message(lang, "table.group-range", { from: points(span[0]), to: points(span[1]) })}`)
    .join(message(lang, "list.items"));
  return { units: moving.length > TOTALS_NAMED ? message(lang, "list.and-more", { list: named, more: moving.length - TOTALS_NAMED }) : named, first: first.name, n: moving.length };
}

/** A unit's 名次区间 cell: where it could end (2–5), else its rank, which cannot move (a number), else nothing. */
export function rankRange(u: UnitResult, id: string): string | number {
  const range = u.certainty?.ranks[id];
  const rank = u.ranks[id];
  return range ? `${range[0]}–${range[1]}` : rank === null || rank === undefined ? "" : rank;
}

/**
 * "(待定)" before an award pending claims could still change (`a`), or, without one, where any of
 * the unit's could; else nothing.
 */
export function pendingMark(u: UnitResult, lang: Lang, a?: Award): string {
  const c = u.certainty;
  if (!c || c.settled) return "";
  return !a || isOpen(c.open, a) ? message(lang, "award.unsettled") : "";
}

/**
 * A prize tier nobody holds, or a place of it (奖次空缺): its ranking, name and places; where a
 * vetoed unit keeps the place empty, that unit and its rank.
 */
export interface Vacancy {
  readonly ranking: string;
  readonly tier: string;
  readonly places: string;
  /** Its places, as numbers (the JSON's). */
  readonly at: readonly number[];
  /** The vetoed units keeping it (tied, several) and their rank: joined in the reader's language where said. */
  readonly kept?: { readonly units: readonly string[]; readonly rank: number };
  /** Its places used up by units tied above them (1, 1, 3), a unit that may win ranked below. */
  readonly tied?: boolean;
  /** Pending claims may move a unit to or from the tier's places: (待定), as the prizes beside it. */
  readonly pending?: boolean;
  /** Units hold the tier's other places: its places said with it (二等奖第 2 名空缺), not the tier as if nobody won it. */
  readonly partly?: boolean;
}

/**
 * The prize places of each ranking (with units) that no unit holds, by tier: those vetoed units
 * keep empty (also in a tier others hold the rest of: 经济发展先进 for places 1–2, place 2 empty),
 * and those no unit reaches (fewer units than places, or a tie above that used them up). Said in
 * the award lists, as the rubric's 奖次空缺.
 */
export function vacancies(rubric: Rubric, results: Results): Vacancy[] {
  // Asked for by each ranking's sheet, table and report note: a province's units walked once, not a dozen times.
  const had = vacanciesOf.get(results);
  if (had?.rubric === rubric) return had.vacancies;
  const found = findVacancies(rubric, results);
  vacanciesOf.set(results, { rubric, vacancies: found });
  return found;
}

const vacanciesOf = new WeakMap<Results, { readonly rubric: Rubric; readonly vacancies: Vacancy[] }>();

function findVacancies(rubric: Rubric, results: Results): Vacancy[] {
  // A vetoed unit takes a prize place only where a gate it failed keeps that place empty: one whose
  // place passes on moves no prize place, however pending claims move its rank.
  const gates = gateVetoes(rubric);
  return rubric.rankings.flatMap((r) => {
    const result = r.tiers.length ? results.rankings.find((x) => x.id === r.id && x.entries.length > 0) : undefined;
    if (!result) return [];
    // The ranks pending claims may take each unit between, of the units whose rank may move at all;
    // and each tier's places its holders hold, with how many hold each (the ranking's own units, once).
    const moving: (readonly [number, number])[] = [];
    // And the prize places they may take (a vetoed unit's place passed on moves the others' ranks, not their places).
    const placesMoving: (readonly [number, number])[] = [];
    const held = new Map<string, Map<number, number>>();
    // How many units hold each prize place (tied, several: the places past it that their tie uses up).
    const blocks = new Map<number, number>();
    for (const e of result.entries) {
      const u = results.units[e.unit];
      if (!u) continue;
      const range = u.certainty?.ranks[r.id];
      if (range !== undefined && range[0] !== range[1] && (!u.vetoed || u.vetoes.some((v) => gates.get(v.gate)?.placeEmpty === true))) moving.push(range);
      const places = u.certainty?.places?.[r.id];
      if (places !== undefined) placesMoving.push(places);
      const rank = u.ranks[r.id];
      if (typeof rank !== "number") continue;
      for (const a of u.awards) {
        if (a.kind !== "rank" || a.ranking !== r.id) continue;
        const place = a.place ?? rank;
        const at = held.get(a.tier) ?? new Map<number, number>();
        at.set(place, (at.get(place) ?? 0) + 1);
        held.set(a.tier, at);
        blocks.set(place, (blocks.get(place) ?? 0) + 1);
      }
    }
    // The places held together, in order: each tie's first place and how many it takes.
    const ties = [...blocks].sort((a, b) => a[0] - b[0]);
    return r.tiers.flatMap((t): Vacancy[] => {
      // Places of it kept empty by vetoed units, said with the units and their rank (a place
      // counted after units that passed theirs on is no rank).
      const kept = new Map<number, { units: string[]; rank: number }>();
      for (const e of result.emptied ?? []) {
        const u = results.units[e.unit];
        const rank = u?.ranks[r.id];
        if (e.tier !== t.name || !u || typeof rank !== "number") continue;
        // Vetoed units tied keep as many places as they are, each named with all of them.
        const k = kept.get(e.place);
        if (k) k.units.push(u.name);
        else kept.set(e.place, { units: [u.name], rank });
      }
      // Pending claims that may move a unit to or from the tier's places may fill a place or empty
      // another: such a row is as pending as the prizes beside it. And where units hold the tier's
      // other places, its rows name their places.
      // (A place a vetoed unit keeps empty, only by a unit whose ranks may take in its rank: one that
      // may reach a later place of the tier, or move among those above it, leaves it as it is; it was
      // marked 待定 beside a unit settled. A place a tie used up, and one no unit reaches: below.)
      // (And a row of some of its places alone, the others empty for another reason: 二等奖空缺 twice,
      // 柳河镇's 2nd and 白马镇's 3rd, read as the tier empty twice over.)
      const holders = (held.get(t.name)?.size ?? 0) > 0;
      const partly = (ps: readonly number[]): { partly?: true } => (holders || ps.length < t.to - t.from + 1 ? { partly: true as const } : {});
      const reaches = (from: number, to: number): boolean => moving.some(([best, worst]) => best <= to && worst >= from);
      const said = (ps: readonly number[]): string => {
        const first = ps[0] ?? t.from;
        const last = ps[ps.length - 1] ?? t.to;
        return ps.length === last - first + 1 ? (first === last ? String(first) : `${first}–${last}`) : ps.join("、");
      };
      // The places the same vetoed units keep, said once (two tied 5th keep the 5th and 6th: one row, 5–6).
      const byKeepers = new Map<string, { units: readonly string[]; rank: number; places: number[] }>();
      for (const [place, k] of [...kept].sort((a, b) => a[0] - b[0])) {
        const key = `${k.rank}\u0000${k.units.join("\u0000")}`;
        const had = byKeepers.get(key);
        if (had) had.places.push(place);
        else byKeepers.set(key, { units: k.units, rank: k.rank, places: [place] });
      }
      const rows: Vacancy[] = [...byKeepers.values()].map((k) => ({ ranking: r.name, tier: t.name, places: said(k.places), at: k.places, kept: { units: k.units, rank: k.rank }, ...(reaches(k.rank, k.rank) ? { pending: true as const } : {}), ...partly(k.places) }));
      // The places its holders take (units tied at a place take as many as they are), and the
      // rest nobody holds: fewer units than places, or a tie above used them up (1, 1, 3: no
      // second place), then with a unit that may win ranked below.
      const taken = new Set<number>();
      for (const [place, n] of held.get(t.name) ?? []) for (let k = 0; k < n; k++) taken.add(place + k);
      const rest = Array.from({ length: t.to - t.from + 1 }, (_, k) => t.from + k).filter((p) => !kept.has(p) && !taken.has(p));
      if (!rest.length) return rows;
      // Those a tie above used up are places some unit would hold but for the tie: each unit that may
      // win, and each place a vetoed unit keeps, takes one (1, 1, 3: the 2nd is the first 1's second);
      // those past them no unit reaches (fewer units than places). Said apart: 4 used up by a tie at 3,
      // 7–9 reached by none, were all "no unit may win 4、7、8、9".
      // (A vetoed unit keeping places is one taker: tied with another, each is listed at both places.)
      const takers = result.entries.filter((e) => e.rank !== null && results.units[e.unit]?.vetoed === false).length + new Set((result.emptied ?? []).map((e) => e.unit)).size;
      const tied = rest.filter((p) => p <= takers);
      const none = rest.filter((p) => p > takers);
      // A place a tie used up, only by a unit whose prize places may take in the tie's (one reaching
      // it, or leaving it, may part it or join it): a unit moving below it leaves it as it is, and so
      // does a vetoed unit whose place passes on (its rank moves the others' ranks, not their places:
      // ranks 5–7 were taken for places 3–5). And places past every unit that may win, by none: no
      // claim adds a unit.
      // (The tied places in order, each tie looked at once: a province's tie of thousands across a
      // tier's places was looked for place by place.)
      let tiedPending = false;
      if (placesMoving.length) {
        const looked = new Set<number>();
        let k = 0;
        for (const p of tied) {
          while (k + 1 < ties.length && (ties[k + 1]?.[0] ?? Infinity) <= p) k++;
          const tie = ties[k];
          // (One no tie of holders covers, were there any: the tier's places.)
          const [from, to] = tie && tie[0] <= p && p < tie[0] + tie[1] ? [tie[0], tie[0] + tie[1] - 1] : [t.from, t.to];
          if (looked.has(from)) continue;
          looked.add(from);
          if (placesMoving.some(([best, worst]) => best <= to && worst >= from)) {
            tiedPending = true;
            break;
          }
        }
      }
      return [
        ...rows,
        ...(tied.length ? [{ ranking: r.name, tier: t.name, places: said(tied), at: tied, tied: true as const, ...(tiedPending ? { pending: true as const } : {}), ...partly(tied) }] : []),
        ...(none.length ? [{ ranking: r.name, tier: t.name, places: said(none), at: none, ...partly(none) }] : []),
      ];
    });
  });
}

/**
 * Why a vacancy is, as its messages say it (the award lists' and the notes under the tables, each
 * in words of its own): vetoed units keep it at their rank or at a prize place past it, a tie above
 * used it up, or no unit reaches it; with what those say.
 */
function vacancyWhy(v: Vacancy, lang: Lang): { why: "kept" | "kept-place" | "tied" | "none"; data: Record<string, string | number> } {
  const data = { ranking: v.ranking, tier: v.tier, places: v.places, place: v.places, rank: v.kept?.rank ?? 0, unit: v.kept?.units.join(message(lang, "list.items")) ?? "", n: v.kept?.units.length ?? 1 };
  return { why: v.kept ? (String(v.kept.rank) === v.places ? "kept" : "kept-place") : v.tied ? "tied" : "none", data };
}

/** A vacancy as the award lists show it: what, and why. */
export function vacancyCells(v: Vacancy, lang: Lang): { award: string; basis: string } {
  const { why, data } = vacancyWhy(v, lang);
  const code = { kept: "out.tier-vacant-kept", "kept-place": "out.tier-vacant-kept-place", tied: "out.tier-vacant-tied", none: "out.tier-vacant-basis" }[why];
  return { award: (v.pending ? message(lang, "award.unsettled") : "") + message(lang, v.partly ? "out.tier-vacant-places" : "out.tier-vacant", { tier: v.tier, places: v.places, count: v.at.length }), basis: message(lang, code, data) };
}

/**
 * The prize tiers nobody holds on the rankings whose awards a table of `r` shows, each with why, on
 * a line under it ("" where none): a leader reading 文昌街道 二等奖 under a vetoed 河西街道 asks
 * where 街道组's 一等奖 went (the award list's 奖次空缺 rows say it too). A table by the total shows
 * every award of its units (their groups' rankings and the kind's others); one by a line or an item, its own.
 */
export function vacancyNote(rubric: Rubric, results: Results, r: { readonly id: string; readonly by: string; readonly unitKind: string; readonly group?: string | undefined }, lang: Lang, code: "table.vacant" | "out.vacant" | "report.vacant" = "table.vacant"): string {
  if (!showsAwards(rubric, r)) return "";
  const names = new Set(rubric.rankings.filter((x) => (r.by === "total" ? x.unitKind === r.unitKind && (r.group === undefined || x.group === undefined || x.group === r.group) : x.id === r.id) && x.tiers.length > 0).map((x) => x.name));
  if (!names.size) return "";
  // A kind ranked in groups has a table for each: a vacancy of a ranking of the whole kind (经济发展先进)
  // under the table of the group of the vetoed unit that keeps it; one nobody keeps (places no unit
  // may win), under the first group's alone where the kind is ranked only in groups, else under
  // the whole kind's table alone (the first group's readers took it for theirs).
  const wholeKind = rubric.rankings.some((x) => x.unitKind === r.unitKind && x.group === undefined && x.by === "total");
  const firstGroup = wholeKind ? undefined : rubric.rankings.find((x) => x.unitKind === r.unitKind && x.group !== undefined && x.by === "total")?.id;
  const here = (v: Vacancy): boolean => {
    if (!names.has(v.ranking)) return false;
    if (r.group === undefined || rubric.rankings.find((x) => x.name === v.ranking)?.group !== undefined) return true;
    const keeper = v.kept ? results.units.find((u) => u.name === v.kept?.units[0]) : undefined;
    return keeper ? keeper.group === r.group : r.id === firstGroup;
  };
  const items = vacancies(rubric, results)
    .filter(here)
    .map((v) => {
      const { why, data } = vacancyWhy(v, lang);
      return (v.pending ? message(lang, "award.unsettled") : "") + message(lang, `table.vacant-${why}`, data);
    });
  return items.length ? message(lang, code, { items: items.join(message(lang, "list.parts")) }) : "";
}

/**
 * A unit's place in its ranking group (乡镇组 4), with where pending claims could take it there
 * (乡镇组 4(3–6)); "" where it is in no group ranking.
 */
export function groupPlace(u: UnitResult, groupRanking: string | undefined, groupName: string, lang: Lang): string {
  const rank = groupRanking === undefined ? undefined : u.ranks[groupRanking];
  if (rank === undefined) return "";
  const range = groupRanking === undefined ? undefined : u.certainty?.ranks[groupRanking];
  return `${groupName} ${rank ?? statusText(u, lang)}${range ? message(lang, "table.group-range", { from: range[0], to: range[1] }) : ""}`;
}

export function statusText(u: UnitResult, lang: Lang): string {
  return u.vetoed ? message(lang, "status.vetoed") : "";
}

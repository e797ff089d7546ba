// assess diff for people and programs: the input changes numbered, each unit whose results moved
// with what moved and which changes moved it — as terminal lines, a JSON document, and the rows of
// a 变更说明 sheet or page.
import { oneLineText } from "../model/width.js";
import { cellRef } from "../diagnostics/index.js";
import type { Award, RankingEntry, RankingResult, Results, UnitResult } from "../model/results.js";
import { coverYear, type LedgerEntry } from "../model/submission.js";
import { formatAmount, formatMeasure, formatPoints, pointsToNumber, type Points } from "../model/numbers.js";
import { allItems, measureOf, type Rubric } from "../rubric/model.js";
import { planOf } from "../rubric/plan.js";
import { quotaBase, quotaOf } from "../rubric/quota.js";
import type { Change } from "../rubric/diff.js";
import type { Words } from "./explain-text.js";
import { LANGS, message } from "../messages/index.js";
import { awardText, EVERY_RANKING, givesMoney, mayEndOtherwise, mayWin, moneyOf, pendingMark, unheld, vacancies, vacancyCells } from "./labels.js";
import { gradedByReader, unitJson, vacancyJson } from "./json.js";
import { heldPrizeReader, type HeldPrize } from "./held-prizes.js";
import { valueJson, valueText, type InputChange, type Side, type UnitMove } from "./compare.js";

/** Lines of changes and of moved units a terminal shows at most. */
const SHOWN = 300;

/**
 * A ledger row in words: its code (with the code's name, where given: 被上级通报批评 read aloud, not
 * KF1), count, level, points entered and status, each said as what it is (a bare 20 beside 申报中
 * read as nothing; in English the status glossed, as validate glosses it), flag.
 */
function ledgerText(w: Words, s: Side, e: LedgerEntry, name?: string, count = e.count !== 1): string {
  const { counted, pending, rejected } = s.rubric.statuses;
  const kind = counted.includes(e.status) ? "counted" : pending.includes(e.status) ? "pending" : rejected.includes(e.status) ? "rejected" : undefined;
  const status = kind && e.status ? w.t(`diff.ledger-status-${kind}`, { status: e.status }) : e.status;
  const parts = [e.code, name ?? "", count ? `×${e.count}` : "", e.level ?? "", e.points !== undefined ? w.t("diff.ledger-points", { points: formatPoints(e.points) }) : "", status, e.flagged ? w.t("diff.flagged") : ""].filter(Boolean);
  return parts.join(" ");
}

/** A ledger code's name under a side's rubric. */
function ledgerName(s: Side, code: string): string | undefined {
  return s.rubric.ledger.find((l) => l.code === code)?.name;
}

/** A group's name under a side's rubric ("—": none). */
function groupName(s: Side, id: InputChange["old"]): string {
  return typeof id === "string" ? (s.rubric.unitKinds.flatMap((k) => k.groups).find((g) => g.id === id)?.name ?? id) : "—";
}

/** One change in words: what, old → new, where (the unit left out where a column says it). */
export function changeText(w: Words, a: Side, b: Side, c: InputChange, withUnit = true): string {
  const where = c.where ? `  [${cellRef(c.where.sheet, c.where.cell)}]` : "";
  if (c.what === "unit") {
    if (c.new === undefined) return w.t("diff.unit-removed", { unit: c.unit });
    if (c.like === undefined) return w.t("diff.unit-added", { unit: c.unit });
    // Renamed, most likely; regrouped too where its group is not the one the other had (撤镇设街道).
    const was = a.submission.units.find((u) => u.name === c.like)?.group;
    const now = b.submission.units.find((u) => u.name === c.unit)?.group;
    // The values it changed besides its name, old → new.
    const ia = a.submission.units.findIndex((u) => u.name === c.like);
    const ib = b.submission.units.findIndex((u) => u.name === c.unit);
    const valueOf = (s: Side, i: number, code: string): number | undefined => {
      const slot = s.submission.values.slot(code);
      return slot === undefined || i < 0 ? undefined : s.submission.values.get(i, slot);
    };
    const except = (c.likeExcept ?? []).map((code) => `${code} ${valueText(a.rubric, code, valueOf(a, ia, code))} → ${valueText(b.rubric, code, valueOf(b, ib, code))}`).join(w.t("list.items"));
    if (except) return w.t(was === now ? "diff.unit-added-near" : "diff.unit-added-near-regrouped", { unit: c.unit, like: c.like, except, old: groupName(a, was), new: groupName(b, now) });
    return was === now ? w.t("diff.unit-added-like", { unit: c.unit, like: c.like }) : w.t("diff.unit-added-like-regrouped", { unit: c.unit, like: c.like, old: groupName(a, was), new: groupName(b, now) });
  }
  if (c.what === "group") return `${w.t("diff.group-changed", { unit: c.unit, old: groupName(a, c.old), new: groupName(b, c.new) })}${where}`;
  if (c.what === "ledger") {
    const o = c.old as LedgerEntry | undefined;
    const n = c.new as LedgerEntry | undefined;
    if (o && n) {
      // (A count changed is said on both sides, ×1 too: KF2 → KF2 ×2 read as no count before.)
      const counts = o.count !== n.count;
      let [old, now] = [ledgerText(w, a, o, undefined, counts || o.count !== 1), ledgerText(w, b, n, undefined, counts || n.count !== 1)];
      // (Named once, on the earlier side, where the code is the same: it is the same claim.)
      const named = (t: string): string => (o.code === n.code ? t.replace(o.code, `${o.code} ${ledgerName(a, o.code) ?? ""}`.trimEnd()) : t);
      // The 说明 or 依据 typed in the row, where it changed: alone, where nothing that scores did, and
      // beside a change that scores (不予认定 with its 说明 撤回通报: the why of the change).
      const note = o.note !== n.note;
      const evidence = o.evidence !== n.evidence;
      const alike = old === now;
      const words = (e: LedgerEntry): string => [(alike || note) && e.note ? `${w.t("diff.ledger-note")} “${e.note}”` : "", (alike || evidence) && e.evidence ? `${w.t("diff.ledger-evidence")} “${e.evidence}”` : ""].filter(Boolean).join(" ");
      if (alike || note || evidence) [old, now] = [`${old} ${words(o)}`.trim(), `${now} ${words(n)}`.trim()];
      return `${w.t("diff.ledger-changed", { unit: c.unit, rowWas: named(old), rowNow: now })}${where}`;
    }
    if (n) return `${w.t("diff.ledger-added", { unit: c.unit, row: ledgerText(w, b, n, ledgerName(b, n.code)) })}${where}`;
    // Where the row was, in the earlier workbook (the cells of the others are the later one's).
    const was = c.where ? `  [${w.t("diff.where-old", { cell: cellRef(c.where.sheet, c.where.cell) })}]` : "";
    return `${w.t("diff.ledger-removed", { unit: c.unit, row: o ? ledgerText(w, a, o, ledgerName(a, o.code)) : "" })}${was}`;
  }
  const code = c.code ?? "";
  // Named as each workbook's rubric names it: a value gone by the older's (SH7 民生实事: 19.5 → —,
  // the code now another item's), a new one by the newer's, one kept by both where they differ.
  const [na, nb] = [codeName(a.rubric, code), codeName(b.rubric, code)];
  const name = c.new === undefined ? (na ?? nb) : c.old === undefined ? (nb ?? na) : na !== undefined && nb !== undefined && na !== nb ? `${na} → ${nb}` : (nb ?? na);
  // A deducted item's value is the points taken off (0 → 0.5 is half a point lost): said so.
  const off = deducted(b.rubric, code) || deducted(a.rubric, code) ? w.t("diff.deducted") : "";
  const value = `${code}${name ? ` ${name}` : ""}${off}: ${valueText(a.rubric, code, c.old as number | undefined)} → ${valueText(b.rubric, code, c.new as number | undefined)}${where}`;
  return withUnit ? `${c.unit} ${value}` : value;
}

/**
 * Which awards are named by their ranking: prizes where the scheme gives them on several
 * (乡镇组排名二等奖), grades and cards where the unit's kind is graded or carded on several
 * (经济发展单项排名等次:优秀 → …良好 read as its overall grade).
 */
interface Naming {
  readonly prizes: boolean;
  readonly grades: boolean;
}

/** An award as a revision compares it: a prize tier with its amount, as every award is said (a revised 办法 may change only that). */
function awardPhrase(w: Words, a: Award, named: Naming): string {
  if ((a.kind === "grade" || a.kind === "warning") && named.grades) return awardText(a, w.lang, EVERY_RANKING);
  return awardText(a, w.lang, named.prizes ? "" : undefined);
}

/**
 * What a unit's results say, one comparable phrase each: total, ranks, veto, awards. A ranking is
 * named by `rankingName` (its id's name in the newer results): a ranking renamed by a revised
 * 办法 is the same ranking.
 */
function outcomeParts(w: Words, r: Results, u: UnitResult | undefined, rankingName: (id: string) => string, named: Naming, awards = true): Map<string, string> {
  const m = new Map<string, string>();
  if (!u) return m;
  // A total with what pending claims could still bring (954.5(954.5–964.5)): a claim decided closes it.
  const span = u.certainty?.total;
  m.set(w.t("out.total"), `${formatPoints(u.total)}${span && span[0] !== span[1] ? w.t("table.group-range", { from: formatPoints(span[0]), to: formatPoints(span[1]) }) : ""}`);
  // A rank with where pending claims could still take it (8(8–9)): a claim decided settles it.
  for (const r2 of r.rankings) {
    if (!(r2.id in u.ranks)) continue;
    const range = u.certainty?.ranks[r2.id];
    // (A vetoed unit its veto keeps ranked, as 得分明细 says it: 一票否决 → 1 read as the veto lifted.)
    const rank = u.ranks[r2.id];
    const shown = rank === null || rank === undefined ? w.t("status.vetoed") : u.vetoed ? w.t("status.vetoed-ranked", { rank }) : String(rank);
    m.set(rankingName(r2.id), `${shown}${range ? w.t("table.group-range", { from: range[0], to: range[1] }) : ""}`);
  }
  // Each marked (待定) where pending claims could change it, with what else it may end as, and what
  // they could bring it that it holds nothing of, as the sheets say them (a unit added or removed
  // read as settled); parted by a mark that no award holds (in English an award has commas: 二等奖,
  // 30,000 yuan) and that the parts of the line (;) are not.
  if (awards) {
    const said = [...u.awards.map((a) => pendingMark(u, w.lang, a) + mayEndOtherwise(u, a, w.lang, awardPhrase(w, a, named))), ...unheld(u).map((o) => mayWin(o, w.lang, u))];
    m.set(w.t("out.awards"), said.join(w.t("diff.awards-join")) || "—");
  }
  return m;
}

/** Which award an award is, from one result to the next: a ranking's prize (一等奖 → 二等奖 is one changed), its grade, a code's single award, its card, a veto. */
function awardKey(a: Award): string {
  switch (a.kind) {
    case "rank":
      return `rank\u0000${a.ranking}`;
    case "grade":
      return `grade\u0000${a.ranking}`;
    case "single":
      return `single\u0000${a.ranking}\u0000${a.code}`;
    case "warning":
      return `warning\u0000${a.ranking}`;
    case "veto":
      return `veto\u0000${a.gate}`;
  }
}

/**
 * An award the same from one result to the next: a grade by its name (its note on the quota aside),
 * any other as said, its ranking's name aside (the same ranking, renamed by a revised 办法).
 */
function sameAward(w: Words, a: Award, b: Award, named: Naming): boolean {
  if (a.kind === "grade" && b.kind === "grade") return a.grade === b.grade && (a.held ?? false) === (b.held ?? false);
  const renamed = a.kind !== "veto" && b.kind !== "veto" && a.kind === b.kind ? ({ ...a, rankingName: b.rankingName } as Award) : a;
  return awardPhrase(w, renamed, named) === awardPhrase(w, b, named);
}

/** A veto or a card: lifted or given, not lost or won (失去一票否决 read as a loss). */
function penalty(a: Award): boolean {
  return a.kind === "veto" || a.kind === "warning";
}

/**
 * A unit's awards from one result to the next, award by award: those lost, those won, and those
 * changed (a grade, a prize's amount, a level), where both results have the unit; undefined where
 * none moved (a grade's note on its quota is no change).
 */
function awardChanges(w: Words, x: UnitResult, y: UnitResult, named: Naming): string | undefined {
  const before = new Map(x.awards.map((a) => [awardKey(a), a]));
  const after = new Map(y.awards.map((a) => [awardKey(a), a]));
  // Each as its result says it: (待定) where claims still pending could change it there, with what
  // else it may end as (…也可能不获名次奖: what the new claims put at stake).
  const old = (a: Award): string => pendingMark(x, w.lang, a) + mayEndOtherwise(x, a, w.lang, awardPhrase(w, a, named));
  const now = (a: Award): string => pendingMark(y, w.lang, a) + mayEndOtherwise(y, a, w.lang, awardPhrase(w, a, named));
  const ends = (u: UnitResult, a: Award): string => mayEndOtherwise(u, a, w.lang, "");
  const out: string[] = [];
  // Lost and won after the changes (失去 X;名次奖 10,000 → 12,000 read as both lost).
  const lost: string[] = [];
  const won: string[] = [];
  let arrowed = false;
  // What pending claims could still bring it (可能获…), where it holds nothing of that kind, by
  // kind and ranking. A claim decided turns one into an award held (or back): said as one change,
  // (待定)可能获单项奖:X → 单项奖:X, not as one lost and another won.
  const could = (u: UnitResult): Map<string, string> => new Map(unheld(u).map((o) => [`${o.kind}\u0000${o.ranking}`, mayWin(o, w.lang, u)]));
  const [mayBefore, mayAfter] = [could(x), could(y)];
  const held = (a: Award): string => (a.kind === "veto" ? "" : `${a.kind}\u0000${a.ranking}`);
  const came = new Set<string>();
  const went = new Set<string>();
  for (const [key, a] of before) {
    const b = after.get(key);
    const may = mayAfter.get(held(a));
    if (!b && may !== undefined && !went.has(held(a))) {
      out.push(w.t("diff.award-changed", { old: old(a), new: may }));
      went.add(held(a));
      arrowed = true;
    } else if (!b) lost.push(w.t(penalty(a) ? "diff.penalty-lifted" : "diff.award-lost", { award: pendingMark(x, w.lang, a) + awardPhrase(w, a, named) }));
    // The same award, pending once and settled now (or the other way): said too.
    else if (!sameAward(w, a, b, named) || pendingMark(x, w.lang, a) !== pendingMark(y, w.lang, b) || ends(x, a) !== ends(y, b)) {
      out.push(w.t("diff.award-changed", { old: old(a), new: now(b) }));
      arrowed = true;
    }
  }
  for (const [key, b] of after) {
    if (before.has(key)) continue;
    const may = mayBefore.get(held(b));
    if (may !== undefined && !came.has(held(b))) {
      out.push(w.t("diff.award-changed", { old: may, new: now(b) }));
      came.add(held(b));
      arrowed = true;
    } else won.push(w.t(penalty(b) ? "diff.penalty-new" : "diff.award-won", { award: now(b) }));
  }
  // What it may still come to, gone or new: as the old and new of one (失去 (待定)可能获… read as
  // an award lost, not a chance), one gone said not won (→ — read as nothing said).
  for (const [key, text] of mayBefore) {
    if (mayAfter.has(key) || came.has(key)) continue;
    out.push(w.t("diff.award-changed", { old: text, new: w.t("diff.chance-gone") }));
    arrowed = true;
  }
  for (const [key, text] of mayAfter) {
    if (mayBefore.has(key) || went.has(key)) continue;
    out.push(w.t("diff.award-changed", { old: "—", new: text }));
    arrowed = true;
  }
  out.push(...lost, ...won);
  // An award's old → new beside another's reads as one chain joined by 、: they are parted by ; then.
  const arrows = out.length > 1 && arrowed;
  return out.length ? w.t("diff.part-awards", { name: w.t("out.awards"), changes: out.join(w.t(arrows ? "list.parts" : "diff.awards-join")) }) : undefined;
}

/** Its lines' subtotals, named by the rubrics (the newer first). */
function lineParts(u: UnitResult | undefined, rubrics: readonly Rubric[]): Map<string, string> {
  const m = new Map<string, string>();
  if (!u) return m;
  for (const [code, points] of Object.entries(u.subtotals)) {
    const name = rubrics.map((r) => r.lines.find((l) => l.code === code)?.name).find((x) => x !== undefined);
    m.set(name ?? code, formatPoints(points));
  }
  return m;
}

/** A unit's points on an item of the rubric it was scored under; undefined where that rubric has none for its kind. */
function itemPoints(rubric: Rubric | undefined, u: UnitResult, code: string): number | undefined {
  const i = rubric ? planOf(rubric, u.kind)?.index.get(code) : undefined;
  return i === undefined ? undefined : u.points[i];
}

/**
 * Its relative items' bases that moved: `JJ3 乡镇组最优值 15% → 14%`, `JJ4 在乡镇组中排第 3 → 4 名`;
 * not where the item's points did not move with it (a place below the last that scores): that moved
 * nothing of the unit. `rubrics`: the newer first.
 */
function relativeParts(w: Words, x: UnitResult, y: UnitResult, rubrics: readonly Rubric[]): string[] {
  const out: string[] = [];
  for (const [code, after] of Object.entries(y.relative)) {
    const before = x.relative[code];
    if (!before || before.group !== after.group) continue;
    const was = itemPoints(rubrics.at(-1), x, code);
    if (was !== undefined && was === itemPoints(rubrics[0], y, code)) continue;
    const item = rubrics.map((r) => allItems(r.lines.flatMap((l) => l.items)).find((i) => i.code === code)).find((i) => i !== undefined);
    const indicator = item && "indicator" in item ? item.indicator : undefined;
    const display = (indicator !== undefined ? rubrics.map((r) => measureOf(r, indicator)?.display).find((d) => d !== undefined) : undefined) ?? "%";
    // Named as its points beside it are (JJ4 招商引资, not JJ4 alone, read aloud).
    const named = item ? `${code} ${item.name}` : code;
    if (before.best !== undefined && after.best !== undefined && before.best !== after.best) {
      out.push(w.t("diff.relative-best", { code: named, group: after.group, old: formatMeasure(before.best, display), new: formatMeasure(after.best, display) }));
    } else if (before.place !== undefined && after.place !== undefined && before.place !== after.place) {
      out.push(w.t("diff.relative-place", { code: named, group: after.group, old: before.place, new: after.place }));
    }
  }
  return out;
}

function changed(w: Words, x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>): string[] {
  // Compared as shown: a removed unit that had no awards has none to lose ("奖惩 — → —" is no change).
  return [...new Set([...x.keys(), ...y.keys()])].flatMap((k) => {
    const [before, after] = [x.get(k) ?? "—", y.get(k) ?? "—"];
    return before !== after ? [w.t("diff.part", { name: k, old: before, new: after })] : [];
  });
}

/** Units named as those a unit now stands behind or ahead of, at most; the rest counted. */
const PASSING_NAMED = 3;

/**
 * The results that moved, as "名称 旧 → 新" phrases: total, the lines that moved, ranks and awards;
 * where none but lines did (a bonus charged to a line instead of the total, say), those lines.
 * `rubrics`: the two versions, the newer first, which name the lines.
 */
export function moveParts(w: Words, a: Results, b: Results, m: UnitMove, rubrics: readonly Rubric[] = [], o: { readonly ledger?: boolean; readonly rubricToo?: boolean } = {}): string[] {
  const kind = (m.new ?? m.old)?.kind;
  const several = (has: (x: Rubric["rankings"][number]) => boolean): boolean => rubrics.some((r) => r.rankings.filter(has).length > 1);
  const named: Naming = { prizes: several((x) => x.tiers.length > 0), grades: several((x) => x.unitKind === kind && (x.grades !== undefined || x.yellowCard !== undefined)) };
  // A unit in both: its awards compared one by one; added or removed, all of them at once (→ —).
  const both = m.old !== undefined && m.new !== undefined;
  const names = new Map([...a.rankings, ...b.rankings].map((r) => [r.id, r.name]));
  const rankingName = (id: string): string => names.get(id) ?? id;
  const after = outcomeParts(w, b, m.new, rankingName, named, !both);
  // Its rank moved on a ranking: the units it now stands behind or ahead of, that moved too (who passed 青龙乡).
  for (const [id, p] of m.passing ?? []) {
    const key = rankingName(id);
    const now = after.get(key);
    if (now === undefined) continue;
    // (In their order there now, as compared.)
    const units = (names: readonly string[]): string => {
      const shown = names.slice(0, PASSING_NAMED).join(w.t("list.items"));
      return names.length > PASSING_NAMED ? w.t("diff.passing-more", { units: shown, count: names.length }) : shown;
    };
    const said = [...(p.by.length ? [w.t("diff.now-behind", { units: units(p.by) })] : []), ...(p.level.length ? [w.t("diff.now-level", { units: units(p.level) })] : []), ...(p.over.length ? [w.t("diff.now-ahead", { units: units(p.over) })] : [])];
    // In the bracket its rank already has, where it has one (8(8–9;排到 白马镇 之后), not 8(8–9)(排到 白马镇 之后)).
    const where = said.join(w.t("diff.now-join"));
    after.set(key, /[)）]$/.test(now) ? `${now.slice(0, -1)}${w.t("diff.now-join")}${where}${now.slice(-1)}` : `${now}${w.t("diff.now-where", { said: where })}`);
  }
  const parts = changed(w, outcomeParts(w, a, m.old, rankingName, named, !both), after);
  // The lines that moved, after its total (a deduction charged to 社会治理 said where it went), and
  // what it is scored against that moved (its group's best value, its place on an item scored by
  // place): another unit's correction moves its points so, and this says how.
  // (A kind of one line: its line moves as its total does, unsaid.)
  const lines = changed(w, lineParts(m.old, rubrics), lineParts(m.new, rubrics));
  // `ledger`: its bonus and deduction on the total where they moved, for two versions of a rubric
  // (a cap lowered: 加分 5 → 4, said nowhere else; between two workbooks the rows that moved them are
  // listed, unless the rubric moved the unit too).
  const ledger = (u: UnitResult): Map<string, string> => new Map([[w.t("out.bonus"), formatPoints(u.bonus)], [w.t("out.deduction"), formatPoints(u.deduction)]]);
  const moves = m.old && m.new ? changed(w, ledger(m.old), ledger(m.new)) : [];
  // (And where its total is as it was, though its range moved: a claim decided and another added, 加分 0 → 1 and 扣分 0 → 1.)
  const totals = o.ledger || (m.old !== undefined && m.new !== undefined && m.old.total === m.new.total) ? moves : [];
  if (parts.length && m.old && m.new) parts.splice(1, 0, ...(Object.keys(m.new.subtotals).length > 1 ? lines : []), ...totals, ...relativeParts(w, m.old, m.new, rubrics));
  const awards = m.old && m.new ? awardChanges(w, m.old, m.new, named) : undefined;
  // Where only some of its causes could move its awards, those named with them.
  // (Where the rubric's changes move it too, they may be what moved its awards: said with them.)
  if (awards) parts.push(m.awardsBecause ? w.t(o.rubricToo ? "diff.awards-because-and-rubric" : "diff.awards-because", { awards, refs: fewRefs(w, m.awardsBecause) }) : awards);
  // (Nothing but its bonus and deduction moved, each as much: those, its total as it was.)
  return parts.length ? parts : lines.length ? lines : moves;
}

/**
 * A unit's move in words, its parts joined. A unit added that is most likely one removed, renamed
 * (its values those of the removed one), is also compared with that one: what the rename is
 * worth, where the line alone says only "— → 49.95".
 */
export function moveSummary(w: Words, a: Results, b: Results, m: UnitMove, changes: readonly InputChange[], rubrics: readonly Rubric[] = [], rubricToo = false): string {
  // (Moved by the rubric too: its bonus and deduction where they moved, a cap lowered being said by no row.)
  const parts = moveParts(w, a, b, m, rubrics, { rubricToo, ledger: rubricToo }).join(w.t("list.parts"));
  const like = m.old === undefined && m.new !== undefined ? likelyRenames(changes).get(m.name) : undefined;
  const was = like === undefined ? undefined : a.units.find((u) => u.name === like); // a rename or two: found by name
  if (like === undefined || !was) return parts;
  const renamed = moveParts(w, a, b, { name: m.name, old: was, new: m.new, because: [], moved: true }, rubrics);
  return `${parts}${renamed.length ? w.t("diff.as-renamed", { like, parts: renamed.join(w.t("list.parts")) }) : w.t("diff.as-renamed-same", { like })}`;
}

/** Unit added → the unit removed it most likely is, found once per list of changes (two years: millions). */
function likelyRenames(changes: readonly InputChange[]): ReadonlyMap<string, string> {
  let m = renames.get(changes);
  if (!m) {
    m = new Map();
    for (const c of changes) if (c.what === "unit" && c.like !== undefined) m.set(c.unit, c.like);
    renames.set(changes, m);
  }
  return m;
}

const renames = new WeakMap<readonly InputChange[], Map<string, string>>();

/** Causes named one by one at most: past that, a unit's own and the others' counted. */
const REFS_SHOWN = 10;

/** Numbers of changes ([3][7]), the first few of many and their count. */
function fewRefs(w: Words, refs: readonly number[]): string {
  const shown = refs.slice(0, REFS_SHOWN).map((i) => `[${i + 1}]`).join("");
  return refs.length <= REFS_SHOWN ? shown : w.t("diff.refs-many", { refs: shown, count: refs.length });
}

/**
 * A unit's causes as their numbers ([3][7]); where there are more than a few (an item scored
 * against its group: every unit's change moves every other's points), its own changes named and
 * the other units' counted — 1,500 numbers made a cell ten printed pages long.
 */
export function causeRefs(w: Words, because: readonly number[], changes: readonly InputChange[], unit: string): string {
  const ref = (i: number): string => `[${i + 1}]`;
  if (because.length <= REFS_SHOWN) return because.map(ref).join("");
  const own = because.filter((i) => changes[i]?.unit === unit);
  const others = because.length - own.length;
  const ownText = own.length <= REFS_SHOWN ? own.map(ref).join("") : w.t("diff.refs-own-many", { refs: own.slice(0, REFS_SHOWN).map(ref).join(""), count: own.length });
  if (!others) return ownText;
  return own.length ? w.t("diff.refs-own-and-others", { own: ownText, count: others }) : w.t("diff.refs-others", { count: others });
}

/** `byRubric`: whether the rubrics' differences moved a unit (its results under the two differ). */
export function compareLines(w: Words, a: Side, b: Side, ra: Results, rb: Results, changes: readonly InputChange[], moves: readonly UnitMove[], byRubric: (m: UnitMove) => boolean = () => false): string[] {
  const out: string[] = [];
  out.push(changes.length ? w.t("diff.inputs", { count: changes.length }) : w.t("diff.inputs-none"));
  // A terminal shows the first few hundred; the sheet, the page and the JSON hold them all.
  changes.slice(0, SHOWN).forEach((c, i) => out.push(`  [${i + 1}] ${changeText(w, a, b, c)}`));
  if (changes.length > SHOWN) out.push(`  ${w.t("diff.more", { count: changes.length - SHOWN })}`);
  const moved = moves.filter((m) => m.moved);
  out.push(moved.length ? w.t("diff.results", { count: moved.length }) : w.t("diff.results-none"));
  if (moved.length > SHOWN) out.push(`  ${w.t("diff.more-units", { count: moved.length - SHOWN })}`);
  let ranged = false;
  for (const m of moved.slice(0, SHOWN)) {
    // Its changes, and where the rubric's changes move it too, that (how much each moved it is not
    // told apart).
    const refs = causeRefs(w, m.because, changes, m.name);
    const rubricToo = byRubric(m);
    const because = m.because.length ? `  ${w.t(rubricToo ? "diff.because-and-rubric" : "diff.because", { refs })}` : rubricToo ? `  ${w.t("diff.because-rubric")}` : "";
    const summary = moveSummary(w, ra, rb, m, changes, [b.rubric, a.rubric], rubricToo);
    ranged ||= rangesShown(summary);
    out.push(`  ${m.name}: ${summary}${because}`);
  }
  if (ranged) out.push(w.t("diff.ranges-note"));
  const vacant = vacancyChanges(w, a, b, ra, rb);
  if (vacant.length) out.push(w.t("diff.vacancies"), ...vacant.map((l) => `  ${l}`));
  const money = moneyLine(w, a, b, ra, rb);
  if (money) out.push(money);
  // A name or note with a line break typed in its cell stays on its line.
  return out.map(oneLineText);
}

/** The money both workbooks' awards give in all, where a scheme gives any (yuan), undefined where neither does. */
export function moneyBoth(a: Side, b: Side, ra: Results, rb: Results): { old: number; new: number } | undefined {
  return givesMoney(a.rubric) || givesMoney(b.rubric) ? { old: moneyOf(ra), new: moneyOf(rb) } : undefined;
}

/**
 * The prize places nobody holds (奖次空缺) that one side has and the other not, each as the award
 * list says it (− 街道组排名 一等奖空缺(河西街道…); + 街道组排名 二等奖第 2 名空缺(…)): a place a
 * vetoed unit keeps that moved with it was read only from the units that lost and gained prizes.
 */
export function vacancyChanges(w: Words, a: Pick<Side, "rubric">, b: Pick<Side, "rubric">, ra: Results, rb: Results): string[] {
  // Each as said, and as said without its (待定) mark: one only marked or unmarked is one place, changed.
  const said = (rubric: Rubric, r: Results): { text: string; place: string }[] =>
    vacancies(rubric, r).map((v) => {
      const say = (x: typeof v): string => {
        const cells = vacancyCells(x, w.lang);
        return w.t("diff.vacancy", { ranking: x.ranking, award: cells.award, basis: cells.basis });
      };
      const { pending: _pending, ...settled } = v;
      return { text: say(v), place: say(settled) };
    });
  const [before, after] = [said(a.rubric, ra), said(b.rubric, rb)];
  const has = (list: readonly { text: string; place: string }[], x: { text: string; place: string }, key: "text" | "place"): boolean => list.some((y) => y[key] === x[key]);
  return [
    ...before.filter((x) => !has(after, x, "place")).map((x) => `− ${x.text}`),
    ...after.filter((x) => !has(before, x, "text")).map((x) => `${has(before, x, "place") ? "~" : "+"} ${x.text}`),
  ];
}

/**
 * How the prize money moved in all (奖金合计 12,000 元 → 15,000 元(+3,000 元)): a leader's first
 * question of a re-scoring, left to adding up the units' lines by hand. Undefined where it did not.
 */
export function moneyLine(w: Words, a: Side, b: Side, ra: Results, rb: Results): string | undefined {
  return moneyChange(w, a.rubric, b.rubric, ra, rb);
}

/** The same, of results under two rubrics (`rubric diff --on`: one workbook under two versions). */
export function moneyChange(w: Words, a: Rubric, b: Rubric, ra: Results, rb: Results): string | undefined {
  const m = givesMoney(a) || givesMoney(b) ? { old: moneyOf(ra), new: moneyOf(rb) } : undefined;
  if (!m || m.old === m.new) return undefined;
  const d = m.new - m.old;
  return w.t("diff.money", { old: formatAmount(m.old), new: formatAmount(m.new), change: `${d > 0 ? "+" : "−"}${formatAmount(Math.abs(d))}` });
}

/**
 * Whether a unit's line shows a total or a rank with the range pending claims leave it
 * (89.5(89.5–90.5), 8(8–9)): then what the brackets are is said (the sheets say it under their
 * title). Not for a line whose only brackets are words (国家级, 下年度重点管理).
 */
export function rangesShown(summary: string): boolean {
  // (English puts a space before the bracket: 954.5 (954.5–964.5).)
  return /\d ?[(（]-?[\d.,]+–-?[\d.,]+[)）]/.test(summary);
}

function ledgerJson(e: LedgerEntry): Record<string, unknown> {
  // (The points typed on the row `entered`, as explain --json names them: its `points` are what it counted.)
  return { unit: e.unit, code: e.code, count: e.count, level: e.level ?? null, entered: e.points === undefined ? null : pointsToNumber(e.points), status: e.status, flagged: e.flagged, note: e.note, evidence: e.evidence };
}

function side(r: Results, s: Side): Record<string, unknown> {
  const { district, year } = s.submission.cover;
  return { file: r.input.file, sha256: r.input.sha256, rubric: { id: r.rubric.id, version: r.rubric.version }, cover: { district: district ?? null, year: year ?? null } };
}

/**
 * What the two covers say differently (考核年度 2026 → 2027, 地区 青山区 → 白云区), each a phrase;
 * none where they agree. No unit's input, but what the comparison is of: said before the changes.
 */
export function coverChanges(w: Words, a: Side, b: Side): string[] {
  const [ca, cb] = [a.submission.cover, b.submission.cover];
  const out: string[] = [];
  const differ = (x: string | undefined, y: string | undefined): boolean => (x ?? "").normalize("NFKC").trim() !== (y ?? "").normalize("NFKC").trim();
  // 2026, ２０２６ and 2026年度 are one year.
  if (coverYear(ca.year) !== coverYear(cb.year)) out.push(w.t("diff.part", { name: w.t("diff.cover-year"), old: ca.year?.trim() || "—", new: cb.year?.trim() || "—" }));
  // The later year given first (the files swapped): every change reads the wrong way round.
  const [ya, yb] = [Number(coverYear(ca.year)), Number(coverYear(cb.year))];
  if (ya > 0 && yb > 0 && ya > yb) out.push(w.t("diff.cover-year-backwards"));
  if (differ(ca.district, cb.district)) {
    out.push(w.t("diff.part", { name: w.t("diff.cover-district"), old: ca.district?.trim() || "—", new: cb.district?.trim() || "—" }));
    // Both named, and not alike: two districts' workbooks, most likely one picked by mistake (its
    // 区财政局 paired with the other's as one unit, three hundred lines of it read as changes). Not
    // where one is the other written short (青山 for 青山区).
    if (otherDistrict(ca.district, cb.district)) out.push(w.t("diff.cover-other-district"));
  }
  return out.map(oneLineText);
}

/** A rubric change as the JSON gives it: every key there, null where it has no value. */
function rubricChangeJson(c: Change, text: string): Record<string, unknown> {
  return {
    kind: c.kind,
    area: c.area,
    code: c.code === "" ? null : c.code,
    field: c.field ?? null,
    old: c.old ?? null,
    new: c.new ?? null,
    effect: c.effect,
    workbook: c.workbook === true,
    about: c.about ? { name: c.about.name ?? null, field: c.about.field ?? null, value: c.about.value ?? null, reads: c.about.reads ?? null } : null,
    sameName: c.sameName ?? null,
    text,
  };
}

/**
 * `rubric`: where the two files were scored under different rubrics, what changed in it (each
 * change as `rubric diff` finds it, with the words of the reader's language) and whether that can
 * move results; each unit they move is marked `byRubric`, as the terminal says 因方案变化.
 * `output`: the file written with -o (its name in the document, as score's).
 */
export function compareJson(a: Side, b: Side, ra: Results, rb: Results, changes: readonly InputChange[], moves: readonly UnitMove[], rubric?: { readonly changes: readonly Change[]; readonly lines: readonly string[]; readonly moves: boolean; readonly byRubric: (m: UnitMove) => boolean }, output?: string): string {
  const change = (c: InputChange): Record<string, unknown> => {
    const value = (s: Side, v: InputChange["old"]): unknown =>
      v === undefined ? null : c.what === "ledger" ? ledgerJson(v as LedgerEntry) : c.what === "unit" ? { kind: v } : c.what === "group" ? { group: v } : valueJson(s.rubric, c.code ?? "", v as number);
    return { unit: c.unit, code: c.code, old: value(a, c.old), new: value(b, c.new), where: c.where ? { sheet: c.where.sheet, cell: c.where.cell } : null, ...(c.like !== undefined ? { like: c.like, ...(c.likeExcept ? { likeExcept: c.likeExcept } : {}) } : {}) };
  };
  const money = moneyBoth(a, b, ra, rb);
  // The prizes a vetoed unit's veto kept it from, as score --json gives them, on each side.
  const heldOf = (s: Side, r: Results): ((u: UnitResult) => HeldPrize[]) => {
    const read = heldPrizeReader(s.rubric, r);
    const at = new Map(r.units.map((u, i) => [u, i]));
    return (u) => read(at.get(u) ?? -1);
  };
  const [heldOld, heldNew] = [heldOf(a, ra), heldOf(b, rb)];
  const [gradedOld, gradedNew] = [gradedByReader(a.rubric, ra), gradedByReader(b.rubric, rb)];
  const doc = {
    old: side(ra, a),
    new: side(rb, b),
    ...(output !== undefined ? { output: { file: output } } : {}),
    ...(rubric ? { rubric: { movesResults: rubric.moves, changes: rubric.changes.map((c, i) => rubricChangeJson(c, rubric.lines[i] ?? "")) } } : {}),
    changes: changes.map(change),
    // The prize money in all, before and after, where a scheme gives any.
    ...(money ? { money } : {}),
    // The prize places nobody holds, each side's, where they differ (the text's 奖次空缺的变化).
    ...vacanciesBoth(a, b, ra, rb),
    units: moves.map((m) => ({ name: m.name, kind: (m.new ?? m.old)?.kind ?? "", old: m.old ? unitJson(m.old, ra.pendingRows > 0, heldOld(m.old), gradedOld(m.old)) : null, new: m.new ? unitJson(m.new, rb.pendingRows > 0, heldNew(m.new), gradedNew(m.new)) : null, moved: m.moved, because: m.because, ...(m.awardsBecause ? { awardsBecause: m.awardsBecause } : {}), ...(m.passing ? { passing: Object.fromEntries([...m.passing].map(([id, p]) => [id, { behind: p.by, ahead: p.over, level: p.level }])) } : {}), ...(m.moved && rubric?.byRubric(m) ? { byRubric: true } : {}) })),
  };
  return JSON.stringify(doc, null, 2);
}

/** Each side's prize places nobody holds ({ranking, tier, places, why, …}), where they differ. */
function vacanciesBoth(a: Side, b: Side, ra: Results, rb: Results): { vacancies?: { old: object[]; new: object[] } } {
  const [old, now] = [vacancies(a.rubric, ra), vacancies(b.rubric, rb)].map((list) => list.map((v) => ({ ranking: v.ranking, ...vacancyJson(v) })));
  return JSON.stringify(old) === JSON.stringify(now) ? {} : { vacancies: { old: old ?? [], new: now ?? [] } };
}

/** The rubrics, when the two files were scored under different ones. */
export function rubricsDiffer(a: Rubric, b: Rubric): boolean {
  return a.id !== b.id || a.version !== b.version || a.sha256 !== b.sha256;
}

/** Whether a rubric's changes can move results (scores, ranks, awards), not words or checks alone. */
export function changesMoveResults(changes: readonly Change[]): boolean {
  return changes.some(movesResults);
}

function movesResults(c: Change): boolean {
  return c.effect === "scores" || c.effect === "ranks" || c.effect === "awards";
}

/**
 * The unit kinds a rubric's changes that move results can reach (an item's or a line's kind, a
 * ledger code's kinds, a ranking's kind), under either version; undefined where one of them may
 * reach any (an indicator, a cap over several kinds, the statuses, the level order).
 */
export function kindsMoved(changes: readonly Change[], rubrics: readonly Rubric[]): Set<string> | undefined {
  const out = new Set<string>();
  for (const c of changes) {
    if (!movesResults(c)) continue;
    for (const r of rubrics) {
      const kinds = kindsOf(c, r);
      if (!kinds) return undefined;
      for (const k of kinds) out.add(k);
    }
  }
  return out;
}

/** The unit kinds one change reaches under a rubric; undefined where it may reach any. */
function kindsOf(c: Change, r: Rubric): readonly string[] | undefined {
  const ofLine = (line: string | undefined): string[] => r.unitKinds.filter((k) => line !== undefined && k.lines.includes(line)).map((k) => k.id);
  switch (c.area) {
    case "unit-kind":
      return [c.code];
    case "line":
      return ofLine(c.code);
    case "item":
      return ofLine(r.lines.find((l) => allItems(l.items).some((i) => i.code === c.code))?.code);
    case "ledger":
      return r.ledger.find((l) => l.code === c.code)?.unitKinds ?? [];
    case "ranking":
      return r.rankings.filter((x) => x.id === c.code).map((x) => x.unitKind);
    case "cap": {
      // A cap on named codes (JF1+JF2): their kinds; one on all of a kind's rows (加分): the kinds
      // that have codes of that kind.
      const named = r.caps.find((x) => !x.kind && x.codes.join("+") === c.code);
      // (A cap of a kind is said by the kind's word, in the language the changes were worded in.)
      const worded = (kind: "bonus" | "deduction"): boolean => LANGS.some((l) => message(l, `word.ledger-kind.${kind}`) === c.code);
      const ofKinds = new Set(named ? [] : r.caps.flatMap((x) => (x.kind && worded(x.kind) ? [x.kind] : [])));
      const codes = r.ledger.filter((l) => (named ? named.codes.includes(l.code) : (l.kind === "bonus" || l.kind === "deduction") && ofKinds.has(l.kind)));
      return [...new Set(codes.flatMap((l) => l.unitKinds))];
    }
    default:
      return undefined;
  }
}

/** The name of an item, indicator or target code (DZ2 统筹决策), looked up once per rubric. */
function codeName(rubric: Rubric, code: string): string | undefined {
  let names = codeNames.get(rubric);
  if (!names) {
    names = new Map(rubric.lines.flatMap((l) => allItems(l.items).map((i) => [i.code, i.name] as const)));
    codeNames.set(rubric, names);
  }
  return names.get(code) ?? measureOf(rubric, code)?.name;
}

const codeNames = new WeakMap<Rubric, Map<string, string>>();

/** Whether a code is an item of 扣分制 (its value the points taken off). */
function deducted(rubric: Rubric, code: string): boolean {
  return rubric.lines.some((l) => allItems(l.items).some((i) => i.code === code && i.kind === "deducted"));
}

/** Two districts named, neither the other written short or long (青山 and 青山区 are one; 青山区 and 柳河区 two). */
function otherDistrict(a: string | undefined, b: string | undefined): boolean {
  const bare = (x: string | undefined): string => (x ?? "").normalize("NFKC").replace(/\s+/g, "").replace(/(人民政府)?$/, "");
  const [x, y] = [bare(a), bare(b)];
  return x !== "" && y !== "" && !x.includes(y) && !y.includes(x);
}

/**
 * Where a revision changed a grade's quota and, on this workbook, it moved no one (优秀 3 places for
 * 2, the third empty: two tied at the cut and the rubric grades none of them): said, with why, for a
 * clerk who raised the quota and read "no unit's results change" as the edit not taken.
 */
export function quotaUnused(w: Words, older: Rubric, newer: Rubric, before: Results, after: Results): string[] {
  const out: string[] = [];
  for (const r of newer.rankings) {
    const was = older.rankings.find((x) => x.id === r.id);
    const [ea, eb] = [before.rankings.find((x) => x.id === r.id), after.rankings.find((x) => x.id === r.id)];
    if (!r.grades || !was?.grades || !ea || !eb) continue;
    const places = (rk: typeof r, e: typeof ea, name: string): number => {
      const band = rk.grades?.bands.find((b) => b.name === name);
      return band ? quotaOf(band, quotaBase(rk, e.entries.filter((x) => x.rank !== null).length, e.entries.length)) : Number.POSITIVE_INFINITY;
    };
    for (const band of r.grades.bands) {
      const [old, now] = [places(was, ea, band.name), places(r, eb, band.name)];
      if (old === now || !Number.isFinite(old) || !Number.isFinite(now)) continue;
      const graded = (x: Results): number => x.units.filter((u) => u.grades[r.id] === band.name).length;
      const given = graded(after);
      if (graded(before) !== given) continue;
      // Those ranked who reach its line and may be given it (a vetoed unit is held below it), best first.
      const reaching = (e: RankingResult, x: Results, from: Points): RankingEntry[] => e.entries.filter((y) => y.rank !== null && y.value >= from && x.units[y.unit]?.vetoed !== true);
      const tiedAt = (reach: readonly RankingEntry[]): boolean => {
        const next = reach[given];
        return next !== undefined && reach.filter((e) => e.rank === next.rank).length > 1;
      };
      let why: string | undefined;
      if (now > old) {
        // Raised, and no more given: as many given as its places already (units tied at the old cut
        // all given it); too few reach its line; or those next at its cut tied, the rubric giving
        // none of them it. Else unsaid.
        const reach = reaching(eb, after, band.from);
        why =
          given >= now
            ? w.t("diff.on-quota-filled", { grade: band.name })
            : reach.length <= given
              ? w.t("diff.on-quota-few", { grade: band.name, reached: reach.length })
              : tiedAt(reach)
                ? w.t("diff.on-quota-tied", { grade: band.name })
                : undefined;
      } else {
        // Lowered, and none taken away: the old places were not all given (too few reached the line,
        // or those at the old cut tied and the rubric gave none of them it).
        const reach = reaching(ea, before, was.grades.bands.find((b) => b.name === band.name)?.from ?? band.from);
        why = reach.length <= given ? w.t("diff.on-quota-few", { grade: band.name, reached: reach.length }) : tiedAt(reach) ? w.t("diff.on-quota-lowered-tied", { grade: band.name }) : undefined;
      }
      if (why !== undefined) out.push(w.t("diff.on-quota-unused", { ranking: r.name, grade: band.name, old, new: now, given, why }));
    }
  }
  return out;
}

// Compares two versions of a rubric field by field: every unit kind, line, item, indicator, target,
// ledger code, cap, status and flag word, level, ranking and its outcomes, and the report's words
// that were added, removed or changed, each with what the change affects (scores, ranks, awards,
// validation or only words). Pure data; report/rubric-text.ts words it.
import type { Indicator, Item, LedgerCode, Ranking, Rubric, Target, TargetSpec, UnitKind, VetoEffect } from "./model.js";
import { allItems, DEFAULT_VETO, isMeasured, isRelative, kindOfLine } from "./model.js";
import { unrelatedName } from "../model/names.js";
import { flagWord, formatAmount, formatMeasure, formatPoints, formatRate } from "../model/numbers.js";
import { rankKey } from "./plan.js";

/** What a change can alter, from the most to the least consequential (`layout`: the order things are shown in). */
export type Effect = "scores" | "ranks" | "awards" | "gaps" | "validation" | "layout" | "words";

export type Area = "meta" | "report" | "unit-kind" | "line" | "item" | "indicator" | "target" | "ledger" | "cap" | "statuses" | "levels" | "ranking";

export interface Change {
  readonly kind: "added" | "removed" | "changed";
  readonly area: Area;
  /** The thing's code or id. */
  readonly code: string;
  /** The field that changed (changes only): a catalog key suffix. */
  readonly field?: string;
  readonly old?: string;
  readonly new?: string;
  readonly effect: Effect;
  /**
   * A thing added or removed that the workbook holds as well (a judged item's column, an
   * indicator's, a target's, a ledger code, a line's sheet, a kind's units), or an item's kind
   * changed to or from one whose points are typed (judged, deducted: its column read otherwise):
   * last year's workbook no longer validates, or reads, as it was.
   */
  readonly workbook?: true;
  /** A thing added or removed: what it is called and its max or cap, to say it by (新增 项目 SH8 平安建设(满分 10)). */
  readonly about?: { readonly name?: string; readonly field?: string; readonly value?: string; readonly reads?: { readonly kind: string; readonly indicator: string } };
  /**
   * A thing removed and one added of the same area and name (SH6 生态环境保护 gone, SH8 生态环境保护
   * new): likely one whose code changed, the other's code here (last year's header names the old).
   */
  readonly sameName?: string;
  /** A ranking added or removed: what it gives (its prizes, grades, single-item awards, yellow card), each field and its value. */
  readonly gives?: readonly { readonly field: string; readonly value: string }[];
}

/**
 * A thing's fields as comparable text, each with what a change to it affects. A field that names
 * other things (a ranking's unit kind, its tie-breakers) has them by id too, in `ids`: where only
 * their names changed, the change is to words alone (a kind renamed ranks the same units).
 */
type Fields = Map<string, { value: string; effect: Effect; ids?: string; shown?: string }>;

/** Words compared as a set (sorted) and shown as written. */
interface WordSet {
  readonly value: string;
  readonly shown: string;
}

/** Words for the rubric's own terms (an item's kind, a direction…) in the reader's language. */
export type Words = (key: string, data?: Readonly<Record<string, string | number>>) => string;

function fields(entries: readonly (readonly [string, string | WordSet | undefined, Effect, string?])[]): Fields {
  const m: Fields = new Map();
  for (const [k, v, effect, ids] of entries) {
    const value = typeof v === "string" ? v : v?.value;
    if (value !== undefined && value !== "") m.set(k, { value, effect, ...(ids !== undefined ? { ids } : {}), ...(typeof v === "object" && v.shown !== value ? { shown: v.shown } : {}) });
  }
  return m;
}

function spec(t: TargetSpec | undefined, display: string): string | undefined {
  if (!t) return undefined;
  return "ref" in t ? t.ref : formatMeasure(t.value, display);
}

function itemFields(r: Rubric, i: Item, w: Words): Fields {
  // A gate of no points scores nothing: what it does is its veto's (ranks, where it unranks; else
  // awards), or, holding the grade alone, the grade's.
  const gate = i.kind === "gate" ? i : undefined;
  const vetoes = gate ? vetoEffect(r, gate) : undefined;
  const pointless: Effect | undefined = gate && gate.max === 0 ? vetoes : undefined;
  const base: [string, string | undefined, Effect][] = [
    ["name", i.name, "words"],
    // A judged item scores as typed: its max only bounds what may be typed. Every other kind's
    // points are made from its max (a deducted item's max less what is taken off, measured ones).
    ["max", formatPoints(i.max), i.kind === "judged" ? "validation" : (pointless ?? "scores")],
    // (A gate that holds the grade alone is no veto: said so, 限定等次, not 一票否决.)
    ["kind", w(gate?.veto?.gradeOnly ? "kind.gate-grade" : `kind.${i.kind}`), pointless ?? "scores"],
    ["text", i.text === i.name ? undefined : i.text, "words"],
  ];
  if (i.kind === "group") return fields(base);
  if (!isMeasured(i)) return fields([...base, ["step", formatPoints(i.step), "validation"]]);
  const indicator = r.indicators.find((x) => x.code === i.indicator);
  const d = indicator?.display ?? "%";
  const lower = indicator !== undefined && "direction" in indicator && indicator.direction === "lower";
  // (What it reads and against what, for a gate of no points, moves what its veto moves: no score.)
  const reads: Effect = pointless ?? "scores";
  return fields([
    ...base,
    ["indicator", i.indicator, reads],
    ["target", i.kind === "bands" || i.kind === "relative-best" || i.kind === "rank-points" ? undefined : spec(i.target, d), reads],
    ["floor", spec(i.floor, d), "scores"],
    // Each band from its line, at or above it (at or below it where lower is better): ≥95%→100%, ≤1起→70%.
    ["bands", i.bands?.map((b) => `${lower ? "≤" : "≥"}${formatMeasure(b.from, d)}→${b.share !== undefined ? formatRate(b.share) : formatPoints(b.points ?? 0)}`).join(", "), "scores"],
    ["per", i.per !== undefined ? formatMeasure(i.per, d) : undefined, "scores"],
    ["deduct", i.deduct !== undefined ? formatPoints(i.deduct) : undefined, "scores"],
    // A switch reads yes or no where the kind has it (turned off is "no", not "none").
    ["whole-steps", i.kind === "shortfall" ? w(i.wholeSteps ? "yes" : "no") : undefined, "scores"],
    ["per-place", i.step !== undefined ? formatPoints(i.step) : undefined, "scores"],
    ["include-vetoed", isRelative(i) ? w(i.includeVetoed ? "yes" : "no") : undefined, "scores"],
    ["across-groups", isRelative(i) ? w(i.acrossGroups ? "yes" : "no") : undefined, "scores"],
    // A gate's veto, said as it acts where the rubric says nothing (the unit is not ranked).
    // Unranked, a vetoed unit moves every rank behind it; ranked, its veto decides its awards alone.
    // (Between two vetoes, who is vetoed stays: ranks where it unranks, else awards. Whether missing
    // it vetoes at all is its kind's change, 限定等次 → 一票否决, which may move scores.)
    ["veto", i.kind === "gate" ? vetoText(i.veto ?? DEFAULT_VETO, w, itemHasPrizes(r, i), itemHasAwards(r, i)) : undefined, i.veto?.ranked || i.veto?.gradeOnly ? "awards" : "ranks"],
  ]);
}

/**
 * What a gate's veto moves: who is vetoed moves others' scores where an item of its kind compares
 * units leaving the vetoed out (a best value, places by rank); else the ranks where it unranks,
 * the awards where it keeps the rank; a gate that holds the grade alone vetoes no one: awards.
 */
function vetoEffect(r: Rubric, gate: Item & { readonly veto?: VetoEffect }): Effect {
  if (gate.veto?.gradeOnly) return "awards";
  const line = r.lines.find((l) => allItems(l.items).includes(gate));
  const kind = line ? kindOfLine(r, line.code) : undefined;
  const lines = r.lines.filter((l) => kindOfLine(r, l.code) === kind);
  if (lines.some((l) => allItems(l.items).some((x) => isMeasured(x) && isRelative(x) && x.includeVetoed !== true))) return "scores";
  return gate.veto?.ranked ? "awards" : "ranks";
}


/** The rankings of the kind an item is scored for. */
function rankingsOfItem(r: Rubric, i: Item): Rubric["rankings"] {
  const line = r.lines.find((l) => allItems(l.items).includes(i));
  const kind = line ? kindOfLine(r, line.code) : undefined;
  return r.rankings.filter((x) => x.unitKind === kind);
}

/** Whether a ranking of the kind an item is scored for gives prize places (a veto's place can then be empty or passed on). */
export function itemHasPrizes(r: Rubric, i: Item): boolean {
  return rankingsOfItem(r, i).some((x) => x.tiers.length > 0);
}

/** Whether a ranking of the kind an item is scored for gives prizes or single-item awards (a veto kept ranked wins none of them). */
export function itemHasAwards(r: Rubric, i: Item): boolean {
  return rankingsOfItem(r, i).some((x) => x.tiers.length > 0 || x.single.length > 0);
}

/**
 * A veto's effect in words: 不排名 / 仍排名(不得获奖, where its kind's rankings give prizes or
 * single-item awards: `awards`), 定为…, 不高于…, 名次空缺 / 顺延 (the last only where its kind's
 * rankings give prize places: `prizes`).
 */
export function vetoText(v: VetoEffect, w: Words, prizes = true, awards = prizes): string {
  return [
    w(v.gradeOnly ? "veto.grade-only" : v.ranked ? (awards ? "veto.ranked" : "veto.ranked-no-awards") : "veto.unranked"),
    v.grade !== undefined ? w("veto.grade", { grade: v.grade }) : "",
    v.gradeAtMost !== undefined ? w("veto.grade-at-most", { grade: v.gradeAtMost }) : "",
    v.ranked && prizes && !v.gradeOnly ? w(v.placeEmpty ? "veto.place-empty" : "veto.place-passed") : "",
  ]
    .filter(Boolean)
    .join(w("sep"));
}

function measureFields(m: Indicator | Target, w: Words): Fields {
  return fields([
    ["name", m.name, "words"],
    ["unit", `${w(`unit.${m.unit}`)}${m.display !== "%" ? ` ${m.display}` : ""}`, "validation"],
    ["direction", "direction" in m ? w(`direction.${m.direction}`) : undefined, "scores"],
    ["whole", "direction" in m && m.unit !== "percent" ? w("whole" in m && m.whole ? "yes" : "no") : undefined, "validation"],
    ["min", "min" in m && m.min !== undefined ? formatMeasure(m.min, m.display) : undefined, "validation"],
    ["upper", "max" in m && m.max !== undefined ? formatMeasure(m.max, m.display) : undefined, "validation"],
    ["default", "default" in m && m.default !== undefined ? formatMeasure(m.default, m.display) : undefined, "scores"],
  ]);
}

/** A map's entries by key: two maps alike whatever order they were written in. */
function byKey<T>(entries: readonly (readonly [string, T])[]): (readonly [string, T])[] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Levels highest first where their words say it (国家级, 省级, 市级: as 办法 list them), the others
 * after by their names: the same order under either version, whatever its level order says (a
 * change of its own), so that only a level's points read as changed.
 */
function byLevel<T>(entries: readonly (readonly [string, T])[]): (readonly [string, T])[] {
  const rank = (k: string): number => {
    const i = LEVEL_WORDS.indexOf(k);
    return i < 0 ? LEVEL_WORDS.length : i;
  };
  return byKey(entries).sort(([a], [b]) => rank(a) - rank(b));
}

const LEVEL_WORDS = ["国家级", "部级", "省级", "市级", "区级", "县级", "乡镇级", "镇级", "乡级"];

/** Words whose order means nothing (statuses, flag words, unit kinds): compared as a set, shown as written. */
function set(words: readonly string[]): WordSet {
  return { value: [...words].sort().join(", "), shown: words.join(", ") };
}

/** Flag words as a cell is read against them (case and width aside): the same set reads every cell alike. */
function flagIds(words: readonly string[]): string {
  return [...new Set(words.map(flagWord))].sort().join(", ");
}

/** A unit kind, and a group of it, by the name the rubric gives it (乡镇(街道), 乡镇组), not its id. */
function kindName(r: Rubric, id: string): string {
  return r.unitKinds.find((k) => k.id === id)?.name ?? id;
}

function groupName(r: Rubric, kind: string, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (r.unitKinds.find((k) => k.id === kind)?.groups.find((g) => g.id === id)?.name ?? id);
}

/** A line or an item by its code and name (SH 社会治理, SH6 生态环境保护); the code alone where neither is found. */
function codeNamed(r: Rubric, code: string): string {
  const name = r.lines.find((l) => l.code === code)?.name ?? r.lines.flatMap((l) => allItems(l.items)).find((i) => i.code === code)?.name;
  return name ? `${code} ${name}` : code;
}

function ledgerFields(r: Rubric, c: LedgerCode, w: Words): Fields {
  // What its rows are charged to: the total, or a line's or an item's code.
  const charged = c.charge === "total" ? undefined : "line" in c.charge ? c.charge.line : c.charge.item;
  return fields([
    ["name", c.name, "words"],
    ["kind", w(`ledger-kind.${c.kind}`), "scores"],
    ["points", c.points !== undefined ? formatPoints(c.points) : undefined, "scores"],
    // A map, by level name (the order written means nothing, nor does the rubric's order of levels
    // here: that is a change of its own): a single code's levels decide its awards, scoring none.
    ["levels", c.levels ? byLevel(Object.entries(c.levels)).map(([k, v]) => (c.kind === "single" ? k : `${k} ${formatPoints(v)}`)).join(", ") : undefined, c.kind === "single" ? "awards" : "scores"],
    ["range", c.range ? `${formatPoints(c.range.min)}–${formatPoints(c.range.max)}` : undefined, "validation"],
    ["doubled", w(c.doubleWhenFlagged ? "yes" : "no"), "scores"],
    ["once", w(c.oncePerYear ? "yes" : "no"), "scores"],
    ["cap", c.cap !== undefined ? formatPoints(c.cap) : undefined, "scores"],
    ["unit-kinds", set(c.unitKinds.map((k) => kindName(r, k))), "validation", set(c.unitKinds).value],
    // A line or an item by its code and name (SH6 生态环境保护), as the tie-breakers are said.
    ["charge", charged === undefined ? w("charge.total") : codeNamed(r, charged), "scores", charged ?? "total"],
    ["text", c.text === c.name ? undefined : c.text, "words"],
  ]);
}

function kindFields(r: Rubric, k: UnitKind, w: Words): Fields {
  const lineName = (code: string): string => r.lines.find((l) => l.code === code)?.name ?? "";
  const weights = k.weights ? byKey(Object.entries(k.weights)) : undefined;
  return fields([
    ["name", k.name, "words"],
    // (Labels and groups as sets: written in another order, they read the same column.)
    ["labels", set(k.labels), "validation"],
    ["scale", formatPoints(k.scale), "scores"],
    // The order its lines' blocks are written in: its sheets' in the template, its columns' in the results.
    ["line-order", inOrder(kindLines(r, k).map((l) => [l.code, `${l.code} ${l.name}`] as const)), "layout"],
    // The lines a kind is scored on, and their weights, whatever order they are written in (the
    // order of the kind's `lines:` list sets nothing; the lines are shown in their blocks' order).
    ["lines", [...k.lines].sort().join("+"), "scores"],
    // Each line's part, all of them either side of a change (the reader checks they still make 100%).
    // (Compared by code, shown in the order its lines are shown in, as rubric show and the 办法 list them:
    // JJ 40%;SH 35%;DJ 25%; the order of the kind's `lines:` list sets nothing.)
    ["weights", weights ? { value: weights.map(([l, share]) => [l, lineName(l), formatRate(share)].filter((x) => x !== "").join(" ")).join(w("sep")), shown: kindLines(r, k).filter((l) => k.weights?.[l.code] !== undefined).map((l) => [l.code, l.name, formatRate(k.weights?.[l.code] ?? 0)].filter((x) => x !== "").join(" ")).join(w("sep")) } : undefined, "scores", weights?.map(([l, share]) => `${l} ${share}`).join(",")],
    // Which groups there are moves ranks; what they are called and their labels only what the
    // 分组 column takes (a group renamed ranks the same units: 街道组 → 城区组).
    ["group-ids", k.groups.map((g) => g.id).sort().join(", "), "ranks"],
    ["groups", { value: k.groups.map((g) => `${g.name} [${[...g.labels].sort().join(", ")}]`).sort().join("; "), shown: k.groups.map((g) => `${g.name} [${g.labels.join(", ")}]`).join("; ") }, "validation"],
    // The ranking a unit's gap to a better prize is worked out on (the first with prizes that ranks
    // it), and to a better grade (the first with grades): rankings written in another order may move it.
    ["gap-ranking", firstRanking(r, k, (x) => x.tiers.length > 0), "gaps"],
    ["grade-gap-ranking", firstRanking(r, k, (x) => x.grades !== undefined), "gaps"],
  ]);
}

/** A grade's band in words: its mark and its quota (a share of the units assessed, where the rubric counts them: 至多参评单位的 30%). */
export function gradeBandText(g: NonNullable<Ranking["grades"]>["bands"][number], grades: NonNullable<Ranking["grades"]>, w: Words): string {
  const of = grades.quotaOf === "assessed" ? "-assessed" : "";
  // (Its rounding beside the share, where not down: 至多 20%,四舍五入.)
  const share = g.quotaShare !== undefined ? formatRate(g.quotaShare) + (g.quotaRound ? w(`quota-round.${g.quotaRound}`) : "") : "";
  const quota = g.quotaShare !== undefined ? (g.quotaMin !== undefined ? w(`quota-min${of}`, { quota: share, min: g.quotaMin }) : w(`quota${of}`, { quota: share })) : g.quotaCount !== undefined ? w("quota-count", { quota: g.quotaCount }) : "";
  return w("grade-band", { name: g.name, from: formatPoints(g.from), quota });
}

/** When a ranking's yellow card is shown: last place, a total (or the score it ranks by) below a mark, or either. */
export function yellowWhen(r: Pick<Ranking, "by">, y: NonNullable<Ranking["yellowCard"]>, w: Words): string {
  const when = [...(y.lastPlace ? [w("last-place")] : []), ...(y.below !== undefined ? [w(r.by === "total" ? "below-total" : "below", { below: formatPoints(y.below) })] : [])];
  return when.join(w(y.both === true ? "and" : "or"));
}

function rankingFields(rubric: Rubric, r: Ranking, w: Words): Fields {
  // Single-item awards by code: the order written means nothing.
  const singles = [...r.single].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const grades = r.grades;
  return fields([
    ["name", r.name, "words"],
    ["unit-kind", kindName(rubric, r.unitKind), "ranks", r.unitKind],
    // Its group by name, compared by id: moved to another (or ranked in one, or no longer) moves
    // ranks, said once; only renamed, said where the kind's groups are (分组编号 and 分组 were two
    // lines for one move, the second tagged words only).
    ["group", groupName(rubric, r.unitKind, r.group), "ranks", r.group ?? ""],
    ["by", r.by === "total" ? w("by.total") : [r.by, rankKey(rubric, r.unitKind, r.by)?.name ?? ""].join(" ").trim(), "ranks", r.by],
    // Each by its code and name (BM2 依法行政), as the items and lines are said.
    ["tie-breakers", r.tieBreakers.map((key) => (key === "total" ? w("by.total") : [key, rankKey(rubric, r.unitKind, key)?.name ?? ""].join(" ").trim())).join(", "), "ranks", r.tieBreakers.join(",")],
    // Tiers by their places, single-item awards by code: the order written means nothing.
    ["tiers", [...r.tiers].sort((a, b) => a.from - b.from).map((t) => w("tier", { name: t.name, place: t.from === t.to ? w("place", { rank: t.from }) : w("places", { from: t.from, to: t.to }), amount: t.amount !== undefined ? w("tier-amount", { amount: formatAmount(t.amount) }) : "" })).join(w("sep")), "awards"],
    ["grades", grades ? [...grades.bands.map((g) => gradeBandText(g, grades, w)), grades.otherwise ?? "", w("ties-at-cut", { ties: w(`ties.${grades.ties}`) })].filter(Boolean).join(w("sep")) : undefined, "awards"],
    ["single", singles.map((s) => w("single", { code: s.code, name: s.name, amount: s.amount !== undefined ? w("tier-amount", { amount: formatAmount(s.amount) }) : "", count: s.count !== undefined ? w("count", { count: s.count }) : "", linked: s.linkedItem ? w("linked", { item: s.linkedItem }) : "" })).join(w("sep")), "awards", singles.map((s) => [s.code, s.amount ?? "", s.count ?? "", s.count !== undefined ? (s.linkedItem ?? "") : ""].join(" ")).join(",")],
    ["yellow-card", r.yellowCard ? w("yellow", { name: r.yellowCard.name, when: yellowWhen(r, r.yellowCard, w) }) : undefined, "awards"],
  ]);
}

/** For each of a kind's groups (or the kind, where it has none), the first ranking of it that `has`: by id, shown by name. */
function firstRanking(r: Rubric, k: UnitKind, has: (x: Ranking) => boolean): WordSet | undefined {
  const groups: (string | undefined)[] = k.groups.length ? k.groups.map((g) => g.id) : [undefined];
  const firsts = groups.map((g) => [g, r.rankings.find((x) => x.unitKind === k.id && (x.group === undefined || g === undefined || x.group === g) && has(x))] as const);
  if (firsts.every(([, x]) => x === undefined)) return undefined;
  const groupName = (g: string | undefined): string => k.groups.find((x) => x.id === g)?.name ?? "";
  return {
    // (Compared by group, whatever order the groups are written in.)
    value: firsts
      .map(([g, x]) => `${g ?? ""}:${x?.id ?? ""}`)
      .sort()
      .join(";"),
    shown: firsts.map(([g, x]) => (g === undefined ? (x?.name ?? "") : `${groupName(g)}:${x?.name ?? "-"}`)).join("; "),
  };
}

/** A kind's lines in the order their blocks are written (the order they are shown in everywhere). */
function kindLines(r: Rubric, k: UnitKind): Rubric["lines"] {
  return r.lines.filter((l) => k.lines.includes(l.code));
}

/** Things in the order they are shown: compared by their codes' order, shown by their names (or codes where they have none). */
function inOrder(things: readonly (readonly [string, string | undefined])[]): WordSet {
  return { value: things.map(([code]) => code).join(ORDER_SEP), shown: things.map(([code, name]) => name ?? code).join(ORDER_SEP) };
}

const ORDER_SEP = " > ";

/** Fields that are the order things are shown in: a change is one where the things both versions have stand in another order. */
const ORDERS: ReadonlySet<string> = new Set(["kind-order", "ranking-order", "line-order", "item-order", "indicator-order", "target-order", "ledger-order"]);

/** Whether the codes both orders hold stand in the same order in each (one added or removed is said of its own). */
function sameOrder(a: string, b: string): boolean {
  const x = a.split(ORDER_SEP);
  const y = b.split(ORDER_SEP);
  const both = (list: readonly string[], other: readonly string[]): string[] => list.filter((c) => other.includes(c));
  return both(x, y).join(ORDER_SEP) === both(y, x).join(ORDER_SEP);
}

function describe(r: Rubric, w: Words): Map<Area, Map<string, Fields>> {
  return new Map<Area, Map<string, Fields>>([
    [
      "meta",
      new Map([
        [
          "",
          fields([
            ["title", r.title, "words"],
            ["effective", r.effective, "validation"],
            ["source", r.source, "words"],
            // The order kinds and rankings are written in: the template's sheets and the result sheets'.
            ["kind-order", inOrder(r.unitKinds.map((k) => [k.id, k.name] as const)), "layout"],
            ["ranking-order", inOrder(r.rankings.map((k) => [k.id, k.name] as const)), "layout"],
            // The template's columns of indicators and targets, and the ledger's codes on its cover.
            ["indicator-order", inOrder(r.indicators.map((i) => [i.code, undefined] as const)), "layout"],
            ["target-order", inOrder(r.targets.map((i) => [i.code, undefined] as const)), "layout"],
            ["ledger-order", inOrder(r.ledger.map((c) => [c.code, undefined] as const)), "layout"],
          ]),
        ],
      ]),
    ],
    ["report", new Map([["", fields([["report-title", r.report.title, "words"], ["report-name", r.report.name, "words"], ["issuer", r.report.issuer, "words"]])]])],
    ["unit-kind", new Map(r.unitKinds.map((k) => [k.id, kindFields(r, k, w)]))],
    // (A line's sheet is found by the codes in its header: one renamed reads last year's workbook as it was.)
    // (Its items' order: their columns' in the template and the results.)
    ["line", new Map(r.lines.map((l) => [l.code, fields([["name", l.name, "words"], ["max", formatPoints(l.max), "scores"], ["sheet", l.sheet, "words"], ["text", l.text, "words"], ["item-order", inOrder(allItems(l.items).map((i) => [i.code, undefined] as const)), "layout"]])]))],
    ["item", new Map(r.lines.flatMap((l) => allItems(l.items).map((i) => [i.code, itemFields(r, i, w)] as const)))],
    ["indicator", new Map(r.indicators.map((i) => [i.code, measureFields(i, w)]))],
    ["target", new Map(r.targets.map((t) => [t.code, measureFields(t, w)]))],
    ["ledger", new Map(r.ledger.map((c) => [c.code, ledgerFields(r, c, w)]))],
    // A cap on a kind of row (all bonuses) is named by that kind, not by the codes it covers today.
    // (By the rubric's own word, bonus or deduction, as written: said by its label where shown.)
    ["cap", new Map(r.caps.map((c) => [c.kind ?? c.codes.join("+"), fields([["cap", formatPoints(c.max), "scores"]])]))],
    [
      "statuses",
      new Map([
        [
          "",
          fields([
            ["counted", set(r.statuses.counted), "scores"],
            ["pending", set(r.statuses.pending), "validation"],
            ["rejected", set(r.statuses.rejected), "validation"],
            // (Read in any case and width: Yes and YES dropped beside yes change no cell's reading.)
            ["flag-yes", set(r.flaggedWords.yes), "scores", flagIds(r.flaggedWords.yes)],
            ["flag-no", set(r.flaggedWords.no), "validation", flagIds(r.flaggedWords.no)],
            // The first of each is the one the template and messages name (只有状态为“已认定”的记录计分).
            ["counted-word", r.statuses.counted[0], "words"],
            ["flag-words", `${r.flaggedWords.yes[0] ?? ""}/${r.flaggedWords.no[0] ?? ""}`, "words"],
          ]),
        ],
      ]),
    ],
    ["levels", new Map([["", fields([["level-order", r.levelOrder.join(" > "), "awards"]])]])],
    ["ranking", new Map(r.rankings.map((k) => [k.id, rankingFields(r, k, w)]))],
  ]);
}

const RANK: Record<Effect, number> = { scores: 0, ranks: 1, awards: 2, gaps: 3, validation: 4, layout: 5, words: 6 };

/** The most consequential effect among some fields. */
function strongest(f: Fields): Effect {
  let best: Effect = "words";
  for (const { effect } of f.values()) if (RANK[effect] < RANK[best]) best = effect;
  return best;
}

/** A thing's name and its max (or cap, or points), where it has them. */
function brief(f: Fields): Pick<Change, "about"> {
  const name = f.get("name")?.value;
  // (A ledger code by what a row of it gives: its points, its levels' points, or its range; else its
  // cap. A ranking by what it ranks by: 排名依据 SH6 生态环境保护.)
  const field = ["max", "points", "levels", "range", "cap", "by"].find((k) => f.has(k));
  const value = field === undefined ? undefined : f.get(field)?.value;
  if (name === undefined && value === undefined) return {};
  // A measured item: how it scores and what it reads (SH8 信访积案化解(满分 20;达标,读 ZB14)).
  const kind = f.get("kind")?.value;
  const indicator = f.get("indicator")?.value;
  const reads = kind !== undefined && indicator !== undefined ? { reads: { kind, indicator } } : {};
  return { about: { ...(name !== undefined ? { name } : {}), ...(field !== undefined && value !== undefined ? { field, value } : {}), ...reads } };
}

/** What a ranking gives, by field (its prizes, grades, single-item awards and yellow card): said of one added or removed. */
const GIVES = ["tiers", "grades", "single", "yellow-card"] as const;

function gives(area: Area, f: Fields): Pick<Change, "gives"> {
  if (area !== "ranking") return {};
  const list = GIVES.flatMap((field) => {
    const v = f.get(field);
    return v ? [{ field, value: v.shown ?? v.value }] : [];
  });
  return list.length ? { gives: list } : {};
}

/** Areas whose things head a column by code and name. */
const HEADED: ReadonlySet<Area> = new Set(["item", "indicator", "target"]);

/** The sheet a column's header is checked on: an item's line, or the indicators' sheet. */
function sheetOf(r: Rubric, area: Area, code: string): string {
  if (area !== "item") return "";
  return r.lines.find((l) => allItems(l.items).some((i) => i.code === code))?.code ?? "";
}

/** Whether a thing has a column headed by its name: an indicator, a target, an item typed in (judged or deducted, which have a step). */
function headed(area: Area, f: Fields): boolean {
  return HEADED.has(area) && (area !== "item" || f.has("step"));
}

/** Areas whose things the workbook holds (an item only where typed in: judged or deducted, which have a step). */
const HELD: ReadonlySet<Area> = new Set(["indicator", "target", "ledger", "line", "unit-kind"]);

/**
 * What a thing added or removed affects: an indicator's or a target's column only what the
 * workbook holds (the items that read it, changed with it, are said apart); others, the most
 * consequential of their fields.
 */
function thingEffect(area: Area, f: Fields): Effect {
  return area === "indicator" || area === "target" ? "validation" : strongest(f);
}

function inWorkbook(area: Area, f: Fields): Pick<Change, "workbook"> {
  return HELD.has(area) || (area === "item" && f.has("step")) ? { workbook: true } : {};
}

/** The statuses' and flag words' lists: a word dropped from one leaves last year's rows that wrote it unread. */
const STATUS_LISTS: ReadonlySet<string> = new Set(["counted", "pending", "rejected", "flag-yes", "flag-no"]);

/** Fields that name other things, by those things' names: where only those names changed, the renaming is said where it is made. */
const ECHOES = new Set(["unit-kinds", "unit-kind", "weights", "tie-breakers", "group", "by", "charge"]);

/** Every difference between two rubrics; w words the rubric's own terms in the reader's language. */
export function diffRubrics(a: Rubric, b: Rubric, w: Words = (k) => k): Change[] {
  const da = describe(a, w);
  const db = describe(b, w);
  // A scheme without ledger codes reads no statuses or flag words (its own are the defaults): a
  // ledger added or dropped is said by its codes, not by words only one side reads.
  if (!a.ledger.length || !b.ledger.length) for (const d of [da, db]) d.delete("statuses");
  const out: Change[] = [];
  /** An item's kind whose points are typed in its column, as described. */
  const typed = new Set([w("kind.judged"), w("kind.deducted")]);
  // The old version's column names, each to its code, by the sheet a header is checked against
  // the others of (an item's line; indicators and targets share 指标数据).
  const oldName = new Map<string, string>();
  for (const area of HEADED) for (const [code, f] of da.get(area) ?? []) {
    if (!headed(area, f)) continue;
    const name = f.get("name")?.value;
    if (name !== undefined) oldName.set(`${sheetOf(a, area, code)}\u0000${name}`, code);
  }
  for (const [area, olds] of da) {
    const news = db.get(area) ?? new Map<string, Fields>();
    for (const [code, f] of olds) if (!news.has(code)) out.push({ kind: "removed", area, code, effect: thingEffect(area, f), ...brief(f), ...inWorkbook(area, f), ...gives(area, f) });
    for (const [code, f] of news) {
      const old = olds.get(code);
      if (!old) {
        out.push({ kind: "added", area, code, effect: thingEffect(area, f), ...brief(f), ...inWorkbook(area, f), ...gives(area, f) });
        continue;
      }
      for (const field of new Set([...old.keys(), ...f.keys()])) {
        const x = old.get(field);
        const y = f.get(field);
        if (x?.value === y?.value) continue;
        // Things shown in another order: said where those both versions have moved among themselves.
        // (Those one version has none of are said as added or removed, one by one.)
        if (ORDERS.has(field) && (x === undefined || y === undefined || sameOrder(x.value, y.value))) continue;
        // A field's effect may depend on its value (a veto that keeps the unit ranked moves awards
        // alone): the more consequential of the two sides'.
        // Only the names of the things it names changed (a kind renamed, a tie-breaker's item renamed): words.
        const renamed = x?.ids !== undefined && x.ids === y?.ids;
        // A thing renamed is said once, where it is: not again in every field that names it (a kind
        // renamed in its ledger codes' kinds and its ranking's, a line in the weights).
        if (renamed && ECHOES.has(field)) continue;
        // The word the template writes is the first of the list it heads: where the list changed, said there, once.
        if (area === "statuses" && ((field === "counted-word" && old.get("counted")?.value !== f.get("counted")?.value) || (field === "flag-words" && (old.get("flag-yes")?.value !== f.get("flag-yes")?.value || old.get("flag-no")?.value !== f.get("flag-no")?.value)))) continue;
        // A status or a flag word dropped: last year's rows that wrote it are no longer read (已认定 → 审核通过).
        const dropped = area === "statuses" && STATUS_LISTS.has(field) && x !== undefined && (x.shown ?? x.value).split(", ").some((word) => !(y?.shown ?? y?.value ?? "").split(", ").includes(word));
        // A column's new name another code's old one (two items' names swapped): last year's headers
        // name the other code, and are said to (a header's name checked against its code's).
        // So does a name unlike its old one (a code reused for another indicator): last year's
        // header is warned of as not the code's.
        const takesName = field === "name" && y !== undefined && headed(area, f) && ((oldName.get(`${sheetOf(b, area, code)}\u0000${y.value}`) ?? code) !== code || (x !== undefined && unrelatedName(x.value, y.value)));
        const effect = takesName ? "validation" : renamed ? "words" : x && y ? (RANK[x.effect] < RANK[y.effect] ? x.effect : y.effect) : ((y ?? x)?.effect ?? "words");
        // An item judged or deducted before or after: its column is read otherwise (points taken off
        // for points earned, or an indicator's figure instead): last year's form no longer fits.
        const column = area === "item" && field === "kind" && [x?.value, y?.value].some((v) => v !== undefined && typed.has(v));
        out.push({ kind: "changed", area, code, field, ...(x ? { old: x.shown ?? x.value } : {}), ...(y ? { new: y.shown ?? y.value } : {}), effect, ...(column || dropped ? { workbook: true as const } : {}) });
      }
    }
  }
  return pairedByName(out, a, b);
}

/**
 * Each removed thing and added one that alone share an area and a name, told of the other (a code
 * changed, likely): items first within one line (a name may stand in several: 综合评价), then
 * those left across lines (an item moved to another line takes that line's code).
 */
function pairedByName(changes: readonly Change[], a: Rubric, b: Rubric): Change[] {
  const lineOf = (c: Change): string => {
    if (c.area !== "item") return "";
    const r = c.kind === "removed" ? a : b;
    return r.lines.find((l) => allItems(l.items).some((i) => i.code === c.code))?.code ?? "";
  };
  const paired = new Map<Change, string>();
  const pair = (key: (c: Change) => string | undefined): void => {
    const groups = new Map<string, { removed: Change[]; added: Change[] }>();
    for (const c of changes) {
      const k = c.kind === "changed" || paired.has(c) ? undefined : key(c);
      if (k === undefined || c.kind === "changed") continue;
      let both = groups.get(k);
      if (!both) groups.set(k, (both = { removed: [], added: [] }));
      both[c.kind].push(c);
    }
    for (const { removed, added } of groups.values()) {
      const [gone, come] = [removed[0], added[0]];
      if (removed.length !== 1 || added.length !== 1 || !gone || !come) continue;
      paired.set(gone, come.code);
      paired.set(come, gone.code);
    }
  };
  const named = (c: Change): string | undefined => c.about?.name;
  pair((c) => (named(c) === undefined ? undefined : `${c.area}\u0000${lineOf(c)}\u0000${named(c) ?? ""}`));
  pair((c) => (named(c) === undefined ? undefined : `${c.area}\u0000${named(c) ?? ""}`));
  return changes.map((c) => {
    const other = paired.get(c);
    return other === undefined ? c : { ...c, sameName: other };
  });
}

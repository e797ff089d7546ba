// The sheets `assess score` adds to the workbook: each ranking, the item matrix of each unit kind,
// the scoring notes (split where a sheet would pass Excel's row limit), the award list and the
// provenance. Each is a finished table: a title naming district, year and rubric, a header band,
// widths from content, frozen header and names, filters, print setup; vetoed rows tinted with the
// reason beside them. Rows are made as the sheet is written, so a province's sheets stream.
import { cellRef } from "../diagnostics/index.js";
import { message, type Lang } from "../messages/index.js";
import { isMeasured, leaves, type Rubric } from "../rubric/model.js";
import { lineHeading, planOf, rankKey } from "../rubric/plan.js";
import { formatAmount, formatPoints, formatPointsFixed, formatRate, pointsToNumber } from "../model/numbers.js";
import { coverYear, type Cover, type Submission } from "../model/submission.js";
import type { Award, OpenAward, RankingResult, Results, UnitResult } from "../model/results.js";
import { resultSheetName, SHEETS_SEPARATOR, type ResultSheet } from "../workbook/ours.js";
import { xmlSafe } from "../xlsx/escape.js";
import { uniqueSheetName } from "../xlsx/write/sheet-names.js";
import type { Value } from "../xlsx/write/worksheet.js";
import { groupPlace as placeInGroup, outcomesWord, tableOutcomes, tieBreakNote, totalsMoving, listedAmount, awardsHeading, awardBasis, gradeCell, awardCategories, awardsCell, givesMoney, ledgerHeadings, listedOpen, mainRankings, tieColumns, mayWin, mayWinAmount, mayWinBasis, moneyTotal, rankRange, tiersShared, ranksMove, showsAwards, statusText, unheld, vacancies, vacancyCells, vacancyNote, weightsNote, withheldListed, withoutAmount } from "./labels.js";
import { leafNoteCount, leafNotes, ledgerWhy } from "./explain.js";
import { displayWidth, linesIn, textUnits, unitsOnOneLine } from "../model/width.js";
import { dayText } from "./day.js";
import { bodyStyle, breakBeforeBracket, headerHeight, headerStyle, SHARE_WIDTH, markStyle, pointsColumnWidth, pointsWidth, STYLE_SUBTITLE, STYLE_SUBTITLE_LINES, STYLE_TITLE, type ColumnKind, type Mark, type RowKind } from "./sheet-style.js";

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly width: number;
}

/** A body row. It is written before the next is asked for, so a producer may reuse its array. */
export interface Row {
  readonly cells: readonly Value[];
  readonly row?: RowKind;
  /** A cell set apart in its row (by column index). */
  readonly mark?: { readonly col: number; readonly as: Mark | "veto" };
}

/** A result sheet as a table: what result-file.ts writes. Style ids are positions in SHEET_STYLES. */
export interface SheetTable {
  readonly sheet: ResultSheet;
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly Column[];
  readonly rows: Iterable<Row>;
  /** Columns kept in view when scrolling right. */
  readonly freezeCols: number;
  readonly filter: boolean;
  /** Pages across the printed table may take (1: fit to the page width). */
  readonly pagesAcross: number;
  /** Printed at a scale of its own, each page across begun at one of its column blocks (see linePages). */
  readonly breaks?: { readonly scale: number; readonly before: readonly number[] };
  /** Its rows under the header, where known before they are made (a table printed several pages across). */
  readonly rowCount?: number;
  /** The tab the workbook opens on. */
  readonly active?: boolean;
  /** The printed page's footer, in SpreadsheetML's codes (the day it was scored, the sheet and its page). */
  readonly footer?: string;
}

/** Data rows per sheet: Excel's 1,048,576 rows less the title and header rows. */
export const MAX_DATA_ROWS = 1_048_576 - 3;

/** Printable width of an A4 landscape page at our margins, in column units (about 7 points each). */
const PAGE_UNITS = 128;

function col(header: string, kind: ColumnKind, width: number): Column {
  return { header, kind, width };
}

function t(lang: Lang, code: string, data: Record<string, string | number> = {}): string {
  return message(lang, code, data);
}

/** "青山区2026年度综合排名": the district and year of the cover, as far as it gives them. */
export function sheetTitle(lang: Lang, cover: Cover, name: string): string {
  const district = xmlSafe(cover.district ?? "").trim();
  // A year typed in full-width digits (２０２６) or in Chinese (二〇二六) said as the report says it.
  const year = coverYear(xmlSafe(cover.year ?? ""));
  if (district && year) return t(lang, "out.title.full", { district, year, name });
  if (year) return t(lang, "out.title.year", { year, name });
  if (district) return t(lang, "out.title.district", { district, name });
  return name;
}

/**
 * The rubric's line; where the sheet shows what claims still pending could change, what that means
 * under it: `ranks`, a 名次区间 column (and maybe (待定) marks); `marks`, (待定) marks alone.
 */
function subtitle(lang: Lang, results: Pick<Results, "rubric">, pending?: "ranks" | "ranks-settled" | "ranks-only" | "marks" | { readonly totals: string; readonly n: number }, what: "awards" | "grades" = "awards"): string {
  const line = t(lang, "out.subtitle", { title: xmlSafe(results.rubric.title), id: xmlSafe(results.rubric.id), version: xmlSafe(results.rubric.version) });
  if (!pending) return line;
  const notes = resultSheetName({ kind: "notes", part: 1 }, lang);
  // Totals alone that may move: whose, and where to.
  if (typeof pending === "object") return `${line}\n${t(lang, "out.pending-note-totals", { units: xmlSafe(pending.totals), n: pending.n, notes, what })}`;
  const code = pending === "ranks" ? "out.pending-note" : pending === "ranks-settled" ? "out.pending-note-settled" : pending === "ranks-only" ? "out.pending-note-ranks" : "out.pending-note-marks";
  return `${line}\n${t(lang, code, { notes, what })}`;
}

/** A subtitle with the lines more there are (none where a line is undefined or empty). */
function withLine(subtitle: string, ...lines: (string | undefined)[]): string {
  return [subtitle, ...lines.filter((l): l is string => l !== undefined && l !== "")].join("\n");
}

/** A unit whose rank or awards pending claims could still change. */
function unsettled(u: UnitResult | undefined): boolean {
  return u?.certainty !== undefined && !u.certainty.settled;
}

/** A column as wide as its widest value (as wrapped text is measured), within bounds; headers wrap. */
function fit(values: Iterable<string>, min: number, max: number, wrap = false): number {
  const f = new Fitting(min, max, wrap);
  for (const v of values) if (f.add(v)) break;
  return f.width;
}

/** A column's width as fit measures it, its values given one by one (several columns measured in one pass over rows made afresh). */
class Fitting {
  private w: number;
  /** `wrap`: a wrapped column, fitted as its rows' heights are measured (unitsOnOneLine). */
  constructor(
    min: number,
    private readonly max: number,
    private readonly wrap = false,
  ) {
    this.w = min;
  }
  /** Measures a value; true once the column is as wide as it may be (no value can change it). */
  add(v: string): boolean {
    if (this.w > this.max + NEAR_FIT) return true;
    this.w = Math.max(this.w, this.wrap ? unitsOnOneLine(v) : Math.ceil(textUnits(v)) + 2);
    return this.w > this.max + NEAR_FIT;
  }
  get width(): number {
    // A text a few characters past the most is given them, rather than wrapped for its last (a lone ")").
    return this.w > this.max + NEAR_FIT ? this.max : this.w;
  }
}

/** Column units past a column's most that a text just wider is still given (three CJK characters). */
const NEAR_FIT = 6;

/**
 * A column as wide as its bold heading needs on one line (measured as body text is, a bold
 * character a tenth wider), within bounds: Deduction broke as Deductio / n.
 */
function headingWidth(heading: string, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.ceil(textUnits(heading) * 1.1) + 2));
}

/**
 * A ranking's name in brackets under 名次, on two lines where long ((乡镇(街道) / 综合排名)): the
 * column need not be as wide as the whole (a detail sheet printed across pages lost a line's
 * columns to it). Parted after a bracket inside it where that evens the lines best, else mid-way.
 */
export function bracketLines(name: string): string[] {
  const whole = `(${name})`;
  if (textUnits(whole) <= BRACKET_LINE_UNITS) return [whole];
  const chars = [...whole];
  const parts = (at: number): [string, string] => [chars.slice(0, at).join("").trimEnd(), chars.slice(at).join("").trimStart()];
  const widest = (at: number): number => Math.max(...parts(at).map(textUnits));
  let best: number | undefined;
  let natural: number | undefined;
  for (let at = 2; at < chars.length - 1; at++) {
    const before = chars[at - 1] ?? "";
    const after = chars[at] ?? "";
    // Never a line begun with punctuation, nor a word of letters or digits parted.
    if (/^[)）、,，。;；:：]/.test(after) || (/[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after))) continue;
    if (best === undefined || widest(at) < widest(best)) best = at;
    // After a closing bracket or a space, or before an opening bracket: words stay whole.
    if ((/[)）\s]/.test(before) || /[(（]/.test(after)) && (natural === undefined || widest(at) < widest(natural))) natural = at;
  }
  const at = natural !== undefined && best !== undefined && widest(natural) <= widest(best) * 1.3 ? natural : best;
  return at === undefined ? [whole] : parts(at);
}

/** A ranking's name in brackets up to this wide stays on one line ((区属国有企业排名)). */
const BRACKET_LINE_UNITS = 19;

/**
 * The width a heading's longest English word needs on a line of its own, bold (Bonus/deduction broke
 * as deductio / n, and Deduction as Deductio / n); 0 where it has none.
 */
function longestWord(heading: string): number {
  const words = heading.split(/[\s(（]+/).filter((w) => /^[\x21-\x7e]+$/.test(w));
  return words.length ? headingWidth(words.reduce((a, b) => (b.length > a.length ? b : a)), 0, 16) : 0;
}

/**
 * A charged column's heading and width: its bracket on a line of its own, as wide as that line
 * needs (at width 10, 加扣分 / (计入社会治理) wrapped and left its ")" alone), and where longer than
 * fits, the bracket in two even halves ((计入一般生产 / 安全事故控制)); English words as they wrap.
 */
function chargedHeading(h: string): { header: string; width: number } {
  const [head = h, bracket] = breakBeforeBracket(h).split("\n");
  if (bracket === undefined) return { header: h, width: Math.min(16, Math.max(Math.min(10, headWidth(h)), longestWord(h))) };
  const lines = textUnits(bracket) > 16 ? halves(bracket) : [bracket];
  return { header: [head, ...lines].join("\n"), width: Math.max(10, ...[head, ...lines].map((l) => headingWidth(l, 0, 18))) };
}

/** A text parted where its halves are most nearly as wide (by column units). */
function halves(text: string): [string, string] {
  const half = textUnits(text) / 2;
  let at = 0;
  for (let w = 0; at < text.length && w + textUnits(text.charAt(at)) <= half; at++) w += textUnits(text.charAt(at));
  return [text.slice(0, at), text.slice(at)];
}

/** A points column as wide as its heading needs on one line (加分: the narrowest, 7). */
function headWidth(heading: string): number {
  return headingWidth(heading, 7, 16);
}

function nameWidth(units: readonly UnitResult[]): number {
  let w = 10;
  for (const u of units) {
    w = Math.max(w, nameWidths.get(u) ?? measured(u));
    if (w >= NAME_MOST) return NAME_MOST;
  }
  return w;
}

/** A name column's most, in column units: 14 Chinese characters with two digits (市第27国有资产经营有限公司) on one line; longer names wrap. */
const NAME_MOST = 31;

/** Each unit's name width (plus margin), measured once: every sheet of a province lists every unit. */
const nameWidths = new WeakMap<UnitResult, number>();

function measured(u: UnitResult): number {
  // (As its rows' heights measure it: a name with a digit in it, 市第27国有资产经营有限公司, took two lines' height.)
  const w = Math.max(displayWidth(u.name) + 2, unitsOnOneLine(u.name, true));
  nameWidths.set(u, w);
  return w;
}

/** Pages across a table needs at full size (columns beyond the frozen ones repeat those). */
function pagesAcross(columns: readonly Column[], frozen: number): number {
  const total = columns.reduce((s, c) => s + c.width, 0);
  if (total <= PAGE_UNITS) return 1;
  const fixed = columns.slice(0, frozen).reduce((s, c) => s + c.width, 0);
  return Math.ceil((total - fixed) / Math.max(20, PAGE_UNITS - fixed));
}

/** Where the table is printed at a scale of its own, its least (smaller print is hard to read). */
const MIN_SCALE = 70;
/** Spreadsheets lay columns out some 12% wider than our width units say (measured in LibreOffice at 100%). */
const PRINT_SLACK = 1.15;

/**
 * Pages across for a table whose columns come in blocks (a line's subtotal and its items), each
 * page begun at a block's first column, never within one: its column blocks packed into the fewest
 * pages that a scale of MIN_SCALE or more prints whole, the widest page setting the scale. Blocks
 * of level 0 (lines) first; a block too wide for a page is cut at the starts of the next level
 * within it (a line's items, each with its own; a group's children), and one still too wide with
 * no level left, at its columns: only it is parted. Where the table fits one page, or a single
 * column is too wide for one, it is fitted to the page width as before (pagesAcross). `starts`:
 * each block's first column (0-based; the frozen columns repeat on every page).
 */
export function linePages(columns: readonly Column[], frozen: number, starts: readonly { col: number; level: number }[]): { pagesAcross: number; breaks?: { scale: number; before: number[] } } {
  const fitted = { pagesAcross: pagesAcross(columns, frozen) };
  if (fitted.pagesAcross <= 1) return fitted;
  const n = columns.length;
  const fixed = columns.slice(0, frozen).reduce((s, c) => s + c.width, 0);
  const width = (a: number, b: number): number => columns.slice(a, b).reduce((s, c) => s + c.width, 0);
  // The most a page holds past the frozen columns, at MIN_SCALE.
  const room = (100 * PAGE_UNITS) / (MIN_SCALE * PRINT_SLACK) - fixed;
  const levels = [...new Set(starts.map((s) => s.level))].sort((a, b) => a - b);
  let cuts = [...new Set([frozen, ...starts.filter((s) => s.level <= (levels[0] ?? 0) && s.col > frozen && s.col < n).map((s) => s.col), n])].sort((a, b) => a - b);
  // Each block too wide cut finer, level by level, then (none left) at its columns.
  const finer = (within: (a: number, b: number) => number[]): void => {
    const next = [cuts[0] ?? frozen];
    for (let i = 1; i < cuts.length; i++) {
      const a = cuts[i - 1] ?? frozen;
      const b = cuts[i] ?? n;
      if (width(a, b) > room) next.push(...within(a, b).filter((c) => c > a && c < b));
      next.push(b);
    }
    cuts = [...new Set(next)].sort((x, y) => x - y);
  };
  for (const level of levels.slice(1)) finer((a, b) => starts.filter((s) => s.level === level && s.col > a && s.col < b).map((s) => s.col));
  finer((a, b) => Array.from({ length: b - a - 1 }, (_, i) => a + 1 + i));
  const widths = cuts.slice(1).map((end, i) => width(cuts[i] ?? frozen, end));
  // (As many pages as fitting to the page's width would take, at the least: no smaller print to save a page.)
  // Fewer than the fewest that hold every run within the room never fit: begun there (tried one by
  // one, a rubric of thousands of items took minutes).
  const fewest = fewestRuns(widths, room);
  for (let pages = Math.max(Math.min(fitted.pagesAcross, widths.length), Math.min(fewest, widths.length)); pages <= widths.length; pages++) {
    const groups = pages * widths.length * widths.length <= EXACT_PACKING ? packed(widths, pages) : packedWithin(widths, pages);
    const widest = fixed + Math.max(...groups.map(([a, b]) => widths.slice(a, b).reduce((s, w) => s + w, 0)));
    const scale = Math.min(100, Math.floor((100 * PAGE_UNITS) / (widest * PRINT_SLACK)));
    if (scale >= MIN_SCALE) return { pagesAcross: groups.length, breaks: { scale, before: groups.slice(1).map(([a]) => cuts[a] ?? n) } };
  }
  return fitted;
}

/** Work (pages × widths²) up to which runs are packed exactly; past it, to within a thousandth of a unit. */
const EXACT_PACKING = 4_000_000;

/** The fewest runs `widths` can be cut into, none wider than `room` (Infinity where one width alone is). */
function fewestRuns(widths: readonly number[], room: number): number {
  let runs = 0;
  let used = Number.POSITIVE_INFINITY;
  for (const w of widths) {
    if (w > room) return Number.POSITIVE_INFINITY;
    if (used + w > room) {
      runs++;
      used = 0;
    }
    used += w;
  }
  return runs;
}

/**
 * `widths` cut into at most `pages` runs, the widest as narrow as can be to within a thousandth of
 * a unit (the widest a run may be searched for by halves, each tried by filling runs in order).
 */
export function packedWithin(widths: readonly number[], pages: number): [number, number][] {
  let lo = Math.max(0, ...widths);
  let hi = widths.reduce((a, w) => a + w, 0);
  while (hi - lo > 0.001) {
    const mid = (lo + hi) / 2;
    if (fewestRuns(widths, mid) <= pages) hi = mid;
    else lo = mid;
  }
  const runs: [number, number][] = [];
  let start = 0;
  let used = 0;
  widths.forEach((w, i) => {
    if (i > start && used + w > hi) {
      runs.push([start, i]);
      start = i;
      used = 0;
    }
    used += w;
  });
  if (widths.length) runs.push([start, widths.length]);
  return runs;
}

/** `widths` cut into at most `pages` runs, the widest as narrow as can be: each run as [first, end). */
export function packed(widths: readonly number[], pages: number): [number, number][] {
  const n = widths.length;
  // Each run's width from the running sums (a wide group parted at its columns has dozens of runs).
  const upTo = [0];
  for (const w of widths) upTo.push((upTo.at(-1) ?? 0) + w);
  const sum = (a: number, b: number): number => (upTo[b] ?? 0) - (upTo[a] ?? 0);
  // best[k][i]: the widest run of the first i widths cut into k runs at the best; cut[k][i]: where its last run begins.
  const best: number[][] = [Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : Number.POSITIVE_INFINITY))];
  const cut: number[][] = [new Array<number>(n + 1).fill(0)];
  for (let k = 1; k <= pages; k++) {
    const row = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
    const from = new Array<number>(n + 1).fill(0);
    row[0] = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < i; j++) {
        const w = Math.max(best[k - 1]?.[j] ?? Number.POSITIVE_INFINITY, sum(j, i));
        if (w < (row[i] ?? Number.POSITIVE_INFINITY)) {
          row[i] = w;
          from[i] = j;
        }
      }
    best.push(row);
    cut.push(from);
  }
  const runs: [number, number][] = [];
  for (let k = pages, i = n; i > 0; k--) {
    const j = cut[k]?.[i] ?? 0;
    runs.unshift([j, i]);
    i = j;
  }
  return runs;
}

/** How the awards cell of a ranking's row is set apart: why the unit is not ranked, a warning or a prize. */
function remarkMark(u: UnitResult): Mark | "veto" | undefined {
  if (u.vetoed) return "veto";
  if (u.awards.some((a) => a.kind === "warning")) return "warning";
  if (u.awards.some((a) => a.kind === "rank" || a.kind === "single")) return "prize";
  return undefined;
}

/**
 * What a ranking's shading means, where it has any (a leader handed the sheet had red, yellow and
 * green rows and no word of what they were): the colours its rows are given (remarkMark).
 */
function shadingLegend(units: readonly UnitResult[], awarding: boolean, own: string | undefined, lang: Lang): string | undefined {
  let card: string | undefined;
  let prize = false;
  let vetoed = false;
  for (const u of units) {
    if (u.vetoed) {
      vetoed = true;
      continue;
    }
    // Shaded where its awards cell says anything (`own`: a ranking showing its own awards alone).
    // (What pending claims could still change, by a line or an item, on this ranking alone: a unit
    // whose prize elsewhere may move has nothing in this ranking's cell, and is not shaded here.)
    if (!awarding || !(u.awards.some((a) => a.kind !== "veto" && (own === undefined || a.ranking === own)) || (u.certainty?.open.some((o) => own === undefined || o.ranking === own) ?? false))) continue;
    const warning = u.awards.find((a) => a.kind === "warning");
    if (warning?.kind === "warning") card ??= warning.name;
    else if (u.awards.some((a) => a.kind === "rank" || a.kind === "single")) prize = true;
  }
  return legend(vetoed, prize, card, lang);
}

/** 底色:红色为一票否决单位;绿色为获奖单位;黄色为受…单位 — the colours there are, or undefined. */
function legend(vetoed: boolean, prize: boolean, card: string | undefined, lang: Lang): string | undefined {
  const parts = [...(vetoed ? [t(lang, "out.legend-vetoed")] : []), ...(prize ? [t(lang, "out.legend-prize")] : []), ...(card !== undefined ? [t(lang, "out.legend-warned", { card: xmlSafe(card) })] : [])];
  return parts.length ? t(lang, "out.legend", { parts: parts.join(t(lang, "list.parts")) }) : undefined;
}

/**
 * What the award list's shading means, where it has any (its veto rows red, a prize's or an
 * award's cell green, a card's yellow, and no word of it under the title as the rankings have).
 */
function awardsLegend(results: Results, lang: Lang): string | undefined {
  let vetoed = false;
  let prize = false;
  let card: string | undefined;
  for (const u of results.units)
    for (const a of u.awards) {
      if (a.kind === "veto") vetoed = true;
      else if (a.kind === "rank" || a.kind === "single") prize = true;
      else if (a.kind === "warning") card ??= a.name;
    }
  return legend(vetoed, prize, card, lang);
}

function rankingTable(rubric: Rubric, r: RankingResult, results: Results, cover: Cover, lang: Lang, active: boolean): SheetTable {
  // Its entries and their units, side by side (a province's: no object for each pair).
  const entries = r.entries.filter((e) => results.units[e.unit] !== undefined);
  const units = entries.map((e) => results.units[e.unit] as UnitResult);
  const plan = planOf(rubric, r.unitKind);
  const lines = plan?.lines.map((l) => l.line) ?? [];
  const isTotal = r.by === "total";
  const awarding = showsAwards(rubric, r);
  /** Whether a row can have anything to say in its last column (awards, or a vetoed unit's remark). */
  const remarks = awarding || units.some((u) => u.vetoed);
  // The awards texts are made when the sheet is written (a province's second thread writes the
  // sheet before it), for its width and then its rows, and let go once written.
  let awardsTexts: string[] | undefined;
  let awardsWidth: number | undefined;
  const graded = rubric.rankings.find((x) => x.id === r.id)?.grades !== undefined;
  const textsOfAwards = (): string[] => (awardsTexts ??= units.map((u) => (awarding || u.vetoed ? awardsCell(u, lang, r.id, !isTotal, undefined, graded) : "")));
  const widthOfAwards = (): number => (awardsWidth ??= fit(textsOfAwards(), 14, 56, true));
  const kind = rubric.unitKinds.find((k) => k.id === r.unitKind);
  const byKey = rankKey(rubric, r.unitKind, r.by);
  // Where the kind is ranked in groups too, each unit's place in its group (not on a group's own ranking).
  const groupRankings = r.group === undefined ? results.rankings.filter((x) => x.unitKind === r.unitKind && x.group !== undefined && x.by === r.by) : [];
  // Group id → its ranking's id and the group's name, looked up once.
  const groupOf = new Map(groupRankings.map((x) => [x.group, { id: x.id, name: kind?.groups.find((g) => g.id === x.group)?.name ?? "" }]));
  // With where pending claims could take it there (乡镇组 3(3–5)), as the terminal and the browser say it.
  const groupPlace = (u: UnitResult): string => {
    const g = groupOf.get(u.group);
    return g ? placeInGroup(u, g.id, g.name, lang) : "";
  };
  // While claims are pending that could move a unit here: where each could end up (a rank that
  // cannot move, the number itself, not a number stored as text).
  const pending = ranksMove(results, r);
  const heads = ledgerHeadings(rubric, r.unitKind, lang);
  // Tie-breakers the sheet shows no column of, each in one.
  const ties = tieColumns(rubric, r, lang);
  const tieCols = ties.map((c): Column => ({ header: breakBeforeBracket(c.heading), kind: "points", width: Math.max(9, Math.min(14, headWidth(c.heading))) }));
  // What each unit lacks for the next better prize here, others unchanged (explain says how), on
  // the ranking its gap is worked on: a leader asks how far each town is from the next prize.
  const gapped = units.some((u) => u.gap?.ranking === r.id);
  // Marked where pending claims may still change it (优秀(待定)): counted as final, it was not.
  const gradeOf = (u: UnitResult): string => gradeCell(u, r.id, lang);
  const gapOf = (u: UnitResult): string => (u.gap && u.gap.ranking === r.id ? t(lang, u.gap.beyond ? "out.gap-cell-beyond" : "out.gap-cell", { tier: u.gap.tier, points: formatPoints(u.gap.points) }) : "");
  const columns: Column[] = [
    { header: t(lang, "out.rank"), kind: "rank", width: 9 },
    ...(pending ? [col(t(lang, "out.rank-range"), "rank", 9)] : []),
    { header: t(lang, "out.unit"), kind: "name", width: nameWidth(units) },
    // As wide as its longest group's name and place (a long 组 name cut its place off), within reason.
    ...(groupRankings.length ? [col(t(lang, "out.group-rank"), "text", fit((function* () { for (const u of units) yield groupPlace(u); })(), 11, 30))] : []),
    ...(isTotal
      ? [
          ...lines.map((l): Column => ({ header: lineHeading(kind, l), kind: "points", width: headingWidth(lineHeading(kind, l), 9, 14) })),
          ...heads.map(([key, head]) => col(head, "points", pointsColumnOf(units, key, false, headWidth(head)))),
          col(t(lang, "out.total"), "subtotal", pointsColumnOf(units, "total", true, 9)),
        ]
      : [
          col(byKey?.name ?? r.by, "subtotal", headingWidth(byKey?.name ?? r.by, 9, 14)),
          col(t(lang, "report.col.max"), "points", Math.max(7, pointsWidth(pointsToNumber(byKey?.max ?? 0)))),
          col(t(lang, "report.col.share"), "share", SHARE_WIDTH),
        ]),
    ...tieCols,
    ...(gapped ? [col(t(lang, "out.gap"), "wrap", fit((function* () { for (const u of units) yield gapOf(u); })(), 11, 24, true))] : []),
    // The grade this ranking gives, a value of its own (优秀, 良好): filtered and counted in a
    // spreadsheet, where the awards cell says it in a sentence with its reasons.
    // (Its heading on one line at the least: Grade broke as Grad / e in a column fitted to 优秀.)
    ...(graded ? [col(t(lang, "out.award-kind.grade"), "text", fit((function* () { for (const u of units) yield gradeOf(u); })(), Math.max(7, headWidth(t(lang, "out.award-kind.grade"))), 16))] : []),
    // Its awards, or, where it decides none, a remark on its vetoed units: none where it has none
    // either (a ranking by an item that decides nothing printed a 备注 column empty on every row).
    ...(remarks
      ? [
          {
            header: awarding ? awardsHeading(rubric, r, lang) : t(lang, "out.remark"),
            kind: "wrap" as const,
            get width() {
              return widthOfAwards();
            },
          },
        ]
      : []),
  ];
  const last = columns.length - 1;
  const max = byKey?.max ?? 0;
  const rows: Iterable<Row> = {
    *[Symbol.iterator]() {
      // One cells array for every row: each is written before the next is made.
      const cells: Value[] = [];
      const lineCodes = lines.map((l) => l.code);
      const between = t(lang, "list.parts");
      const room = widthOfAwards() - 2;
      const texts = textsOfAwards();
      awardsTexts = undefined;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i] as RankingResult["entries"][number];
        const u = units[i] as UnitResult;
        // By the total: every award of the unit; by a line or an item, this ranking's own. Too long
        // for the column, each on a line of its own (wrapped where the column ends, the last word of
        // one ran onto the next line: a lone ")").
        const said = texts[i] ?? "";
        // (Made again with line breaks, not split at the list's mark: an award's own reason may hold one.)
        const text = said.length * 2 > room && textUnits(said) > room && said.includes(between) ? awardsCell(u, lang, r.id, !isTotal, "\n", graded) : said;
        const mark = text ? remarkMark(u) : undefined;
        // Set in place, not emptied and pushed again (that gives the array new storage every row).
        let k = 0;
        cells[k++] = e.rank ?? statusText(u, lang);
        if (pending) cells[k++] = rankRange(u, r.id);
        cells[k++] = xmlSafe(u.name);
        if (groupRankings.length) cells[k++] = groupPlace(u);
        if (isTotal) {
          for (const code of lineCodes) cells[k++] = pointsToNumber(u.subtotals[code] ?? 0);
          for (const [key] of heads) cells[k++] = pointsToNumber(u[key]);
          cells[k++] = pointsToNumber(u.total);
        } else {
          cells[k++] = pointsToNumber(e.value);
          cells[k++] = pointsToNumber(max);
          cells[k++] = max > 0 ? Math.round((e.value / max) * 10000) / 10000 : null;
        }
        for (const c of ties) cells[k++] = pointsToNumber(c.points(u));
        if (gapped) cells[k++] = gapOf(u);
        if (graded) cells[k++] = xmlSafe(gradeOf(u));
        if (remarks) cells[k++] = text;
        cells.length = k;
        yield mark ? { cells, row: u.vetoed ? "vetoed" : "normal", mark: { col: last, as: mark } } : { cells, row: u.vetoed ? "vetoed" : "normal" };
      }
    },
  };
  // (待定) in a shown awards cell: any award still open (by the total), or this ranking's own.
  const marked = units.some((u) => (awarding || u.vetoed) && (isTotal ? unsettled(u) : (u.certainty?.open.some((o) => o.ranking === r.id) ?? false)));
  const totals = !pending && !marked && results.pendingRows > 0 ? totalsMoving(results, r, lang, formatPointsFixed) : undefined;
  // Units level on the total ranked apart (河东街道 2nd, 文昌街道 3rd, both 89.50): by what, said.
  const broken = tieBreakNote(rubric, r, lang, "out.tie-note");
  // How the weighted lines' columns make the total (each holds its line's points before the weight).
  const weighted = isTotal ? weightsNote(rubric, r.unitKind, lang, "out.weights") : "";
  // The prizes nobody holds, with why (街道组's 一等奖, its first vetoed and its place kept empty).
  const vacant = vacancyNote(rubric, results, r, lang, "out.vacant");
  const said = subtitle(lang, results, pending ? (marked ? "ranks" : awarding ? "ranks-settled" : "ranks-only") : marked ? "marks" : totals ? { totals: totals.units, n: totals.n } : undefined, tableOutcomes(rubric, r));
  const head = withLine(said, xmlSafe(weighted), broken === undefined ? undefined : xmlSafe(broken), xmlSafe(vacant), shadingLegend(units, awarding, isTotal ? undefined : r.id, lang));
  return { sheet: { kind: "ranking", id: r.id, name: r.name }, name: "", title: sheetTitle(lang, cover, r.name), subtitle: head, columns, rows, freezeCols: pending ? 3 : 2, filter: true, pagesAcross: 1, active };
}

/** The width of a column of the units' totals (or bonuses, or deductions), at least `least`. */
function pointsColumnOf(units: readonly UnitResult[], key: "total" | "bonus" | "deduction", bold: boolean, least: number): number {
  let most = Number.NEGATIVE_INFINITY;
  let fewest = Number.POSITIVE_INFINITY;
  for (const u of units) {
    const p = u[key];
    if (p > most) most = p;
    if (p < fewest) fewest = p;
  }
  return pointsColumnWidth(most < fewest ? [] : [pointsToNumber(most), pointsToNumber(fewest)], bold, least);
}

/** 得分明细's rank: a vetoed unit's status, with its rank where the veto keeps it ranked (2(一票否决)). */
function detailRank(u: UnitResult, ranking: string, lang: Lang): Value {
  const rank = u.ranks[ranking];
  if (rank === null || rank === undefined) return statusText(u, lang);
  return u.vetoed ? t(lang, "status.vetoed-ranked", { rank }) : rank;
}

/**
 * 得分明细: a unit × item matrix per kind of unit, as assessors lay out their own sheets: the unit,
 * its rank (or 一票否决, or both where a veto keeps it ranked) and total kept in view; then each line's subtotal, set apart, and every
 * item (groups and leaves) in rubric order; then bonus and deduction. A header names each item and
 * its max.
 */
function matrixTables(rubric: Rubric, results: Results, cover: Cover, lang: Lang): SheetTable[] {
  const kinds = rubric.unitKinds.filter((k) => results.units.some((u) => u.kind === k.id));
  return kinds.map((kind) => {
    const plan = planOf(rubric, kind.id);
    // The kind's whole ranking; where it is ranked only in groups, each group's, one after the
    // other (each unit's place then said with its group: 执法部门组 2); then any unit none ranks.
    const rankings = mainRankings(results, kind.id);
    const ranking = rankings.length === 1 ? rankings[0] : undefined;
    const rankingOf = new Map<number, RankingResult>();
    for (const r of rankings) for (const e of r.entries) if (!rankingOf.has(e.unit)) rankingOf.set(e.unit, r);
    const order = [...rankingOf.keys(), ...results.units.flatMap((u, i) => (u.kind === kind.id && !rankingOf.has(i) ? [i] : []))];
    const groupNames = new Map(kind.groups.map((g) => [g.id, g.name]));
    // A kind no ranking ranks: said in each row (a blank rank reads as one forgotten).
    const unranked = rankings.length ? null : t(lang, "status.unranked");
    const rankCell = (u: UnitResult, i: number): Value => {
      const r = rankingOf.get(i);
      if (!r) return unranked;
      if (ranking) return detailRank(u, r.id, lang);
      return `${groupNames.get(r.group ?? "") ?? r.name} ${String(detailRank(u, r.id, lang))}`;
    };
    const units = order.flatMap((i) => {
      const u = results.units[i];
      return u ? [{ u, i }] : [];
    });
    const heads = ledgerHeadings(rubric, kind.id, lang);
    const scored = units.map(({ u }) => u);
    // A line's (or a group's) subtotal includes the bonus and deduction charged to it, which none
    // of its items shows (SH 87.20 over items of 89.20 read as a slip): a column beside it says
    // how much, where any unit has some. (One charged to an item is in the item's own points.)
    const charged = (plan?.nodes ?? []).map((n) => (!n.item || n.item.kind === "group") && scored.some((u) => (u.charges[n.code] ?? 0) !== 0));
    const bracketed = ranking ? bracketLines(ranking.name) : [];
    const gateNoPoints = (plan?.nodes ?? []).map((n) => n.item?.kind === "gate" && n.max === 0);
    const [missed, met] = [t(lang, "out.gate-missed"), t(lang, "out.gate-met")];
    const columns: Column[] = [
      { header: t(lang, "out.unit"), kind: "name", width: nameWidth(units.map(({ u }) => u)) },
      // Wide enough for a vetoed unit's 11(一票否决) (a province's vetoed units are few: measured
      // alone), and for a group's place (执法部门组 2) where the kind is ranked in groups.
      {
        header: ranking ? `${t(lang, "out.rank")}\n${bracketed.join("\n")}` : rankings.length ? t(lang, "out.group-rank") : t(lang, "out.rank"),
        kind: "rank",
        // As wide as the ranking's name in its bracket needs, on its lines (a lone ")" wrapped under it), within reason.
        width: units.reduce((w, { u, i }) => (u.vetoed || !ranking ? Math.max(w, displayWidth(String(rankCell(u, i) ?? "")) + 2) : w), ranking ? Math.max(...bracketed.map((l) => headingWidth(l, 9, 34))) : 9),
      },
      { header: t(lang, "out.total"), kind: "subtotal", width: pointsColumnOf(scored, "total", true, 8) },
      // The max on a line of its own where the heading wraps: never a lone ")" under "(20".
      ...(plan?.nodes ?? []).flatMap((n, at): Column[] => {
        const head = `${n.code} ${n.name}`;
        // A line weighted into the total says so, as the ranking sheets do (98 + 98.5 + 99.5 beside a
        // total of 102.05 puzzled), its max and weight kept on one line.
        const weight = n.item ? undefined : kind.weights?.[n.code];
        const max = `(${formatPoints(n.max)})${weight === undefined ? "" : ` ×${formatRate(weight)}`}`;
        // A line's code and name on one line where they fit in 14 (BM 区直部门: its 门 stood alone on a second).
        // And its code whole on a line, bold (JS3.3.4.1 broke as JS3.3. / 4.1 in a column of 7).
        const code = headingWidth(n.code, 0, 14);
        const width = Math.max(n.item ? 7 : 8, code, pointsWidth(pointsToNumber(n.max), !n.item), weight === undefined ? 0 : headingWidth(max, 8, 14), n.item ? 0 : headingWidth(head, 8, 14));
        const column: Column = { header: `${head}${linesIn(`${head}${max}`, width) > 1 ? "\n" : ""}${max}`, kind: n.item ? "points" : "subtotal", width };
        if (!charged[at]) return [column];
        // By the line's or item's name, as a leader reads it (计入 SH named a code).
        const h = chargedHeading(t(lang, "out.charged-to", { name: xmlSafe(n.name) }));
        return [column, col(h.header, "points", h.width)];
      }),
      // Headings wrap here, as the items' do: 扣分(计入总分) on two lines.
      // Bonus and deduction wherever the kind may have them (0.00 where none was recorded, as its ranking sheet says).
      ...heads.map(([key, h]) => col(breakBeforeBracket(h), "points", pointsColumnOf(scored, key, false, Math.max(Math.min(10, headWidth(h)), longestWord(h))))),
    ];
    const rows: Iterable<Row> = {
      *[Symbol.iterator]() {
        // One array for every row: each is written before the next is made.
        const cells: Value[] = [];
        for (const { u, i } of units) {
          // Set in place, not emptied and pushed again (that gives the array new storage every row).
          let k = 0;
          cells[k++] = xmlSafe(u.name);
          cells[k++] = rankCell(u, i);
          cells[k++] = pointsToNumber(u.total);
          for (let i = 0; i < u.points.length; i++) {
            // A gate worth no points shows 0 passed or missed: it says which (0.00 beside 未达标 read as failed too).
            cells[k++] = gateNoPoints[i] ? (missedGate(u, plan?.nodes[i]?.code ?? "") ? missed : met) : pointsToNumber(u.points[i] ?? 0);
            if (charged[i]) cells[k++] = pointsToNumber(u.charges[plan?.nodes[i]?.code ?? ""] ?? 0);
          }
          for (const [key] of heads) cells[k++] = pointsToNumber(u[key]);
          cells.length = k;
          yield { cells, row: u.vetoed ? "vetoed" : "normal" };
        }
      },
    };
    // Printed several pages across: each line (its subtotal and items) whole on one page, the bonus
    // and deduction together; a line too wide for a page parted at its items, a group at its
    // children (each at the level of its depth), the first under its parent kept with the parent's subtotal.
    const starts: { col: number; level: number }[] = [];
    let at = 3;
    (plan?.nodes ?? []).forEach((n, i) => {
      if (n.depth === 0) starts.push({ col: at, level: 0 });
      else if (n.parent !== i - 1) starts.push({ col: at, level: n.depth });
      at += charged[i] ? 2 : 1;
    });
    if (heads.length) starts.push({ col: at, level: 0 });
    const name = t(lang, "out.sheet.detail-kind", { kind: kind.name });
    return {
      sheet: { kind: "detail", unitKind: kind.id, unitKindName: kind.name },
      name: "",
      title: sheetTitle(lang, cover, name),
      subtitle: subtitle(lang, results),
      columns,
      rows,
      freezeCols: 3,
      filter: false,
      ...linePages(columns, 3, starts),
      rowCount: units.length,
    };
  });
}

/**
 * 计分说明's 来源单元格 column: as wide as a cell's place on the widest sheet a note may name (the
 * sheets the units, their values and the ledger rows are on, at the most rows they may run to), 16
 * at the least: a sheet renamed 指标数据(2026年度终审稿) ran past the table's border.
 */
function sourceWidth(rubric: Rubric, sub: Submission): number {
  const sheets = new Set<string>();
  for (const u of sub.units) sheets.add(u.at.sheet);
  for (const e of sub.ledger) sheets.add(e.at.sheet);
  const codes = [...rubric.indicators.map((i) => i.code), ...rubric.targets.map((x) => x.code), ...rubric.lines.flatMap((l) => leaves(l.items).map((i) => i.code))];
  for (const code of codes) {
    const slot = sub.values.slot(code);
    if (slot === undefined) continue;
    for (let u = 0; u < sub.units.length; u++) {
      const at = sub.values.at(u, slot);
      if (at) {
        sheets.add(at.sheet);
        break;
      }
    }
  }
  // A cell as far down as the rows may run (the units, or the ledger's claims, under a few heading rows).
  const cell = `AB${"9".repeat(String(sub.units.length + sub.ledger.length + 20).length)}`;
  let widest = 0;
  for (const sheet of sheets) widest = Math.max(widest, textUnits(cellRef(sheet, cell)));
  return Math.min(SOURCE_MAX, Math.max(SOURCE_MIN, Math.ceil(widest) + 2));
}

const SOURCE_MIN = 16;
const SOURCE_MAX = 40;

/** The unit missed this gate (a veto, or one that holds its grade alone). */
function missedGate(u: UnitResult, code: string): boolean {
  return u.vetoes.some((v) => v.gate === code) || (u.holds ?? []).some((v) => v.gate === code);
}

/**
 * 计分说明: what the matrix cannot show — measured items with their values and targets, judged
 * items a ledger row was charged to (entered, charged, scored), every ledger row (counted or not,
 * and why), totals floored at 0 — each with its cell. Rows share one
 * cells array (each is written before the next is made): a province has hundreds of thousands.
 */
function* notesRows(rubric: Rubric, sub: Submission, results: ScoredUnits, members: readonly number[], lang: Lang): Generator<Row> {
  const notes = leafNotes(rubric, sub, lang);
  const ledgerNames = new Map(rubric.ledger.map((c) => [c.code, c.name]));
  const cells: Value[] = [];
  const normal: Row = { cells, row: "normal" };
  const vetoed: Row = { cells, row: "vetoed" };
  let any = false;
  for (const index of members) {
    const u = results.units[index];
    if (!u) continue;
    const name = xmlSafe(u.name);
    for (const n of notes(u, index)) {
      note(cells, name, n.item.code, n.item.name, pointsToNumber(n.points), pointsToNumber(n.item.max), n.why, n.source ? cellRef(n.source.sheet, n.source.cell) : "");
      any = true;
      yield n.vetoes ? vetoed : normal;
    }
    for (const r of u.ledger) {
      const sign = r.kind === "deduction" ? -1 : 1;
      const codeName = ledgerNames.get(r.entry.code) ?? "";
      const said = xmlSafe(r.entry.note);
      // The row's own 说明 after how it counts, in the wide column (in brackets after the code's name, in
      // the narrow 项目 column, a paragraph of it made a row nine lines tall).
      const why = ledgerWhy(lang, r, u);
      const item = codeName || said;
      note(cells, name, r.entry.code, item, r.counted && r.kind !== "single" ? sign * pointsToNumber(r.points) : null, null, said && said !== item ? message(lang, "out.ledger-why-note", { why, note: said }) : why, cellRef(r.entry.at.sheet, r.entry.at.cell));
      any = true;
      yield normal;
    }
    if (u.floored) {
      note(cells, name, t(lang, "out.total"), "", pointsToNumber(u.total), null, t(lang, "total.floored"), "");
      any = true;
      yield normal;
    }
  }
  // Nothing to note (every item judged, no ledger row): said, not a sheet of headings printed blank.
  if (!any) {
    note(cells, "", "", "", null, null, t(lang, rubric.ledger.length ? "out.notes-none" : "out.notes-none-no-ledger"), "");
    yield normal;
  }
}

/** A notes row's seven cells, set in place (emptied and pushed again, the array would get new storage every row). */
function note(cells: Value[], unit: Value, code: Value, item: Value, points: Value, max: Value, why: Value, source: Value): void {
  cells[0] = unit;
  cells[1] = code;
  cells[2] = item;
  cells[3] = points;
  cells[4] = max;
  cells[5] = why;
  cells[6] = source;
  cells.length = 7;
}

function noteCount(rubric: Rubric, u: UnitResult, measured: number): number {
  return leafNoteCount(rubric, u, measured) + u.ledger.length + (u.floored ? 1 : 0);
}

/** What the notes are made from: the units scored (their ranks and awards are not needed). */
export type ScoredUnits = Pick<Results, "rubric" | "units">;

/**
 * The notes, as one sheet or, past Excel's row limit, several; a unit never straddles two. They
 * need the units' points alone, so they can be made (and written) before the rankings are done.
 */
export function notesTables(rubric: Rubric, sub: Submission, results: ScoredUnits, lang: Lang, o: { maxRows?: number; kept?: readonly string[]; scoredOn?: Date } = {}): SheetTable[] {
  const cover = sub.cover;
  const maxRows = o.maxRows ?? MAX_DATA_ROWS;
  const unique = sheetNamer(o.kept ?? []);
  const measured = new Map(rubric.unitKinds.map((k) => [k.id, (planOf(rubric, k.id)?.leaves ?? []).filter((i) => {
    const item = planOf(rubric, k.id)?.nodes[i]?.item;
    return item !== undefined && isMeasured(item);
  }).length]));
  const groups: number[][] = [[]];
  let rows = 0;
  results.units.forEach((u, i) => {
    const n = noteCount(rubric, u, measured.get(u.kind) ?? 0);
    if (rows + n > maxRows && (groups.at(-1)?.length ?? 0) > 0) {
      groups.push([]);
      rows = 0;
    }
    groups.at(-1)?.push(i);
    rows += n;
  });
  const columns: Column[] = [
    { header: t(lang, "out.unit"), kind: "name", width: nameWidth(results.units) },
    { header: t(lang, "out.code"), kind: "text", width: 10 },
    { header: t(lang, "out.item"), kind: "wrap", width: 24 },
    // Wide enough for −100.00 (a ledger row's points may be large).
    { header: t(lang, "out.points"), kind: "points", width: 9 },
    { header: t(lang, "out.max"), kind: "points", width: 8 },
    { header: t(lang, "out.why"), kind: "wrap", width: 50 },
    { header: t(lang, "out.source"), kind: "cell", width: sourceWidth(rubric, sub) },
  ];
  return groups.map((members, g) => {
    const sheet: ResultSheet = { kind: "notes", part: g + 1 };
    const name = resultSheetName(sheet, lang);
    return {
      sheet,
      name: unique(name),
      title: sheetTitle(lang, cover, name),
      subtitle: subtitle(lang, results),
      columns,
      rows: { [Symbol.iterator]: () => notesRows(rubric, sub, results, members, lang) },
      freezeCols: 1,
      filter: true,
      pagesAcross: 1,
      ...(o.scoredOn ? { footer: footer(lang, o.scoredOn) } : {}),
    };
  });
}

/**
 * 奖惩名单: every award by category, then the tiers nobody holds. Its rows (and the widths they
 * need) are made when the sheet is written, not before: a province's second thread writes the
 * sheets before it meanwhile. They are made twice, not kept: once measured (as far as its widest
 * columns can widen), then written (a province's tens of thousands of rows are not all held at once).
 */
function awardsTable(rubric: Rubric, results: Results, cover: Cover, lang: Lang): SheetTable {
  const category = awardCategories(rubric, lang);
  const kinds = [...category.keys()];
  // A scheme that gives no money: no column of amounts, always empty.
  const money = givesMoney(rubric);
  const rows = function* (): Generator<Row> {
    let any = false;
    for (const r of awardRows(rubric, results, lang, kinds, category)) {
      any = true;
      yield money ? r : withoutAmount(r);
    }
    // None at all (a ranking of grades alone with no units, or no awards in the scheme): said in its one
    // row, not headings over a blank printed page.
    if (!any) {
      const none: Row = { cells: ["", "", t(lang, "out.awards-none"), null, ""] };
      yield money ? none : withoutAmount(none);
    }
  };
  let widths: { award: number; basis: number; amount: number } | undefined;
  const measure = (): { award: number; basis: number; amount: number } => {
    if (widths) return widths;
    const award = new Fitting(20, 50, true);
    const basis = new Fitting(16, 50, true);
    // The amounts as they print (50,000), and a pending prize's (待定 30,000, cut to 寺定 30,000 at 10).
    const amount = new Fitting(10, 20);
    const at = money ? 4 : 3;
    for (const r of rows()) {
      const full = award.add(String(r.cells[2] ?? ""));
      const sum = r.cells[3];
      const amountFull = !money || amount.add(typeof sum === "number" ? formatAmount(sum) : String(sum ?? ""));
      if (basis.add(String(r.cells[at] ?? "")) && full && amountFull) break;
    }
    widths = { award: award.width, basis: basis.width, amount: amount.width };
    return widths;
  };
  const name = resultSheetName({ kind: "awards" }, lang);
  return {
    sheet: { kind: "awards" },
    name: "",
    title: sheetTitle(lang, cover, name),
    // The money it gives, in all, under the title (a row of it would be sorted with the list).
    // And where a tie at a tier's last place gave it to more units than it has places (four 一等奖 of three).
    subtitle: withLine(subtitle(lang, results, results.units.some(unsettled) ? "marks" : undefined, outcomesWord(rubric.rankings)), moneyTotal(results, lang), tiersShared(rubric, results, lang), awardsLegend(results, lang)),
    columns: [
      // As wide as its longest category (Single-item award in English), one of five words.
      { header: t(lang, "out.category"), kind: "text", width: fit([...category.values()], 12, 24) },
      { header: t(lang, "out.unit"), kind: "name", width: nameWidth(results.units) },
      {
        header: t(lang, "out.award"),
        kind: "wrap",
        get width() {
          return measure().award;
        },
      },
      ...(money
        ? [
            {
              header: t(lang, "out.amount"),
              kind: "money" as const,
              get width() {
                return measure().amount;
              },
            },
          ]
        : []),
      {
        header: t(lang, "out.basis"),
        kind: "wrap",
        get width() {
          return measure().basis;
        },
      },
    ],
    rows: { [Symbol.iterator]: rows },
    freezeCols: 2,
    filter: true,
    pagesAcross: 1,
  };
}

/** The award list's rows: each category's awards in ranking order, then the vacant tiers. */
function* awardRows(rubric: Rubric, results: Results, lang: Lang, kinds: readonly Award["kind"][], category: ReadonlyMap<Award["kind"], string>): Generator<Row> {
  // Every ranking's order, one after the other: the one order of tied units everywhere.
  const order: number[] = [];
  const seen = new Uint8Array(results.units.length);
  const visit = (i: number): void => {
    if (seen[i]) return;
    seen[i] = 1;
    order.push(i);
  };
  for (const r of results.rankings) for (const e of r.entries) visit(e.unit);
  for (let i = 0; i < results.units.length; i++) visit(i);
  // An award's row, its basis worded as the report words it (省级认定,见 加扣分!B15; ZB5 实际 1起,目标 0起);
  // a vetoed unit's rows all red, its grade's too, as the legend says (红色为一票否决单位);
  // prizes set apart as on the rankings (a grade, 不合格 as much as 优秀, is not one), and warnings.
  const awardRow = (a: Award, u: UnitResult): Row => {
    const mark = a.kind === "warning" ? { mark: { col: 2, as: "warning" as const } } : a.kind === "rank" || a.kind === "single" ? { mark: { col: 2, as: "prize" as const } } : {};
    return { cells: [category.get(a.kind) ?? "", xmlSafe(u.name), listedOpen(u, a, lang, category.get(a.kind) ?? ""), listedAmount(u, a, lang), awardBasis(a, u, lang, rubric, "—")], row: a.kind === "veto" || u.vetoed ? "vetoed" : "normal", ...mark };
  };
  // What pending claims could still bring a unit, in that award's list (a yellow card a unit may get is seen where cards are).
  const mayWinRow = (o: OpenAward, u: UnitResult): Row => ({ cells: [category.get(o.kind) ?? "", xmlSafe(u.name), mayWin(o, lang, u), mayWinAmount(rubric, o, u, lang), xmlSafe(mayWinBasis(o, lang, u))] });
  for (const kind of kinds) {
    if (kind === "grade") {
      // Each ranking's grades in that ranking's order (a line's ranking's came in the overall ranking's:
      // 2, 3, 1, 4), the rankings in the rubric's order; a grade pending claims may bring beside.
      for (const r of results.rankings) {
        for (const e of r.entries) {
          const u = results.units[e.unit];
          if (!u) continue;
          for (const a of u.awards) if (a.kind === "grade" && a.ranking === r.id) yield awardRow(a, u);
          for (const o of unheld(u)) if (o.kind === "grade" && o.ranking === r.id) yield mayWinRow(o, u);
        }
      }
      continue;
    }
    // The awards given, then (as the report lists them) those withheld, then those pending claims may bring.
    for (const i of order) {
      const u = results.units[i];
      if (u) for (const a of u.awards) if (a.kind === kind) yield awardRow(a, u);
    }
    // A single-item award its veto withholds, among the single-item awards (a leader asked where it went).
    if (kind === "single") {
      for (const i of order) {
        const u = results.units[i];
        if (!u) continue;
        for (const w of u.withheld) {
          const { award, basis } = withheldListed(w, u, lang);
          yield { cells: [category.get("single") ?? "", xmlSafe(u.name), award, null, xmlSafe(basis)], row: "vetoed" };
        }
      }
    }
    for (const i of order) {
      const u = results.units[i];
      if (u) for (const o of unheld(u)) if (o.kind === kind) yield mayWinRow(o, u);
    }
    // The prize tiers nobody holds, after the prizes given (奖次空缺).
    if (kind === "rank") {
      for (const v of vacancies(rubric, results)) {
        const { award, basis } = vacancyCells(v, lang);
        // No unit: the cell left empty (a dash prints like 一 in a Chinese font: "一 一等奖空缺").
        yield { cells: [category.get("rank") ?? "", "", award, null, basis] };
      }
    }
  }
}

function infoTable(results: Results, cover: Cover, lang: Lang, tool: string, sheets: readonly string[], scoredOn?: Date, output?: string): SheetTable {
  const file = results.input.file.split(/[\\/]/).pop() ?? results.input.file;
  const pairs: [string, string][] = [
    [t(lang, "out.info.rubric"), `${results.rubric.id} ${results.rubric.version}`],
    [t(lang, "out.info.title"), results.rubric.title],
    [t(lang, "out.info.rubric-sha"), results.rubric.sha256],
    [t(lang, "out.info.input"), xmlSafe(file)],
    // The name it was written as: a copy kept under another (青山区2026-9月.xlsx, to compare with
    // later) is not replaced by a slip of -o naming it.
    ...(output !== undefined ? [[t(lang, "out.info.output"), xmlSafe(output)] as [string, string]] : []),
    // The cover's district: another district's result (its workbook named alike) is not replaced.
    ...(cover.district?.trim() ? [[t(lang, "out.info.district"), xmlSafe(cover.district.trim())] as [string, string]] : []),
    // And its year: last year's workbook of the same name is not this year's.
    ...(cover.year?.trim() ? [[t(lang, "out.info.year"), xmlSafe(cover.year.trim())] as [string, string]] : []),
    [t(lang, "out.info.input-sha"), results.input.sha256],
    [t(lang, "out.info.tool"), tool],
    ...(scoredOn ? [[t(lang, "out.info.scored-on"), dayText(lang, scoredOn)] as [string, string]] : []),
    // The sheets this run added (this one last): scored again, exactly these are replaced.
    [t(lang, "out.info.sheets"), sheets.join(SHEETS_SEPARATOR)],
  ];
  const name = resultSheetName({ kind: "info" }, lang);
  return {
    sheet: { kind: "info" },
    name: "",
    title: sheetTitle(lang, cover, name),
    subtitle: subtitle(lang, results),
    columns: [
      // As wide as its longest field name (Input workbook SHA-256 was cut short).
      { header: t(lang, "out.info.key"), kind: "text", width: fit(pairs.map(([k]) => k), 24, 40) },
      // A SHA-256 (64 characters) on one line.
      { header: t(lang, "out.info.value"), kind: "wrap", width: 80 },
    ],
    rows: pairs.map((r) => ({ cells: r })),
    freezeCols: 0,
    filter: false,
    pagesAcross: 1,
  };
}

/**
 * Every result sheet, in workbook order. `notes`: the notes tables made already (notesTables, from
 * these results' units), kept as they are (the writer may have started on them). `kept`: the
 * names of the user's sheets the workbook keeps: ours are named beside them as the writer would
 * (综合排名 (2) beside a user's 综合排名), and the provenance sheet records the names they get.
 * `scoredOn`: the day it was scored, on every printed page and in the provenance (a printed
 * ranking whose claims are still pending is read as of its day).
 */
export function resultTables(rubric: Rubric, sub: Submission, results: Results, lang: Lang, tool: string, o: { maxRows?: number; notes?: readonly SheetTable[]; kept?: readonly string[]; scoredOn?: Date; output?: string } = {}): SheetTable[] {
  const cover = sub.cover;
  const kept = o.kept ?? [];
  const first = results.rankings.find((r) => r.entries.length > 0) ?? results.rankings[0];
  // The notes first: named already where they were made ahead.
  const notes = o.notes ?? notesTables(rubric, sub, results, lang, { ...(o.maxRows !== undefined ? { maxRows: o.maxRows } : {}), kept, ...(o.scoredOn ? { scoredOn: o.scoredOn } : {}) });
  const unique = sheetNamer(kept, notes.map((n) => n.name));
  const named = (s: SheetTable): SheetTable => ({ ...s, name: unique(resultSheetName(s.sheet, lang)) });
  // A ranking with no units (no departments this year, no 街道 in 街道组) has no sheet: an empty
  // one printed as a blank page, as the detail of a kind with no units is left out.
  const ranked = results.rankings.filter((r) => r.entries.length > 0);
  const before = [...ranked.map((r) => named(rankingTable(rubric, r, results, cover, lang, r === first))), ...matrixTables(rubric, results, cover, lang).map(named)];
  const awards = named(awardsTable(rubric, results, cover, lang));
  const infoName = unique(resultSheetName({ kind: "info" }, lang));
  const sheets = [...before, ...notes, awards].map((s) => s.name);
  const info = { ...infoTable(results, cover, lang, tool, [...sheets, infoName], o.scoredOn, o.output), name: infoName };
  const dated = (s: SheetTable): SheetTable => (o.scoredOn && s.footer === undefined ? { ...s, footer: footer(lang, o.scoredOn) } : s);
  return [...before, ...notes, awards, info].map(dated);
}

/** A printed page's footer: the day scored (left), the sheet and its page (centre). */
function footer(lang: Lang, scoredOn: Date): string {
  return t(lang, "out.footer-dated", { date: dayText(lang, scoredOn).replaceAll("&", "&&") });
}

/**
 * Names for our sheets beside the user's sheets that stay (`kept`) and ours named already
 * (`ours`): each as intended, or made unique (case aside) as the workbook's writer does.
 */
function sheetNamer(kept: readonly string[], ours: readonly string[] = []): (intended: string) => string {
  const taken = new Set([...kept, ...ours].map((n) => n.toLowerCase()));
  return (intended) => uniqueSheetName(intended, taken);
}

/** The header row's cells and styles, the body styles of each row kind: what the writer lays out. */
export function tableStyles(columns: readonly Column[]): { header: number[]; body: Record<RowKind, number[]>; headerHeight: number } {
  return {
    header: columns.map((c) => headerStyle(c.kind)),
    body: { normal: columns.map((c) => bodyStyle(c.kind, "normal")), vetoed: columns.map((c) => bodyStyle(c.kind, "vetoed")) },
    headerHeight: headerHeight(
      columns.map((c) => c.header),
      columns.map((c) => c.width),
    ),
  };
}

export { markStyle, STYLE_SUBTITLE, STYLE_SUBTITLE_LINES, STYLE_TITLE };

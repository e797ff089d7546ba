// Where the report's tables go on the Excel sheet's column grid, how tall their rows must be for
// wrapped text, and where pages should break so that no table is split or left headless.
import { breakBeforeBracket } from "../sheet-style.js";
import { textUnits } from "../../model/width.js";

/** Column widths (characters): the overall table spans A–K; two line rankings sit side by side. */
const BASE = [10, 16, 12, 12, 10, 10, 10, 16, 12, 12, 10];
export const RIGHT_OFFSET = 6;
export const BODY_SIZE = 10.5;
export const LINE_PT = 14;
export const MIN_ROW_PT = 17;

export type Span = readonly [number, number];

/** The first column's width at most, widened for what it holds (an English award category). */
const FIRST_MAX = 22;

/** The unit columns' width at most (then a name wraps). */
const UNIT_MAX = 30;

/** Width the overall table's awards may be given beyond the grid's, at most (the page then prints a little smaller). */
const AWARDS_EXTRA_MAX = 20;

/**
 * The grid; `first`: the widest text the first column holds on one line (the award list's
 * categories); `awards`: the overall tables' awards texts (those of a table of `overallColumns`
 * columns), for which one more column is added where their span would wrap one onto more than
 * two lines (an English award's words run longer than its Chinese); `unit`: the widest unit name;
 * `ranks`: the widest rank with its range (165(165–179)), for the first column and the right-hand
 * line ranking's.
 */
export function gridWidths(overallColumns: number, first = 0, awards: readonly string[] = [], unit = 0, ranks = 0): number[] {
  const w = [...BASE];
  w[0] = Math.max(w[0] ?? 10, Math.min(FIRST_MAX, Math.ceil(Math.max(first, ranks) + 1.2)));
  if (ranks > 0) w[RIGHT_OFFSET] = Math.max(w[RIGHT_OFFSET] ?? 10, Math.min(FIRST_MAX, Math.ceil(ranks + 1.2)));
  // The unit columns (B, and H of the line ranking beside) as wide as the longest name, within
  // reason (某某镇人民政府（含开发区管委会） wraps onto two lines, not three or four).
  // (Less the indent and padding as linesFor measures: 8 characters, 16 units, in a column of 17 took two lines.)
  const names = Math.max(BASE[1] ?? 16, Math.min(UNIT_MAX, Math.ceil(unit + 1.2)));
  w[1] = names;
  w[RIGHT_OFFSET + 1] = Math.max(w[RIGHT_OFFSET + 1] ?? 16, names);
  while (w.length < overallColumns + 1) w.push(12);
  // The longest few are enough to measure (a province's list is long).
  const longest = [...awards].sort((a, b) => textWidth(b) - textWidth(a)).slice(0, 20);
  const span = spanWidth(w, [overallColumns - 1, w.length - 1]);
  let extra = 0;
  while (extra < AWARDS_EXTRA_MAX && longest.some((t) => linesFor(t, span + extra) > 2)) extra += 2;
  if (extra > 0) w.push(extra);
  return w;
}

/** Overall: one grid column each; the last (awards) stretches to the grid's end. */
export function overallSpans(n: number, grid: number): Span[] {
  return Array.from({ length: n }, (_, i): Span => (i === n - 1 ? [i, grid - 1] : [i, i]));
}

/** A line ranking (rank, unit, points, max, share) at column offset 0 or RIGHT_OFFSET. */
export function lineSpans(n: number, offset: number): Span[] {
  return Array.from({ length: n }, (_, i): Span => [offset + i, offset + i]);
}

/** The grid column an award list's amounts are in (G). */
export const AWARD_AMOUNT_COLUMN = 6;

/** Award list: category, unit, text (C–F), amount (G), basis (H to the end; G too, without amounts: a scheme that gives no money). */
export function awardSpans(grid: number, money = true): Span[] {
  const basis: Span[] = money
    ? [
        [AWARD_AMOUNT_COLUMN, AWARD_AMOUNT_COLUMN],
        [AWARD_AMOUNT_COLUMN + 1, grid - 1],
      ]
    : [[6, grid - 1]];
  return [[0, 0], [1, 1], [2, 5], ...basis];
}

export function spanWidth(widths: readonly number[], s: Span): number {
  let sum = 0;
  for (let i = s[0]; i <= s[1]; i++) sum += widths[i] ?? 0;
  return sum;
}

/** Width of text in column units at the body size, as the result sheets measure it: CJK and
 * full-width forms two, other text more than one (宋体's half-width Latin is one; the fonts that
 * stand in for it where it is not there run wider: "One-vote veto" printed on two lines in a row
 * sized for one at 1.05). */
export function textWidth(s: string): number {
  return textUnits(s);
}

/** A heading too long for its column, broken before its bracket where it has one. */
export function headingLines(s: string, width: number): string {
  return linesFor(s, width) > 1 ? breakBeforeBracket(s) : s;
}

/** Lines wrapped text needs in a span of the given width: CJK breaks anywhere, Latin at spaces
 * and hyphens, a word longer than the line wherever it must. */
export function linesFor(s: string, width: number): number {
  const usable = Math.max(4, width - 1.2); // less the indent and the cell padding
  let lines = 0;
  for (const part of s.split("\n")) {
    lines += 1;
    let cur = 0;
    for (const tok of part.match(/[\u2e80-\uffff]|\s+|[^\s\u2e80-\uffff-]+-?|-/g) ?? []) {
      const w = textWidth(tok);
      if (/^\s+$/.test(tok) || cur + w <= usable) {
        cur += w;
        continue;
      }
      if (cur > 0) lines += 1;
      lines += Math.ceil(w / usable) - 1;
      cur = w - (Math.ceil(w / usable) - 1) * usable;
    }
  }
  return Math.max(1, lines);
}

export function rowHeight(lines: number): number {
  return Math.max(MIN_ROW_PT, lines * LINE_PT + 4);
}

/**
 * A row's height as a spreadsheet program shows it: whole pixels at 96 dpi (32 pt is drawn 32.25).
 * Every row of the report is given its height, so a page holds exactly the sum of these.
 */
export function shownHeight(pt: number): number {
  return Math.ceil(pt / 0.75 - 1e-9) * 0.75;
}

/** What a page keeps free besides: the printer's own rounding. */
const PAGE_SLACK_PT = 4;

/**
 * Printable height of an A4 landscape page in points, less margins and the repeated title rows.
 * Its rows all have their heights set, and the program only ever prints the grid smaller (fitted
 * to the page's width), never larger: a page holds at least this much.
 */
export function pageCapacity(widths: readonly number[], margins: { top: number; bottom: number; left: number; right: number }, titles: readonly number[]): number {
  const pageH = 595.3 - (margins.top + margins.bottom) * 72;
  const pageW = 841.9 - (margins.left + margins.right) * 72;
  const gridPt = widths.reduce((a, w) => a + (w * 7 + 5) * 0.75, 0);
  const scale = Math.min(1, pageW / gridPt);
  return pageH / scale - titles.reduce((a, h) => a + shownHeight(h), 0) - PAGE_SLACK_PT;
}

export interface Block {
  /** Height of the heading and header rows, repeated on every page the block spans. */
  readonly head: number;
  /** Height of each body row. */
  readonly rows: readonly number[];
  /** Space after the block. */
  readonly gap: number;
  /** Never alone at the top of a page: this many rows of the block before come along. */
  readonly withPrevious?: number;
  /** Rows carried over to a next page at least (MIN_ROWS where not said). */
  readonly carried?: number;
}

/** A part of a block on one page: body rows [from, to), after a page break or not. */
export interface Chunk {
  readonly from: number;
  readonly to: number;
  readonly breakBefore: boolean;
  readonly continued: boolean;
}

/** Of a page, the room left past which a block that fits a page of its own may start on this one, where that saves a page. */
const ROOM_TO_START = 0.4;

/** Fewer body rows than this are never left under a heading at a page end, nor carried over alone to the next page. */
const MIN_ROWS = 3;

/**
 * Splits blocks into page chunks: a block that fits a page is not split (it moves to the next
 * page whole); a longer one is split between rows, with its head repeated on the next page. Where
 * starting the blocks that fit a page on a page with much room left takes fewer pages, they do.
 */
export function planPages(blocks: readonly Block[], capacity: number): Chunk[][] {
  const whole = planWith(blocks, capacity, 1);
  const filled = planWith(blocks, capacity, ROOM_TO_START);
  return pageCount(filled) < pageCount(whole) ? filled : whole;
}

/** Pages a plan takes. */
function pageCount(plan: readonly (readonly Chunk[])[]): number {
  return 1 + plan.flat().filter((c) => c.breakBefore).length;
}

/** The plan where a block that fits a page starts on this one if at least `room` of a page is left. */
function planWith(blocks: readonly Block[], capacity: number, room: number): Chunk[][] {
  let used = 0;
  let pendingBreak = false;
  const plan = blocks.map((b) => {
    const chunks: Chunk[] = [];
    const n = b.rows.length;
    // Each height as it is drawn (whole pixels), the block's head and rows alike.
    const rows = b.rows.map(shownHeight);
    const head = shownHeight(b.head);
    const total = head + rows.reduce((a, h) => a + h, 0);
    let i = 0;
    for (;;) {
      let k = i;
      let h = used + head;
      while (k < n && h + (rows[k] ?? 0) <= capacity) h += rows[k++] ?? 0;
      // Nor fewer than that carried over alone under the head repeated on the next page (an 11-row
      // table parted 9 and 2): as many more go with them (or the whole block, below).
      const carried = b.carried ?? MIN_ROWS;
      if (k < n && n - k < carried) k = Math.max(i, n - carried);
      // A block that fits a page goes to the next whole, unless this page has `room` left (a small
      // table alone on a page two-thirds blank): then it starts here, its head repeated after.
      const wholeLater = i === 0 && k < n && total <= capacity && capacity - used < capacity * room;
      const tooFew = k - i < Math.min(MIN_ROWS, n - i);
      if (used > 0 && (wholeLater || tooFew)) {
        used = 0;
        pendingBreak = true;
        continue;
      }
      if (k === i && n > 0) h += rows[k++] ?? 0; // a row taller than a page: place it anyway
      chunks.push({ from: i, to: k, breakBefore: pendingBreak, continued: i > 0 });
      pendingBreak = false;
      used = h;
      i = k;
      if (i >= n) break;
      used = 0;
      pendingBreak = true;
    }
    used += shownHeight(b.gap);
    return chunks;
  });
  plan.forEach((chunks, k) => {
    const pull = blocks[k]?.withPrevious;
    const first = chunks[0];
    const before = plan[k - 1];
    if (!pull || !first?.breakBefore || !before) return;
    const last = before[before.length - 1];
    if (!last) return;
    chunks[0] = { ...first, breakBefore: false };
    // Parted only where as many as a page end keeps under a heading stay behind (else the whole chunk comes along).
    if (last.to - last.from - pull >= MIN_ROWS) {
      before.splice(before.length - 1, 1, { ...last, to: last.to - pull }, { from: last.to - pull, to: last.to, breakBefore: true, continued: true });
    } else {
      before[before.length - 1] = { ...last, breakBefore: true };
    }
  });
  return plan;
}

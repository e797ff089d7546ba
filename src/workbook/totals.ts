// A row's total as a clerk types it beside its items (a 合计 column, or one past the last heading):
// the tool works totals out from the items and reads no such column, but one that disagrees with
// its row's items on a form where it agrees on the others is a slip in an item or in the total,
// and the leader's paper and the tool's results would differ. Found per sheet, said per row.
import type { JudgedItem } from "../rubric/model.js";
import type { RawCell } from "../xlsx/read/index.js";
import { isBlank } from "./cells.js";
import { numberText } from "../model/numbers.js";

/** A row's items added up as a clerk may: as they stand, points less what is taken off (扣分 columns), or each item's points. In hundredths. */
export interface RowSums {
  readonly sum: number;
  readonly net: number;
  readonly points: number;
}

const WAYS = ["sum", "net", "points"] as const;
type Way = (typeof WAYS)[number];

/** The row's items (its coded columns' numbers) added up each way; undefined where one holds words (already said there). */
export function rowSums(cells: readonly (RawCell | undefined)[], cols: ReadonlyMap<number, JudgedItem | string>): RowSums | undefined {
  let sum = 0;
  let net = 0;
  let points = 0;
  for (const [col, item] of cols) {
    const c = cells[col];
    if (isBlank(c)) continue;
    if (c?.value.t !== "n") return undefined;
    const v = Math.round(c.value.v * 100);
    const deducted = typeof item !== "string" && item.kind === "deducted" ? item.max : undefined;
    sum += v;
    net += deducted === undefined ? v : -v;
    points += deducted === undefined ? v : deducted - v;
  }
  return { sum, net, points };
}

/** A rate typed as text (95%, 95 ％). */
const TEXT_RATE = /^\s*-?\d+(?:\.\d+)?\s*[%％]\s*$/;

/** No sums: where totals are not looked for. */
const NO_SUMS: RowSums = { sum: 0, net: 0, points: 0 };

/** A number (not 0) that is its row's items added up one of the ways: a total typed beside them. */
export function isRowTotal(sums: RowSums | undefined, value: number): boolean {
  const h = Math.round(value * 100);
  return sums !== undefined && value !== 0 && (sums.sum === h || sums.net === h || sums.points === h);
}

/**
 * Headings of a column of totals (合计, 总分, 得分合计, 合计(分)…). A column headed otherwise (自评分,
 * 上年得分, 复核得分, 备注) holds other figures, however often they equal the items' sum.
 */
const TOTAL_HEADING = /^(合计|总计|总分|得分|总得分|实得分|得分合计|合计得分|小计|汇总|total|totals|sum|score)$/i;

function isTotalHeading(text: string): boolean {
  return TOTAL_HEADING.test(text.replace(/[(（][^)）]*[)）]$/, "").replace(/[\s\u3000]+/g, ""));
}

/** A typed total that is not what its row's items add up to. */
export interface TotalOff {
  readonly sheet: string;
  readonly cell: RawCell;
  readonly unit: string;
  /** The total typed, in hundredths. */
  readonly value: number;
  /** The items added up the way the column's other rows are, in hundredths. */
  readonly sum: number;
  /** The column's heading (合计, 小计, 总分…), where it has one. */
  readonly header?: string;
  /** The line the sheet's items are of (what a ledger row charged to a line or an item may reach). */
  readonly line?: string;
  /** The column's totals are whole numbers: rounded, less than 1 off agrees. */
  readonly whole?: boolean;
}

/** A typed number beside a row's items (in hundredths), with those items added up each way. */
interface Typed {
  readonly cell: RawCell;
  readonly unit: string;
  readonly value: number;
  readonly sums: RowSums;
}

/** A column of numbers that is read for nothing: no item's code over it, no column of totals. */
export interface UnreadColumn {
  readonly col: number;
  /** Its heading, where it has one. */
  readonly header?: string;
  /** Unit rows with a number in it. */
  readonly count: number;
}

/**
 * Watches a line sheet's unit rows for a column of totals: each number outside the coded columns
 * (right of the name), in a column headed as totals are or not headed at all, against its row's
 * items. At the sheet's end, a column is one of totals where its rows agree with their items the
 * same way (as they stand, less what is taken off, or as points) on at least two rows and on
 * twice as many as they do not (headed 合计: on one row, and as many as they do not); its other
 * rows are the slips. A column of whole numbers is of totals rounded: less than 1 off its sum agrees.
 * It finds on the way the columns of numbers among the items that nothing reads (unread).
 */
export class TotalsWatch {
  private readonly columns = new Map<number, Typed[]>();
  /** Columns headed otherwise than totals, among the coded ones: how many rows hold a number. */
  private readonly others = new Map<number, number>();
  /** Numbers stored as text among the items, by column: how many rows hold one. */
  private readonly textNumbers = new Map<number, number>();
  /** Columns found to be of totals (end). */
  private readonly totalsCols = new Set<number>();
  private readonly firstCoded: number;
  private readonly lastCoded: number;

  constructor(
    private readonly sheet: string,
    private readonly role: { readonly nameCol: number; readonly groupCol?: number | undefined; readonly columns: ReadonlyMap<number, JudgedItem | string>; readonly passed?: readonly number[] | undefined },
    private readonly headers: ReadonlyMap<number, string>,
    private readonly line: string | undefined,
    /** Totals looked for (a line sheet's); not among indicators, where its unread columns alone are (a rate typed as text 95% stops no row). */
    private readonly totals = true,
  ) {
    const coded = [...role.columns.keys()];
    this.firstCoded = Math.min(...coded);
    this.lastCoded = Math.max(...coded);
  }

  row(cells: readonly (RawCell | undefined)[], unit: string): void {
    const { nameCol, groupCol, columns, passed } = this.role;
    let sums: RowSums | undefined | null = null;
    for (let col = nameCol + 1; col < cells.length; col++) {
      const c = cells[col];
      if (c === undefined || columns.has(col) || col === groupCol || passed?.includes(col)) continue;
      // A number stored as text (a column formatted 文本, pasted from another system) is one too, as an item's cell reads it;
      // it is no typed total to compare, but it goes unread as a number would.
      // (Among indicators, a rate typed as text too: 95%.)
      if (c.value.t === "s" && col > this.firstCoded && col < this.lastCoded && (numberText(c.value.v) !== undefined || (!this.totals && TEXT_RATE.test(c.value.v)))) {
        this.textNumbers.set(col, (this.textNumbers.get(col) ?? 0) + 1);
        continue;
      }
      if (c.value.t !== "n") continue;
      const header = this.headers.get(col);
      if (header !== undefined && !isTotalHeading(header)) {
        // Headed otherwise among the items (加分项 inserted between two): an item whose code was left off, likely.
        if (col > this.firstCoded && col < this.lastCoded) this.others.set(col, (this.others.get(col) ?? 0) + 1);
        continue;
      }
      if (!this.totals) {
        let list = this.columns.get(col);
        if (!list) this.columns.set(col, (list = []));
        list.push({ cell: c, unit, value: Math.round(c.value.v * 100), sums: NO_SUMS });
        continue;
      }
      if (sums === null) sums = rowSums(cells, columns);
      if (sums === undefined) return;
      const value = Math.round(c.value.v * 100);
      // (A row with nothing in it and 0 beside: no telling.)
      if (value === 0 && sums.sum === 0) continue;
      let list = this.columns.get(col);
      if (!list) this.columns.set(col, (list = []));
      list.push({ cell: c, unit, value, sums });
    }
  }

  /** The rows whose typed total disagrees, in a column that is the rows' totals. */
  end(): TotalOff[] {
    const out: TotalOff[] = [];
    if (!this.totals) return out;
    for (const [col, typed] of this.columns) {
      const header = this.headers.get(col);
      const whole = typed.every((t) => t.value % 100 === 0);
      const agrees = (t: Typed, way: Way): boolean => (whole ? Math.abs(t.value - t.sums[way]) < 100 : t.value === t.sums[way]);
      // The way the column adds its rows up: the one most of them agree with.
      const counts = WAYS.map((way) => typed.filter((t) => agrees(t, way)).length);
      const agreed = Math.max(...counts);
      const way = WAYS[counts.indexOf(agreed)] ?? "sum";
      const off = typed.filter((t) => !agrees(t, way));
      const enough = header !== undefined ? agreed >= 1 && agreed >= off.length : agreed >= 2 && agreed >= off.length * 2;
      if (enough) this.totalsCols.add(col);
      if (!off.length || !enough) continue;
      for (const t of off) out.push({ sheet: this.sheet, cell: t.cell, unit: t.unit, value: t.value, sum: t.sums[way], ...(header !== undefined ? { header } : {}), ...(this.line !== undefined ? { line: this.line } : {}), ...(whole ? { whole } : {}) });
    }
    return out;
  }

  /**
   * After end: the columns of numbers among the items (between the first coded column and the
   * last; not headed, also between the name and the first, or past the last) that nothing reads — not headed, and no column of totals, or headed otherwise (加分项): an
   * item whose code was left off, likely. Past the items a headed column is the office's own
   * (自评分, 上年得分), and one headed as totals (合计) holds totals of some kind: neither is said;
   * one not headed, not of the rows' totals, is.
   */
  unread(): UnreadColumn[] {
    const out: UnreadColumn[] = [];
    for (const [col, typed] of this.columns) {
      const among = col > this.firstCoded && col < this.lastCoded;
      // Past the items, a column of numbers with no heading (a block pasted with a column of its
      // own before the last item's: that item's points, unread): said too; one number alone there
      // is said at itself (value-past-headings).
      const past = col > this.lastCoded && typed.length >= 2;
      // Before the first item, after the name, likewise (an item's points pasted there without its
      // heading went unread unsaid), but a run 1, 2, 3… (a 序号 put after the name).
      const before = col < this.firstCoded && typed.length >= 2 && !typed.every((t, i) => t.value === (typed[0]?.value ?? 0) + i * 100);
      if (!(among || past || before) || this.totalsCols.has(col) || this.headers.has(col)) continue;
      out.push({ col, count: typed.length });
    }
    for (const [col, count] of this.others) out.push({ col, count, header: this.headers.get(col) ?? "" });
    // Numbers stored as text: with those stored as numbers in the same column, where it has some.
    for (const [col, count] of this.textNumbers) {
      const at = out.findIndex((c) => c.col === col);
      const had = out[at];
      if (had) out[at] = { ...had, count: had.count + count };
      else {
        const header = this.headers.get(col);
        if (!this.totalsCols.has(col) && !(header !== undefined && isTotalHeading(header))) out.push({ col, count, ...(header !== undefined ? { header } : {}) });
      }
    }
    return out.sort((a, b) => a.col - b.col);
  }
}

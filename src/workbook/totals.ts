// A row's total as a clerk types it beside its items (a 合计 column, or one past the last heading):
// the tool works totals out from the items and reads no such column, but one that disagrees with
// its row's items on a form where it agrees on the others is a slip in an item or in the total,
// and the leader's paper and the tool's results would differ. Found per sheet, said per row.
import type { JudgedItem } from "../rubric/model.js";
import type { RawCell } from "../xlsx/read/index.js";
import { isBlank } from "./cells.js";

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

/** A number (not 0) that is its row's items added up one of the ways: a total typed beside them. */
export function isRowTotal(sums: RowSums | undefined, value: number): boolean {
  const h = Math.round(value * 100);
  return sums !== undefined && value !== 0 && (sums.sum === h || sums.net === h || sums.points === h);
}

/** A typed total that is not what its row's items add up to. */
export interface TotalOff {
  readonly sheet: string;
  readonly cell: RawCell;
  readonly unit: string;
  /** The items added up the way the column's other rows agree with, in hundredths. */
  readonly sum: number;
  /** The column's heading (合计, 小计, 总分…), where it has one. */
  readonly header?: string;
}

/** A column's rows: how many agree with their items (each way), and those that do not. */
interface Column {
  readonly agree: Record<Way, number>;
  readonly off: { cell: RawCell; unit: string; sums: RowSums }[];
}

/**
 * Watches a line sheet's unit rows for a column of totals: each number outside the coded columns
 * (right of the name) against its row's items. At the sheet's end, a column whose numbers agree
 * on at least two rows and on twice as many as they do not is a column of totals: its other rows
 * are the slips.
 */
export class TotalsWatch {
  private readonly columns = new Map<number, Column>();

  constructor(
    private readonly sheet: string,
    private readonly role: { readonly nameCol: number; readonly groupCol?: number | undefined; readonly columns: ReadonlyMap<number, JudgedItem | string> },
    private readonly headers: ReadonlyMap<number, string>,
  ) {}

  row(cells: readonly (RawCell | undefined)[], unit: string): void {
    const { nameCol, groupCol, columns } = this.role;
    let sums: RowSums | undefined | null = null;
    for (let col = nameCol + 1; col < cells.length; col++) {
      const c = cells[col];
      if (c?.value.t !== "n" || columns.has(col) || col === groupCol) continue;
      if (sums === null) sums = rowSums(cells, columns);
      if (sums === undefined) return;
      const h = Math.round(c.value.v * 100);
      // (A row with nothing in it and 0 beside: no telling.)
      if (h === 0 && sums.sum === 0) continue;
      let column = this.columns.get(col);
      if (!column) this.columns.set(col, (column = { agree: { sum: 0, net: 0, points: 0 }, off: [] }));
      if (isRowTotal(sums, c.value.v)) {
        for (const way of WAYS) if (sums[way] === h) column.agree[way]++;
      } else column.off.push({ cell: c, unit, sums });
    }
  }

  /** The rows whose typed total disagrees, in a column that is the rows' totals. */
  end(): TotalOff[] {
    const out: TotalOff[] = [];
    for (const [col, { agree, off }] of this.columns) {
      const way = WAYS.reduce((best, w) => (agree[w] > agree[best] ? w : best), "sum" as Way);
      const agreed = Math.max(...WAYS.map((w) => agree[w]));
      if (!off.length || agreed < 2 || off.length * 2 > agreed) continue;
      const header = this.headers.get(col);
      for (const o of off) out.push({ sheet: this.sheet, cell: o.cell, unit: o.unit, sum: o.sums[way], ...(header ? { header } : {}) });
    }
    return out;
  }
}

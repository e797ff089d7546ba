// The September report as a print-ready Excel workbook: one sheet, A4 landscape fitted to the
// page width, title rows repeated on every page, page numbers in the footer, data bars on totals.
import type { Alignment, Borders, Cell as XCell, CellValue, Color, DataBarRuleType, Fill, Font, Style, Worksheet } from "exceljs";
import type { Cell, Column, Report, Row, Table } from "./model.js";
import { colName } from "../../xlsx/refs.js";
import { AWARD_AMOUNT_COLUMN, awardSpans, BODY_SIZE, gridWidths, textWidth, headingLines, linesFor, lineSpans, MIN_ROW_PT as MIN_ROW, overallSpans, pageCapacity, planPages, RIGHT_OFFSET, rowHeight, spanWidth, type Block, type Span } from "./layout.js";
import { totalsRange } from "./chart.js";
import { stampZip } from "../../xlsx/write/zip-stamp.js";
import { boldTextUnits } from "../../model/width.js";
import { POINTS_FORMAT } from "../sheet-style.js";

const FONT = "宋体";
const TITLE_FONT = "黑体";
const THIN = { style: "thin", color: { argb: "FF7F7F7F" } } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const HEADER_FILL = solid("FFDDEBF7");
const MARK_FILL = { veto: solid("FFFCE4E4"), warning: solid("FFFFF2CC") } as const;
const VETO_COLOR = "FFC00000";
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.55, header: 0.25, footer: 0.25 };
const TITLE_ROWS = 2;
const TITLE_HEIGHTS = [30, 20];
const NUM_FMT: Partial<Record<Column["kind"], string>> = { share: "0.00%", money: "#,##0", points: POINTS_FORMAT };

/** The letters of a 0-based column index. */
const colLetter = (i: number): string => colName(i + 1);

function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT, size: BODY_SIZE, ...extra };
}

function align(kind: Column["kind"]): Partial<Alignment> {
  const horizontal = kind === "rank" ? "center" : kind === "name" || kind === "text" ? "left" : "right";
  // Text and numbers keep a character's distance from the cell's border.
  const indent = kind === "rank" ? 0 : 1;
  return { horizontal, vertical: "middle", wrapText: kind === "text" || kind === "name", ...(indent ? { indent } : {}) };
}

interface Part {
  readonly table: Table;
  readonly spans: readonly Span[];
}

/** Lines the text cells of a body row need. */
function rowLines(columns: readonly Column[], r: Row, spans: readonly Span[], widths: readonly number[]): number {
  return columns.reduce((n, c, i) => {
    const v = r.cells[i];
    const s = spans[i];
    return typeof v === "string" && s && (c.kind === "text" || c.kind === "name") ? Math.max(n, linesFor(v, spanWidth(widths, s))) : n;
  }, 1);
}

/**
 * A header's span measured for its bold text: its Latin a tenth wider than the body's ("% of max"
 * took two lines in a row of one); bold CJK is as wide as plain.
 */
function headSpan(widths: readonly number[], span: Span, header: string): number {
  const plain = textWidth(header);
  return plain > 0 ? (spanWidth(widths, span) * plain) / boldTextUnits(header) : spanWidth(widths, span);
}

function headerHeight(p: Part, widths: readonly number[]): number {
  return Math.max(...p.table.columns.map((c, i) => {
    const width = headSpan(widths, p.spans[i] ?? [0, 0], c.header);
    return rowHeight(linesFor(headingLines(c.header, width), width));
  }));
}

function bodyHeights(p: Part, widths: readonly number[]): number[] {
  if (p.table.rows.length === 0) return [rowHeight(1)];
  return p.table.rows.map((r) => rowHeight(rowLines(p.table.columns, r, p.spans, widths)));
}

const whole = (spans: readonly Span[]): Span => [spans[0]?.[0] ?? 0, spans[spans.length - 1]?.[1] ?? 0];

/** exceljs 4.4's private list of a sheet's merged ranges (the version is pinned in package.json). */
interface WithMerges {
  _merges: Record<string, unknown>;
}

/** Paints the report onto one worksheet. */
class Painter {
  /** Ranges of the totals column, for one data-bar rule over all of them. */
  readonly bars: { table: Table; refs: string[]; bottom: number }[] = [];
  /**
   * Our merged ranges, collected aside: exceljs checks each new merge against every earlier one,
   * which made a province's report (hundreds of thousands of merges) take hours. Ours never
   * overlap, so each merge is made against an empty list and the list is handed back at the end.
   */
  private readonly merges: Record<string, unknown> = {};
  private readonly styles = new Map<string, Partial<Style>>();
  constructor(
    readonly ws: Worksheet,
    readonly widths: readonly number[],
  ) {}

  private merge(row: number, span: Span): void {
    const ws = this.ws as unknown as WithMerges;
    ws._merges = {};
    this.ws.mergeCells(row, span[0] + 1, row, span[1] + 1);
    Object.assign(this.merges, ws._merges);
    ws._merges = this.merges;
  }

  get last(): number {
    return this.widths.length - 1;
  }

  /** Writes value into the span (merged when wider than one column) and returns the master cell. */
  put(row: number, span: Span, value: Cell | CellValue, style: { font?: Partial<Font>; fill?: Fill; alignment?: Partial<Alignment>; border?: boolean; numFmt?: string }): XCell {
    if (span[1] > span[0]) this.merge(row, span);
    const edge = this.shared({ ...(style.border ? { border: BORDER } : {}), ...(style.fill ? { fill: style.fill } : {}) });
    for (let c = span[0] + 1; c <= span[1]; c++) this.ws.getCell(row, c + 1).style = edge;
    const cell = this.ws.getCell(row, span[0] + 1);
    // Strings stay strings: a name like "=1+1" is a text cell, never a formula.
    cell.value = value;
    cell.style = this.shared({ ...edge, font: style.font ?? font(), ...(style.alignment ? { alignment: style.alignment } : {}), ...(style.numFmt ? { numFmt: style.numFmt } : {}) });
    return cell;
  }

  /**
   * One style object for every cell that looks the same (exceljs otherwise keeps a style per
   * cell: gigabytes for a province). Cells' styles are set whole and never changed afterwards.
   */
  private shared(style: Partial<Style>): Partial<Style> {
    const key = JSON.stringify(style);
    const known = this.styles.get(key);
    if (known) return known;
    this.styles.set(key, style);
    return style;
  }

  title(r: Report): void {
    this.put(1, [0, this.last], r.title, { font: { name: TITLE_FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } });
    this.put(2, [0, 4], r.subtitle, { font: font({ size: 11, bold: true }), alignment: { horizontal: "left", vertical: "middle" } });
    this.put(2, [RIGHT_OFFSET, this.last], r.dateLine, { font: font({ size: 11 }), alignment: { horizontal: "right", vertical: "middle" } });
    TITLE_HEIGHTS.forEach((h, i) => (this.ws.getRow(i + 1).height = h));
    this.ws.getRow(TITLE_ROWS + 1).height = 6;
  }

  /** Heading and header row of a table at row, row + 1. */
  head(p: Part, row: number, continued: boolean): void {
    const t = p.table;
    const note = t.note ? [{ text: ` ${t.note}`, font: font({ size: NOTE_SIZE, color: { argb: "FF595959" } }) }] : [];
    // Wrapped: a long note (a scheme's tie-breakers named in full) cut at the table's edge made
    // LibreOffice print every page shrunk to fit it.
    this.put(row, whole(p.spans), { richText: [{ text: continued ? t.continued : t.heading, font: font({ size: HEADING_SIZE, bold: true }) }, ...note] }, { alignment: { horizontal: "left", vertical: "bottom", wrapText: true } });
    t.columns.forEach((c, i) => {
      const span = p.spans[i] ?? whole(p.spans);
      this.put(row + 1, span, headingLines(c.header, headSpan(this.widths, span, c.header)), { font: font({ bold: true }), fill: HEADER_FILL, border: true, alignment: { horizontal: "center", vertical: "middle", wrapText: true } });
    });
  }

  body(p: Part, at: number, index: number): void {
    const t = p.table;
    if (t.rows.length === 0) {
      if (index === 0) this.put(at, whole(p.spans), t.empty, { font: font({ italic: true }), border: true, alignment: { horizontal: "center", vertical: "middle" } });
      return;
    }
    const r = t.rows[index];
    if (!r) return;
    const veto = r.mark === "veto";
    t.columns.forEach((c, i) => {
      const v = r.cells[i] ?? null;
      this.put(at, p.spans[i] ?? [0, 0], v, {
        font: font({ ...(veto ? { color: { argb: VETO_COLOR } } : {}), ...(veto && c.kind === "rank" ? { bold: true } : {}) }),
        ...(r.mark ? { fill: MARK_FILL[r.mark] } : {}),
        border: true,
        alignment: { ...align(c.kind), ...(typeof v === "string" && c.kind === "rank" ? { shrinkToFit: true } : {}) },
        ...(NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {}),
      });
    });
  }

  /**
   * The data bars of a table's rows `from` to `to` (not included), put at sheet rows from `first`
   * on. A vetoed unit's row has none (its total, in red, may be above every ranked unit's: a bar
   * longer than the first's read as the best), as the HTML report's chart gives it a dot.
   */
  bar(p: Part, first: number, from: number, to: number): void {
    const col = p.table.bar;
    const s = col !== undefined ? p.spans[col] : undefined;
    if (!s || col === undefined || p.table.rows.length === 0) return;
    const refs: string[] = [];
    let start: number | undefined;
    const end = Math.min(to, p.table.rows.length);
    for (let i = from; i <= end; i++) {
      const barred = i < end && p.table.rows[i]?.mark !== "veto";
      if (barred && start === undefined) start = i;
      if (!barred && start !== undefined) {
        refs.push(`${colLetter(s[0])}${first + start - from}:${colLetter(s[0])}${first + i - 1 - from}`);
        start = undefined;
      }
    }
    if (!refs.length) return;
    const totals = p.table.rows.map((r) => r.cells[col]).filter((v): v is number => typeof v === "number");
    const prev = this.bars.find((b) => b.table === p.table);
    if (prev) prev.refs.push(...refs);
    else this.bars.push({ table: p.table, refs, bottom: totalsRange(totals).bottom });
  }

  /** Data bars per table (a kind's totals are not drawn against another's), from the chart's bottom. */
  dataBars(): void {
    this.bars.forEach((b, i) => {
      const rule: DataBarRuleType & { color: Partial<Color> } = {
        type: "dataBar",
        priority: i + 1,
        gradient: true,
        cfvo: [{ type: "num", value: b.bottom }, { type: "max" }],
        color: { argb: "FF5B9BD5" },
      };
      this.ws.addConditionalFormatting({ ref: b.refs.join(" "), rules: [rule] });
    });
  }

  closing(r: Report, start: number): void {
    r.closing.lines.forEach((line, i) => {
      // A long line (the units whose ranks may move, a province's claims) wraps across the page.
      this.put(start + i, [0, this.last], line, { font: font({ size: CLOSING_SIZE, color: { argb: "FF595959" } }), alignment: { horizontal: "left", vertical: "middle", wrapText: true } });
    });
    const seal = start + r.closing.lines.length + 1;
    this.put(seal, [RIGHT_OFFSET, this.last], r.closing.office, { font: font({ size: 11 }), alignment: { horizontal: "right", vertical: "middle" } });
    this.put(seal + 1, [RIGHT_OFFSET, this.last], r.closing.date, { font: font({ size: 11 }), alignment: { horizontal: "right", vertical: "middle" } });
  }
}

function footer(template: string): string {
  return "&C" + template.replace(/&/g, "&&").replace("{page}", "&P").replace("{pages}", "&N");
}

/** The tables in sheet order: overall, line rankings two by two side by side, the award list. */
function partsOf(r: Report, grid: number): Part[][] {
  const out: Part[][] = [];
  // Paired: the line rankings without an awards column; one with it takes the page's width.
  const lines = r.tables.filter((t) => t.kind === "line" && !t.awards);
  for (const t of r.tables) {
    if (t.kind === "overall" || t.awards) out.push([{ table: t, spans: overallSpans(t.columns.length, grid) }]);
    else if (t.kind === "awards") out.push([{ table: t, spans: awardSpans(grid, t.columns.some((c) => c.kind === "money")) }]);
    else if (lines.indexOf(t) % 2 === 0) {
      const partner = lines[lines.indexOf(t) + 1];
      out.push([{ table: t, spans: lineSpans(t.columns.length, 0) }, ...(partner ? [{ table: partner, spans: lineSpans(partner.columns.length, RIGHT_OFFSET) }] : [])]);
    }
  }
  return out;
}

const HEADING_PT = 22;
const HEADING_SIZE = 12;
/** A table's note beside its heading: type size, and a line's height where it wraps. */
const NOTE_SIZE = 9;
const NOTE_LINE_PT = 12;

/**
 * A table's heading row: one line where its heading and note fit the table's width; else as many
 * more as the note wraps to, the heading's width taken at the note's size (the wider of a
 * table's first page and its continued pages' headings).
 */
function headingHeight(t: Table, width: number): number {
  if (!t.note) return HEADING_PT;
  const heading = Math.max(textWidth(t.heading), textWidth(t.continued));
  // The heading as CJK characters as wide, at the note's size.
  const lead = "一".repeat(Math.ceil((heading * HEADING_SIZE) / NOTE_SIZE / 2));
  const lines = linesFor(`${lead} ${t.note}`, (width * BODY_SIZE) / NOTE_SIZE);
  return lines > 1 ? HEADING_PT + (lines - 1) * NOTE_LINE_PT : HEADING_PT;
}

/** The closing lines' type size (the body's is BODY_SIZE). */
const CLOSING_SIZE = 9;
const GAP_PT = 10;
/** The closing lines' heights, each as many lines as it wraps to across the page; the seal's and the date's. */
const CLOSING_HEIGHTS = (r: Report, widths: readonly number[]): number[] => [...r.closing.lines.map((line) => closingLineHeight(line, widths)), ...Array.from({ length: SEAL_ROWS }, () => 20)];

/**
 * A closing line's height across the page: as many lines as it wraps to, measured at the body's
 * size, the closing lines' smaller type fitting that much more on a line (a one-line note was
 * given two, the notes spaced unevenly).
 */
export function closingLineHeight(line: string, widths: readonly number[]): number {
  const lines = linesFor(line, (spanWidth(widths, [0, widths.length - 1]) * BODY_SIZE) / CLOSING_SIZE);
  return lines > 1 ? rowHeight(lines) : 15;
}

/** The closing block's rows under its lines: the seal's, the date's and one blank. */
const SEAL_ROWS = 3;

/** Lays the report out page by page, breaking pages between blocks or between rows. */
function paint(p: Painter, r: Report): void {
  const groups = partsOf(r, p.widths.length);
  // Each table's block with its heading row's height (the closing lines' block has none).
  const blocks: (Block & { heading?: number })[] = groups.map((parts) => {
    const bodies = parts.map((part) => bodyHeights(part, p.widths));
    const n = Math.max(...bodies.map((b) => b.length));
    const heading = Math.max(...parts.map((part) => headingHeight(part.table, spanWidth(p.widths, whole(part.spans)))));
    return {
      heading,
      head: heading + Math.max(...parts.map((part) => headerHeight(part, p.widths))),
      rows: Array.from({ length: n }, (_, i) => Math.max(...bodies.map((b) => b[i] ?? 0))),
      gap: GAP_PT,
    };
  });
  // (Its seal and date lines, run onto a page of their own, taking two of its lines along: the seal alone on a last page read as no part of the report.)
  blocks.push({ head: 0, rows: CLOSING_HEIGHTS(r, p.widths), gap: 0, withPrevious: 3, carried: SEAL_ROWS + 2 });
  const plan = planPages(blocks, pageCapacity(p.widths, MARGINS, TITLE_HEIGHTS));
  let row = TITLE_ROWS + 2;
  plan.forEach((chunks, bi) => {
    const block = blocks[bi];
    const parts = groups[bi];
    if (!block) return;
    // The closing lines, once, broken where the plan breaks them (painted whole for each part, a
    // district's thirty pending claims printed them, and the seal line, twice).
    if (!parts) {
      p.closing(r, row);
      for (const c of chunks) if (c.breakBefore) p.ws.getRow(row + c.from - 1).addPageBreak();
      block.rows.forEach((h, i) => (p.ws.getRow(row + i).height = h));
      row += block.rows.length;
      return;
    }
    for (const c of chunks) {
      if (c.breakBefore) p.ws.getRow(row - 1).addPageBreak();
      const heading = block.heading ?? HEADING_PT;
      p.ws.getRow(row).height = heading;
      p.ws.getRow(row + 1).height = block.head - heading;
      for (const part of parts) p.head(part, row, c.continued);
      for (let i = c.from; i < c.to; i++) {
        const at = row + 2 + i - c.from;
        p.ws.getRow(at).height = block.rows[i] ?? MIN_ROW;
        for (const part of parts) p.body(part, at, i);
      }
      for (const part of parts) p.bar(part, row + 2, c.from, c.to);
      row += 2 + c.to - c.from;
      if (c.to === block.rows.length) p.ws.getRow(row++).height = block.gap;
    }
  });
  p.dataBars();
}

/** The workbook's bytes. */
export async function reportXlsx(r: Report, created: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "assess";
  wb.lastModifiedBy = "assess";
  // The title a file browser and the document's properties show, as the report's own.
  wb.title = r.title;
  wb.created = created;
  wb.modified = created;
  // The grid is as wide as the widest table by the total (one kind may have more lines than another).
  // Its first column as wide as the award list's categories need (Single-item award), within reason.
  const categories = r.tables.filter((t) => t.kind === "awards").flatMap((t) => t.rows.map((row) => row.cells[0]));
  // Folded, not spread: a province's award list has a row for every unit graded.
  const first = categories.reduce((w: number, c) => Math.max(w, typeof c === "string" ? textWidth(c) : 0), 0);
  // The rank columns (the first, and the right-hand line ranking's) as wide as a rank with where
  // pending claims may take it (165(165–179)), not shrunk to fit.
  let ranges = 0;
  for (const t of r.tables) if (t.kind !== "awards") for (const row of t.rows) if (typeof row.cells[0] === "string" && /^\d+ ?\(/.test(row.cells[0])) ranges = Math.max(ranges, textWidth(row.cells[0]));
  const overall = r.tables.filter((t) => t.kind === "overall");
  const columns = Math.max(8, ...overall.map((t) => t.columns.length));
  // The awards of the widest overall tables (whose awards span the grid's last columns).
  const awards = overall.filter((t) => t.columns.length === columns).flatMap((t) => t.rows.map((row) => row.cells.at(-1)).filter((c): c is string => typeof c === "string"));
  // The widest unit name of the rankings.
  let unit = 0;
  for (const t of r.tables) {
    const at = t.kind === "awards" ? -1 : t.columns.findIndex((c) => c.kind === "name");
    if (at >= 0) for (const row of t.rows) if (typeof row.cells[at] === "string") unit = Math.max(unit, textWidth(row.cells[at]));
  }
  const widths = gridWidths(columns, first, awards, unit, ranges);
  // An overall table's heading's longest word on one line (bold, a tenth wider): English
  // Deduction broke as Deductio / n. (Its last column, the awards, spans the grid's end.)
  for (const t of overall) {
    t.columns.slice(0, -1).forEach((c, i) => {
      // Its words as a line may not break them: Latin words whole, a CJK character alone (扣分(计入总分) breaks anywhere).
      const longest = Math.max(0, ...(c.header.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+/g) ?? []).map((w) => textWidth(w)));
      widths[i] = Math.max(widths[i] ?? 0, Math.ceil(longest * 1.1 + 1.5));
    });
  }
  // The award list's amounts (its grid column G) whole on their line: 待定 30,000 lost its 待 past
  // the border in a column sized by the overall table's, the one word that says it is not awarded.
  for (const t of r.tables) {
    const at = t.kind === "awards" ? t.columns.findIndex((c) => c.kind === "money") : -1;
    if (at < 0) continue;
    let most = 0;
    for (const row of t.rows) {
      const c = row.cells[at];
      most = Math.max(most, typeof c === "number" ? textWidth(c.toLocaleString("en")) : typeof c === "string" ? textWidth(c) : 0);
    }
    widths[AWARD_AMOUNT_COLUMN] = Math.max(widths[AWARD_AMOUNT_COLUMN] ?? 0, Math.ceil(most + 2));
  }
  const ws = wb.addWorksheet(r.sheetName, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      printTitlesRow: `1:${TITLE_ROWS}`,
    },
    headerFooter: { oddFooter: footer(r.footer) },
    properties: { defaultRowHeight: 18 },
  });
  ws.columns = widths.map((width) => ({ width }));
  const p = new Painter(ws, widths);
  p.title(r);
  paint(p, r);
  // Every entry dated as the report is (SOURCE_DATE_EPOCH gives the same bytes run after run).
  return stampZip(new Uint8Array(await wb.xlsx.writeBuffer()), created);
}

// Writes the blank input workbook for a rubric (assess template): the cover with instructions
// drawn from the rubric, one sheet per line (a 分组 column where the unit kind has groups), the
// measures sheet for every indicator and target, and the ledger — each column with validation that
// matches what the reader accepts, clause-text comments and print setup.
import { stampZip } from "../xlsx/write/zip-stamp.js";
import type { DataValidation, Worksheet } from "exceljs";
import type { Indicator, JudgedItem, MeasureUnit, Rubric, Target, UnitKind, UnitKindId } from "../rubric/model.js";
import { isEntered, isMeasured, leaves, measuredInputs } from "../rubric/model.js";
import { formatMeasure, formatPoints, formatRate } from "../model/numbers.js";
import { COVER_LABELS, GROUP_HEADER, LEDGER_COLUMNS, LISTS_SHEET, SHEET, UNIT_HEADER, type LedgerField } from "./layout.js";
import { colName } from "../xlsx/refs.js";
import { MAX_COUNT } from "./cells.js";
import { displayWidth, FONT_SLACK, linesIn, wholeWidth } from "../model/width.js";
import { xmlSafe } from "../xlsx/escape.js";
import { message, type Lang } from "../messages/index.js";

/** The template's words in the language it is made in. */
type Say = (code: string, data?: Readonly<Record<string, string | number>>) => string;

export interface TemplateUnit {
  readonly name: string;
  readonly kind: UnitKindId;
  /** The unit's ranking group (an id of its kind's groups), when the units list names one. */
  readonly group?: string;
  /** Its kind guessed (by its name's ending, or the first kind), not written in the list: not recorded as the list's word. */
  readonly guessed?: true;
}

export interface TemplateOptions {
  readonly year: string;
  readonly district: string;
  readonly units: readonly TemplateUnit[];
  /** The language of its instructions, prompts and error boxes (sheets, headers and cover labels stay as the reader reads them). */
  readonly lang?: Lang;
  /** When it is made: its properties' dates and its entries' (the day alone, so that one day's are the same bytes). */
  readonly created?: Date;
}

const WIDE_COLUMNS = 16;

/** Rows prepared with validation when no units are given. */
const BLANK_ROWS = 60;
/** Rows prepared below the units given, for one added later. */
const SPARE_ROWS = 20;
/**
 * Of them, boxed (printed as a form) below the units given: a few, so that a list that fits a
 * page prints on one (twenty more made a second page of empty boxes of every sheet); a template
 * without units boxes all its spare rows, a form to fill by hand.
 */
const SPARE_PRINTED = 3;

/** The last row boxed on a sheet of units (row 1 the header). */
function lastBoxed(units: readonly TemplateUnit[]): number {
  return units.length ? units.length + SPARE_PRINTED + 1 : SPARE_ROWS + 1;
}
/** The cover's 16 pt bold title against the body's 11 pt column units (its first line held 51 of them in 76, in LibreOffice). */
const TITLE_SCALE = 1.5;
/** The share of the cover's two columns its instructions are measured against (see their rows' heights). */
const COVER_SLACK = 0.95;
/** Rows of the ledger prepared with validation. */
const LEDGER_ROWS = 500;
/** Blank rows of the ledger printed as a form: one page of them (thirty ran two rows onto a second). */
const LEDGER_PRINTED = 25;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const FONT = { name: "等线", size: 11 };
/** An item's column on a line's sheet. */
const ITEM_WIDTH = 14;
/** A measures cell its unit's kind does not read. */
const NOT_USED = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } } as const;

function header(ws: Worksheet, values: string[], frozenColumns: number, say: Say, height = 48): void {
  const row = ws.getRow(1);
  values.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = v;
    c.font = { ...FONT, bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.border = { bottom: { style: "thin" } };
  });
  row.height = height;
  ws.views = [{ state: "frozen", xSplit: frozenColumns, ySplit: 1 }];
  // A wide sheet prints across pages at full size with the name column repeated; a narrow one
  // fits the page width.
  // Printed as a form to fill by hand: gridlines (the rows to fill are boxed too), the sheet's name
  // and page at the foot, its pages numbered from 1 (printed as a whole workbook, they ran on from
  // the sheet before).
  ws.pageSetup =
    values.length > WIDE_COLUMNS
      ? // Across, then down: a unit's later columns on the page after its first, not a dozen pages on.
        { paperSize: 9, orientation: "landscape", printTitlesRow: "1:1", printTitlesColumn: "A:A", showGridLines: true, firstPageNumber: 1, pageOrder: "overThenDown" }
      : { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", showGridLines: true, firstPageNumber: 1 };
  ws.headerFooter = { oddFooter: say("tpl.footer") };
}

/** Writes the names down column A (and groups down B); returns the last row that gets validation. */
function fillUnits(ws: Worksheet, units: readonly TemplateUnit[], groupName?: (u: TemplateUnit) => string | undefined): number {
  const width = nameWidth(units);
  units.forEach((u, i) => {
    const cell = ws.getCell(i + 2, 1);
    cell.value = xmlSafe(u.name);
    // A name longer than its column (市人民政府办公室（市政府研究室、市大数据中心…）) wraps in a row as
    // high as it needs: cut at the column's edge, it printed as another unit's beginning.
    const lines = nameLines(u.name, width);
    if (lines > 1) {
      cell.alignment = { wrapText: true, vertical: "middle" };
      ws.getRow(i + 2).height = lines * NAME_LINE_HEIGHT + 3;
    }
    const g = groupName?.(u);
    if (g !== undefined) ws.getCell(i + 2, 2).value = g;
  });
  return Math.max(units.length + SPARE_ROWS, BLANK_ROWS) + 1;
}

/** exceljs keeps range validations here; its typings leave the member out. */
type WithValidations = Worksheet & { readonly dataValidations: { add(range: string, dv: DataValidation): void } };

/**
 * One validation over a column's rows (a formula's references are relative to its first row): one
 * range, not a validation per cell, so no two ever overlap (which Excel reports as damage).
 */
function validate(ws: Worksheet, col: number, last: number, dv: DataValidation): void {
  (ws as WithValidations).dataValidations.add(`${colName(col)}2:${colName(col)}${last}`, dv);
}

/** Thin borders on every prepared cell: the blank rows print as boxes to fill by hand. */
function boxes(ws: Worksheet, cols: number, last: number): void {
  const thin = { style: "thin", color: { argb: "FFBFBFBF" } } as const;
  for (let r = 2; r <= last; r++) for (let c = 1; c <= cols; c++) ws.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
}

function formatColumn(ws: Worksheet, col: number, last: number, numFmt: string): void {
  for (let r = 2; r <= last; r++) ws.getCell(r, col).numFmt = numFmt;
}

function itemHeader(item: JudgedItem): string {
  return item.kind === "deducted"
    ? `${item.code} ${item.name}(扣分,满分${formatPoints(item.max)}分)`
    : `${item.code} ${item.name}(${formatPoints(item.max)}分)`;
}

/**
 * A ledger row's 分值: a number from 0, and within its code's range where the row's 代码 (column B)
 * is one whose points are entered (KF3 10–30), as validate holds it; other codes' rows are left to
 * validate (which says the 分值 does nothing there).
 */
function pointsOfRow(rubric: Rubric, columns: readonly (typeof LEDGER_COLUMNS)[number][], rangeCodes: string, say: Say): DataValidation {
  const at = (f: string): string => colName(columns.findIndex(([, x]) => x === f) + 1);
  const [code, e] = [`$${at("code")}2`, `${at("points")}2`];
  const ranges = rubric.ledger.flatMap((c) => (c.range ? [`OR(TRIM(${code})<>"${c.code}",AND(${e}>=${formatPoints(c.range.min)},${e}<=${formatPoints(c.range.max)}))`] : []));
  return {
    type: "custom",
    allowBlank: true,
    formulae: [`AND(ISNUMBER(${e}),${e}>=0,${e}<=1000${ranges.map((r) => `,${r}`).join("")})`],
    showErrorMessage: true,
    error: rangeCodes ? say("tpl.ledger-points-range", { codes: rangeCodes }) : say("tpl.ledger-points-none"),
  };
}

function pointsValidation(item: JudgedItem, col: number, say: Say): DataValidation {
  const ref = `${colName(col)}2`;
  const step = formatPoints(item.step);
  const max = formatPoints(item.max);
  // Rounding first keeps 0.1 + 0.2-style binary noise from rejecting a valid entry.
  const onStep = `ROUND(${ref}/${step},6)=INT(ROUND(${ref}/${step},6))`;
  return {
    type: "custom",
    allowBlank: true,
    formulae: [`AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${max},${onStep})`],
    showErrorMessage: true,
    errorTitle: item.code,
    error: say(item.kind === "deducted" ? "tpl.deducted-error" : "tpl.points-error", { max, step }),
    showInputMessage: true,
    promptTitle: say("tpl.points-title", { code: item.code, max }),
    prompt: item.kind === "deducted" ? say("tpl.deducted-prompt", { name: item.name }) : item.name,
  };
}

interface MeasureColumn {
  readonly code: string;
  readonly label: string;
  readonly note: string;
  readonly unit: MeasureUnit;
  readonly display: string;
  readonly min?: number;
  readonly max?: number;
  readonly whole?: boolean;
}

function measureColumn(m: Indicator | Target, isTarget: boolean, say: Say): MeasureColumn {
  const shown = m.unit === "percent" ? "" : `(${m.display})`;
  const notes = [m.name];
  if (!isTarget && "direction" in m && m.direction === "lower") notes.push(say("tpl.lower-better"));
  const whole = "whole" in m && m.whole === true;
  if (whole) notes.push(say("tpl.whole"));
  if (isTarget && "default" in m && m.default !== undefined) notes.push(say("tpl.default", { value: formatMeasure(m.default, m.display) }));
  return {
    code: m.code,
    label: `${m.code} ${m.name}${shown}`,
    note: notes.join(say("list.parts")),
    unit: m.unit,
    display: m.display,
    ...("min" in m && m.min !== undefined ? { min: m.min } : {}),
    ...("max" in m && m.max !== undefined ? { max: m.max } : {}),
    ...(whole ? { whole } : {}),
  };
}

/** A number format and validation a measure's cells share with the reader's bounds. */
function measureFormat(c: MeasureColumn, say: Say): { numFmt: string; dv: DataValidation } {
  if (c.unit === "percent") {
    const min = (c.min ?? 0) / 10000;
    const max = (c.max ?? 10000) / 10000;
    return {
      numFmt: "0.00%",
      dv: {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorTitle: c.code,
        error: say("tpl.percent-error", { min: formatRate(c.min ?? 0), max: formatRate(c.max ?? 10000) }),
      },
    };
  }
  const min = (c.min ?? 0) / 100;
  // A count of whole things is validated as whole numbers.
  const type = c.whole ? "whole" : "decimal";
  const bound: DataValidation =
    c.max !== undefined
      ? { type, operator: "between", allowBlank: true, formulae: [min, c.max / 100] }
      : { type, operator: "greaterThanOrEqual", allowBlank: true, formulae: [min] };
  const bounds = { min: formatPoints(c.min ?? 0), max: c.max !== undefined ? formatPoints(c.max) : "", display: c.display };
  const error = say(`tpl.${c.whole ? "whole" : "number"}-${c.max !== undefined ? "between" : "from"}`, bounds);
  return {
    // General, not 0.##: Excel shows 1 in 0.## as "1."; nor 0 for whole counts, which showed a
    // pasted 1.5 as 2 where validate names 1.5.
    numFmt: c.unit === "amount" ? "#,##0.00" : "General",
    dv: { ...bound, showErrorMessage: true, errorTitle: c.code, error },
  };
}

function linesOf(rubric: Rubric, kind: UnitKind) {
  return rubric.lines.filter((l) => kind.lines.includes(l.code));
}

/** A line of the cover's instructions; `sub`: under a step, one line tall where it fits one (a ledger code's clause). */
interface Instruction {
  readonly text: string;
  readonly sub?: true;
}

/** The cover's instructions, from what this rubric asks for. */
function instructions(rubric: Rubric, say: Say): Instruction[] {
  const all = rubric.lines.flatMap((l) => leaves(l.items));
  const steps = [...new Set(all.filter(isEntered).map((i) => formatPoints(i.step)))];
  // Several steps: each with the columns it is for (1 分:JJ5、BM1;0.1 分:SH3), not "1 或 0.1 分".
  const byStep = (): string => steps.map((s) => say("tpl.step-codes", { step: s, codes: all.filter((i) => isEntered(i) && formatPoints(i.step) === s).map((i) => i.code).join(say("list.items")) })).join(say("list.parts"));
  const grouped = rubric.unitKinds.filter((k) => k.groups.length);
  const out: Instruction[] = [{ text: say("tpl.howto") }];
  let stepCount = 0;
  const step = (s: string): void => {
    out.push({ text: `${++stepCount}. ${s}` });
  };
  if (steps.length) {
    const deducted = all.some((i) => i.kind === "deducted");
    step(say("tpl.howto-lines", { steps: steps.length > 1 ? byStep() : say("tpl.step", { step: steps[0] ?? "" }), deducted: deducted ? say("tpl.howto-deducted") : "", code: all.find(isEntered)?.code ?? "" }));
  }
  for (const k of grouped) {
    const sheet = linesOf(rubric, k)[0]?.sheet ?? "";
    step(say("tpl.howto-group", { sheet, column: GROUP_HEADER, kind: k.name, groups: k.groups.map((g) => g.name).join(say("list.items")) }));
  }
  if (all.some(isMeasured)) {
    const units = [...rubric.indicators, ...rubric.targets];
    const percent = units.some((m) => m.unit === "percent");
    const other = units.filter((m) => m.unit !== "percent").map((m) => m.display);
    const parts = [
      ...(percent ? [say("tpl.howto-rates")] : []),
      ...(other.length ? [say("tpl.howto-others", { units: [...new Set(other)].join(say("list.items")) })] : []),
      ...(rubric.targets.length ? [say("tpl.howto-targets")] : []),
    ];
    step(say("tpl.howto-indicators", { sheet: SHEET.indicators, parts: parts.join(say("list.parts")) }));
  }
  if (rubric.ledger.length) {
    const counted = rubric.statuses.counted[0] ?? "";
    // What this rubric's ledger holds: 加分 and 扣分 alone where it has no single-item recognitions.
    const held = (
      [
        ["bonus", "tpl.word-bonus"],
        ["deduction", "tpl.word-deduction"],
        ["single", "tpl.word-single"],
      ] as const
    ).flatMap(([kind, word]) => (rubric.ledger.some((c) => c.kind === kind) ? [say(word)] : []));
    const what = held.length > 1 ? `${held.slice(0, -1).join(say("list.items"))}${say("tpl.or")}${held.at(-1) ?? ""}` : (held[0] ?? "");
    step(say("tpl.howto-ledger", { sheet: SHEET.ledger, what, counted }));
    // Each code with its clause (市级加1分、省级加2分…): what the clerk filling the rows goes by
    // (the rubric's words were in no sheet of the template, the codes' names alone in a note).
    for (const c of rubric.ledger) out.push({ text: say(c.text && c.text !== c.name ? "tpl.code-clause" : "tpl.code-named", { code: c.code, name: c.name, clause: c.text }), sub: true });
  }
  step(say("tpl.howto-end"));
  return out;
}

function writeCover(wb: import("exceljs").Workbook, rubric: Rubric, opts: TemplateOptions, say: Say): void {
  const cover = wb.addWorksheet(SHEET.cover);
  // 青山区2026年度完善…办法, as the result sheets' titles read (a Latin or English prefix set apart).
  const { prefix, title } = coverPrefix(opts.district, opts.year, rubric.title, say);
  const named = { prefix: xmlSafe(/[\x21-\x7e]$/.test(prefix) ? `${prefix} ` : prefix), title };
  cover.getCell("A1").font = { ...FONT, size: 16, bold: true };
  cover.getCell("A1").alignment = { vertical: "middle", wrapText: true };
  cover.mergeCells("A1:B1");
  cover.getRow(1).height = 48;
  cover.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  const coverRows: [string, string][] = [
    [COVER_LABELS.rubricId, rubric.id],
    [COVER_LABELS.rubricVersion, rubric.version],
    [COVER_LABELS.year, opts.year],
    [COVER_LABELS.district, xmlSafe(opts.district)],
    [say("tpl.cover-scheme"), rubric.title],
    [say("tpl.cover-effective"), rubric.effective],
  ];
  coverRows.forEach(([k, v], i) => {
    cover.getCell(i + 3, 1).value = k;
    cover.getCell(i + 3, 1).font = { ...FONT, bold: true };
    cover.getCell(i + 3, 2).value = v;
  });
  // As wide as its longest label (Effective from, bold, in English), 16 at least.
  const labels = Math.max(16, ...coverRows.map(([k]) => displayWidth(k) + 3));
  cover.getColumn(1).width = labels;
  cover.getColumn(2).width = 60;
  // A title too long for a line goes on to the second before 考核工作簿, not inside it (簿 stood alone).
  const oneLine = say("tpl.cover-title", { ...named, sep: " " });
  cover.getCell("A1").value = displayWidth(oneLine) * TITLE_SCALE <= labels + 60 ? oneLine : say("tpl.cover-title", { ...named, sep: "\n" });
  instructions(rubric, say).forEach(({ text, sub }, i) => {
    const r = coverRows.length + 4 + i;
    cover.getCell(r, 1).value = text;
    cover.getCell(r, 1).alignment = { wrapText: true, vertical: "top" };
    cover.mergeCells(r, 1, r, 2);
    // As tall as its wrapped lines in the two merged columns (a line's height each), a step set
    // apart from the one before by a little room; a ledger code's clause under its step, close
    // under it (an estimate by characters gave a line too many to some: a gap under JF1, DX2).
    // (Measured a little narrower than the columns: the cover's 11 pt runs wider than the body text
    // measured, and Excel's fonts than LibreOffice's: a last line cut off is worse than a gap.)
    cover.getRow(r).height = i === 0 ? 18 : linesIn(text, (labels + 60) * COVER_SLACK) * 16 + (sub ? 2 : 8);
  });
}

function writeLineSheets(wb: import("exceljs").Workbook, rubric: Rubric, opts: TemplateOptions, say: Say): void {
  for (const kind of rubric.unitKinds) {
    const units = opts.units.filter((u) => u.kind === kind.id);
    const grouped = kind.groups.length > 0;
    const groupName = (u: TemplateUnit): string | undefined => kind.groups.find((g) => g.id === u.group)?.name;
    // The 分组 column is on the kind's first sheet only: a unit's group is said once.
    let groupSheet = grouped;
    for (const line of linesOf(rubric, kind)) {
      const entered = leaves(line.items).filter(isEntered);
      const ws = wb.addWorksheet(line.sheet);
      const withGroup = groupSheet;
      groupSheet = false;
      const first = withGroup ? 3 : 2;
      // A line with nothing to enter still lists its units, under a header naming the line.
      const columns = entered.length ? entered.map(itemHeader) : [say("tpl.line-units-only", { code: line.code, name: line.name, sheet: SHEET.indicators })];
      // As tall as its longest item's header wraps in its column (bold, at 11 points: 15 a line),
      // 64 at least: JS1.3 早期教育、居家养老和青少年生殖健康教育(10) was cut at top and bottom.
      const itemWidth = entered.length ? ITEM_WIDTH : 40;
      const lines = Math.max(1, ...columns.map((c) => linesIn(c, itemWidth / 1.1)));
      header(ws, [UNIT_HEADER, ...(withGroup ? [GROUP_HEADER] : []), ...columns], first - 1, say, Math.max(64, lines * 15 + 6));
      if (!entered.length) ws.getColumn(first).width = 40;
      ws.getColumn(1).width = nameWidth(units);
      const last = fillUnits(ws, units, withGroup ? groupName : undefined);
      if (withGroup) {
        ws.getColumn(2).width = 10;
        validate(ws, 2, last, {
          type: "list",
          allowBlank: true,
          formulae: [`"${kind.groups.map((g) => g.name).join(",")}"`],
          showErrorMessage: true,
          errorTitle: GROUP_HEADER,
          error: say("tpl.choose", { choices: kind.groups.map((g) => g.name).join(say("list.items")) }),
        });
      }
      entered.forEach((item, i) => {
        const col = i + first;
        ws.getColumn(col).width = ITEM_WIDTH;
        ws.getCell(1, col).note = { texts: [{ text: xmlSafe(item.text) }] };
        validate(ws, col, last, pointsValidation(item, col, say));
        // Shown as typed (General): a format of the step's decimals showed a pasted 25.5 as 26,
        // and 15.05 as 15.1, where validate names 25.5 and 15.05.
      });
      // Boxes for the units and the spare rows below them (the rest prepared, not printed blank).
      boxes(ws, first - 1 + Math.max(1, entered.length), Math.min(last, lastBoxed(units)));
    }
  }
}

/** Points a line of a unit's name takes in the input sheets (11 pt). */
const NAME_LINE_HEIGHT = 15;

/** Lines a unit's name takes in a column of `width` (a name of Chinese and digits as drawn; else measured narrower, as the result sheets measure it). */
function nameLines(name: string, width: number): number {
  return linesIn(name, width * (wholeWidth(name, true) ? 1 : FONT_SLACK));
}

/**
 * The unit-name column as wide as the longest name given (a CJK character two), within reason:
 * 某某镇人民政府（含开发区管委会） is seen whole, not cut at the next column.
 */
function nameWidth(units: readonly TemplateUnit[]): number {
  const widest = units.reduce((w, u) => Math.max(w, displayWidth(u.name)), 0);
  return Math.max(16, Math.min(44, widest + 2));
}

function writeMeasures(wb: import("exceljs").Workbook, rubric: Rubric, opts: TemplateOptions, say: Say): void {
  const measuredKinds = rubric.unitKinds.filter((k) => linesOf(rubric, k).some((l) => leaves(l.items).some(isMeasured)));
  if (!measuredKinds.length) return;
  const ws = wb.addWorksheet(SHEET.indicators);
  const cols = [...rubric.indicators.map((i) => measureColumn(i, false, say)), ...rubric.targets.map((t) => measureColumn(t, true, say))];
  header(ws, [UNIT_HEADER, ...cols.map((c) => c.label)], 1, say, 64);
  const units = opts.units.filter((u) => measuredKinds.some((k) => k.id === u.kind));
  ws.getColumn(1).width = nameWidth(units);
  const last = fillUnits(ws, units);
  // Which kinds read each code: said in its note, and the cells of other kinds' units greyed out.
  const usedBy = new Map<string, Set<UnitKindId>>();
  for (const k of measuredKinds) {
    for (const item of linesOf(rubric, k).flatMap((l) => leaves(l.items)).filter(isMeasured)) {
      for (const code of measuredInputs(item)) {
        (usedBy.get(code) ?? usedBy.set(code, new Set()).get(code))?.add(k.id);
      }
    }
  }
  cols.forEach((c, i) => {
    const col = i + 2;
    ws.getColumn(col).width = 16;
    const kinds = usedBy.get(c.code) ?? new Set<UnitKindId>();
    const names = measuredKinds.filter((k) => kinds.has(k.id)).map((k) => k.name);
    const note = measuredKinds.length > 1 ? `${c.note}\n${say("tpl.applies", { kinds: names.join(say("list.items")) || say("tpl.none") })}` : c.note;
    ws.getCell(1, col).note = { texts: [{ text: xmlSafe(note) }] };
    const f = measureFormat(c, say);
    validate(ws, col, last, f.dv);
    formatColumn(ws, col, last, f.numFmt);
    units.forEach((u, r) => {
      if (!kinds.has(u.kind)) ws.getCell(r + 2, col).fill = NOT_USED;
    });
  });
  // Boxed as the line sheets are: gridlines alone print only around filled cells (LibreOffice left
  // out whole pages of a long list's later columns).
  boxes(ws, cols.length + 1, Math.min(last, lastBoxed(units)));
}

/**
 * The hidden lists sheet: the ledger's choices (its units, codes, levels, statuses and flag words)
 * and the roster (every unit, its kind, whether that was guessed). Written for every template (a
 * scheme without a ledger has a roster all the same: a unit deleted everywhere is missed by it).
 */
function writeLists(wb: import("exceljs").Workbook, rubric: Rubric, opts: TemplateOptions): string[][] {
  const ledgerKinds = new Set(rubric.ledger.flatMap((c) => c.unitKinds));
  const lists = wb.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const listCols: string[][] = [
    opts.units.filter((u) => ledgerKinds.has(u.kind)).map((u) => xmlSafe(u.name)),
    rubric.ledger.map((c) => c.code),
    rubric.ledger.length ? [...new Set([...rubric.levelOrder, ...rubric.ledger.flatMap((c) => Object.keys(c.levels ?? {}))])] : [],
    rubric.ledger.length ? [...rubric.statuses.counted, ...rubric.statuses.pending, ...rubric.statuses.rejected] : [],
    rubric.ledger.length ? [rubric.flaggedWords.yes[0] ?? "是", rubric.flaggedWords.no[0] ?? "否"] : [],
    // Columns LISTS_ALL_UNITS, LISTS_UNIT_KINDS and LISTS_KIND_GUESSED: every unit, its kind, and
    // whether that was guessed; read back to miss a unit deleted everywhere, or one on another
    // kind's sheets (not where the kind was guessed: moving its rows to its own kind's sheets
    // mends the guess).
    opts.units.map((u) => xmlSafe(u.name)),
    opts.units.map((u) => u.kind),
    opts.units.map((u) => (u.guessed ? "guessed" : "")),
  ];
  listCols.forEach((vals, i) => vals.forEach((v, r) => (lists.getCell(r + 1, i + 1).value = v)));
  return listCols;
}

function writeLedger(wb: import("exceljs").Workbook, rubric: Rubric, opts: TemplateOptions, say: Say): void {
  const ledger = wb.addWorksheet(SHEET.ledger);
  // 未如实上报 only where a code doubles when it is marked (a column nothing reads invites work
  // that earns only a warning).
  const columns = LEDGER_COLUMNS.filter(([, f]) => f !== "flag" || rubric.ledger.some((c) => c.doubleWhenFlagged));
  const widths: Record<string, number> = { unit: nameWidth(opts.units), code: 10, count: 8, level: 10, points: 8, status: 12, flag: 12, note: 40, evidence: 30 };
  columns.forEach(([, f], i) => {
    ledger.getColumn(i + 1).width = widths[f] ?? 12;
    // A long 说明 or 依据 wraps within its column (it ran over the next one, and was cut off where printed).
    // (Before the header: a column's style is given to the cells it has, the header's centring lost.)
    if (f === "note" || f === "evidence") ledger.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
    // A unit's name longer than its column (picked from the list) wraps too: it was cut at the 代码 column.
    if (f === "unit" && opts.units.some((u) => nameLines(u.name, widths.unit ?? 16) > 1)) ledger.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
  });
  header(ledger, columns.map(([w]) => w), 1, say, 24);
  // What each column holds, as a note on its header: the codes by name; what a count counts, which
  // codes take a level or points, what each status does, what marking a row does (a clerk filled
  // them by trial and error, validate by validate: an amount typed as a count scored 750).
  const notes = ledgerNotes(rubric, say);
  columns.forEach(([, f], i) => {
    const text = notes[f];
    if (text) ledger.getCell(1, i + 1).note = { texts: [{ text: xmlSafe(text) }] };
  });
  const ledgerKinds = new Set(rubric.ledger.flatMap((c) => c.unitKinds));
  const listCols = writeLists(wb, rubric, opts);
  const listRef = (i: number): string => {
    const col = colName(i + 1);
    return `_lists!$${col}$1:$${col}$${Math.max(1, listCols[i]?.length ?? 1)}`;
  };
  const statuses = listCols[3]?.join(say("list.items")) ?? "";
  // The codes whose points are entered (a range), with the range: what the 分值 column is for.
  const rangeCodes = rubric.ledger.flatMap((c) => (c.range ? [`${c.code} ${formatPoints(c.range.min)}–${formatPoints(c.range.max)}`] : [])).join(say("list.items"));
  const byField: Partial<Record<string, DataValidation>> = {
    // Each refuses at entry what validate would refuse (a level the rubric has not, 20000 of a thing,
    // a negative 分值), as the code and status lists do; a unit not listed is asked about (one added
    // to the sheets' spare rows later is a unit all the same).
    // (Where some kinds have no ledger codes, their units are left out of the list: said too.)
    ...(listCols[0]?.length ? { unit: { type: "list", allowBlank: true, formulae: [listRef(0)], showErrorMessage: true, errorStyle: "warning", error: ledgerKinds.size < rubric.unitKinds.length ? say("tpl.ledger-unit-kinds", { kinds: rubric.unitKinds.filter((k) => !ledgerKinds.has(k.id)).map((k) => xmlSafe(k.name)).join(say("list.items")) }) : say("tpl.ledger-unit") } } : {}),
    ...(listCols[1]?.length ? { code: { type: "list", allowBlank: true, formulae: [listRef(1)], showErrorMessage: true, error: say("tpl.ledger-code") } } : {}),
    ...(listCols[2]?.length ? { level: { type: "list", allowBlank: true, formulae: [listRef(2)], showErrorMessage: true, error: say("tpl.ledger-level", { levels: listCols[2].join(say("list.items")) }) } } : {}),
    status: { type: "list", allowBlank: true, formulae: [listRef(3)], showErrorMessage: true, error: say("tpl.ledger-status", { statuses }) },
    // The first yes and no word listed; the others the rubric takes (√, Y) asked about, not refused.
    flag: { type: "list", allowBlank: true, formulae: [listRef(4)], showErrorMessage: true, errorStyle: "warning", error: flagPrompt(rubric, listCols[4]?.join(say("list.or")) ?? "", say) },
    count: { type: "whole", operator: "between", allowBlank: true, formulae: [1, MAX_COUNT], showErrorMessage: true, error: say("tpl.ledger-count", { max: MAX_COUNT }) },
    points: pointsOfRow(rubric, columns, rangeCodes, say),
  };
  columns.forEach(([, f], i) => {
    const dv = byField[f];
    if (dv) validate(ledger, i + 1, LEDGER_ROWS + 1, dv);
  });
  // The first rows print as boxes to fill by hand (the rest are prepared, not printed blank).
  boxes(ledger, columns.length, LEDGER_PRINTED + 1);
}

/** The notes on the ledger's headers, by column: what each holds under this rubric. */
export function ledgerNotes(rubric: Rubric, say: Say): Partial<Record<LedgerField, string>> {
  const items = say("list.items");
  // Each code that takes a level, with its levels: a bonus's with their points, a single-item award's by name.
  const leveled = rubric.ledger.filter((c) => c.levels).map((c) => `${c.code} ${Object.entries(c.levels ?? {}).map(([l, v]) => (c.kind === "single" ? l : `${l} ${formatPoints(v)}`)).join(items)}`);
  const ranged = rubric.ledger.flatMap((c) => (c.range ? [say("tpl.ledger-note-range", { code: c.code, min: formatPoints(c.range.min), max: formatPoints(c.range.max) })] : []));
  const flagged = rubric.ledger.filter((c) => c.doubleWhenFlagged).map((c) => c.code);
  const { counted, pending, rejected } = rubric.statuses;
  return {
    code: rubric.ledger.map((c) => `${c.code} ${c.name}`).join("\n"),
    count: say("tpl.ledger-note-count"),
    ...(leveled.length ? { level: say("tpl.ledger-note-level", { levels: leveled.join("\n") }) } : {}),
    ...(ranged.length ? { points: say("tpl.ledger-note-points", { ranges: ranged.join(items) }) } : {}),
    // Each kind of status the rubric has, what it does (none said of a kind it has none of).
    status: say("tpl.ledger-note-status", {
      statuses: [
        say("tpl.ledger-note-counted", { words: counted.join(items) }),
        ...(pending.length ? [say("tpl.ledger-note-pending", { words: pending.join(items) })] : []),
        ...(rejected.length ? [say("tpl.ledger-note-rejected", { words: rejected.join(items) })] : []),
      ].join(say("list.parts")),
    }),
    ...(flagged.length ? { flag: say("tpl.ledger-note-flag", { codes: flagged.join(items), yes: rubric.flaggedWords.yes[0] ?? "" }) } : {}),
  };
}

/**
 * 青山区2026年度 before a scheme's title, less what the title says already: 某市乡镇考核办法 under
 * 某市 and 2026 is 某市2026年 乡镇考核办法 (the year after the district the title begins with), not
 * 某市2026年度 某市乡镇考核办法, nor 2026年度某市…. The prefix, and the title that follows it.
 */
function coverPrefix(district: string, year: string, title: string, say: Say): { prefix: string; title: string } {
  // A district written whole (江州市, 青山区: not 青山 of 青山区, nor 杭州 of 杭州市, nor a Latin name)
  // that the title begins with. One ending 州, 乡, 镇 or 省 may be a place's name cut short (杭州,
  // 新乡): not where the title goes on with 市 or 县 (杭州市…); one ending 市, 区, 县 is whole (江州市市直…).
  const whole = /[区县市旗盟]$/.test(district) || (/[省州镇乡]$/.test(district) && !/^[区县市省州旗盟镇乡]/.test(title.slice(district.length)));
  const lead = whole && title.startsWith(district);
  const prefix = prefixOf(district, year, title, say);
  if (!lead || prefix === "") return { prefix, title };
  // The year after it (江州市2026年市直机关…); before 年度 the title says itself, the year alone (江州市2026年度目标考核办法).
  // (Its 年 taken into the prefix: a prefix ending in a digit is set apart by a space.)
  const rest = title.slice(district.length).trimStart();
  // (An English year set apart, as prefixOf sets it: 江州市 2026.)
  return rest.startsWith("年度") ? { prefix: `${district}${year}年`, title: rest.slice(1) } : { prefix: `${district}${/^[\x21-\x7e]+$/.test(prefix) ? " " : ""}${prefix}`, title: rest };
}

function prefixOf(district: string, year: string, title: string, say: Say): string {
  const d = district && !title.includes(district) ? district : "";
  // (2026年 before a title that says 年度 itself: 2026年度…年度 said it twice.)
  // A title with a year of its own (2025年度乡镇综合考核办法, kept for 2026) is the document's name: no year before it.
  const ownYear = /^(19|20)\d{2}\s*年/.test(district && title.startsWith(district) ? title.slice(district.length).trimStart() : title);
  const y = year && !title.includes(year) && !ownYear ? say(title.includes("年度") ? "tpl.cover-year-nian" : "tpl.cover-year", { year }) : "";
  // 青山区2026年度; Green Hill 2026, 青山区 2026 (a Latin name, or an English year, set apart).
  return d && y && (/[\x21-\x7e]$/.test(d) || /[\x21-\x7e]$/.test(y)) ? `${d} ${y}` : `${d}${y}`;
}

export async function buildTemplate(rubric: Rubric, opts: TemplateOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "assess";
  const lang = opts.lang ?? "zh-CN";
  const say: Say = (code, data = {}) => message(lang, code, data);
  const { prefix, title } = coverPrefix(opts.district, opts.year, rubric.title, say);
  wb.title = `${prefix}${prefix && /[\x21-\x7e]$/.test(prefix) ? " " : ""}${title}`;
  // Between the sheets, a turn of the event loop: Ctrl-C is answered there (the writer holds it
  // while it writes a sheet; a province's template of 20,000 units answered after 16 s).
  const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
  writeCover(wb, rubric, opts, say);
  await turn();
  writeLineSheets(wb, rubric, opts, say);
  await turn();
  writeMeasures(wb, rubric, opts, say);
  await turn();
  // (A scheme with no ledger codes has no rows to fill: no sheet for them, its roster all the same.)
  if (rubric.ledger.length) writeLedger(wb, rubric, opts, say);
  else writeLists(wb, rubric, opts);
  await turn();
  if (!opts.created) return new Uint8Array(await wb.xlsx.writeBuffer());
  wb.created = opts.created;
  wb.modified = opts.created;
  return stampZip(new Uint8Array(await wb.xlsx.writeBuffer()), opts.created);
}

/** The flag column's prompt: the words to pick, then those read besides (√ Y YES 1 for 是, × N NO 0 for 否). */
function flagPrompt(rubric: Rubric, words: string, say: Say): string {
  const others = (list: readonly string[]): string => [...new Set(list.slice(1).map((w) => w.toUpperCase()))].join(" ");
  const { yes, no } = rubric.flaggedWords;
  const also = [
    [others(yes), yes[0] ?? ""],
    [others(no), no[0] ?? ""],
  ]
    .filter(([w]) => w !== "")
    .map(([w, word]) => say("tpl.flag-also", { words: w ?? "", word: word ?? "" }));
  return also.length ? say("tpl.ledger-flag", { words, also: also.join(say("list.items")) }) : say("tpl.ledger-flag-plain", { words });
}

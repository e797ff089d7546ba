// Turns a parsed workbook into a Submission for a rubric: finds each sheet by its header codes,
// reads every unit row, and collects every problem, located to the cell, in one pass.
import { quoteSheet, type Diagnostic } from "../diagnostics/index.js";
import type { LeafItem, Rate, Rubric, UnitKindId } from "../rubric/model.js";
import { formatRate } from "../rubric/numbers.js";
import { leaves, kindOfLine } from "../rubric/model.js";
import { targetValue, valueOf, type LedgerEntry, type Submission, type UnitValues, type Unit } from "./model.js";
import { UnitTable, ValueLayout } from "./values.js";
import type { RawBook, RawCell, RawSheet, RowSink } from "./xlsx/index.js";
import { CellProblems, cellText, isBlank, readPoints, readRate } from "./cells.js";
import { HEADER_SCAN_ROWS, UNIT_HEADER, headerCode } from "./layout.js";
import { isLedgerSheet, readLedger } from "./ledger.js";
import { colName } from "./xlsx/refs.js";

type SheetRole =
  | { role: "line"; kind: UnitKindId; columns: Map<number, LeafItem>; headerRow: number; nameCol: number }
  | { role: "rates"; columns: Map<number, string>; headerRow: number; nameCol: number };


/** A row's cells by column number (a sparse array: faster than a map for a row read once). */
function rowCells(row: readonly RawCell[]): (RawCell | undefined)[] {
  const cells: (RawCell | undefined)[] = [];
  for (const c of row) cells[c.col] = c;
  return cells;
}

const refOf = (col: number, row: number): string => `${colName(col)}${row}`;

/** Names of the summary rows people add under their units (合计, 平均分…): never a unit. */
const SUMMARY = /^(合计|总计|小计|共计|总和|汇总|平均|平均值|平均分|平均数|total|totals|sum|subtotal|average|mean)$/i;

function isSummaryName(name: string): boolean {
  return SUMMARY.test(name.replace(/[\s\u3000]+/g, ""));
}

/** Reads the header row of a sheet: code columns known to the rubric, unknown codes reported. */
function classify(rubric: Rubric, sheet: RawSheet, p: CellProblems): SheetRole | undefined {
  const judged = new Map<string, LeafItem>();
  const computed = new Map<string, LeafItem>();
  for (const line of rubric.lines) {
    for (const leaf of leaves(line.items)) (leaf.kind === "judged" ? judged : computed).set(leaf.code, leaf);
  }
  const rateCodes = new Set([...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)]);
  const ledgerCodes = new Set(rubric.ledger.map((l) => l.code));
  for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
    const coded = row.flatMap((c) => {
      const code = c.value.t === "s" ? headerCode(c.value.v) : undefined;
      return code ? [{ c, code }] : [];
    });
    // A header row: at least one cell whose code the rubric knows as a column.
    if (!coded.some(({ code }) => judged.has(code) || rateCodes.has(code))) continue;
    if (coded.every(({ code }) => ledgerCodes.has(code))) continue;
    const nameCell = row.find((c) => c.value.t === "s" && cellText(c).startsWith(UNIT_HEADER.slice(0, 2)));
    const nameCol = nameCell?.col ?? 1;
    const isRates = coded.some(({ code }) => rateCodes.has(code));
    const lineCols = new Map<number, LeafItem>();
    const rateCols = new Map<number, string>();
    const seen = new Map<string, string>();
    const kinds = new Set<UnitKindId>();
    for (const { c, code } of coded) {
      if (seen.has(code)) {
        p.error("workbook.duplicate-column", sheet.name, c.ref, { code, first: seen.get(code) ?? "" });
        continue;
      }
      seen.set(code, c.ref);
      if (isRates) {
        if (rateCodes.has(code)) rateCols.set(c.col, code);
        else p.error("workbook.unknown-header-code", sheet.name, c.ref, { code });
      } else if (judged.has(code)) {
        const item = judged.get(code);
        if (item) {
          lineCols.set(c.col, item);
          const lineCode = rubric.lines.find((l) => leaves(l.items).includes(item))?.code ?? "";
          const k = kindOfLine(rubric, lineCode);
          if (k) kinds.add(k);
        }
      } else if (computed.has(code)) {
        const item = computed.get(code);
        p.error("workbook.computed-column", sheet.name, c.ref, { code, indicator: item && "indicator" in item ? item.indicator : "" });
      } else {
        p.error("workbook.unknown-header-code", sheet.name, c.ref, { code });
      }
    }
    const headerRow = row[0]?.row ?? 1;
    if (isRates) return { role: "rates", columns: rateCols, headerRow, nameCol };
    if (kinds.size > 1) {
      p.error("workbook.mixed-kinds", sheet.name, undefined);
      return undefined;
    }
    const kind = [...kinds][0];
    return kind ? { role: "line", kind, columns: lineCols, headerRow, nameCol } : undefined;
  }
  return undefined;
}

interface UnitRow {
  name: string;
  cells: (RawCell | undefined)[];
  row: number;
}

/** A row of a sheet as it comes, with whether it is hidden. */
type RowHandler = (row: RawCell[], hidden: boolean) => void;

/**
 * Picks the unit rows under the header, one row at a time: blank rows skipped, names trimmed,
 * duplicates and rows without a name reported; gives each unit row to `take`.
 */
function unitRows(sheet: string, headerRow: number, nameCol: number, p: CellProblems, take: (u: UnitRow) => void): RowHandler {
  // unit name → the row it was first on
  const seen = new Map<string, number>();
  return (row, hidden) => {
    const r = row[0]?.row ?? 0;
    if (r <= headerRow) return;
    const cells = rowCells(row);
    const nameCell = cells[nameCol];
    const name = cellText(nameCell);
    if (name === "") {
      if (row.some((c) => c.col !== nameCol && !isBlank(c))) p.error("workbook.missing-unit-name", sheet, refOf(nameCol, r));
      return;
    }
    if (nameCell && nameCell.value.t !== "s") {
      p.error("workbook.bad-unit-name", sheet, refOf(nameCol, r), { value: name });
      return;
    }
    if (isSummaryName(name)) {
      p.warn("workbook.summary-row", sheet, refOf(nameCol, r), { value: name });
      return;
    }
    if (hidden) p.warn("workbook.hidden-row", sheet, refOf(nameCol, r), { unit: name });
    const first = seen.get(name);
    if (first !== undefined) {
      p.error("workbook.duplicate-unit", sheet, refOf(nameCol, r), { unit: name, first: refOf(nameCol, first) });
      return;
    }
    seen.set(name, r);
    take({ name, cells, row: r });
  };
}

/** Rows of a sheet that is not read (an earlier run's results). */
const IGNORED: RowSink = { row: () => {}, end: () => {} };

export interface ReadResult {
  submission?: Submission;
  diagnostics: Diagnostic[];
}

interface LocatedRole {
  sheet: string;
  role: SheetRole;
}

/** unit name → the row it is on in each located sheet, by the sheet's index (absent: not there). */
type Presence = Map<string, number[]>;

/**
 * Reads a submission sheet by sheet, so that a streaming reader can hand each sheet over and
 * drop its cells: line and rate sheets are read as they come; the ledger, which needs every unit,
 * waits for finish(). ignore: sheets that are not input (our result sheets of an earlier run).
 */
export class SubmissionReader {
  private readonly p: CellProblems;
  private readonly located: LocatedRole[] = [];
  private readonly units: Unit[] = [];
  private readonly unitByName = new Map<string, Unit>();
  private readonly layout: ValueLayout;
  /** unit name → what it entered, judged points and rates alike (one table per unit). */
  private readonly values = new Map<string, UnitTable>();
  private readonly presence: Presence = new Map();
  /** item code → the sheet holding its column. */
  private readonly judgedColumns = new Map<string, string>();
  /** code → the header cell (SHEET!CELL) of the column that holds it. */
  private readonly columnSheet = new Map<string, string>();
  private ledgerSheet: RawSheet | undefined;
  private sheetCount = 0;
  private firstSheet = "";

  constructor(
    private readonly rubric: Rubric,
    private readonly meta: { file: string; sha256: string },
    private readonly ignore: (sheet: string) => boolean = () => false,
  ) {
    this.p = new CellProblems(meta.file);
    const codes = rubric.lines.flatMap((l) => leaves(l.items).filter((i) => i.kind === "judged").map((i) => i.code));
    this.layout = new ValueLayout([...codes, ...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)]);
  }

  private table(unit: string): UnitTable {
    let t = this.values.get(unit);
    if (!t) {
      t = new UnitTable(this.layout);
      this.values.set(unit, t);
    }
    return t;
  }

  /** A whole sheet at once (the cover-less start of a book, tests). */
  addSheet(sheet: RawSheet): void {
    const sink = this.openSheet(sheet.name, sheet.hidden);
    for (const row of sheet.rows) sink.row(row, sheet.hiddenRows.has(row[0]?.row ?? 0));
    sink.end(sheet);
  }

  /**
   * A sheet row by row, as the package reader streams it: its first rows tell what it is (a line,
   * the rates, the ledger, or none of ours); a line or rate sheet's rows are then read as they
   * come and dropped; the ledger, which needs every unit, is kept until finish().
   */
  openSheet(name: string, hidden: boolean): RowSink {
    if (this.sheetCount++ === 0) this.firstSheet = name;
    if (this.ignore(name)) return IGNORED;
    const head: RawSheet = { name, hidden, rows: [], hiddenRows: new Set(), merges: [] };
    let handle: RowHandler | undefined;
    let kept: RawSheet | undefined;
    let decided = false;
    const decide = (): void => {
      decided = true;
      if (!this.ledgerSheet && isLedgerSheet(head)) {
        this.ledgerSheet = kept = head;
        return;
      }
      handle = this.rowsOf(head);
      for (const row of head.rows) handle?.(row, head.hiddenRows.has(row[0]?.row ?? 0));
      head.rows = [];
    };
    return {
      row: (row, rowHidden) => {
        if (kept || !decided) {
          if (rowHidden) head.hiddenRows.add(row[0]?.row ?? 0);
          head.rows.push(row);
          if (!decided && head.rows.length >= HEADER_SCAN_ROWS) decide();
        } else handle?.(row, rowHidden);
      },
      end: (sheet) => {
        if (!decided) decide();
        head.merges = sheet.merges;
      },
    };
  }

  /** What reads a sheet's rows, from its first rows (the header); undefined: none of ours. */
  private rowsOf(sheet: RawSheet): RowHandler | undefined {
    const role = classify(this.rubric, sheet, this.p);
    if (!role) return undefined;
    // A copy of a sheet ("党政线 (2)") or a summary with the same codes must not quietly replace
    // or mix with the values of the sheet that holds them first.
    const codes = role.role === "line" ? [...role.columns].map(([col, item]) => [col, item.code] as const) : [...role.columns];
    const taken = codes.find(([, code]) => this.columnSheet.has(code));
    if (taken) {
      const [col, code] = taken;
      const first = this.columnSheet.get(code) ?? "";
      this.p.error("workbook.column-on-two-sheets", sheet.name, `${colName(col)}${role.headerRow}`, { code, first });
      return undefined;
    }
    for (const [col, code] of codes) this.columnSheet.set(code, `${quoteSheet(sheet.name)}!${colName(col)}${role.headerRow}`);
    this.located.push({ sheet: sheet.name, role });
    if (sheet.hidden) this.p.warn("workbook.hidden-sheet", sheet.name, undefined);
    return role.role === "line" ? this.lineRows(sheet.name, role) : this.rateRows(sheet.name, role);
  }

  /** Records that a unit is on the sheet located last. */
  private present(u: UnitRow): void {
    let rows = this.presence.get(u.name);
    if (!rows) {
      rows = [];
      this.presence.set(u.name, rows);
    }
    rows[this.located.length - 1] = u.row;
  }

  private lineRows(sheet: string, role: Extract<SheetRole, { role: "line" }>): RowHandler {
    const p = this.p;
    const columns = [...role.columns].map(([col, item]) => {
      this.judgedColumns.set(item.code, sheet);
      return { col, item, index: this.layout.place(item.code, sheet, col) };
    });
    return unitRows(sheet, role.headerRow, role.nameCol, p, (u) => {
      this.present(u);
      const existing = this.unitByName.get(u.name);
      if (existing && existing.kind !== role.kind) {
        p.error("workbook.unit-two-kinds", sheet, refOf(role.nameCol, u.row), { unit: u.name });
        return;
      }
      if (!existing) {
        const unit: Unit = { name: u.name, kind: role.kind, at: { sheet, cell: refOf(role.nameCol, u.row) } };
        this.units.push(unit);
        this.unitByName.set(u.name, unit);
      }
      const m = this.table(u.name);
      for (const { col, item, index } of columns) {
        const c = u.cells[col];
        const v = readPoints(p, sheet, c, col, u.row, item.max, item.code);
        if (v !== undefined && index !== undefined) m.set(index, v, u.row);
      }
    });
  }

  private rateRows(sheet: string, role: Extract<SheetRole, { role: "rates" }>): RowHandler {
    const p = this.p;
    const targets = new Set(this.rubric.targets.map((t) => t.code));
    const columns = [...role.columns].map(([col, code]) => ({ col, code, target: targets.has(code), index: this.layout.place(code, sheet, col) }));
    return unitRows(sheet, role.headerRow, role.nameCol, p, (u) => {
      this.present(u);
      const m = this.table(u.name);
      for (const { col, code, target, index } of columns) {
        const c = u.cells[col];
        // Targets may be blank when the rubric gives a default; the coverage check decides.
        if (target && isBlank(c)) continue;
        const v = readRate(p, sheet, c, col, u.row, code);
        if (v !== undefined && index !== undefined) m.set(index, v, u.row);
      }
    });
  }

  finish(): ReadResult {
    const p = this.p;
    checkCoverage(this.rubric, this.located, this.units, this.presence, this.judgedColumns, this.values, p);
    const ledger: LedgerEntry[] = this.ledgerSheet ? readLedger(this.rubric, this.ledgerSheet, this.unitByName, p) : [];
    if (!this.units.length && !this.located.length) p.error("workbook.no-sheets-found", this.firstSheet, undefined);
    else if (!this.units.length) p.error("workbook.no-units", this.located[0]?.sheet ?? this.firstSheet, undefined);
    else {
      // A sheet deleted by hand must not silently drop a whole kind of unit, or every bonus.
      for (const kind of this.rubric.unitKinds) {
        if (this.located.some((l) => l.role.role === "line" && l.role.kind === kind.id)) continue;
        const lines = this.rubric.lines.filter((l) => kind.lines.includes(l.code)).map((l) => l.sheet);
        p.warn("workbook.no-line-sheet", undefined, undefined, { line: lines.join("、"), kind: kind.name });
      }
      if (!this.ledgerSheet) p.warn("workbook.no-ledger-sheet", undefined, undefined);
    }
    const diagnostics = p.diags;
    if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
    const { file, sha256 } = this.meta;
    return { submission: { file, sha256, cover: {}, units: this.units, scores: this.values, rates: this.values, ledger }, diagnostics };
  }
}

/** The whole book at once (tests, small inputs). */
export function readSubmission(rubric: Rubric, book: RawBook, meta: { file: string; sha256: string }, ignore: (sheet: string) => boolean = () => false): ReadResult {
  const r = new SubmissionReader(rubric, meta, ignore);
  for (const sheet of book.sheets) r.addSheet(sheet);
  return r.finish();
}

/** A rate this far below a target of at least half is taken for a slip of the percent sign. */
const IMPLAUSIBLE_BELOW: Rate = 100; // 1%
const HIGH_TARGET: Rate = 5000; // 50%

/**
 * A rate under 1% against a target of 50% or more (0.99% typed for 99%) would fail its item, and
 * a gate's failure vetoes the unit: a warning at the cell asks, once per unit and indicator.
 */
function implausibleRates(rubric: Rubric, measured: readonly LeafItem[], members: readonly Unit[], rates: ReadonlyMap<string, UnitValues<Rate>>, p: CellProblems): void {
  for (const u of members) {
    const values = rates.get(u.name);
    const warned = new Set<string>();
    for (const m of measured) {
      if (!("indicator" in m) || warned.has(m.indicator)) continue;
      const value = valueOf(values, m.indicator);
      if (value === undefined || value <= 0 || value >= IMPLAUSIBLE_BELOW) continue;
      const target = targetValue(rubric, m, values);
      const at = values?.get(m.indicator)?.at;
      if (target === undefined || target < HIGH_TARGET || !at) continue;
      warned.add(m.indicator);
      const data = { code: m.indicator, unit: u.name, value: formatRate(value), target: formatRate(target), suggestion: formatRate(value * 100) };
      p.warn("workbook.rate-implausible", at.sheet, at.cell, data);
    }
  }
}

/** Every unit on every sheet its kind needs; every judged column present; every measured input there. */
function checkCoverage(
  rubric: Rubric,
  located: LocatedRole[],
  units: Unit[],
  presence: Presence,
  judgedColumns: Map<string, string>,
  rates: ReadonlyMap<string, UnitValues<Rate>>,
  p: CellProblems,
): void {
  const rateSheets = located.filter((l) => l.role.role === "rates");
  for (const kind of rubric.unitKinds) {
    const members = units.filter((u) => u.kind === kind.id);
    if (!members.length) continue;
    const lines = rubric.lines.filter((l) => kind.lines.includes(l.code));
    const measured = lines.flatMap((l) => leaves(l.items)).filter((i) => i.kind !== "judged");
    // Sheets this kind's units must all appear on.
    const sheets = [...located.keys()].filter((i) => {
      const role = located[i]?.role;
      return (role?.role === "line" && role.kind === kind.id) || (role?.role === "rates" && measured.length > 0);
    });
    for (const u of members) {
      const rows = presence.get(u.name) ?? [];
      for (const s of sheets) {
        if (rows[s] !== undefined) continue;
        // Located at the unit's name on the first sheet it is on.
        const first = rows.findIndex((r) => r !== undefined);
        const at = located[first];
        const [firstSheet, firstRef] = at ? [at.sheet, refOf(at.role.nameCol, rows[first] ?? 0)] : [u.at.sheet, u.at.cell];
        p.error("workbook.unit-missing-on", firstSheet, firstRef, { unit: u.name, sheet: located[s]?.sheet ?? "" });
      }
    }
    for (const line of lines) {
      const judged = leaves(line.items).filter((i) => i.kind === "judged");
      const found = judged.find((i) => judgedColumns.has(i.code));
      if (!found) {
        // Not one column of the line: its sheet was deleted (or its header row), one error says so.
        const data = { line: line.name, sheet: line.sheet, codes: judged.slice(0, 3).map((i) => i.code).join(", ") };
        if (judged.length) p.error("workbook.missing-line-sheet", undefined, undefined, data);
        continue;
      }
      // Some columns missing: said on the sheet that holds the line's other columns.
      const lineSheet = judgedColumns.get(found.code) ?? "";
      for (const leaf of judged) if (!judgedColumns.has(leaf.code)) p.error("workbook.missing-column", lineSheet, undefined, { code: leaf.code, name: leaf.name });
    }
    if (measured.length && !rateSheets.length) {
      p.error("workbook.missing-rates-sheet", members[0]?.at.sheet ?? "", undefined, { codes: [...new Set(measured.map((m) => ("indicator" in m ? m.indicator : "")))].join(", ") });
      continue;
    }
    const rateCols = new Map<string, { sheet: string; at: number; col: number; headerRow: number }>();
    located.forEach((l, at) => {
      if (l.role.role !== "rates") return;
      for (const [col, code] of l.role.columns) rateCols.set(code, { sheet: l.sheet, at, col, headerRow: l.role.headerRow });
    });
    const needed = new Map<string, boolean>(); // code → is a target with a default
    for (const m of measured) {
      if (!("indicator" in m)) continue;
      needed.set(m.indicator, false);
      const target = m.target;
      if ("ref" in target) needed.set(target.ref, rubric.targets.find((t) => t.code === target.ref)?.default !== undefined);
    }
    for (const [code, hasDefault] of needed) {
      const col = rateCols.get(code);
      if (!col) {
        if (!hasDefault) p.error("workbook.missing-rate-column", rateSheets[0]?.sheet ?? "", undefined, { code });
        continue;
      }
      if (hasDefault || !rubric.targets.some((t) => t.code === code)) continue;
      for (const u of members) {
        const row = presence.get(u.name)?.[col.at];
        if (row === undefined) continue; // reported as missing on that sheet
        if (rates.get(u.name)?.get(code) === undefined) p.error("workbook.missing-target", col.sheet, refOf(col.col, row), { code, unit: u.name });
      }
    }
    implausibleRates(rubric, measured, members, rates, p);
  }
}

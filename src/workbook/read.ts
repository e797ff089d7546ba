// Turns a parsed workbook into a Submission for a rubric: finds each sheet by its header codes,
// reads every unit row, and collects every problem, located to the cell, in one pass.
import type { Diagnostic } from "../diagnostics/index.js";
import type { LeafItem, Points, Rate, Rubric, UnitKindId } from "../rubric/model.js";
import { leaves, kindOfLine } from "../rubric/model.js";
import { EnteredCell, type Entered, type LedgerEntry, type Submission, type Unit, type Src } from "./model.js";
import type { RawBook, RawCell, RawSheet } from "./xlsx/index.js";
import { CellProblems, cellText, isBlank, readPoints, readRate } from "./cells.js";
import { HEADER_SCAN_ROWS, UNIT_HEADER, headerCode } from "./layout.js";
import { findLedgerSheet, readLedger } from "./ledger.js";
import { colName } from "./refs.js";

type SheetRole =
  | { role: "line"; kind: UnitKindId; columns: Map<number, LeafItem>; headerRow: number; nameCol: number }
  | { role: "rates"; columns: Map<number, string>; headerRow: number; nameCol: number };

interface Located {
  sheet: RawSheet;
  role: SheetRole;
}

function rowCells(row: readonly RawCell[]): Map<number, RawCell> {
  return new Map(row.map((c) => [c.col, c]));
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
  nameRef: string;
  cells: Map<number, RawCell>;
  row: number;
}

/** The unit rows under the header: blank rows skipped, names trimmed, duplicates reported. */
function unitRows(sheet: RawSheet, headerRow: number, nameCol: number, p: CellProblems): UnitRow[] {
  const out: UnitRow[] = [];
  const seen = new Map<string, string>();
  for (const row of sheet.rows) {
    const r = row[0]?.row ?? 0;
    if (r <= headerRow) continue;
    const cells = rowCells(row);
    const nameCell = cells.get(nameCol);
    const nameRef = `${colName(nameCol)}${r}`;
    const name = cellText(nameCell);
    const others = row.filter((c) => c.col !== nameCol && !isBlank(c));
    if (name === "") {
      if (others.length) p.error("workbook.missing-unit-name", sheet.name, nameRef);
      continue;
    }
    if (nameCell && nameCell.value.t !== "s") {
      p.error("workbook.bad-unit-name", sheet.name, nameRef, { value: name });
      continue;
    }
    if (sheet.hiddenRows.has(r)) p.warn("workbook.hidden-row", sheet.name, nameRef, { unit: name });
    const first = seen.get(name);
    if (first) {
      p.error("workbook.duplicate-unit", sheet.name, nameRef, { unit: name, first });
      continue;
    }
    seen.set(name, nameRef);
    out.push({ name, nameRef, cells, row: r });
  }
  return out;
}

export interface ReadResult {
  submission?: Submission;
  diagnostics: Diagnostic[];
}

/** ignore: sheets that are not input (our result sheets from an earlier run). */
export function readSubmission(rubric: Rubric, book: RawBook, meta: { file: string; sha256: string }, ignore: (sheet: string) => boolean = () => false): ReadResult {
  const p = new CellProblems(meta.file);
  const located: Located[] = [];
  const input: RawBook = { sheets: book.sheets.filter((s) => !ignore(s.name)) };
  const ledgerSheet = findLedgerSheet(input);
  for (const sheet of input.sheets) {
    if (sheet === ledgerSheet) continue;
    const role = classify(rubric, sheet, p);
    if (role) {
      located.push({ sheet, role });
      if (sheet.hidden) p.warn("workbook.hidden-sheet", sheet.name, undefined);
    }
  }

  const units: Unit[] = [];
  const unitByName = new Map<string, Unit>();
  const scores = new Map<string, Map<string, Entered<Points>>>();
  const rates = new Map<string, Map<string, Entered<Rate>>>();
  /** unit name → the sheets it appears on (for the one-sheet-but-not-another check). */
  const presence = new Map<string, Map<string, string>>();
  const at = (sheet: RawSheet, ref: string): Src => ({ sheet: sheet.name, cell: ref });

  const judgedColumns = new Map<string, string>(); // item code → sheet having it
  for (const { sheet, role } of located) {
    const rows = unitRows(sheet, role.headerRow, role.nameCol, p);
    for (const u of rows) {
      const pres = presence.get(u.name) ?? new Map<string, string>();
      pres.set(sheet.name, u.nameRef);
      presence.set(u.name, pres);
    }
    if (role.role === "line") {
      for (const item of role.columns.values()) judgedColumns.set(item.code, sheet.name);
      for (const u of rows) {
        const existing = unitByName.get(u.name);
        if (existing && existing.kind !== role.kind) {
          p.error("workbook.unit-two-kinds", sheet.name, u.nameRef, { unit: u.name });
          continue;
        }
        if (!existing) {
          const unit: Unit = { name: u.name, kind: role.kind, at: at(sheet, u.nameRef) };
          units.push(unit);
          unitByName.set(u.name, unit);
        }
        const m = scores.get(u.name) ?? new Map<string, Entered<Points>>();
        scores.set(u.name, m);
        for (const [col, item] of role.columns) {
          const c = u.cells.get(col);
          const v = readPoints(p, sheet.name, c, c?.ref ?? `${colName(col)}${u.row}`, item.max, item.code);
          if (v !== undefined) m.set(item.code, new EnteredCell(v, sheet.name, u.row, col));
        }
      }
    } else {
      for (const u of rows) {
        const m = rates.get(u.name) ?? new Map<string, Entered<Rate>>();
        rates.set(u.name, m);
        for (const [col, code] of role.columns) {
          const c = u.cells.get(col);
          // Targets may be blank when the rubric gives a default; the check below decides.
          if (isBlank(c) && rubric.targets.some((t) => t.code === code)) continue;
          const v = readRate(p, sheet.name, c, c?.ref ?? `${colName(col)}${u.row}`, code);
          if (v !== undefined) m.set(code, new EnteredCell(v, sheet.name, u.row, col));
        }
      }
    }
  }

  checkCoverage(rubric, located, units, presence, judgedColumns, rates, p);
  const ledger: LedgerEntry[] = ledgerSheet ? readLedger(rubric, ledgerSheet, unitByName, p) : [];

  if (!units.length && !located.length) p.error("workbook.no-sheets-found", book.sheets[0]?.name ?? "", undefined);
  const diagnostics = p.diags;
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { submission: { file: meta.file, sha256: meta.sha256, cover: {}, units, scores, rates, ledger }, diagnostics };
}

/** Every unit on every sheet its kind needs; every judged column present; every measured input there. */
function checkCoverage(
  rubric: Rubric,
  located: Located[],
  units: Unit[],
  presence: Map<string, Map<string, string>>,
  judgedColumns: Map<string, string>,
  rates: Map<string, Map<string, Entered<Rate>>>,
  p: CellProblems,
): void {
  const rateSheets = located.filter((l) => l.role.role === "rates");
  for (const kind of rubric.unitKinds) {
    const members = units.filter((u) => u.kind === kind.id);
    if (!members.length) continue;
    const lines = rubric.lines.filter((l) => kind.lines.includes(l.code));
    const measured = lines.flatMap((l) => leaves(l.items)).filter((i) => i.kind !== "judged");
    // Sheets this kind's units must all appear on.
    const sheets = located.filter((l) => (l.role.role === "line" && l.role.kind === kind.id) || (l.role.role === "rates" && measured.length > 0));
    for (const u of members) {
      const pres = presence.get(u.name);
      for (const s of sheets) {
        if (!pres?.has(s.sheet.name)) {
          const [firstSheet, firstRef] = [...(pres ?? new Map<string, string>()).entries()][0] ?? [u.at.sheet, u.at.cell];
          p.error("workbook.unit-missing-on", firstSheet, firstRef, { unit: u.name, sheet: s.sheet.name });
        }
      }
    }
    for (const leaf of lines.flatMap((l) => leaves(l.items))) {
      if (leaf.kind === "judged" && !judgedColumns.has(leaf.code)) {
        const lineSheet = located.find((l) => l.role.role === "line" && l.role.kind === kind.id)?.sheet.name ?? "";
        p.error("workbook.missing-column", lineSheet, undefined, { code: leaf.code, name: leaf.name });
      }
    }
    if (measured.length && !rateSheets.length) {
      p.error("workbook.missing-rates-sheet", members[0]?.at.sheet ?? "", undefined, { codes: [...new Set(measured.map((m) => ("indicator" in m ? m.indicator : "")))].join(", ") });
      continue;
    }
    const rateCols = new Map<string, { sheet: string; col: number; headerRow: number }>();
    for (const l of rateSheets) {
      if (l.role.role !== "rates") continue;
      for (const [col, code] of l.role.columns) rateCols.set(code, { sheet: l.sheet.name, col, headerRow: l.role.headerRow });
    }
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
        if (!hasDefault) p.error("workbook.missing-rate-column", rateSheets[0]?.sheet.name ?? "", undefined, { code });
        continue;
      }
      if (hasDefault) continue;
      for (const u of members) {
        const pres = presence.get(u.name)?.get(col.sheet);
        if (!pres) continue; // reported as missing on that sheet
        const isTarget = rubric.targets.some((t) => t.code === code);
        if (isTarget && !rates.get(u.name)?.has(code)) {
          const row = Number(/\d+$/.exec(pres)?.[0] ?? 0);
          p.error("workbook.missing-target", col.sheet, `${colName(col.col)}${row}`, { code, unit: u.name });
        }
      }
    }
  }
}

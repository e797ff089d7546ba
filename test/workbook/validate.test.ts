// `assess validate`'s promise: every mistake an assessor makes is found in one pass and located
// to the cell (code and SHEET!CELL asserted for each), and what users really type is accepted.
// The cases run on the template's layout in memory (no zip per case); a workbook written and read
// through the whole package path checks the same at the end.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, load, readMemBook } from "../helpers/load.js";
import { readBook } from "../../src/load/index.js";
import { COVER_LABELS, isSummaryName } from "../../src/workbook/layout.js";
import { rubricSource } from "../../src/cli/rubric-source.js";
import { formatLocation, type Diagnostic } from "../../src/diagnostics/index.js";
import { message } from "../../src/messages/index.js";
import { colName } from "../../src/xlsx/refs.js";
import { loadRubric } from "../../src/rubric/load.js";
import { leaves, type Rubric } from "../../src/rubric/model.js";
import { fillToBuffer, type FillSpec } from "../helpers/fill.js";
import { fill, numbered, templateBook, type LedgerRow, type MemBook, type Value } from "../helpers/membook.js";
import { MINI_TEXT, rubricFrom } from "../helpers/builders.js";
import { scratchDir } from "../helpers/tmp.js";

const FILE = "rubric/district-popplan-2022.1.yaml";
const rubric = loadRubric(FILE, readFileSync(FILE), "test").rubric!;

const TOWNS = ["甲镇", "乙街道", "丙镇"];
/** Each judged item's full marks, as a form's 满分 row gives them. */
const FULL_MARKS = new Map(rubric.lines.flatMap((l) => leaves(l.items)).map((i) => [i.code, i.max / 100]));
const base = (): Record<string, Record<string, Value>> => ({
  甲镇: { ZB1: { percent: 0.97 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.99 }, MB2: { percent: 0.98 }, ZB3: { percent: 0.96 }, ZB4: { percent: 0.35 } },
  乙街道: { ZB1: { percent: 0.97 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.99 }, MB2: { percent: 0.98 }, ZB3: { percent: 0.96 }, ZB4: { percent: 0.35 } },
  丙镇: { ZB1: { percent: 0.97 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.99 }, MB2: { percent: 0.98 }, ZB3: { percent: 0.96 }, ZB4: { percent: 0.35 } },
});
/** Full marks on every judged item unless a case says otherwise. */
function full(values: Record<string, Record<string, Value>>): Record<string, Record<string, Value>> {
  const out: Record<string, Record<string, Value>> = {};
  for (const line of rubric.lines) {
    const names = line.code === "BM" ? ["丁局"] : TOWNS;
    const walk = (items: typeof line.items): void =>
      items.forEach((i) => {
        if (i.kind === "group") walk(i.children);
        else if (i.kind === "judged") for (const n of names) (out[n] ??= {})[i.code] = i.max / 100;
      });
    walk(line.items);
  }
  for (const [n, v] of Object.entries(values)) Object.assign((out[n] ??= {}), v);
  return out;
}

interface Case {
  name: string;
  values?: Record<string, Record<string, Value>>;
  ledger?: LedgerRow[];
  edit?: (wb: MemBook) => void;
  expected: string[];
}

/** A code's column (its heading and the three towns' rows) pasted past `to`'s last heading; `cut`: emptied where it was. */
function pastedOn(wb: MemBook, from: string, code: string, to: string, cut: boolean): void {
  const target = wb.sheetNamed(to);
  wb.sheetNamed(from).pasteColumn(wb.sheetNamed(from).codeColumns().get(code)!, target, Math.max(...target.codeColumns().values()) + 1, 4, cut);
}

const UNITS = [...TOWNS.map((name) => ({ name, kind: "town" })), { name: "丁局", kind: "department" }];

function valuesOf(c: Omit<Case, "name" | "expected">): Record<string, Record<string, Value>> {
  const values = base();
  for (const [n, v] of Object.entries(c.values ?? {})) Object.assign((values[n] ??= {}), v);
  return full(values);
}

const lines = (diagnostics: readonly Diagnostic[]): string[] => diagnosticLines(diagnostics);

/** Each problem as its place and its Chinese words (in.xlsx: 党政线!B2 …). */
const said = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.location ? formatLocation(d.location) : ""} ${message("zh-CN", d.code, d.data)}`);

async function diagnose(c: Omit<Case, "name" | "expected">): Promise<{ lines: string[]; ok: boolean; diagnostics: readonly Diagnostic[] }> {
  const book = fill(await templateBook(rubric, UNITS), valuesOf(c), c.ledger ?? []);
  c.edit?.(book);
  return readMemBook(book);
}

const row = (unit: string, code: string, more: Partial<LedgerRow> = {}): LedgerRow => ({ unit, code, status: "已认定", ...more });

/** A copy of row `from` of a sheet as row `to`, named `name`. */
function addedRow(wb: MemBook, sheet: string, from: number, to: number, name: string): void {
  const ws = wb.sheetNamed(sheet);
  for (const [c, cell] of ws.rows.get(from) ?? []) ws.setAt(to, c, c === 1 ? name : cell.value.t === "s" || cell.value.t === "n" ? cell.value.v : null);
}

/** A unit the template was not made for, with a row on every sheet (甲镇's values), as row 5. */
function addedEverywhere(wb: MemBook, name: string): void {
  for (const sheet of ["党政线", "人口计生线", "指标数据"]) {
    const ws = wb.sheetNamed(sheet);
    const row = [...(ws.rows.get(2)?.entries() ?? [])];
    for (const [c, cell] of row) ws.setAt(5, c, c === 1 ? name : cell.value.t === "s" || cell.value.t === "n" ? cell.value.v : null);
  }
}

/** A unit's name written otherwise in its cell on every sheet (a rename, or a slip copied down). */
function namedEverywhere(wb: MemBook, cell: string, name: string): void {
  for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).set(cell, name);
}

/** The lists sheet as templates made it before its column of every unit: the ledger's units alone (column A). */
function asOlderTemplate(wb: MemBook): void {
  const lists = wb.sheetNamed("_lists");
  for (let r = 1; r <= 4; r++) lists.set(`F${r}`, null).set(`G${r}`, null);
}


/** A 合计 column after 党政线's items, each row's sum of them, plus `off` on 甲镇's row (row 2). */
function lineTotals(off: number): (wb: MemBook) => void {
  return (wb) => {
    const ws = wb.sheetNamed("党政线");
    let last = 2;
    while (textAt(ws, `${colName(last + 1)}1`) !== "") last++;
    ws.set(`${colName(last + 1)}1`, "合计");
    for (let r = 2; r <= 4; r++) {
      let sum = 0;
      for (let c = 2; c <= last; c++) {
        const v = ws.get(`${colName(c)}${r}`)?.value;
        if (v?.t === "n") sum += v.v;
      }
      ws.set(`${colName(last + 1)}${r}`, Math.round((sum + (r === 2 ? off : 0)) * 100) / 100);
    }
  };
}

/** A cell's text (a heading's), or "" where it holds none. */
function textAt(ws: ReturnType<MemBook["sheetNamed"]>, ref: string): string {
  const v = ws.get(ref)?.value;
  return v?.t === "s" ? v.v : "";
}

/** Writes the heading row's cell that begins with `code` (DZ2 统筹决策(20分)) over with `text`; one there must be. */
function setHeading(ws: ReturnType<MemBook["sheetNamed"]>, code: string, text: string): void {
  for (let c = 2; c < 60; c++) {
    const ref = `${colName(c)}1`;
    if (textAt(ws, ref).startsWith(`${code} `)) return void ws.set(ref, text);
  }
  throw new Error(`no ${code} heading`);
}

const cases: Case[] = [
  { name: "points above the max", values: { 甲镇: { DZ2: 25 } }, expected: ["workbook.points-out-of-range 党政线!B2"] },
  { name: "negative points", values: { 乙街道: { DZ4: -1 } }, expected: ["workbook.points-out-of-range 党政线!G3"] },
  { name: "full marks with a formula's float noise (0.1 × 200) are full marks", values: { 甲镇: { DZ2: 20.000000000000004 } }, expected: [] },
  {
    name: "points far out of range are out of range, not off the step, and so is a rate past a trillion percent (it was 'no rate')",
    values: { 甲镇: { DZ2: 1e308, ZB1: { percent: 1e18 } }, 乙街道: { DZ4: -1e300, DZ2: 25.3 } },
    expected: ["workbook.points-out-of-range 党政线!B2", "workbook.points-out-of-range 党政线!B3", "workbook.points-out-of-range 党政线!G3", "workbook.rate-out-of-range 指标数据!B2"],
  },
  { name: "points finer than 0.5", values: { 甲镇: { DZ5: 12.3 } }, expected: ["workbook.points-step 党政线!H2"] },
  // 二十 is 20 in Chinese numerals: asked for as 20; other words, a number within the item's points.
  { name: "text where points belong", values: { 丙镇: { DZ2: "二十", DZ5: "良好" }, 甲镇: { DZ2: "满分", "DZ3.1": "无" } }, expected: ["workbook.points-full-word 党政线!B2", "workbook.none-word-points 党政线!C2", "workbook.points-chinese-numeral 党政线!B4", "workbook.points-not-a-number 党政线!H4"] },
  { name: "points typed with their 分", values: { 丙镇: { DZ2: "18.5分" } }, expected: ["workbook.points-with-unit 党政线!B4"] },
  // In English too: 19.5 pts, 18 points.
  { name: "points typed with pts or points", values: { 乙街道: { DZ2: "18 Points" }, 丙镇: { DZ2: "19.5 pts" } }, expected: ["workbook.points-with-unit 党政线!B3", "workbook.points-with-unit 党政线!B4"] },
  // TRUE (a checkbox's value) where points belong: said as the item's points, with its code.
  { name: "TRUE where points belong", values: { 丙镇: { DZ2: true } }, expected: ["workbook.points-not-a-number 党政线!B4"] },
  { name: "points whose comma groups three digits after a 0 (0,019: 19 or 0.019?)", values: { 丙镇: { DZ2: "0,019" }, 甲镇: { DZ5: "1,000" } }, expected: ["workbook.points-out-of-range 党政线!H2", "workbook.number-comma-zero 党政线!B4"] },
  { name: "points with a space or a comma inside, and with spaces around", values: { 丙镇: { DZ2: "1 8", DZ5: "1,5" }, 甲镇: { DZ2: " 18 " } }, expected: ["workbook.number-space 党政线!B4", "workbook.number-comma 党政线!H4"] },
  {
    name: "a date where points belong",
    values: { 甲镇: { DZ2: new Date(Date.UTC(2026, 0, 5)) } },
    expected: ["workbook.date-not-number 党政线!B2"],
  },
  // A 0 in a date-formatted cell is no date (it was said to show 0; Excel shows 1900-01-00).
  // 19.5 under a format of no decimals shows 20 on screen and on the signed printout: read as
  // stored, and said (it went unsaid); under 0.0, 19.5 shows as it is.
  { name: "points a format shows rounded", values: { 甲镇: { DZ2: { shown: 19.5, fmt: "general-0" } }, 乙街道: { DZ2: { shown: 19.5, fmt: "general-1" } } }, expected: ["warning workbook.points-shown-rounded 党政线!B2"] },
  { name: "a 0 in a date-formatted cell where points belong", values: { 甲镇: { DZ2: { shown: 0, fmt: "date" } } }, expected: ["workbook.date-not-number-nodate 党政线!B2"] },
  { name: "an error value from a formula", values: { 甲镇: { "JS1.1": { formula: "1/0", result: { error: "#DIV/0!" } } } }, expected: ["workbook.error-value 人口计生线!B2"] },
  { name: "#N/A typed as a value", values: { 乙街道: { "JS1.2": { error: "#N/A" } } }, expected: ["workbook.error-value 人口计生线!C3"] },
  { name: "a formula never calculated", values: { 甲镇: { JS8: { formula: "SUM(X1:X2)" } } }, expected: ["workbook.formula-no-result 人口计生线!AA2"] },
  // Said as the formula's: the cell is not blank, what it refers to is (=IF(Z3="","",19)).
  { name: "a formula giving nothing for points", values: { 丙镇: { "DZ3.1": { formula: 'IF(Z4="","",19)', result: "" } } }, expected: ["workbook.blank-points-formula 党政线!C4"] },
  // A heading's full marks not the rubric's (a form made from another version's template, its limits
  // that version's too): warned at the heading. The template's own (20分), (扣分,满分15分) agree.
  {
    name: "a heading whose full marks are not the rubric's",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      const v = ws.get("B1")?.value;
      ws.set("B1", v?.t === "s" ? v.v.replace(/\((\d+(?:\.\d+)?)分\)$/, "(30分)") : "");
    },
    expected: ["warning workbook.header-max-differs 党政线!B1"],
  },
  {
    name: "headings whose full marks, in 【】 or after a space, are not the rubric's",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.set("B1", textAt(ws, "B1").replace(/\((\d+(?:\.\d+)?)分\)$/, "【30分】"));
      ws.set("C1", textAt(ws, "C1").replace(/\((\d+(?:\.\d+)?)分\)$/, " 99分"));
    },
    expected: ["warning workbook.header-max-differs 党政线!B1", "warning workbook.header-max-differs 党政线!C1"],
  },
  // Two headings' names swapped (DZ2 with DZ3.1's name, DZ3.1 with DZ2's): a column filled by its
  // name would be read as its code's, silently (every value taken for the other item). Which was
  // meant cannot be told: an error at each. A name shortened or its own kept is no such heading.
  {
    name: "headings whose codes and names are two items' (names swapped)",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      const text = (ref: string): string => textAt(ws, ref);
      const [b1, c1] = [text("B1"), text("C1")];
      const name = (h: string): string => h.replace(/^\S+\s*/, "");
      ws.set("B1", `${b1.split(" ")[0]} ${name(c1)}`);
      ws.set("C1", `${c1.split(" ")[0]} ${name(b1)}`);
    },
    expected: ["workbook.header-name-other 党政线!B1", "workbook.header-name-other 党政线!C1"],
  },
  {
    // …and a value under such a heading out of its code's range but within the named item's (45 under
    // DZ3.4 headed as DZ5): the heading's doing, said once at it, not as a score to mend.
    name: "a value out of range under a heading naming another item",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      setHeading(ws, "DZ3.4", "DZ3.4 经费保障");
      setHeading(ws, "DZ5", "DZ5 出生人口性别比综合治理");
      const col = [...ws.codeColumns()].find(([code]) => code === "DZ3.4")?.[1] ?? 0;
      ws.setAt(2, col, 45);
    },
    expected: ["workbook.header-name-other 党政线!F1", "workbook.header-name-other 党政线!H1"],
  },
  {
    // A code mistyped over an item's own name (DZ5 出生人口性别比综合治理 for DZ3.4): said once, at
    // it; not also the real DZ5 column as twice (deleting it as told lost its scores), DZ3.4 as
    // missing, or its marks as another version's.
    name: "a heading's code mistyped, its name the item's own",
    edit: (wb) => setHeading(wb.sheetNamed("党政线"), "DZ3.4", "DZ5 出生人口性别比综合治理(10分)"),
    expected: ["workbook.header-name-other 党政线!F1"],
  },
  {
    // Indicators' names swapped on the indicator sheet: said as figures taken for another indicator's.
    name: "indicator headings whose names are swapped",
    edit: (wb) => {
      const ws = wb.sheetNamed("指标数据");
      setHeading(ws, "ZB1", "ZB1 统计合格率");
      setHeading(ws, "ZB2", "ZB2 出生政策符合率(%)");
    },
    expected: ["workbook.header-name-other-rate 指标数据!B1", "workbook.header-name-other-rate 指标数据!C1"],
  },
  {
    // A target's heading with another target's name written without its bracketed words
    // (统计合格率目标 for MB2's 统计合格率目标(责任书下达指标)); an item's name with its marks
    // written 【20分】 or after a space (20分): the same as in round brackets.
    name: "headings naming another column without its bracketed words, or with their marks in other brackets",
    edit: (wb) => {
      setHeading(wb.sheetNamed("指标数据"), "MB1", "MB1 统计合格率目标");
      const ws = wb.sheetNamed("党政线");
      const name = (ref: string): string => textAt(ws, ref).replace(/^\S+\s*/, "").replace(/\(\d+分\)$/, "");
      const [b1, c1] = [name("B1"), name("C1")];
      ws.set("B1", `${textAt(ws, "B1").split(" ")[0]} ${c1}【20分】`);
      ws.set("C1", `${textAt(ws, "C1").split(" ")[0]} ${b1} 20分`);
    },
    expected: ["workbook.header-name-other 党政线!B1", "workbook.header-name-other 党政线!C1", "workbook.header-name-other-rate 指标数据!F1"],
  },
  {
    // Another target's name with its bracketed words shortened, or in 【】; marks right after a name (统筹决策30分).
    name: "headings naming another column with other bracketed words, and marks right after a name",
    edit: (wb) => {
      const rates = wb.sheetNamed("指标数据");
      setHeading(rates, "MB1", "MB1 统计合格率目标（责任书）");
      setHeading(rates, "MB2", "MB2 出生政策符合率目标【责任书下达指标】");
      const ws = wb.sheetNamed("党政线");
      ws.set("B1", textAt(ws, "B1").replace(/\((\d+(?:\.\d+)?)分\)$/, "30分"));
    },
    expected: ["warning workbook.header-max-differs 党政线!B1", "workbook.header-name-other-rate 指标数据!F1", "workbook.header-name-other-rate 指标数据!G1"],
  },
  {
    // A target's own name without its bracketed words, or with its marks in 【】: its own.
    name: "a target's heading without its bracketed words, an item's with its marks in 【】: nothing said",
    edit: (wb) => {
      setHeading(wb.sheetNamed("指标数据"), "MB2", "MB2 统计合格率目标");
      const ws = wb.sheetNamed("党政线");
      ws.set("B1", textAt(ws, "B1").replace(/\((\d+分)\)$/, "【$1】"));
    },
    expected: [],
  },
  {
    // Words of the name's own in brackets (目标, 责任书下达) are no full marks or unit to set aside;
    // an item of another line (on another sheet) of the same name is none of this sheet's columns.
    name: "headings whose bracketed words, or another line's item, share a name with another column: nothing said",
    edit: (wb) => {
      setHeading(wb.sheetNamed("指标数据"), "MB1", "MB1 出生政策符合率(责任书下达)");
      setHeading(wb.sheetNamed("人口计生线"), "JS5.1", "JS5.1 移民地区综合整治(45分)");
    },
    expected: [],
  },
  {
    name: "a heading with its code alone, or its own name shortened: no name of another",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      const v = ws.get("B1")?.value;
      ws.set("B1", v?.t === "s" ? (v.v.split(" ")[0] ?? "") : "");
      const c = ws.get("C1")?.value;
      ws.set("C1", c?.t === "s" ? c.v.replace(/\(.*$/, "").slice(0, -1) : "");
    },
    expected: [],
  },
  // A heading whose name has little of its code's in it (a code reused for another indicator, last
  // year's form kept: ZB1 over 城镇新增就业完成率's column, DZ2 over an item the rubric never had):
  // the column is read by its code, and said. A name shortened keeps most of its characters: none.
  {
    name: "headings named as nothing of their code's",
    edit: (wb) => {
      setHeading(wb.sheetNamed("指标数据"), "ZB1", "ZB1 城镇新增就业完成率(%)");
      const ws = wb.sheetNamed("党政线");
      ws.set("B1", `${textAt(ws, "B1").split(" ")[0]} 招商引资(20分)`);
    },
    expected: ["warning workbook.header-name-differs 党政线!B1", "warning workbook.header-name-differs 指标数据!B1"],
  },
  {
    name: "headings whose names are their own shortened or reworded: nothing said",
    edit: (wb) => {
      setHeading(wb.sheetNamed("指标数据"), "ZB1", "ZB1 政策符合率");
      setHeading(wb.sheetNamed("指标数据"), "ZB2", "ZB2 统计数据合格率");
      setHeading(wb.sheetNamed("指标数据"), "MB1", "MB1 出生符合率目标");
    },
    expected: [],
  },
  // A 合计 of the whole line (DZ1, a gate worked out from 指标数据, is not on the sheet): said with
  // it, where its 100 points make the difference; 1 off, which it cannot make, said plainly.
  { name: "a 合计 of the whole line, a computed gate's points in it", edit: lineTotals(100), expected: ["warning workbook.total-differs-computed 党政线!L2"] },
  { name: "a 合计 1 over on a line whose computed item is a gate", edit: lineTotals(1), expected: ["warning workbook.total-differs 党政线!L2"] },
  // A code counted once a year (JF1, 20): its row counted in is 20 over, not anything up to 20 (1 over was excused).
  { name: "a 合计 20 over for a unit with a once-a-year bonus", ledger: [row("甲镇", "JF1")], edit: lineTotals(20), expected: [] },
  { name: "a 合计 1 over for a unit with a once-a-year bonus", ledger: [row("甲镇", "JF1")], edit: lineTotals(1), expected: ["warning workbook.total-differs 党政线!L2"] },
  // A zero-width space pasted before a heading's code, a BOM inside one (U+200B DZ2, D U+FEFF Z3.1):
  // the same code (it was told to write the code twice, "DZ2 DZ2 …").
  {
    name: "a heading's code with a character that shows nothing in it",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      const text = (ref: string): string => textAt(ws, ref);
      ws.set("B1", `\u200b${text("B1")}`).set("C1", `${text("C1").slice(0, 1)}\ufeff${text("C1").slice(1)}`);
    },
    expected: [],
  },
  // A formula that failed where words belong (a VLOOKUP's #N/A for a name, #NAME? for a code,
  // #REF! for a status): said as a formula to mend (it was "应为文字", an unknown code, a status
  // not allowed, as if misspelt).
  { name: "#N/A from a formula for a unit's name", edit: (wb) => void wb.sheetNamed("党政线").set("A3", { formula: "VLOOKUP(X1,Y:Z,2,0)", result: { error: "#N/A" } }), expected: ["workbook.name-error-value 党政线!A3", "workbook.unit-missing-on-broken 人口计生线!A3"] },
  {
    name: "error values in the ledger's code and status",
    ledger: [row("甲镇", "JF1"), row("乙街道", "JF1")],
    edit: (wb) => void wb.sheetNamed("加扣分").set("B2", { error: "#NAME?" }).set("F3", { formula: "X1", result: { error: "#REF!" } }),
    expected: ["workbook.text-error-value 加扣分!B2", "workbook.text-error-value 加扣分!F3"],
  },
  // Struck through (划掉), as a withdrawn claim or a voided figure is often marked: read all the same,
  // and said (the font is no part of what the workbook says). A claim's whole row, or one of its cells.
  {
    name: "a ledger row struck through, and a struck figure, are read and said",
    ledger: [row("甲镇", "JF1"), row("乙街道", "JF1"), row("丙镇", "JF1", { status: "不予认定" }), row("甲镇", "JF2", { level: "市级", status: "申报中" })],
    edit: (wb) => {
      wb.sheetNamed("加扣分").strike("A2", "B2", "D2", "F2");
      wb.sheetNamed("加扣分").strike("F3");
      // Struck and 不予认定 or 申报中 (marked both ways): its status keeps it out already, nothing said.
      wb.sheetNamed("加扣分").strike("A4", "B4", "F4", "A5", "B5", "F5");
      // A unit's row struck out: one warning for the row, not one a cell.
      wb.sheetNamed("党政线").strike("B2", "C2", "D2");
      wb.sheetNamed("指标数据").strike("C3");
      // (A name or a note struck alone on a sheet of items is no figure: nothing said.)
      wb.sheetNamed("人口计生线").strike("A2");
    },
    expected: ["warning workbook.cell-struck 党政线!B2", "warning workbook.cell-struck 指标数据!C3", "warning workbook.ledger-struck 加扣分!B2", "warning workbook.ledger-struck 加扣分!B3", "warning workbook.ledger-pending 加扣分!F5"],
  },
  { name: "a blank required cell", values: { 丙镇: { "DZ3.1": null } }, expected: ["workbook.blank-points 党政线!C4"] },
  { name: "a bare 95 where a rate belongs", values: { 甲镇: { ZB1: 95 } }, expected: ["workbook.rate-bare 指标数据!B2"] },
  { name: "a rate above 100%", values: { 乙街道: { ZB3: "120%" } }, expected: ["workbook.rate-out-of-range 指标数据!D3"] },
  { name: "a word where a rate belongs", values: { 丙镇: { ZB4: "高" } }, expected: ["workbook.not-a-rate 指标数据!E4"] },
  // Copied from a document's text: the percentage to type is said (it said only "not a rate").
  { name: "a percentage written out (百分之96.8, 百分之九十六点八)", values: { 甲镇: { ZB1: "百分之96.8" }, 丙镇: { ZB4: "百分之九十六点八" } }, expected: ["workbook.rate-in-words 指标数据!B2", "workbook.rate-in-words 指标数据!E4"] },
  { name: "a blank measured rate", values: { 甲镇: { ZB2: null } }, expected: ["workbook.blank-rate 指标数据!C2"] },
  { name: "a formula giving nothing for a rate", values: { 甲镇: { ZB2: { formula: "汇总!C5", result: "" } } }, expected: ["workbook.blank-measure-formula 指标数据!C2"] },
  { name: "a missing target", values: { 乙街道: { MB1: null } }, expected: ["workbook.missing-target 指标数据!F3"] },
  {
    name: "a duplicate unit",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A5", "甲镇");
    },
    expected: ["workbook.duplicate-unit-blank 党政线!A5"],
  },
  {
    name: "a unit on one sheet but not another",
    edit: (wb) => {
      wb.sheetNamed("人口计生线").set("A3", "乙镇");
    },
    // (乙镇 is not on the template's list of units either: a row that crept in, or a new unit.)
    expected: ["workbook.unit-missing-on 党政线!A3", "workbook.unit-missing-on 人口计生线!A3", "workbook.unit-missing-on 人口计生线!A3", "warning workbook.roster-unit-unlisted 人口计生线!A3"],
  },
  {
    // A full-width space typed into a name on one sheet: told as a difference of width or spaces
    // (it looks the same on screen), not as a name spelt another way; at the odd one alone (乙街道
    // is on the other two sheets: it was also said at 党政线!A3, as if that were the one to mend).
    name: "a unit's name with a full-width space on one sheet",
    edit: (wb) => {
      wb.sheetNamed("人口计生线").set("A3", "乙　街道");
    },
    // (Once, with both sheets where it is missing: it was said once a sheet, twice at one cell.)
    expected: ["workbook.unit-missing-on-width 人口计生线!A3"],
  },
  {
    // The other way round: the spelling with the space on two sheets of the three; the template's
    // list has the one without it, which is then the right one, more sheets or fewer: said at the
    // other's first cell (it was said at 党政线!A3, the listed spelling, as the one to mend).
    name: "a unit's name spelt with a full-width space on two sheets of three",
    edit: (wb) => {
      wb.sheetNamed("人口计生线").set("A3", "乙　街道");
      wb.sheetNamed("指标数据").set("A3", "乙　街道");
    },
    expected: ["workbook.unit-missing-on-width 人口计生线!A3"],
  },
  {
    // 乙街道 renamed 乙镇 on the indicator sheet alone: its row there counts for nothing, and the
    // unit missing there is named, however unlike (one name alone, one unit alone missing); the
    // error at the unit names that name, as the warning names the unit.
    name: "a unit renamed on the indicator sheet alone",
    edit: (wb) => {
      wb.sheetNamed("指标数据").set("A3", "乙镇");
    },
    expected: ["workbook.unit-missing-on-near 党政线!A3", "warning workbook.unit-only-on-near 指标数据!A3"],
  },
  {
    // The same on the indicator sheet alone with full-width brackets: told as a difference of width.
    name: "a unit's name in full-width brackets on the indicator sheet alone",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).set("A3", sheet === "指标数据" ? "乙街道（新）" : "乙街道(新)");
    },
    // (Renamed on every sheet of items, it is not the template's 乙街道 either: the roster says so.)
    expected: ["workbook.unit-missing-on-width 党政线!A3", "warning workbook.unit-only-on-width 指标数据!A3", "warning workbook.roster-unit-renamed 党政线!A3"],
  },
  {
    // The template lists the units it was made for (hidden sheet _lists, column F): one whose
    // rows were deleted from every sheet would go unranked unseen.
    name: "a unit deleted from every sheet",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).deleteRow(4);
    },
    expected: ["warning workbook.roster-unit-absent _lists!F3"],
  },
  {
    // Its rows deleted from the sheets of items alone, its 指标数据 row left: it went unranked, said
    // only as a row that counts for nothing.
    name: "a unit of the template's list deleted from every sheet of items but the indicator sheet",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线"]) wb.sheetNamed(sheet).deleteRow(4);
    },
    expected: ["workbook.listed-unit-only-on 指标数据!A4"],
  },
  {
    // With a claim of its: the claim's unit is no slip (甲镇 was offered for it, which moved its
    // deduction onto another town): its rows are to add back, the row left as it is.
    name: "a unit of the template's list deleted from the sheets of items, with a claim",
    ledger: [row("丙镇", "KF1")],
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线"]) wb.sheetNamed(sheet).deleteRow(4);
    },
    expected: ["workbook.listed-unit-only-on 指标数据!A4", "workbook.ledger-listed-unit-no-rows 加扣分!A2"],
  },
  {
    // The same name with a line break typed in it (Alt+Enter) on every sheet: the template's unit,
    // scored and ranked; the roster said it had no rows and would get no score.
    name: "a unit's name with a line break typed in it on every sheet",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).set("A3", "乙\n街道");
    },
    expected: [],
  },
  {
    // Beside it, a unit deleted: said as deleted, not as renamed to the one with the line break.
    name: "a unit deleted from every sheet, another written with a line break on every sheet",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).set("A3", "乙\n街道").deleteRow(4);
    },
    expected: ["warning workbook.roster-unit-absent _lists!F3"],
  },
  {
    // A unit the template was not made for, with a row on every sheet (from another copy): scored
    // and ranked, moving the others, and nothing said.
    name: "a unit not on the template's list, with its rows on every sheet",
    edit: (wb) => {
      addedEverywhere(wb, "高新区管委会");
    },
    expected: ["warning workbook.roster-unit-unlisted 党政线!A5"],
  },
  {
    // Two units renamed on every sheet, one like its old name, one not (a town and a department):
    // each kind's one gone and one come are paired (the department's was said to be new).
    name: "two units renamed on every sheet, one beyond likeness",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).set("A3", "乙镇");
      wb.sheetNamed("部门").set("A2", "区卫生健康事务中心");
    },
    // Each said at the new name's first row, where the clerk sees it (the list is a hidden sheet).
    expected: ["warning workbook.roster-unit-renamed 党政线!A3", "warning workbook.roster-unit-renamed 部门!A2"],
  },
  {
    // Renamed on one sheet only: the missing rows name each other, and it is not also said to be a
    // new unit the template was not made for.
    name: "a unit renamed on one sheet, like its name on the others",
    edit: (wb) => void wb.sheetNamed("人口计生线").set("A3", "乙街道办"),
    // The template's list holds 乙街道: 乙街道办 is the one to mend, said once (乙街道 was said too, to be renamed 乙街道办).
    expected: ["workbook.unit-unlisted-spelling 人口计生线!A3"],
  },
  {
    // Spelt off the list on both sheets of items, the listed name on 指标数据 alone: one error, at
    // the name to mend (指标数据's row, the listed one, was offered the slip: "是否为 乙街道办?").
    name: "a unit spelt off the list on the sheets of items, as listed on the indicator sheet",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线"]) wb.sheetNamed(sheet).set("A3", "乙街道办");
    },
    expected: ["workbook.unit-unlisted-spelling 党政线!A3"],
  },
  {
    // Two spellings off the list, one on each sheet of items: each said once, as the listed one
    // (they were also each offered the other).
    name: "a unit spelt two ways off the list, as listed on the indicator sheet",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A3", "乙街道办");
      wb.sheetNamed("人口计生线").set("A3", "乙街道办事处");
    },
    expected: ["workbook.unit-unlisted-spelling 党政线!A3", "workbook.unit-unlisted-spelling 人口计生线!A3"],
  },
  {
    // A unit's row copied under it and its name mistyped (乙街到), on one sheet alone: said once at
    // that row, naming 乙街道's, as a row to delete or a unit to add rows for — it was said missing
    // from the other two sheets, and off the list, a clerk told to add rows for a unit that is none.
    name: "a row on one sheet alone named like a unit on every sheet",
    edit: (wb) => {
      addedRow(wb, "人口计生线", 3, 6, "乙街到");
    },
    expected: ["workbook.unit-near-row-only 人口计生线!A6"],
  },
  {
    // A kind on one sheet alone: 丁局's row copied under it, named 区丁局, every figure the same — no
    // unit missing anywhere, it was scored as a department of its own unsaid but for the list's warning.
    name: "a row named like a unit of a kind on one sheet, with every figure the same",
    edit: (wb) => {
      addedRow(wb, "部门", 2, 3, "区丁局");
    },
    expected: ["warning workbook.unit-near-row-alike 部门!A3"],
  },
  {
    // The listed spelling missing where one off the list is, that one not said to be it (it has a
    // row of its own there too): the listed one's missing row still said (a reviewer's find).
    name: "a listed unit missing where a unit off the list with rows of its own is",
    edit: (wb) => {
      wb.sheetNamed("指标数据").set("A3", "乙街道办");
      addedRow(wb, "人口计生线", 3, 6, "乙街道办");
    },
    expected: ["workbook.unit-missing-on 人口计生线!A6", "workbook.unit-missing-on-near 党政线!A3", "warning workbook.roster-unit-unlisted 人口计生线!A6"],
  },
  {
    // Misspelt on every sheet (乙街到), its claim rightly named as the list names it: either name
    // may be the one to keep, said so (it was asked whether 乙街到 was meant: the slip spread to the ledger).
    name: "a unit misspelt on every sheet, its claim named as listed",
    ledger: [row("乙街道", "KF1")],
    edit: (wb) => {
      namedEverywhere(wb, "A3", "乙街到");
    },
    expected: ["warning workbook.roster-unit-renamed 党政线!A3", "workbook.ledger-unknown-unit-listed 加扣分!A2"],
  },
  {
    // Another listed unit like it too (乙街道 beside 丙街道, names a character apart, as 河东 and
    // 河西 are): that one is another unit; the sheets' unlisted one is still the one to mend.
    name: "a unit misspelt on every sheet, a listed unit like it beside",
    ledger: [row("丙街道", "KF1")],
    edit: (wb) => {
      wb.sheetNamed("_lists").set("A3", "丙街道").set("F3", "丙街道");
      namedEverywhere(wb, "A4", "丙街到");
    },
    expected: ["warning workbook.roster-unit-renamed 党政线!A4", "workbook.ledger-unknown-unit-listed 加扣分!A2"],
  },
  {
    name: "a unit renamed on every sheet",
    edit: (wb) => {
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).set("A3", "乙镇");
    },
    expected: ["warning workbook.roster-unit-renamed 党政线!A3"],
  },
  {
    // A template made before the lists sheet had its column of every unit: the ledger's units.
    name: "a unit deleted from every sheet of an older template",
    edit: (wb) => {
      asOlderTemplate(wb);
      for (const sheet of ["党政线", "人口计生线", "指标数据"]) wb.sheetNamed(sheet).deleteRow(4);
    },
    expected: ["warning workbook.roster-unit-absent _lists!A3"],
  },
  {
    // The older template's list is the ledger's units, every unit of the kinds the ledger is for: a
    // town added on every sheet was scored and ranked, moving nine others down, with no word.
    name: "a unit not on an older template list, with its rows on every sheet",
    edit: (wb) => {
      asOlderTemplate(wb);
      addedEverywhere(wb, "新设街道");
    },
    expected: ["warning workbook.roster-unit-unlisted 党政线!A5"],
  },
  {
    // Renamed on every sheet (撤镇设街道: 丙镇 → 城南街道) and its claim still under the listed name:
    // the list's pairing said at the claim too, either name to keep (it was told to add rows for
    // 丙镇 or delete the claim: a confirmed deduction escaped).
    name: "a unit renamed on every sheet, its claim under the listed name",
    ledger: [row("丙镇", "KF1")],
    edit: (wb) => {
      namedEverywhere(wb, "A4", "城南街道");
    },
    expected: ["warning workbook.roster-unit-renamed 党政线!A4", "workbook.ledger-unknown-unit-listed 加扣分!A2"],
  },
  {
    // A unit's name that looks like a note (数据资源管理局。 with a 。 slipped on; two units named as
    // one with a 、) with its scores beside it, and a claim under such a name: a unit's row and a
    // claim still (taken for the footer, the unit left the ranking and the claim was dropped, unsaid).
    name: "a name like a note, with figures or a claim, is a unit's",
    ledger: [row("甲镇、乙街道。", "KF1")],
    edit: (wb) => void wb.sheetNamed("人口计生线").set("A3", "数据乙街道。"),
    // (The claim's 甲镇、乙街道。 two units, one a slip: one row a unit.)
    expected: ["workbook.unit-unlisted-spelling 人口计生线!A3", "workbook.ledger-several-units 加扣分!A2"],
  },
  {
    // Renamed on every sheet of an older template: one gone, one come, paired as under today's
    // (two warnings, one saying it merged away, one that it is new, read as two units).
    name: "a unit renamed on every sheet of an older template",
    edit: (wb) => {
      asOlderTemplate(wb);
      namedEverywhere(wb, "A3", "城南街道");
    },
    expected: ["warning workbook.roster-unit-renamed 党政线!A3"],
  },
  {
    // 1 among fractions typed as such (0.95): 100%, as they are; among percentages, asked about.
    name: "a rate typed as 1 in a column of fractions",
    values: { 甲镇: { ZB3: 1 }, 乙街道: { ZB3: 0.95 }, 丙镇: { ZB4: 1 } },
    expected: ["warning workbook.rate-one 指标数据!E4"],
  },
  {
    name: "a name on the indicator sheet that is no unit, near none missing there",
    edit: (wb) => {
      wb.sheetNamed("指标数据").set("A6", "戊乡");
      wb.sheetNamed("指标数据").set("B6", 0.9);
    },
    expected: ["warning workbook.unit-only-on 指标数据!A6"],
  },
  // A column's points pasted a row too low: the first unit's cell blank and a value on the row after
  // the units, with no name. One error at the blank saying so (it was "请填 0" there and a row with no
  // name: following them gave each unit its neighbour's points).
  {
    name: "an item's points pasted a row too low",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.shiftColumn(ws.codeColumns().get("DZ2")!, 1, 4);
    },
    expected: ["workbook.column-shifted-down 党政线!B2"],
  },
  // Not a shift: the first unit's blank and a stray number far below the units (not right under them): each said as it is.
  {
    name: "the first unit's blank and a number far below the units",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      const col = ws.codeColumns().get("DZ2")!;
      ws.setAt(2, col, null).setAt(9, col, 5);
    },
    expected: ["workbook.blank-points 党政线!B2", "workbook.missing-unit-name 党政线!A9"],
  },
  // An indicator's column cut from 指标数据 and pasted beside a line's items: said at it, to move
  // back (the line's sheet was taken for the indicators', its every item unknown there, and the
  // line's sheet said missing: 12 errors in the comprehensive sample, none of them the fix). Its
  // item carries its code (--json's item).
  {
    name: "an indicator's column moved onto a line's sheet",
    edit: (wb) => void pastedOn(wb, "指标数据", "ZB4", "党政线", true),
    // (Not said missing from 指标数据 too: added there as told, it would be there twice.)
    expected: ["workbook.rate-on-line-sheet 党政线!L1"],
  },
  // Copied, not cut (指标数据 still has it): the copy to delete; moving it as "move it" said made it twice.
  {
    name: "an indicator's column copied onto a line's sheet",
    edit: (wb) => void pastedOn(wb, "指标数据", "ZB4", "党政线", false),
    expected: ["workbook.column-copied-to-other-sheet 党政线!L1"],
  },
  {
    name: "an item's column moved onto the indicators' sheet",
    edit: (wb) => void pastedOn(wb, "党政线", "DZ2", "指标数据", true),
    expected: ["workbook.item-on-rates-sheet 指标数据!H1"],
  },
  {
    name: "an unknown code in a header",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("B1", "DZ9 统筹决策");
    },
    expected: ["workbook.unknown-header-code 党政线!B1", "workbook.missing-column 党政线"],
  },
  // A column inserted among the items for one whose code was left off: its numbers are read by
  // nothing, said once at its heading (they went unsaid). Past the items a column is the office's own.
  {
    name: "a column of numbers inserted among the items with no heading",
    edit: (wb) => void wb.sheetNamed("党政线").insertColumn(4).set("D2", 5).set("D3", 5),
    expected: ["warning workbook.column-not-read-unheaded 党政线!D1"],
  },
  {
    name: "a column of numbers inserted among the items under a heading of no code",
    edit: (wb) => void wb.sheetNamed("党政线").insertColumn(4).set("D1", "加分项").set("D2", 2),
    expected: ["warning workbook.column-not-read 党政线!D1"],
  },
  { name: "an empty column inserted among the items", edit: (wb) => void wb.sheetNamed("党政线").insertColumn(4), expected: [] },
  // Stored as text (a column formatted 文本): numbers all the same, as an item's cell reads them.
  { name: "a column of numbers stored as text inserted among the items", edit: (wb) => void wb.sheetNamed("党政线").insertColumn(4).set("D2", "5").set("D3", " 5 "), expected: ["warning workbook.column-not-read-unheaded 党政线!D1"] },
  { name: "a column of words inserted among the items", edit: (wb) => void wb.sheetNamed("党政线").insertColumn(4).set("D2", "见说明"), expected: [] },
  // The same on the indicators sheet (上年符合率 kept beside ZB1): its numbers went unread unsaid.
  {
    name: "a column of numbers inserted among the indicators under a heading of no code",
    edit: (wb) => void wb.sheetNamed("指标数据").insertColumn(3).set("C1", "上年符合率").set("C2", 0.9).set("C3", 0.8),
    expected: ["warning workbook.column-not-read-rate 指标数据!C1"],
  },
  { name: "a column of numbers inserted among the indicators with no heading", edit: (wb) => void wb.sheetNamed("指标数据").insertColumn(3).set("C2", 0.9), expected: ["warning workbook.column-not-read-rate-unheaded 指标数据!C1"] },
  // (A rate typed as text on the row, 95%, stops nothing: a reviewer's find.)
  // (Its numbers typed as text rates, 95%: numbers all the same.)
  { name: "a column of rates typed as text among the indicators", edit: (wb) => void wb.sheetNamed("指标数据").insertColumn(3).set("C2", "95%").set("C3", "90 %"), expected: ["warning workbook.column-not-read-rate-unheaded 指标数据!C1"] },
  { name: "a column of numbers among the indicators on a row whose rate is typed as text", edit: (wb) => void wb.sheetNamed("指标数据").insertColumn(3).set("C2", 0.9).set("B2", "95%"), expected: ["warning workbook.column-not-read-rate-unheaded 指标数据!C1"] },
  { name: "a column of words inserted among the indicators", edit: (wb) => void wb.sheetNamed("指标数据").insertColumn(3).set("C1", "备注").set("C2", "核实中"), expected: [] },
  {
    name: "a column for a computed item",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("L1", "DZ1 基本人口指标");
    },
    expected: ["workbook.computed-column 党政线!L1"],
  },
  {
    // A 0 filled down past the last unit (13 errors, one a row, stopped scoring): passed over, said once.
    name: "rows with no name and nothing but 0 under the units are one warning",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      for (const r of [6, 7, 8, 9]) ws.setAt(r, 2, 0).setAt(r, 3, 0);
      // A row with a score besides is a unit's whose name is missing, as before.
      ws.setAt(10, 2, 0).setAt(10, 3, 12);
    },
    expected: ["warning workbook.zeros-without-name 党政线!A6", "workbook.missing-unit-name 党政线!A10"],
  },
  {
    // Not also read as the line's own subtotal column (DJ 党的建设), a warning that said the opposite.
    name: "an item's code typed with a space (DZ 2) is said as such, and only so",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.setAt(1, ws.codeColumns().get("DZ2") ?? 0, "DZ 2 统筹决策(20分)");
    },
    expected: ["workbook.header-without-code 党政线!B1"],
  },
  {
    name: "values in a row without a name",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("B6", 12);
    },
    expected: ["workbook.missing-unit-name 党政线!A6"],
  },
  {
    name: "a copy of a line sheet (Excel's Move or Copy) is refused, not mixed in",
    edit: (wb) => {
      wb.addSheet("党政线 (2)").set("A1", "单位名称").set("B1", "DZ2 统筹决策(20分)").set("A2", "甲镇").set("B2", 5);
    },
    expected: ["workbook.column-on-two-sheets '党政线 (2)'!B1"],
  },
  {
    // Excel's Move or Copy puts the copy before the sheet by default: read first, it was the one
    // kept, and the error stood at 党政线!B1 telling the clerk to delete "the copy" — the cell pointed at the original.
    name: "a copy of a line sheet put before it is said at the copy, in Excel's, WPS's and LibreOffice's names",
    edit: (wb) => {
      for (const name of ["党政线 (2)", "人口计生线(2)", "部门_2"]) {
        const original = wb.sheetNamed(name.replace(/ ?\(2\)|_2/, ""));
        const copy = original.clone();
        copy.name = name;
        wb.list.splice(wb.list.indexOf(original), 0, copy);
      }
    },
    expected: ["workbook.column-copy-first '党政线 (2)'!B1", "workbook.column-copy-first '人口计生线(2)'!B1", "workbook.column-copy-first 部门_2!B1"],
  },
  {
    // Hidden and read first, the copy is said to be hidden (and how to show it), at itself.
    name: "a hidden copy of a line sheet put before it is said at the copy, with how to show it",
    edit: (wb) => {
      const original = wb.sheetNamed("党政线");
      const copy = original.clone();
      copy.name = "党政线 (2)";
      copy.hidden = true;
      wb.list.splice(wb.list.indexOf(original), 0, copy);
    },
    expected: ["warning workbook.hidden-sheet '党政线 (2)'", "workbook.column-copy-first-hidden '党政线 (2)'!B1"],
  },
  {
    // A sheet of another name before the line sheet is no copy by its name: said at the later one, as ever.
    name: "a sheet holding a line's items before it under a name of its own is said at the line sheet",
    edit: (wb) => {
      const original = wb.sheetNamed("党政线");
      const other = original.clone();
      other.name = "党政线汇总";
      wb.list.splice(wb.list.indexOf(original), 0, other);
    },
    expected: ["workbook.column-on-two-sheets 党政线!B1"],
  },
  {
    // A town's own 自评表 lists the items down a column, each with its points: no copy of a line
    // sheet (it stopped the workbook: "DZ2 的列已在 党政线!B1 出现"); nor a sheet of one item and
    // its value. Both are the user's own sheets, kept and not read.
    name: "a town's own sheet listing items down a column with their points is not read as a line sheet",
    edit: (wb) => {
      wb.addSheet("甲镇自评表").set("A1", "序号").set("B1", "考核项目").set("C1", "满分").set("D1", "自评分").set("A2", 1).set("B2", "DZ2 统筹决策(20分)").set("C2", 20).set("D2", 18).set("A3", 2).set("B3", "JS1 计生工作(50分)").set("C3", 50).set("D3", 45);
      wb.addSheet("Sheet1").set("A1", "项目").set("B1", "分值").set("A2", "DZ2 统筹决策").set("B2", 18);
    },
    expected: [],
  },
  {
    // An office's own notes: who scores which item (项目代码 | 项目名称 | 牵头评分单位, the last code
    // with none under it), or one line of them. Read as a line sheet headed by its last code, it
    // stopped the workbook ("BM1 的列已在 部门!B1 出现"); put first, the real sheet went unread.
    name: "an office's sheet of notes listing item codes down the first column is not read as a line sheet, first or last",
    edit: (wb) => {
      wb.addSheet("评分分工").set("A1", "项目代码").set("B1", "项目名称").set("C1", "牵头评分单位").set("A2", "JS1").set("B2", "计生工作").set("C2", "区卫健局").set("A3", "DZ2").set("B3", "统筹决策").set("C3", "区委办");
      wb.addSheet("说明").set("A1", "DZ2 由组织部评定");
      const first = wb.addSheet("分工说明").set("A1", "JS1 由卫健局评定").set("A2", "DZ2 统筹决策 由组织部评定");
      wb.list.splice(wb.list.indexOf(first), 1);
      wb.list.unshift(first);
    },
    expected: [],
  },
  {
    // Headed as a ledger is (项目代码, 分值, 牵头评分单位: a code, points and a unit), its codes the
    // items': the office's list of who scores what, no second ledger (it stopped scoring as one).
    name: "an office's list of items headed like a ledger is no second ledger",
    edit: (wb) => {
      wb.addSheet("评分分工").set("A1", "序号").set("B1", "项目代码").set("C1", "项目名称").set("D1", "分值").set("E1", "牵头评分单位").set("F1", "状态").set("A2", 1).set("B2", "DZ2").set("C2", "统筹决策").set("D2", 20).set("E2", "区委办").set("F2", "已分工").set("A3", 2).set("B3", "JS1.1").set("C3", "婚育文明").set("D3", 40).set("E3", "区卫健局");
      // With a line's heading, last year's code, a ledger code with who confirms it, a total and a note in its 代码 column.
      wb.addSheet("评分分工(二)").set("A1", "代码").set("B1", "项目").set("C1", "分值").set("D1", "评分单位").set("A2", "DZ 党政线").set("A3", "DZ2").set("C3", 20).set("D3", "区委办").set("A4", "DZ9").set("D4", "区委办").set("A5", "JF1").set("D5", "区委办").set("A6", "合计").set("C6", 20).set("A7", "注:各牵头单位于1月10日前报送评分结果。");
    },
    expected: [],
  },
  {
    // Hidden, the copy is out of sight: the error says so (and how to show it).
    name: "a hidden copy of a line sheet says it is hidden",
    edit: (wb) => {
      const copy = wb.addSheet("党政线(旧)").set("A1", "单位名称").set("B1", "DZ2 统筹决策(20分)").set("A2", "甲镇").set("B2", 5);
      copy.hidden = true;
    },
    expected: ["workbook.column-on-two-sheets-hidden '党政线(旧)'!B1"],
  },
  {
    // Excel's Move or Copy puts the copy before the sheet by default: the rows edited on either
    // would be left out without a word. Said at the later one, naming the first.
    name: "a copy of the ledger, before it or after it, is refused, not one of them read",
    ledger: [row("甲镇", "JF1")],
    edit: (wb) => {
      const at = wb.list.findIndex((s) => s.name === "加扣分");
      const before = wb.sheetNamed("加扣分").clone();
      before.name = "加扣分 (2)";
      const after = wb.sheetNamed("加扣分").clone();
      after.name = "加扣分(旧)";
      after.hidden = true;
      wb.list.splice(at, 0, before);
      wb.list.push(after);
    },
    // The copy before it is said at the copy (at 加扣分!A1 the clerk was pointed at the sheet to keep).
    expected: ["workbook.ledger-copy-first '加扣分 (2)'!A1", "workbook.ledger-on-two-sheets-hidden '加扣分(旧)'!A1"],
  },
  {
    // Before it too (Excel's Move or Copy default): it was refused as a second ledger, nothing scored, "不知以哪张为准" untrue.
    name: "a blank copy of the ledger put before it is said, and the ledger read",
    ledger: [row("甲镇", "JF1")],
    edit: (wb) => {
      const blank = wb.addSheet("加扣分 (2)");
      wb.list.pop();
      for (const [c, cell] of wb.sheetNamed("加扣分").rows.get(1) ?? []) blank.setAt(1, c, cell.value.t === "s" ? cell.value.v : "");
      wb.list.splice(wb.list.indexOf(wb.sheetNamed("加扣分")), 0, blank);
    },
    expected: ["warning workbook.ledger-copy-empty '加扣分 (2)'!A1"],
  },
  {
    // A blank copy (its header alone) leaves nothing out: said, and the ledger read.
    name: "a blank copy of the ledger is said, not refused",
    ledger: [row("甲镇", "JF1")],
    edit: (wb) => {
      const blank = wb.addSheet("加扣分 (2)");
      for (const [c, cell] of wb.sheetNamed("加扣分").rows.get(1) ?? []) blank.setAt(1, c, cell.value.t === "s" ? cell.value.v : "");
    },
    expected: ["warning workbook.ledger-copy-empty '加扣分 (2)'!A1"],
  },
  {
    // A form's headings over parts of its list, nothing filled beside them: said, never a unit
    // missing every value (nor a unit missing from the other sheets).
    name: "a heading row over part of the list (一、镇, （二）街道, 乡镇组:) is no unit; a unit named like one (二、三产业办公室) is",
    edit: (wb) => {
      wb.sheetNamed("党政线").insertRow(2).set("A2", "一、镇");
      wb.sheetNamed("指标数据").insertRow(2).set("A2", "（二）街道");
      wb.sheetNamed("人口计生线").insertRow(2).set("A2", "乡镇组:");
      // Not filled yet, under a name no heading ends with: a unit missing its values (as ever).
      wb.sheetNamed("部门").set("A3", "二、三产业办公室");
    },
    // (The unit, not on the template's list of units, is said to be so.)
    expected: ["warning workbook.section-row 党政线!A2", "warning workbook.section-row 人口计生线!A2", ...["B", "C", "D", "E"].map((c) => `workbook.blank-points 部门!${c}3`), "warning workbook.section-row 指标数据!A2", "warning workbook.roster-unit-unlisted 部门!A3"],
  },
  {
    // Out of sight, read all the same: said at the column's header, as a hidden row is (a hidden
    // 未如实上报 column doubles a deduction unseen).
    name: "a hidden column of items or of the ledger is said at its header",
    edit: (wb) => {
      wb.sheetNamed("党政线").hiddenCols.push(3, 3);
      wb.sheetNamed("加扣分").hiddenCols.push(7, 9);
      // The unit names too (what else is hidden there is said as the sheet's).
      wb.sheetNamed("部门").hiddenCols.push(1, 1);
    },
    // (H and I, 说明 and 依据, hide words alone: nothing said of them.)
    expected: ["warning workbook.hidden-column 党政线!C1", "warning workbook.hidden-column 部门!A1", "warning workbook.hidden-column-ledger 加扣分!G1"],
  },
  {
    // Last year's figures kept beside this year's, the column hidden: the second column of the code
    // is refused, and said to be hidden (the clerk was sent to a cell out of sight).
    name: "a second column of a code, hidden, is said to be hidden where it is refused",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.set("Z1", "DZ2 决策(2025年)").set("Z2", 10);
      ws.hiddenCols.push(26, 26);
    },
    expected: ["workbook.duplicate-column 党政线!Z1", "warning workbook.duplicate-column-hidden 党政线!Z1"],
  },
  {
    // The hidden one the first (last year's kept at the left, this year's added after it): the one
    // refused is in sight and is this year's; said at the hidden one, not to delete the other.
    name: "a first column of a code, hidden, with a second in sight, is said at the hidden one",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.set("Z1", "DZ2 决策(本年度)").set("Z2", 10);
      ws.hiddenCols.push(2, 2);
    },
    expected: ["workbook.duplicate-column 党政线!Z1", "warning workbook.hidden-column 党政线!B1", "warning workbook.duplicate-column-first-hidden 党政线!B1"],
  },
  {
    // Excel's Move or Copy puts a copy of the cover first: the original is read (its year on the
    // report's title), and the copy saying another year is said.
    name: "a copy of the cover put before it, saying another year, is said; the original is read",
    edit: (wb) => {
      const copy = wb.sheetNamed("封面").clone();
      copy.name = "封面 (2)";
      for (const [r, cells] of copy.rows) {
        const label = cells.get(1)?.value;
        if (label?.t === "s" && label.v.startsWith(COVER_LABELS.year)) copy.setAt(r, 2, "2025");
      }
      wb.list.unshift(copy);
    },
    expected: ["warning workbook.cover-twice '封面 (2)'!B5"],
  },
  {
    // Numbered headings among the claims (一、加分): no claim, no unknown unit.
    name: "ledger: a numbered heading over part of the claims is no claim",
    ledger: [{ unit: "甲镇", code: "JF1", status: "已认定" }],
    edit: (wb) => {
      wb.sheetNamed("加扣分").insertRow(2).set("A2", "一、加分");
      wb.sheetNamed("加扣分").set("A4", "（二）扣分");
      // A numbered line of a note naming a code: said as a note, not a heading.
      wb.sheetNamed("加扣分").set("A5", "1.JF1 工作创新获上级推广,市级加1分");
    },
    expected: ["warning workbook.section-row 加扣分!A2", "warning workbook.section-row 加扣分!A4", "warning workbook.code-note-row 加扣分!A5"],
  },
  {
    name: "a deleted department sheet is a warning",
    edit: (wb) => {
      wb.removeSheet("部门");
    },
    expected: ["warning workbook.no-line-sheet in.xlsx"],
  },
  {
    name: "a deleted 人口计生线 sheet is one error naming it, not an error per missing column",
    edit: (wb) => {
      wb.removeSheet("人口计生线");
    },
    expected: ["workbook.missing-line-sheet in.xlsx"],
  },
  {
    name: "a deleted 指标数据 sheet is one error naming it",
    edit: (wb) => {
      wb.removeSheet("指标数据");
    },
    expected: ["workbook.missing-rates-sheet in.xlsx"],
  },
  {
    name: "a deleted 党政线 sheet is one error naming it",
    edit: (wb) => {
      wb.removeSheet("党政线");
    },
    expected: ["workbook.missing-line-sheet in.xlsx"],
  },
  {
    name: "a missing column of 人口计生线 is said on 人口计生线",
    edit: (wb) => {
      wb.sheetNamed("人口计生线").set("B1", "备注");
    },
    expected: ["workbook.missing-column 人口计生线"],
  },
  {
    name: "a header whose code was deleted is pointed at, with the code to write",
    edit: (wb) => {
      const sheet = wb.sheetNamed("党政线");
      const col = sheet.codeColumns().get("DZ2") ?? 0;
      sheet.setAt(1, col, "统筹 决策(20分)");
    },
    expected: ["workbook.header-without-code 党政线!B1"],
  },
  {
    // On 指标数据 as on a line's sheet (it was "指标数据 has no column for ZB2", at no cell).
    name: "an indicator's header whose code was deleted is pointed at, with the code to write",
    edit: (wb) => {
      const sheet = wb.sheetNamed("指标数据");
      const col = sheet.codeColumns().get("ZB2") ?? 0;
      sheet.setAt(1, col, `${rubric.indicators.find((i) => i.code === "ZB2")?.name ?? ""}(%)`);
    },
    expected: ["workbook.header-without-code 指标数据!C1"],
  },
  {
    // A totals row of =SUM written by a program, never calculated, no label: asked for a unit's
    // name with an empty value ("B6 为 "); what its formulas give is not known.
    name: "a row without a name of formulas with no saved result is said so, at its first formula",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("B6", { formula: "SUM(B2:B5)" }).set("C6", { formula: "SUM(C2:C5)" });
    },
    expected: ["workbook.formula-no-result 党政线!B6"],
  },
  {
    // A file written by a program: the names and the claim's words are formulas never calculated.
    name: "a name or a ledger word made by a formula with no saved result is said so, not as blank",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A3", { formula: "=人口计生线!A3" });
      wb.sheetNamed("加扣分").set("F2", { formula: "=\"已认定\"" });
    },
    expected: ["workbook.formula-no-result 党政线!A3", "workbook.unit-missing-on 人口计生线!A3", "workbook.formula-no-result 加扣分!F2"],
  },
  {
    // A subtotal column kept beside its items (DZ3 综合治理 = DZ3.1 + … + DZ3.4): not read, and said so; not "no such code".
    name: "a group's subtotal column is said not to be read",
    edit: (wb) => {
      const sheet = wb.sheetNamed("党政线");
      const last = Math.max(...sheet.codeColumns().values());
      sheet.setAt(1, last + 1, "DZ3 综合治理(70分)").setAt(2, last + 1, 65);
    },
    expected: ["warning workbook.subtotal-column 党政线!L1"],
  },
  {
    // The line's own subtotal (DZ 党政线小计): said as a group's is, not left unsaid.
    name: "a line's subtotal column is said not to be read",
    edit: (wb) => {
      const sheet = wb.sheetNamed("党政线");
      const last = Math.max(...sheet.codeColumns().values());
      sheet.setAt(1, last + 1, "DZ 党政线小计").setAt(2, last + 1, 370);
    },
    expected: ["warning workbook.subtotal-column 党政线!L1"],
  },
  {
    name: "the footer under a form (注, 填表人 and 审核人 side by side, a date) is not a unit",
    edit: (wb) => {
      for (const name of ["党政线", "人口计生线", "指标数据"]) {
        wb.sheetNamed(name).set("A6", "注:本表由各镇街填报").set("A7", "填表人:张三").set("D7", "审核人:李四").set("F7", "填表日期:2026年11月30日");
      }
      // Under the departments' form, the signatures alone, the name column left empty.
      wb.sheetNamed("部门").set("C5", "审核人:王五");
    },
    expected: [],
  },
  {
    // A signature's label whose word ends it (考核组签字:, 单位(盖章)) with the name beside, and a
    // sentence of the office's under the table: each was read as a unit, with a dozen errors.
    name: "signature labels ending in their word, a sentence: footer",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "考核组签字:").set("C6", "王五").set("D6", "审核:").set("E6", "赵六");
      wb.sheetNamed("人口计生线").set("A6", "新华街道因机构调整,部分工作由区统筹。");
      wb.sheetNamed("部门").set("A6", "考核单位(盖章)");
      // A sentence with no inner punctuation, begun as a note is.
      wb.sheetNamed("指标数据").set("A6", "以上数据已经考核组核实无误。");
    },
    expected: [],
  },
  {
    // With the name in the label's cell, after a colon or a space (each the first line under a form:
    // what follows a footer's first line is the footer's anyway).
    name: "signature labels with a name in their cell",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "考核组签字:张三");
      wb.sheetNamed("人口计生线").set("A6", "考核组组长签名 李四");
    },
    expected: [],
  },
  {
    // Whoever signs it, 经办人, 统计员, 核对人, with the name (and a phone) after a colon, or alone in its
    // cell: each was read as a unit, with an error at every item and "add its rows on the other sheets".
    name: "a sign-off line of any person's label (经办人:周八) is a footer, under the forms and the claims",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "经办人:周八");
      wb.sheetNamed("人口计生线").set("A6", "统计员：周八 13800000000");
      wb.sheetNamed("部门").set("A6", "核对人").set("B6", "吴九");
      wb.sheetNamed("指标数据").set("A6", "复核人:郑十");
      wb.sheetNamed("加扣分").set("A10", "经办人:周八");
    },
    expected: [],
  },
  {
    // Any short label, a colon and a name (复核：, 统计：, 科长：), each the form's one line under its units.
    name: "a sign-off line of any short label, a colon and a name, alone under a form or the claims, is a footer",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "复核：李四");
      wb.sheetNamed("人口计生线").set("A6", "统计：周八 13800000000");
      wb.sheetNamed("部门").set("A6", "科长：张三");
      wb.sheetNamed("加扣分").set("A10", "主任：王五");
      // The label in its cell and the name in the next (复核： | 李四, 统计： | 周八 | 13800000000).
      wb.sheetNamed("指标数据").set("A6", "复核：").set("B6", "李四");
    },
    expected: [],
  },
  {
    // A unit's name with a colon typed after it, nothing after the colon: a unit still, not a
    // footer (区信息联络员: with its scores and its claims was dropped, with warnings alone).
    name: "a unit's name ending in 人 or 员 with a colon typed after it is a unit's, its claim too",
    edit: (wb) => {
      wb.sheetNamed("部门").set("A2", "甲部门联络员:");
    },
    // (Read as the department it names, renamed from the template's; its claim as that unit's, of a code not for its kind.)
    ledger: [row("甲部门联络员:", "KF1")],
    expected: ["warning workbook.roster-unit-renamed 部门!A2", "workbook.ledger-wrong-kind-none 加扣分!A2"],
  },
  {
    // Typed with an input method set to traditional characters (甲鎮, 乙街道 alike in both): asked
    // about as the listed name, as one character off is (石橋鎮 for 石桥镇, two of three apart, was
    // an unlisted unit missing from every other sheet).
    name: "a unit's name typed in traditional characters is asked about as the listed one",
    edit: (wb) => void wb.sheetNamed("人口计生线").set("A2", "甲鎮"),
    expected: ["workbook.unit-unlisted-spelling 人口计生线!A2"],
  },
  {
    // A 。 slipped onto a unit's name is a slip of the name, not a sentence: asked about as a name
    // (taken for a footer, a claim of −20 was dropped and a town left the ranking, unsaid).
    name: "a name with a stray 。 is a unit's or a claim's still",
    ledger: [row("甲镇。", "KF1")],
    edit: (wb) => void wb.sheetNamed("人口计生线").set("A3", "乙街道。"),
    expected: ["workbook.unit-unlisted-spelling 人口计生线!A3", "workbook.ledger-unknown-unit-near 加扣分!A2"],
  },
  {
    // Under the claims too: 填表人, then the date it was signed alone on its line (it was read as a
    // claim of a unit named 46399, with no code or status, and stopped scoring).
    name: "the footer under the claims, a signing date alone on its line, is no claim",
    edit: (wb) => {
      const ws = wb.sheetNamed("加扣分");
      ws.set("A10", "填表人:李四").set("A11", new Date(Date.UTC(2027, 0, 12)));
    },
    expected: [],
  },
  {
    // A number or a date under a score column may be a score misplaced: said. Words there (a date
    // written out, a name) are the footer's own.
    name: "a footer's line with a date typed under a score column is not a unit either, and is said",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "填表人:张三").set("C6", "2026年12月20日");
      // A score typed into a cell formatted as a date: it shows as a day of 1900.
      wb.sheetNamed("人口计生线").set("A6", "审核人:李四").set("B6", new Date(Date.UTC(1900, 2, 18)));
      wb.sheetNamed("部门").set("A6", "填表人:王五").set("B6", 18.5);
      // A number typed as text is a number too (read as one everywhere else).
      wb.sheetNamed("指标数据").set("A6", "审核人:赵六").set("B6", "45%");
    },
    // Said at the cell with the number or the date: what to check.
    expected: ["warning workbook.footer-date 人口计生线!B6", "warning workbook.footer-values 部门!B6", "warning workbook.footer-values 指标数据!B6"],
  },
  {
    // A telephone or a date beside its label is that field's value, not a score misplaced; a mobile
    // number is one wherever it stands. A figure beside another label (审核人:) is still said.
    name: "a footer's telephone number and date, beside their labels, and a signature's date are the footer's own",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "填表人:张三").set("B6", "联系电话:").set("C6", 13812345678);
      wb.sheetNamed("人口计生线").set("A6", "填表日期:").set("B6", new Date(Date.UTC(2026, 11, 20))).set("D6", "手机").set("E6", "13912345678");
      // A signature's date of its own, no label beside it.
      wb.sheetNamed("指标数据").set("A6", "填表人:张敏").set("C6", "审核人:李建国").set("D6", new Date(Date.UTC(2026, 0, 16)));
      // A date alone where a name goes, typed or a date cell, and other dates' labels (报送日期, 签发日期).
      wb.sheetNamed("党政线").set("A8", "2026年12月20日");
      wb.sheetNamed("人口计生线").set("A7", new Date(Date.UTC(2026, 11, 20)));
      wb.sheetNamed("人口计生线").set("A8", "报送日期:").set("B8", new Date(Date.UTC(2026, 11, 20)));
      wb.sheetNamed("部门").set("A7", "签发日期:2026-12-20");
      wb.sheetNamed("部门").set("A6", "填表人:王五").set("C6", 13612345678).set("D6", "审核人:").set("E6", 18.5);
      // A figure no telephone's beside its label: a score misplaced all the same.
      wb.sheetNamed("党政线").set("A7", "联系电话:").set("B7", 18.5);
    },
    expected: ["warning workbook.footer-values 党政线!B7", "warning workbook.footer-values 部门!E6"],
  },
  {
    // A date's line under 填表人 with its label under a score column and nothing where a name goes
    // (日期: | 2027-01-12), or the date alone there; a telephone on a line of its own: the footer's
    // (it was "a row with values but no unit's name", an error). A figure no date's is still said.
    name: "a footer's date or telephone on a line of its own, no label where a name goes, is the footer's",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "填表人:张三").set("C7", "日期:").set("D7", new Date(Date.UTC(2027, 0, 12)));
      wb.sheetNamed("人口计生线").set("A6", "填表人:李四").set("E7", new Date(Date.UTC(2027, 0, 12))).set("F8", 13912345678);
      // Under score columns, a telephone's label with its number, a time's with its date (电话: was taken for a name shifted).
      wb.sheetNamed("指标数据").set("A6", "填表人:张敏").set("B7", "电话:").set("C7", "0571-8888888").set("B8", "时间:").set("C8", new Date(Date.UTC(2027, 0, 12)));
      wb.sheetNamed("部门").set("A6", "填表人:王五").set("C7", "日期:").set("D7", 18.5);
    },
    expected: ["workbook.missing-unit-name 部门!A7"],
  },
  {
    // The name beside its label is its signature: nothing to say, on every run (it said so before).
    name: "a footer's label alone in its cell, the name beside it (under a score column), is a footer too",
    edit: (wb) => {
      wb.sheetNamed("党政线").set("A6", "填表人").set("B6", "张三");
      wb.sheetNamed("人口计生线").set("A6", "审核人 李四");
    },
    expected: [],
  },
  {
    name: "a 填报单位 line under 加扣分 is the form's footer too",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => void wb.sheetNamed("加扣分").set("A4", "填报单位:区卫健局").set("D4", "报送单位(盖章)"),
    expected: [],
  },
  {
    name: "the footer under 加扣分 is no claim; one beside a code of the rubric is said",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => {
      wb.sheetNamed("加扣分").set("A4", "注:加扣分须附佐证材料").set("A5", "填表人:张三").set("D5", "审核人:李四").set("B6", "填表日期:2026年11月30日").set("A7", "填表人").set("B7", "KF1");
      // A date's and a telephone's lines of their own, their labels where a code goes (they were four errors each).
      wb.sheetNamed("加扣分").set("B8", "日期:").set("C8", new Date(Date.UTC(2026, 8, 30))).set("B9", "联系电话:").set("C9", "0571-8888888");
    },
    expected: ["warning workbook.footer-ledger 加扣分!A7"],
  },
  {
    // What the user sees across a merged range is in its first cell alone: said at the range, not read as blank or as one claim.
    name: "merged cells over points, a name and a ledger flag; merged title rows, a merged footer and one 说明 or 依据 over two claims are fine",
    ledger: [row("甲镇", "KF5"), row("乙街道", "KF5")],
    edit: (wb) => {
      wb.sheetNamed("党政线").merge("B2:B3");
      wb.sheetNamed("指标数据").merge("B3:C3");
      wb.sheetNamed("加扣分").set("G2", "是").merge("G2:G3");
      wb.sheetNamed("加扣分").set("H1", "说明").set("I1", "依据").set("H2", "同一批次").merge("H2:H3").set("I2", "区委督查〔2026〕3号").merge("I2:I3");
      wb.sheetNamed("人口计生线").set("A6", "注:本表由各镇街填报").merge("A6:H6");
    },
    // (指标数据!C3, blank under the merge, is the merge's: not asked for again.)
    expected: ["workbook.merged-data-blanks 党政线!B2", "workbook.merged-data-blanks 指标数据!B3", "workbook.merged-data 加扣分!G2"],
  },
  {
    // A merge of blank cells where scores belong: typing into it fills its first cell alone, and the
    // second would be asked for again and again; the merge is said, not each blank. A blank merge
    // where a blank is fine (a ledger row's 说明 over two rows) is left alone.
    name: "merged blank cells where scores belong are said as the merge",
    ledger: [row("甲镇", "KF5"), row("乙街道", "KF5"), row("丙镇", "KF5")],
    edit: (wb) => {
      wb.sheetNamed("党政线").set("B2", null).set("B3", null).merge("B2:B3");
      wb.sheetNamed("加扣分").set("H1", "说明").merge("H2:H3");
      // A target merged down its column (95% typed once for every unit), and a status over two claims.
      wb.sheetNamed("指标数据").set("F3", null).set("F4", null).merge("F2:F4");
      wb.sheetNamed("加扣分").set("F4", null).merge("F3:F4");
    },
    expected: ["workbook.merged-blank 党政线!B2", "workbook.merged-data-blanks 指标数据!F2", "workbook.merged-data-blanks 加扣分!F3"],
  },
  {
    // A header merged down over the units' rows hides them; the values under it (kept, as LibreOffice
    // may keep them) were read, unseen, and scored.
    name: "a merge from the header row down over the rows, its cells' values kept",
    edit: (wb) => void wb.sheetNamed("党政线").merge("A1:H4", true),
    expected: ["workbook.merged-data 党政线!A1"],
  },
  // A two-row header on a sheet with no groups: each heading merged down over both rows, the second
  // row empty. Headings, hiding nothing (each was said to be merged over data, and writing the
  // heading in both cells as told made its code a duplicate).
  {
    name: "headings merged down over an empty second header row",
    edit: (wb) => {
      const ws = wb.sheetNamed("部门");
      ws.insertRow(2);
      for (const col of ["A", "B", "C", "D", "E"]) ws.merge(`${col}1:${col}2`);
    },
    expected: [],
  },
  // The same headings unmerged with their values filled in (WPS's 取消合并并填充): each code on
  // both header rows is one column's heading, not two columns of it.
  {
    name: "headings written on both rows of a two-row header (merged cells unmerged and filled)",
    edit: (wb) => {
      const ws = wb.sheetNamed("部门");
      ws.insertRow(2);
      for (const col of ["A", "B", "C", "D", "E"]) {
        const v = ws.get(`${col}1`)?.value;
        ws.set(`${col}2`, v?.t === "s" ? v.v : null);
      }
    },
    expected: [],
  },
  // A unit named like the units' heading, first under the header with its points: a unit (it was
  // taken for the heading written again, its points lost).
  {
    name: "a unit named like the units' heading, first under the header, with its points",
    edit: (wb) => void wb.sheetNamed("部门").set("A2", "单位名称"),
    // (Said to be 丁局 renamed: the one gone, the one come.)
    expected: ["warning workbook.roster-unit-renamed 部门!A2"],
  },
  // The ledger's headings written again on a second row (merged cells unmerged and filled): no claim
  // (its 单位, 代码, 数量 and 状态 were each an error).
  {
    name: "the ledger's headings written again on a second row",
    ledger: [row("甲镇", "JF2", { level: "市级" })],
    edit: (wb) => {
      const ws = wb.sheetNamed("加扣分");
      ws.insertRow(2);
      for (let c = 1; c <= 9; c++) {
        const v = ws.get(`${String.fromCharCode(64 + c)}1`)?.value;
        if (v?.t === "s") ws.setAt(2, c, v.v);
      }
    },
    expected: [],
  },
  // A unit's first row under the header with a note naming an item (JJ5 扣2分:…) in a column
  // past the items: no second header row (the unit was lost, the note said to be a duplicate column).
  {
    name: "a note naming an item's code in a unit's row right under the header",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.setAt(1, 13, "备注").setAt(2, 13, "DZ2 扣2分:统筹决策材料不全");
    },
    expected: [],
  },
  // Under the header, the items' full marks (满分 | 20 | 20 …): no unit (it was read as a unit named
  // 满分, missing from the other sheets); under the units, lines of a scoring note that begin with
  // an item's code, under their heading (评分说明): no units either.
  {
    name: "a 满分 row under the header, and a scoring note's lines under the units",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      ws.insertRow(2);
      const cols = ws.codeColumns();
      ws.set("A2", "满分");
      for (const [code, col] of cols) ws.setAt(2, col, FULL_MARKS.get(code) ?? 0);
      // DZ2's marks from another version of the scheme (25, the rubric's 20), typed as text with 分.
      ws.setAt(2, cols.get("DZ2") ?? 2, "25分");
      // (A line with nothing beside it under the note's heading is the form's footer: passed over unsaid.)
      ws.set("A7", "评分说明").set("A8", "DZ2 统筹决策:按材料评分").setAt(8, cols.get("DZ2") ?? 2, 20).set("A9", "DZ4 依法行政:每起扣 2 分");
      // Numbered lines of a note with no heading over them, each with its points (they were units).
      const js = wb.sheetNamed("人口计生线");
      js.set("A6", "1.JS1.1 按抽查结果评分").setAt(6, 2, 10).set("A7", "①JS1.2 按抽查结果评分").setAt(7, 2, 10).set("A8", "(JS1.3)按抽查结果评分").setAt(8, 2, 10);
      js.set("A9", "一、JS1.1 按抽查结果评分").setAt(9, 2, 10).set("A10", "１．ＪＳ１．２ 按抽查结果评分").setAt(10, 2, 10).set("A11", "※JS1.3 按抽查结果评分").setAt(11, 2, 10);
      // Bullets and other numberings (★, ●, -, ⑴, ㈠, Ⅰ., a., 第一条).
      ["★JS1.1", "●JS1.2", "-JS1.3", "⑴JS1.1", "㈠JS1.2", "Ⅰ.JS1.3", "a.JS1.1", "第一条 JS1.2"].forEach((note, k) => js.set(`A${12 + k}`, `${note} 按抽查结果评分`).setAt(12 + k, 2, 10));
    },
    expected: ["warning workbook.scale-row 党政线!A2", "warning workbook.scale-row-differs 党政线!B2", "warning workbook.code-note-row 党政线!A8", ...[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((r) => `warning workbook.code-note-row 人口计生线!A${r}`)],
  },
  // The full marks' row of a form with a 序号 column, labelled there (满分 | | 30 | 20 …), its name
  // cell blank: no unit (it was "values but no unit name", an error that stopped scoring).
  {
    name: "a 满分 row labelled in the 序号 column, its name cell blank",
    edit: (wb) => {
      const ws = numbered(wb.sheetNamed("部门"), "序号");
      ws.insertRow(2);
      ws.setAt(2, 1, "满分");
      for (const [code, col] of ws.codeColumns()) ws.setAt(2, col, FULL_MARKS.get(code) ?? 0);
    },
    expected: ["warning workbook.scale-row 部门!A2"],
  },
  // A 权重 row under the header (the items' weights, 40% …): no unit, said as weights (it was said
  // to be the full marks), and not compared with the rubric's marks.
  {
    name: "a 权重 row under the header",
    edit: (wb) => {
      const ws = wb.sheetNamed("部门");
      ws.insertRow(2);
      ws.set("A2", "权重");
      for (const [, col] of ws.codeColumns()) ws.setAt(2, col, 0.25);
    },
    expected: ["warning workbook.weight-row 部门!A2"],
  },
  // A printed form's two-row header: 序号 and 单位名称 each merged down over both rows, the items'
  // codes on the second under a heading merged across (评定项目): the names are under 单位名称 (the
  // 序号 column was taken for them, every row "shifted", every unit missing).
  {
    name: "序号 and 单位名称 merged down over a two-row header, the codes on its second row",
    edit: (wb) => {
      const ws = numbered(wb.sheetNamed("部门"), null);
      const last = Math.max(...ws.codeColumns().values());
      ws.insertRow(1);
      ws.set("A1", "序号").set("B1", "单位名称").set("C1", "评定项目").set("B2", null).merge("A1:A2").merge("B1:B2").merge(`C1:${String.fromCharCode(64 + last)}1`);
    },
    expected: [],
  },
  // A score cell's own 满分 on a row with no name is still a row without a unit's name.
  {
    name: "满分 typed in a score cell of a row without a name",
    edit: (wb) => {
      const ws = wb.sheetNamed("部门");
      ws.insertRow(2);
      const cols = [...ws.codeColumns().values()];
      for (const col of cols) ws.setAt(2, col, col === cols.at(-1) ? "满分" : 20);
    },
    expected: ["workbook.missing-unit-name 部门!A2"],
  },
  // Under the merged heading, a second header row of words (2025年得分 | 2026年得分): part of the
  // heading (it was "values but no unit name").
  {
    name: "a code's heading merged over two columns, their own headings in a second row",
    edit: (wb) => {
      const ws = wb.sheetNamed("部门");
      ws.insertRow(2);
      ws.set("E2", "2025年得分").set("F2", "2026年得分").set("F3", 20).merge("E1:F1");
    },
    expected: ["warning workbook.header-merged-across 部门!E1"],
  },
  // Merged over the next columns' headings, their text kept under the merge (LibreOffice's choice):
  // those columns are read by their own headings, said so (it said C–D were not read, and scored them).
  {
    name: "a code's heading merged over other codes' headings, kept hidden under it",
    edit: (wb) => {
      wb.sheetNamed("党政线").merge("B1:D1", true);
    },
    expected: ["warning workbook.header-merged-hides 党政线!B1"],
  },
  // A row pasted from a numbered list (序号, then the name): said with the name beside it; so too a
  // row whose name is one column on, its first cell blank.
  {
    name: "a row pasted a column on, from a numbered list or with its first cell blank",
    edit: (wb) => {
      const ws = wb.sheetNamed("部门");
      const row = [...(ws.rows.get(2)?.entries() ?? [])].sort((a, b) => b[0] - a[0]);
      for (const [c, cell] of row) ws.setAt(2, c + 1, cell.value.t === "s" || cell.value.t === "n" ? cell.value.v : null);
      ws.setAt(2, 1, 1);
    },
    expected: ["workbook.bad-unit-name-shifted 部门!A2", "warning workbook.roster-unit-absent _lists!F4"],
  },
  // Merged down over a unit's row, a heading hides its values: said, as before.
  { name: "a heading merged down over a unit's row", edit: (wb) => void wb.sheetNamed("部门").merge("B1:B2"), expected: ["workbook.merged-data-blanks 部门!B1"] },
  {
    // Two items' headers merged into one (for looks): the second item's column has no header; said at the merge.
    name: "a header merged over two items' columns",
    edit: (wb) => {
      wb.sheetNamed("人口计生线").merge("B1:C1");
    },
    expected: ["workbook.missing-column-merged 人口计生线!B1"],
  },
  {
    // =SUM(B2:B4) under each column with no 合计 written beside them: a totals row all the same (it
    // was "this row has values but no unit name"); a unit's row with its name cleared is not one.
    name: "a row of each column's sums with no label is a totals row, not a unit without a name",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      for (const col of ws.codeColumns().values()) {
        let sum = 0;
        for (let r = 2; r <= 4; r++) {
          const v = ws.get(`${colName(col)}${r}`)?.value;
          sum += v?.t === "n" ? v.v : 0;
        }
        ws.setAt(5, col, sum);
      }
      const js = wb.sheetNamed("人口计生线");
      for (const col of js.codeColumns().values()) {
        const v = js.get(`${colName(col)}4`)?.value;
        js.setAt(5, col, v?.t === "n" ? v.v : 0);
      }
    },
    expected: ["warning workbook.unnamed-total-row 党政线!A5", "workbook.missing-unit-name 人口计生线!A5"],
  },
  {
    // A group's subtotal between groups, unlabelled (一、镇 | 甲镇 | 二、街道 | 乙街道 | 丙镇 | its
    // sums): the sums of the rows since the heading, a totals row too (it was a unit without a name).
    // Two rows since are enough there; one is a copy of its row, a unit whose name was cleared.
    name: "an unlabelled subtotal of a group's rows after a heading is a totals row",
    edit: (wb) => {
      const ws = wb.sheetNamed("党政线");
      const cols = [...ws.codeColumns().values()];
      ws.insertRow(3).set("A3", "二、街道");
      const sum = (rows: number[]) => (col: number): number => rows.reduce((a, r) => a + ((v) => (v?.t === "n" ? v.v : 0))(ws.get(`${colName(col)}${r}`)?.value), 0);
      const two = sum([4, 5]);
      for (const col of cols) ws.setAt(6, col, two(col));
      const js = wb.sheetNamed("人口计生线");
      js.insertRow(3).set("A3", "二、街道");
      js.insertRow(5).set("A5", "三、镇");
      for (const col of js.codeColumns().values()) {
        const v = js.get(`${colName(col)}6`)?.value;
        js.setAt(7, col, v?.t === "n" ? v.v : 0);
      }
    },
    expected: ["warning workbook.section-row 党政线!A3", "warning workbook.unnamed-total-row 党政线!A6", "warning workbook.section-row 人口计生线!A3", "warning workbook.section-row 人口计生线!A5", "workbook.missing-unit-name 人口计生线!A7"],
  },
  {
    name: "a totals row under the units is a summary, not a unit",
    edit: (wb) => {
      for (const [name, label] of [["党政线", "合 计"], ["人口计生线", "平均分"], ["指标数据", "Total"]] as const) {
        wb.sheetNamed(name).set("A5", label).set("B5", 999);
      }
    },
    expected: ["warning workbook.summary-row 党政线!A5", "warning workbook.summary-row 人口计生线!A5", "warning workbook.summary-row 指标数据!A5"],
  },
  {
    name: "a 最高分 or 最低分 row under the units is a statistic, not the items' full marks nor a unit",
    edit: (wb) => {
      // (最高分 gave the full-marks row's warning that the form is of another version of the scheme; 最低分 was a unit.)
      wb.sheetNamed("党政线").set("A5", "最高分").set("B5", 19.5).set("A6", "全区最高分").set("B6", 19.5);
      wb.sheetNamed("人口计生线").set("A5", "最低分:").set("B5", 1).set("A6", "乡镇最低分").set("B6", 1);
    },
    expected: ["warning workbook.summary-row 党政线!A5", "warning workbook.summary-row 党政线!A6", "warning workbook.summary-row 人口计生线!A5", "warning workbook.summary-row 人口计生线!A6"],
  },
  {
    name: "a row of the columns' units of measure under the header (计量单位 | % | 万元) is no unit",
    edit: (wb) => {
      const ws = wb.sheetNamed("指标数据");
      ws.insertRow(2);
      ws.setAt(2, 1, "计量单位");
      for (const [code, col] of ws.codeColumns()) ws.setAt(2, col, code === "ZB2" ? "万元" : "%");
    },
    expected: ["warning workbook.measure-units-row 指标数据!A2"],
  },
  {
    name: "a rate under 1% against a high target is a warning at its cell, once per unit and indicator",
    // ZB1 decides two gates (DZ1, JS4.1); 0.97 typed as 0.97% would veto 甲镇.
    values: { 甲镇: { ZB1: "0.97%" }, 乙街道: { ZB4: { percent: 0.005 } }, 丙镇: { ZB2: 0 } },
    // And 0 where a gate asks for 98% (丙镇's ZB2): vetoed by a value left unfilled, or by a formula's
    // result never calculated (LibreOffice saves 0 for one it did not recalculate): asked about too.
    expected: ["warning workbook.rate-implausible-gate 指标数据!B2", "warning workbook.rate-zero-gate 指标数据!C4"],
  },
  {
    name: "a 0% on an indicator no gate reads (ZB4, a 参与率 scored as it is) is no question",
    values: { 丙镇: { ZB4: 0 } },
    expected: [],
  },
  {
    // ZB3 (96% for the others, a threshold of 95%): a lone 0% stands out, a value left unfilled or a
    // formula never calculated; it cost its item's points unsaid.
    name: "a 0% on an indicator no gate reads, where the other units have half or more, is asked about",
    values: { 丙镇: { ZB3: 0 } },
    expected: ["warning workbook.rate-zero 指标数据!D4"],
  },
  {
    // …and where every unit has 0%: a column of formulas never recalculated (LibreOffice saves 0).
    name: "a 0% on an indicator no gate reads, for every unit, is asked about at each",
    values: { 甲镇: { ZB3: 0 }, 乙街道: { ZB3: 0 }, 丙镇: { ZB3: 0 } },
    expected: ["warning workbook.rate-zero 指标数据!D2", "warning workbook.rate-zero 指标数据!D3", "warning workbook.rate-zero 指标数据!D4"],
  },
  {
    name: "a deleted ledger sheet is a warning",
    edit: (wb) => {
      wb.removeSheet("加扣分");
    },
    expected: ["warning workbook.no-ledger-sheet in.xlsx"],
  },
  {
    // 社区 | 加扣分项目 | 次数 …: a sheet named 加扣分 whose headings no ledger's are. Its claims were
    // all left out with no more than "there is no ledger sheet", and the units scored without them.
    name: "a sheet named 加扣分 headed otherwise is an error at its first cell, not a ledger missing",
    ledger: [row("甲镇", "JF2", { level: "省级", count: 2 })],
    edit: (wb) => void wb.sheetNamed("加扣分").set("A1", "社区").set("B1", "加扣分项目"),
    expected: ["workbook.ledger-sheet-unread 加扣分!A1"],
  },
  {
    // 数量 headed 次数: every count would be read as 1 (南岭镇's 2 × 省级 as one); said at the heading.
    name: "ledger: a counting column renamed is an error at its heading",
    ledger: [row("甲镇", "JF2", { level: "省级", count: 2 }), row("乙街道", "KF5", { flag: "是" })],
    edit: (wb) => void wb.sheetNamed("加扣分").set("C1", "次数").set("G1", "瞒报"),
    expected: ["workbook.ledger-unknown-column-missing 加扣分!C1", "workbook.ledger-unknown-column-missing 加扣分!G1"],
  },
  {
    // 数量 headed 次数 where the template puts 数量 (C), and 说明 headed 其他: the one in 数量's place is taken for it.
    name: "ledger: of two headings that name nothing, the one in a missing column's place is the error",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => void wb.sheetNamed("加扣分").set("C1", "次数").set("H1", "其他"),
    expected: ["workbook.ledger-unknown-column-missing 加扣分!C1", "warning workbook.ledger-unknown-column 加扣分!H1"],
  },
  {
    name: "ledger: 级别 renamed, where codes are scored by level: at the heading, not at column A",
    ledger: [row("甲镇", "JF2", { level: "市级" })],
    edit: (wb) => void wb.sheetNamed("加扣分").set("D1", "等级"),
    expected: ["workbook.ledger-unknown-column-missing 加扣分!D1"],
  },
  {
    // Not "no ledger sheet, nothing counted": the sheet is the ledger, and cannot be read without it.
    name: "ledger: 代码 renamed 编码 is an error at the heading",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => void wb.sheetNamed("加扣分").set("B1", "编码"),
    expected: ["workbook.ledger-column-missing 加扣分!B1"],
  },
  {
    name: "ledger: 审核状态, 被考核单位, 项目代码, 备注 and a 序号 column are read as they mean",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => void wb.sheetNamed("加扣分").set("F1", "审核状态").set("A1", "被考核单位").set("B1", "项目代码").set("H1", "备注").set("J1", "序号"),
    expected: [],
  },
  {
    name: "ledger: a heading that names nothing, where nothing is missing, is said not to be read",
    ledger: [row("甲镇", "KF1")],
    edit: (wb) => void wb.sheetNamed("加扣分").set("J1", "牵头科室"),
    expected: ["warning workbook.ledger-unknown-column 加扣分!J1"],
  },
  {
    name: "ledger: a hidden claim counts, and is said; a 合计 row under the claims is no claim",
    ledger: [row("甲镇", "KF1"), row("乙街道", "KF1")],
    edit: (wb) => {
      wb.sheetNamed("加扣分").hiddenRows.add(3);
      wb.sheetNamed("加扣分").set("A4", "合计").set("C4", 2);
    },
    expected: ["warning workbook.hidden-row 加扣分!A3", "warning workbook.summary-row 加扣分!A4"],
  },
  // 分值 typed for a code that decides its own points: by level said as by level (not "fixed"), else fixed.
  { name: "ledger: points typed for a code by level, and for one of fixed points", ledger: [row("甲镇", "JF2", { level: "省级", points: 7 }), row("乙街道", "KF1", { points: 20 })], expected: ["warning workbook.ledger-points-by-level 加扣分!E2", "warning workbook.ledger-points-ignored 加扣分!E3"] },
  // 40 where KF1 counts 20 each time: two of them, the count asked for (the row counted once).
  { name: "ledger: points typed as a multiple of a fixed code's", ledger: [row("乙街道", "KF1", { points: 40 })], expected: ["warning workbook.ledger-points-count 加扣分!E2"] },
  // 1e300 is a multiple too, but no count a 数量 cell takes (5e+298 次 was suggested): ignored, said as that.
  { name: "ledger: points typed far past any count", ledger: [row("乙街道", "KF1", { points: 1e300 })], expected: ["warning workbook.ledger-points-ignored 加扣分!E2"] },
  // A code copied with its name from the header's list is the code; with another name, said with both
  // names (it was "unknown code", though KF1 stood in the list offered).
  { name: "ledger: a code written with its name", ledger: [row("甲镇", "KF1 重要工作、考核抽查中出现较大问题"), row("乙街道", "KF1 越级上访")], expected: ["workbook.ledger-code-name-differs 加扣分!B3"] },
  // …with no space between (KF1重要工作…: the clerk saw their own words listed as the code's), and two codes in one cell.
  { name: "ledger: a code written with its name and no space, and two codes in one cell", ledger: [row("甲镇", "KF1重要工作、考核抽查中出现较大问题"), row("乙街道", "KF1越级上访"), row("甲镇", "KF1、KF2")], expected: ["workbook.ledger-code-name-differs 加扣分!B3", "workbook.ledger-codes-in-one 加扣分!B4"] },
  // The name in brackets or after a colon, a dash or a full stop is the code's too; 和 joins two codes; ×2 is a count.
  { name: "ledger: a code with its name in brackets or after a colon, two codes joined by 和, a count after the code", ledger: [row("甲镇", "KF1(重要工作、考核抽查中出现较大问题)"), row("乙街道", "KF1:重要工作、考核抽查中出现较大问题"), row("甲镇", "KF1-重要工作、考核抽查中出现较大问题", { count: 2 }), row("乙街道", "KF1.重要工作、考核抽查中出现较大问题", { count: 2 }), row("甲镇", "KF1和KF2"), row("乙街道", "KF1×2")], expected: ["workbook.ledger-codes-in-one 加扣分!B6", "workbook.ledger-count-in-code 加扣分!B7"] },
  // 文件依据 and 事由 are the ledger's 依据 and 说明 (they were "not a column of the ledger").
  { name: "ledger: 文件依据 and 事由 headings", ledger: [row("甲镇", "KF1")], edit: (wb) => void wb.sheetNamed("加扣分").set("I1", "文件依据").set("H1", "事由"), expected: [] },
  { name: "ledger: unknown unit", ledger: [row("戊镇", "KF1")], expected: ["workbook.ledger-unknown-unit 加扣分!A2"] },
  // Two units in one cell, a claim they share: one row a unit (it was asked whether 甲镇、乙街道 was meant).
  // Joined by 和 too, or one of them misspelt (甲镇、乙街到: asked as 甲镇, 乙街道's claim was dropped);
  // one unit twice is not two (two rows would count it twice).
  {
    name: "ledger: two units in one cell",
    ledger: [row("甲镇、乙街道", "KF1"), row("乙街道 甲镇", "KF1"), row("甲镇和乙街道", "KF1"), row("甲镇、乙街到", "KF1"), row("甲镇、甲镇", "KF1")],
    expected: ["workbook.ledger-several-units 加扣分!A2", "workbook.ledger-several-units 加扣分!A3", "workbook.ledger-several-units 加扣分!A4", "workbook.ledger-several-units 加扣分!A5", "workbook.ledger-unknown-unit-near 加扣分!A6"],
  },
  { name: "ledger: a unit's name cut short", ledger: [row("乙街", "KF1")], expected: ["workbook.ledger-unknown-unit-near 加扣分!A2"] },
  // A full-width space in a name on the ledger alone: said as a difference of width or spaces.
  { name: "ledger: a unit's name with a full-width space", ledger: [row("乙　街道", "KF1")], expected: ["workbook.ledger-unknown-unit-width 加扣分!A2"] },
  { name: "ledger: a department", ledger: [row("丁局", "KF1")], expected: ["workbook.ledger-wrong-kind-none 加扣分!A2"] },
  // Last year's points beside this year's under one heading merged over both: the first alone is
  // read (last year's, where it comes first), and nothing said of the other.
  {
    name: "a code's heading merged over two columns of points",
    edit: (wb) => void wb.sheetNamed("部门").set("F2", 20).merge("E1:F1"),
    expected: ["warning workbook.header-merged-across 部门!E1"],
  },
  // Pasted from a web page or a chat: a zero-width space, joiner or soft hyphen inside a name or a
  // code shows nothing, and nobody could mend it (it was "乙\u200b街道 not on 人口计生线: is it 乙街道?", the two the same on screen).
  {
    name: "names and codes with characters that show nothing inside them are the names and codes shown",
    ledger: [row("丙\u200b镇", "K\u200dF1"), row("甲\u00ad镇", "KF1")],
    edit: (wb) => void wb.sheetNamed("党政线").set("A3", "乙\u200b街道"),
    expected: [],
  },
  // The marks that set the direction of text (LRM after a name pasted from Word, an RLO that turned
  // the rest of each problem about it backwards on the page): dropped as those are.
  {
    name: "names with marks of the text's direction in them are the names shown",
    ledger: [row("丙镇\u200e", "KF1")],
    edit: (wb) => void wb.sheetNamed("党政线").set("A3", "乙\u202e街道").set("A2", "\u200f甲镇\u2066"),
    expected: [],
  },
  { name: "ledger: unknown code", ledger: [row("甲镇", "KF9")], expected: ["workbook.ledger-unknown-code 加扣分!B2"] },
  { name: "ledger: JF2 without a level", ledger: [row("甲镇", "JF2")], expected: ["workbook.ledger-level-required 加扣分!D2"] },
  { name: "ledger: DX without a level", ledger: [row("甲镇", "DX1")], expected: ["workbook.ledger-level-required 加扣分!D2"] },
  { name: "ledger: unknown level", ledger: [row("甲镇", "JF2", { level: "县级" })], expected: ["workbook.ledger-unknown-level 加扣分!D2"] },
  { name: "ledger: KF3 points outside 10–30", ledger: [row("甲镇", "KF3", { points: 35 }), row("乙街道", "KF3", { points: 5 })], expected: ["workbook.ledger-points-range 加扣分!E2", "workbook.ledger-points-range 加扣分!E3"] },
  { name: "ledger: KF3 without points", ledger: [row("甲镇", "KF3")], expected: ["workbook.ledger-points-required 加扣分!E2"] },
  // 12.5 under a format of no decimals shows 13 on the signed printout: read as stored, and said, as on a line sheet.
  { name: "ledger: KF3 points a format shows rounded", ledger: [row("甲镇", "KF3", { points: { shown: 12.5, fmt: "general-0" } })], expected: ["warning workbook.points-shown-rounded 加扣分!E2"] },
  { name: "ledger: KF3 points typed with their 分", ledger: [row("甲镇", "KF3", { points: "15分" })], expected: ["workbook.points-with-unit 加扣分!E2"] },
  { name: "ledger: a count or points that could be read two ways", ledger: [row("甲镇", "KF1", { count: "1,5" }), row("乙街道", "KF3", { points: "1 5" })], expected: ["workbook.number-comma 加扣分!C2", "workbook.number-space 加扣分!E3"] },
  {
    name: "ledger: counts that are not whole positive numbers",
    ledger: [row("甲镇", "KF1", { count: 0 }), row("甲镇", "KF1", { count: 1.5 }), row("甲镇", "KF1", { count: "若干" })],
    expected: ["workbook.bad-count 加扣分!C2", "workbook.bad-count 加扣分!C3", "workbook.bad-count 加扣分!C4"],
  },
  // 2次: the number without its word is asked for, as 15分 is in a points cell.
  { name: "ledger: a count typed with its word", ledger: [row("甲镇", "KF1", { count: "2次" }), row("甲镇", "KF1", { count: "0次" })], expected: ["workbook.count-with-word 加扣分!C2", "workbook.bad-count 加扣分!C3"] },
  // An amount's word (300万元, 5亿元; not a headcount's 12人 nor a count's 3所): to be converted as the clause says, not typed as 300 (that gave the cap's points).
  { name: "ledger: a count typed as an amount with its unit", ledger: [row("甲镇", "KF1", { count: "300万元" }), row("甲镇", "KF1", { count: "5亿元" }), row("甲镇", "KF1", { count: "12人" }), row("甲镇", "KF1", { count: "3所" })], expected: ["workbook.count-is-amount 加扣分!C2", "workbook.count-is-amount 加扣分!C3", "workbook.count-with-word 加扣分!C4", "workbook.count-with-word 加扣分!C5"] },
  // In Chinese numerals, with its word or without: the number asked for, as 2次's is.
  { name: "ledger: a count in Chinese numerals", ledger: [row("甲镇", "KF1", { count: "两次" }), row("乙街道", "KF1", { count: "三" }), row("丙镇", "KF1", { count: "零次" })], expected: ["workbook.count-chinese-numeral 加扣分!C2", "workbook.count-chinese-numeral 加扣分!C3", "workbook.bad-count 加扣分!C4"] },
  {
    name: "ledger: a count past 10,000 (a slip: it would make the points meaningless)",
    ledger: [row("甲镇", "KF1", { count: 10_000 }), row("甲镇", "KF1", { count: 10_001 }), row("乙街道", "JF2", { level: "国家级", count: 1e300 }), row("丙镇", "KF1", { count: "２００００" })],
    expected: ["workbook.count-too-large 加扣分!C3", "workbook.count-too-large 加扣分!C4", "workbook.count-too-large 加扣分!C5"],
  },
  // (Said out of the code's range, as a smaller number past it is: it was "no valid number, 请填不小于 0 的数".)
  { name: "ledger: KF3 points past a million", ledger: [row("甲镇", "KF3", { points: 1e300 })], expected: ["workbook.ledger-points-range 加扣分!E2"] },
  // −15 for a deduction of 15: asked without its minus sign (the code says it is a deduction), not "such as 20".
  { name: "ledger: KF3 points typed with a minus sign", ledger: [row("甲镇", "KF3", { points: -15 })], expected: ["workbook.ledger-points-negative 加扣分!E2"] },
  // (已批准, approved: done, asked as the one word for it.)
  { name: "ledger: unknown status", ledger: [row("甲镇", "KF1", { status: "已批准" })], expected: ["workbook.ledger-unknown-status-near 加扣分!F2"] },
  // 其他 says nothing, 已审结 done of anything: asked as nothing; 已撤销, 已作废, 驳回, 未通过 and 已认定(撤销)
  // refuse or revoke: asked as 不予认定 (已认定(撤销) was asked as 已认定: counted).
  {
    name: "ledger: a status of no sense, or of refusal",
    ledger: [row("甲镇", "KF1", { status: "其他" }), row("乙街道", "KF1", { status: "已审结" }), row("丙镇", "KF1", { status: "已撤销" }), row("甲镇", "KF2", { status: "已作废" }), row("乙街道", "KF2", { status: "驳回" }), row("丙镇", "KF2", { status: "未通过" }), row("甲镇", "JF1", { status: "已认定(撤销)" })],
    expected: ["workbook.ledger-unknown-status 加扣分!F2", "workbook.ledger-unknown-status 加扣分!F3", ...[4, 5, 6, 7, 8].map((r) => `workbook.ledger-unknown-status-near 加扣分!F${r}`)],
  },
  // A date typed where the status goes: quoted as the cell shows it, not its serial (“46346”).
  {
    name: "ledger: a date where the status goes",
    edit: (wb) => void wb.sheetNamed("加扣分").set("F2", { shown: 46346, fmt: "date" }),
    ledger: [row("甲镇", "KF1")],
    expected: ["workbook.ledger-unknown-status 加扣分!F2"],
  },
  // A word written otherwise: the one it most likely is asked (认定: 已认定, the closest of the two
  // that hold it; 省部级: 省级); 县级 is none of 国家级, 省级, 市级.
  { name: "ledger: a status or a level written otherwise", ledger: [row("甲镇", "KF1", { status: "认定" }), row("乙街道", "JF2", { level: "省部级" })], expected: ["workbook.ledger-unknown-status-near 加扣分!F2", "workbook.ledger-unknown-level-near 加扣分!D3"] },
  // Never a status of another sense than its words say: 待认定 and 认定中 wait (none of them 已认定:
  // asked as 申报中, the word for waiting; told 申报中、待审核 where a scheme has both), 已审核 is done, but
  // not said to be recognized (nor a pending 申报中 for done); 不认定 is 不予认定; 审核通过 is done
  // (its 审 no waiting); 未认定 may be either, not yet decided or not recognized: asked as neither.
  {
    name: "ledger: statuses written otherwise whose words say another sense",
    ledger: [row("甲镇", "KF1", { status: "待认定" }), row("乙街道", "KF1", { status: "认定中" }), row("丙镇", "KF1", { status: "已审核" }), row("甲镇", "KF2", { status: "不认定" }), row("乙街道", "KF2", { status: "审核通过" }), row("丙镇", "KF2", { status: "未认定" })],
    expected: ["workbook.ledger-unknown-status-near 加扣分!F2", "workbook.ledger-unknown-status-near 加扣分!F3", "workbook.ledger-unknown-status 加扣分!F4", "workbook.ledger-unknown-status-near 加扣分!F5", "workbook.ledger-unknown-status-near 加扣分!F6", "workbook.ledger-unknown-status 加扣分!F7"],
  },
  // 已申报 (submitted) waits, as 申报中 does: asked about as that (it was asked about as nothing, its 已 read as done).
  { name: "ledger: 已申报 for 申报中", ledger: [row("甲镇", "KF1", { status: "已申报" })], expected: ["workbook.ledger-unknown-status-near 加扣分!F2"] },
  // Said with the statuses it may hold, as an unknown one is.
  { name: "ledger: blank status", ledger: [row("甲镇", "KF1", { status: "" })], expected: ["workbook.ledger-blank-status 加扣分!F2"] },
  { name: "ledger: a flag that is neither 是 nor 否", ledger: [row("甲镇", "KF5", { flag: "可能" })], expected: ["workbook.ledger-bad-flag 加扣分!G2"] },
  // YES and Ｙ are yes whatever their case or width; a word neither yes nor no where the code does
  // not double on it does nothing, and is said so (it refused the whole workbook).
  { name: "ledger: flag words in another case or width, and an unknown one where nothing doubles", ledger: [row("甲镇", "KF5", { flag: "yEs" }), row("乙街道", "KF5", { flag: "Ｎ" }), row("甲镇", "KF1", { flag: "可能" })], expected: ["warning workbook.ledger-flag-ignored 加扣分!G4"] },
  {
    name: "ledger: a second JF1 of a town, or JF1 counted twice, is a warning",
    ledger: [row("甲镇", "JF1"), row("甲镇", "JF1"), row("乙街道", "JF1", { count: 2 }), row("丙镇", "JF2", { level: "省级(全区)" })],
    expected: ["warning workbook.ledger-once-again 加扣分!B3", "warning workbook.ledger-once-count 加扣分!C4"],
  },
  // A claim pasted twice counts twice: said at the later copy (a prize was lost to it unsaid);
  // rows that differ in any column (another note, count or status) are two claims, not said.
  {
    name: "ledger: a row the same as an earlier one in every column is a warning at the later row",
    ledger: [row("甲镇", "KF1", { note: "通报一" }), row("乙街道", "KF1"), row("甲镇", "KF1", { note: "通报二" }), row("甲镇", "KF1", { note: "通报一" }), row("乙街道", "KF1", { count: 2 }), row("乙街道", "KF1", { status: "申报中" }), row("乙街道", "KF1")],
    expected: ["warning workbook.ledger-row-again 加扣分!B5", "warning workbook.ledger-pending 加扣分!F7", "warning workbook.ledger-row-again 加扣分!B8"],
  },
  // Pending twice: both will count once confirmed (said so). Refused twice, a single-item
  // recognition twice (one award), a once-a-year code twice (one row counts): nothing doubles.
  {
    name: "ledger: a row pasted twice is said only where both would count, now or once confirmed",
    ledger: [row("甲镇", "KF1", { status: "申报中" }), row("甲镇", "KF1", { status: "申报中" }), row("乙街道", "KF1", { status: "不予认定" }), row("乙街道", "KF1", { status: "不予认定" }), row("丙镇", "DX1", { level: "市级" }), row("丙镇", "DX1", { level: "市级" }), row("乙街道", "JF1", { status: "申报中" }), row("乙街道", "JF1", { status: "申报中" })],
    expected: ["warning workbook.ledger-pending 加扣分!F2", "warning workbook.ledger-pending 加扣分!F3", "warning workbook.ledger-row-again-pending 加扣分!B3", "warning workbook.ledger-pending 加扣分!F8", "warning workbook.ledger-pending 加扣分!F9"],
  },
  // A sum of the points and counts above, unlabelled: one error at its row asking which it is (it was three blanks).
  {
    name: "ledger: a row of numbers alone is one error at its unit cell",
    ledger: [row("甲镇", "KF3", { points: 15 }), row("乙街道", "KF3", { points: 20, count: 2 }), row("", "", { status: "", points: 35, count: 3 })],
    expected: ["workbook.ledger-numbers-only 加扣分!A4"],
  },
  { name: "ledger: a pending row is a warning", ledger: [row("甲镇", "JF1", { status: "申报中" })], expected: ["warning workbook.ledger-pending 加扣分!F2"] },
  // Its code blank: the blank said, not a pending claim to no code (“甲镇” 的  状态为 “申报中”).
  { name: "ledger: a pending row with no code is its blank code alone", ledger: [row("甲镇", "", { status: "申报中" })], expected: ["workbook.ledger-blank 加扣分!B2"] },
  {
    name: "a hidden row is a warning",
    edit: (wb) => {
      wb.sheetNamed("党政线").hiddenRows.add(3);
    },
    expected: ["warning workbook.hidden-row 党政线!A3"],
  },
  {
    name: "a hidden sheet is a warning",
    edit: (wb) => {
      wb.sheetNamed("部门").hidden = true;
    },
    expected: ["warning workbook.hidden-sheet 部门"],
  },
  // Hidden by a macro so that Unhide does not list it: said how it is seen again (Unhide was offered).
  {
    name: "a very hidden sheet, and a very hidden copy of a line",
    edit: (wb) => {
      wb.sheetNamed("部门").veryHidden = true;
      const copy = wb.sheetNamed("党政线").clone();
      copy.name = "党政线(去年)";
      copy.veryHidden = true;
      wb.list.push(copy);
    },
    expected: ["warning workbook.very-hidden-sheet 部门", "workbook.column-on-two-sheets-very-hidden '党政线(去年)'!B1"],
  },
  {
    name: "a very hidden copy of the ledger",
    ledger: [row("甲镇", "JF1")],
    edit: (wb) => {
      const copy = wb.sheetNamed("加扣分").clone();
      copy.name = "加扣分(旧)";
      copy.veryHidden = true;
      wb.list.push(copy);
    },
    expected: ["workbook.ledger-on-two-sheets-very-hidden '加扣分(旧)'!A1"],
  },
  {
    // No assessment sheet, out of sight, and carried into the result the office e-mails on: said (it went unsaid).
    name: "a very hidden sheet of the user's own, not read, is said",
    edit: (wb) => {
      const draft = wb.addSheet("草稿");
      draft.set("A1", "领导内部意见").set("B1", 95);
      draft.veryHidden = true;
    },
    expected: ["warning workbook.very-hidden-unread 草稿"],
  },
];

describe("validate finds each mistake at its cell", () => {
  it("says a sheet named like a copy but holding other items than the line sheet at the line sheet, as ever (党政线(2) holding the rest of a split line was told to be deleted as a copy)", async () => {
    const { lines } = await diagnose({
      edit: (wb) => {
        const original = wb.sheetNamed("党政线");
        const codes = [...original.codeColumns().keys()];
        const part = wb.addSheet("党政线(2)");
        wb.list.pop();
        part.set("A1", "单位名称").set("B1", `${codes[0]} 统筹决策`).set("C1", "DZ9 其他工作").set("A2", "甲镇").set("B2", 5);
        wb.list.splice(wb.list.indexOf(original), 0, part);
      },
    });
    expect(lines).toContain("workbook.column-on-two-sheets 党政线!B1");
    expect(lines.filter((l) => l.includes("copy-first"))).toEqual([]);
  });

  it.each(cases)("$name", async (c) => {
    const { lines, ok } = await diagnose(c);
    expect(lines).toEqual(c.expected);
    expect(ok).toBe(c.expected.every((e) => e.startsWith("warning")));
  });

  it("says a name off the template's list, spelt two ways on the sheets, once: the sheets it is missing from and the listed name to write", async () => {
    const { diagnostics } = await diagnose({ edit: (wb) => void wb.sheetNamed("人口计生线").set("A3", "乙街道办") });
    const d = diagnostics.find((x) => x.code === "workbook.unit-unlisted-spelling");
    expect(message("zh-CN", d!.code, d!.data)).toBe("单位 “乙街道办” 不在模板的单位名单上,工作表 党政线、指标数据 中也没有它的行,而名单上的 “乙街道” 在那里有行;是否就是 乙街道?是的话请把 “乙街道办” 改为 “乙街道”");
  });

  const ONE_PASS = {
    values: { 甲镇: { DZ2: 25, ZB1: 95 }, 丙镇: { "DZ3.1": null } },
    ledger: [row("戊镇", "KF1"), row("甲镇", "KF3", { points: 50 })],
  };
  const ONE_PASS_FOUND = [
    "workbook.points-out-of-range 党政线!B2",
    "workbook.blank-points 党政线!C4",
    "workbook.rate-bare 指标数据!B2",
    "workbook.ledger-unknown-unit 加扣分!A2",
    "workbook.ledger-points-range 加扣分!E3",
  ];

  it("finds every problem of a workbook in one pass", async () => {
    expect((await diagnose(ONE_PASS)).lines).toEqual(ONE_PASS_FOUND);
  });

  it("suggests a name for the first 200 unknown units of a ledger, then says them plainly", async () => {
    // A ledger of another district, or a workbook read with the wrong rubric, can name thousands
    // of units that are not there: each suggestion reads every name, so only so many are made.
    const ledger = Array.from({ length: 205 }, () => row("乙街", "KF1"));
    const { lines: found } = await diagnose({ ledger });
    const unknown = found.filter((l) => l.startsWith("workbook.ledger-unknown-unit"));
    expect(unknown).toEqual(Array.from({ length: 205 }, (_, i) => `workbook.ledger-unknown-unit${i < 200 ? "-near" : ""} 加扣分!A${i + 2}`));
  });

  it("suggests the unit meant for the first 200 names on the indicator sheet alone, then says them plainly", async () => {
    // 乙街道 renamed there, and 205 more names that are no unit: each is near 乙街道.
    const { lines: found } = await diagnose({
      edit: (wb) => {
        const rates = wb.sheetNamed("指标数据");
        rates.set("A3", "乙街道0");
        for (let i = 1; i <= 205; i++) {
          rates.set(`A${i + 9}`, `乙街道${i}`);
          rates.set(`B${i + 9}`, 0.9);
        }
      },
    });
    const strangers = found.filter((l) => l.startsWith("warning workbook.unit-only-on"));
    expect(strangers.length).toBe(206);
    // The first 200 looked for (A3, then A10 to A208) name 乙街道; the last six are said plainly.
    const plain = strangers.filter((l) => l.startsWith("warning workbook.unit-only-on "));
    expect(plain.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `warning workbook.unit-only-on 指标数据!A${209 + i}`).sort());
  });

  it("finds the same in the workbook written as a file and read through the package", async () => {
    // The case's values are plain numbers and text, which exceljs writes as they are.
    const bytes = await fillToBuffer(rubric, { units: UNITS, values: valuesOf(ONE_PASS) as FillSpec["values"], ledger: ONE_PASS.ledger as FillSpec["ledger"] });
    const r = await load("in.xlsx", bytes);
    // Except that 95 typed into the template's percentage cell shows as 9500%, and is read so.
    // In the written file the rate cell is formatted as a percentage: 95 shows as 9500%, and 95% is asked about.
    expect(lines(r.diagnostics)).toEqual(ONE_PASS_FOUND.map((l) => (l === "workbook.rate-bare 指标数据!B2" ? "workbook.rate-percent-typed 指标数据!B2" : l)));
    expect(r.submission).toBeUndefined();
  });
});

describe("the cover names a rubric we do not have", () => {
  /** Sets the value beside a cover label (column A) and returns that cell's address. */
  const setCover = (wb: MemBook, label: string, value: string | Date): string => {
    const ws = wb.sheetNamed("封面");
    for (const [r, cells] of ws.rows) {
      const a = cells.get(1);
      if (a?.value.t === "s" && a.value.v.startsWith(label)) {
        ws.setAt(r, 2, value);
        return `B${r}`;
      }
    }
    return "";
  };

  it("an unknown version of a known rubric is located at the version cell", async () => {
    let at = "";
    const { lines, ok } = await diagnose({ edit: (wb) => (at = setCover(wb, "方案版本", "2099.9")) });
    expect(at).toMatch(/^B\d+$/);
    expect(lines).toEqual([`rubric.version-not-found 封面!${at}`]);
    expect(ok).toBe(false);
  });

  // Typed as a clerk types them: refused as a rubric not found ("District-Popplan 2022.1").
  it("takes the rubric's id in capitals and the version in full-width digits as the rubric's own", async () => {
    const { lines, ok } = await diagnose({
      edit: (wb) => {
        setCover(wb, "方案编号", "District-Popplan");
        setCover(wb, "方案版本", "２０２２。１");
      },
    });
    expect(lines).toEqual([]);
    expect(ok).toBe(true);
  });

  // 2022.1 typed where the cell took it for a date (January 2022): said as a date, not as version 44562.
  it("a version the cell holds as a date is said as that, at the version cell", async () => {
    let at = "";
    const { diagnostics } = await diagnose({ edit: (wb) => (at = setCover(wb, "方案版本", new Date(Date.UTC(2022, 0, 1)))) });
    expect(said(diagnostics)).toEqual([`in.xlsx: 封面!${at} 封面的方案版本单元格是日期格式,其中是日期 2022-01-01(数 44562),不是版本号:请把单元格格式改为“文本”,再填写所用的版本号(这里有 2022.1)`]);
  });

  it("a version held as a date in a workbook counting from 1904 says the number the cell holds (43100, not 44562)", async () => {
    let at = "";
    const { diagnostics } = await diagnose({
      edit: (wb) => {
        at = setCover(wb, "方案版本", new Date(Date.UTC(2022, 0, 1)));
        Object.defineProperty(wb, "date1904", { value: true });
      },
    });
    expect(said(diagnostics)).toEqual([`in.xlsx: 封面!${at} 封面的方案版本单元格是日期格式,其中是日期 2022-01-01(数 43100),不是版本号:请把单元格格式改为“文本”,再填写所用的版本号(这里有 2022.1)`]);
  });

  // Named as a line's sheet is: by the template's name and its codes, with what it must hold (it was "缺少指标数据表").
  it("a deleted 指标数据 sheet is said by its name in the template, its codes and what it holds", async () => {
    const { diagnostics } = await diagnose({ edit: (wb) => wb.removeSheet("指标数据") });
    expect(said(diagnostics)).toEqual(["in.xlsx 找不到指标数据表(模板中为 “指标数据”,列头以 ZB1 等代码开头;需要 ZB1, ZB2, ZB3, ZB4, MB1, MB2),用到它的项目无法计分;是否删除了该工作表或改动了它的列头?"]);
  });

  // With the rubric given (--rubric), the cover is only compared with it: its date said as the date, at the version's cell.
  it("a version held as a date, with the rubric given, is said as the date it holds at its cell", async () => {
    let at = "";
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    at = setCover(book, "方案版本", new Date(Date.UTC(2022, 0, 1)));
    const { diagnostics } = await readMemBook(book, "in.xlsx", "district-popplan");
    expect(said(diagnostics.filter((d) => d.code === "workbook.cover-rubric-mismatch"))).toEqual([`in.xlsx: 封面!${at} 封面写的方案是 district-popplan 2022-01-01,但本次使用 district-popplan 2022.1`]);
  });

  it("an unknown rubric is located at the id cell", async () => {

    let at = "";
    const { lines } = await diagnose({ edit: (wb) => (at = setCover(wb, "方案编号", "province-x")) });
    expect(at).toMatch(/^B\d+$/);
    expect(lines).toEqual([`rubric.not-found 封面!${at}`]);
  });
});

describe("a header's code typed with a space (DZ 2)", () => {
  it("is said at its cell with the header to write, the mistyped code replaced", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const sheet = book.sheetNamed("党政线");
    const col = sheet.codeColumns().get("DZ2");
    expect(col).toBe(2);
    sheet.setAt(1, col ?? 0, "DZ 2 统筹决策(20分)");
    const r = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    const d = r.diagnostics.find((x) => x.code === "workbook.header-without-code");
    expect(d && formatLocation(d.location ?? { file: "" })).toBe("in.xlsx: 党政线!B1");
    // The header quoted as it is; what to write has the code once, the mistyped one gone.
    expect(d?.data).toMatchObject({ code: "DZ2", header: "DZ 2 统筹决策(20分)", rest: "统筹决策(20分)" });
    // Letters that are the name's own, with no number after them, are kept.
    sheet.setAt(1, col ?? 0, "GDP统筹决策(20分)");
    const again = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    const d2 = again.diagnostics.find((x) => x.code === "workbook.header-without-code");
    expect(d2 && formatLocation(d2.location ?? { file: "" })).toBe("in.xlsx: 党政线!B1");
    expect(d2?.data).toMatchObject({ header: "GDP统筹决策(20分)", rest: "GDP统筹决策(20分)" });
  });
});

describe("what a clerk types around the figures", () => {
  it("a date where a score belongs, and a footer's figure, are quoted as the cell shows them (2026-03-01, not 46082)", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    book.sheetNamed("党政线").set("B2", new Date(Date.UTC(2026, 2, 1)));
    book.sheetNamed("人口计生线").set("A6", "审核人:李四").set("C6", new Date(Date.UTC(1900, 2, 18)));
    // Several figures on a footer's line: said at the first, with how many more.
    book.sheetNamed("部门").set("A6", "注:").set("C6", "95%").set("E6", 9.5);
    const { diagnostics } = await readMemBook(book);
    const text = said(diagnostics);
    expect(text).toContain("in.xlsx: 党政线!B2 单元格是日期格式(日期 2026-03-01,其中的数为 46082),应为数字;请把单元格格式改为“常规”或“数值”,再核对这个数:如不是要填的数,请重新填写");
    expect(text).toContain("in.xlsx: 人口计生线!C6 这一行是表尾“审核人:李四”(填表人、注等),不是单位:其中的 1900-03-18(单元格是日期格式,其中的数为 78)不计入;如是某单位的数据,请填到该单位的行");
    expect(text).toContain("in.xlsx: 部门!C6 这一行是表尾“注:”(填表人、注等),不是单位:其中的 95% 及其后另 1 格数字不计入;如是某单位的数据,请填到该单位的行");
  });

  it("a date where a score belongs in a workbook counting from 1904 says the number the cell holds (20, not 1482), and a fraction without float noise", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    // 1904-01-21: the 1904 system's day 20 (read as the 1900 system's 1482).
    book.sheetNamed("党政线").set("B2", new Date(Date.UTC(1904, 0, 21)));
    Object.defineProperty(book, "date1904", { value: true });
    const text = said((await readMemBook(book)).diagnostics);
    expect(text).toContain("in.xlsx: 党政线!B2 单元格是日期格式(日期 1904-01-21,其中的数为 20),应为数字;请把单元格格式改为“常规”或“数值”,再核对这个数:如不是要填的数,请重新填写");
    // Under a form's footer too (it said 1481.5 for 19.5).
    const footer = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    footer.sheetNamed("人口计生线").set("A6", "审核人:李四").set("C6", { shown: 1462 + 19.5, fmt: "date" });
    Object.defineProperty(footer, "date1904", { value: true });
    expect(said((await readMemBook(footer)).diagnostics).join("\n")).toContain("in.xlsx: 人口计生线!C6 这一行是表尾“审核人:李四”(填表人、注等),不是单位:其中的 1904-01-20(单元格是日期格式,其中的数为 19.5)不计入");
    // A signing date alone where the name goes: the line named by the date it shows, not its serial.
    const dated = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    dated.sheetNamed("人口计生线").set("A6", { shown: 46387, fmt: "date" }).set("C6", { shown: 1462 + 19.5, fmt: "date" });
    Object.defineProperty(dated, "date1904", { value: true });
    expect(said((await readMemBook(dated)).diagnostics).join("\n")).toContain("in.xlsx: 人口计生线!C6 这一行是表尾“2026-12-31”(填表人、注等)");
    // A fraction there, less 1462, without the noise the subtraction leaves (0.0679999999999836).
    const fraction = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    fraction.sheetNamed("党政线").set("B2", { shown: 1462 + 0.068, fmt: "date" });
    Object.defineProperty(fraction, "date1904", { value: true });
    expect(said((await readMemBook(fraction)).diagnostics).join("\n")).toContain("其中的数为 0.068)");
    const plain = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    // 6.8% over 100 as a program computes it: 0.06799999999999999.
    plain.sheetNamed("党政线").set("B2", { shown: 6.8 / 100, fmt: "date" });
    expect(said((await readMemBook(plain)).diagnostics).join("\n")).toContain("其中的数为 0.068,");
  });

  it("a unit written otherwise on every sheet (丙鎮 for 丙镇) is said at its first row, where the clerk sees it, not at the hidden list alone", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}));
    for (const sheet of ["党政线", "人口计生线", "指标数据"]) book.sheetNamed(sheet).set("A4", "丙鎮");
    const { diagnostics } = await readMemBook(book);
    const text = said(diagnostics);
    expect(text).toEqual(["in.xlsx: 党政线!A4 单位 “丙鎮” 不在模板的单位名单(_lists 工作表)中,而名单上的 丙镇 在各工作表中都没有行:是否就是它(名称写法不同)?如是,请在各工作表中改为 丙镇;如该单位已改名,可不理会(本次按 “丙鎮” 计分和排名)"]);
  });

  it("points too large to hold, typed as digits, are said as typed (cut short), not in e-notation", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}));
    book.sheetNamed("党政线").set("B2", "123456789012345678901234567890").set("B3", 1e29);
    const { diagnostics } = await readMemBook(book);
    const text = said(diagnostics);
    expect(text).toContain("in.xlsx: 党政线!B2 DZ2 的分值 123456789012345678901234… 超出范围 0–20;请填 0 到 20 之间的分数");
    // A number that large in the cell, in the e-notation a spreadsheet shows it in.
    expect(text).toContain("in.xlsx: 党政线!B3 DZ2 的分值 1e+29 超出范围 0–20;请填 0 到 20 之间的分数");
  });

  it("a unit deleted from every sheet is said at the template's list, naming that sheet (hidden: the clerk could not find _lists!F3); a ledger row of a unit on no sheet says what to do", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), [{ unit: "丁镇", code: "JF2", level: "市级", status: "已认定" }]);
    for (const sheet of ["党政线", "人口计生线", "指标数据"]) book.sheetNamed(sheet).deleteRow(4);
    const { diagnostics } = await readMemBook(book);
    const text = said(diagnostics);
    expect(text).toContain("in.xlsx: _lists!F3 单位 “丙镇” 在模板的单位名单(模板中隐藏的 _lists 工作表)中,但各工作表中都没有它的行:它不会有得分和名次。如该单位已撤并,可不理会;否则请补上它的各行");
    expect(text).toContain("in.xlsx: 加扣分!A2 加扣分记录中的单位 “丁镇” 不在考核工作表中;请补上该单位在各工作表中的行,或删去这条记录");
  });

  it("a merge over a unit's cells names whose cells it leaves blank (F2:F3 named neither 乙街道 nor the item)", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), [{ unit: "甲镇", code: "KF5", status: "已认定" }, { unit: "乙街道", code: "KF5", status: "已认定" }]);
    book.sheetNamed("党政线").merge("B2:B3");
    book.sheetNamed("加扣分").set("F3", null).merge("F2:F3");
    // A target typed once and merged down its column (the merge a clerk most often makes).
    const rates = book.sheetNamed("指标数据");
    const mb1 = rates.codeColumns().get("MB1") ?? 0;
    rates.setAt(3, mb1, null).setAt(4, mb1, null).merge(`${colName(mb1)}2:${colName(mb1)}4`);
    const { diagnostics } = await readMemBook(book);
    const text = said(diagnostics);
    expect(text).toContain("in.xlsx: 党政线!B2 B2:B3 是合并单元格:只有左上角的 B2 有值,其余单元格读作空白(B3 乙街道 DZ2);请取消合并,在每个单元格中分别填写");
    expect(text).toContain("in.xlsx: 加扣分!F2 F2:F3 是合并单元格:只有左上角的 F2 有值,其余单元格读作空白(F3 乙街道);请取消合并,在每个单元格中分别填写");
    const c = colName(mb1);
    expect(text).toContain(`in.xlsx: 指标数据!${c}2 ${c}2:${c}4 是合并单元格:只有左上角的 ${c}2 有值,其余单元格读作空白(${c}3 乙街道 MB1、${c}4 丙镇 MB1);请取消合并,在每个单元格中分别填写`);
  });

  it("values in a row without a name are said at the name's cell, naming the first value and its cell (a number far right on a long sheet was not named)", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    book.sheetNamed("党政线").set("D6", 12).set("F6", 3);
    const { diagnostics } = await readMemBook(book);
    const text = said(diagnostics);
    expect(text).toEqual(["in.xlsx: 党政线!A6 此行有数值(D6 为 12)但没有单位名称;请填上单位名称,或删去这些数值"]);
  });

  it("a level left out or unknown is asked for among the code's levels highest first, as the rubric orders them (its points list them lowest first)", async () => {
    const { diagnostics } = await readMemBook(fill(await templateBook(rubric, UNITS), valuesOf({}), [{ unit: "甲镇", code: "JF2", status: "已认定" }, { unit: "乙街道", code: "JF2", level: "县级", status: "已认定" }]));
    const text = said(diagnostics);
    expect(text).toEqual(["in.xlsx: 加扣分!D2 JF2 需要填写级别:国家级、省级、市级", expect.stringMatching(/^in\.xlsx: 加扣分!D3 .*国家级、省级、市级/)]);
  });

  /** What validate says of the template filled with these values, each problem at its place. */
  const saidOf = async (values: Record<string, Record<string, Value>>): Promise<string[]> => said((await readMemBook(fill(await templateBook(rubric, UNITS), valuesOf({ values }), []))).diagnostics);

  it("a percentage written out is asked for as the percentage it says (百分之九十六点八: 96.8%)", async () => {
    expect(await saidOf({ 甲镇: { ZB1: "百分之 96.8", ZB2: "百分之九五点六" }, 乙街道: { ZB1: "百分之95.6%", ZB2: "负百分之五" }, 丙镇: { ZB4: "百分之九十六点八", ZB1: "百分之负6.8" } })).toEqual([
      "in.xlsx: 指标数据!B2 “百分之 96.8” 请写成 96.8%",
      "in.xlsx: 指标数据!C2 “百分之九五点六” 请写成 95.6%",
      "in.xlsx: 指标数据!B3 “百分之95.6%” 请写成 95.6%",
      "in.xlsx: 指标数据!C3 “负百分之五” 请写成 -5%",
      "in.xlsx: 指标数据!B4 “百分之负6.8” 请写成 -6.8%",
      "in.xlsx: 指标数据!E4 “百分之九十六点八” 请写成 96.8%",
    ]);
  });

  it("a rate in Chinese numerals without 百分之 is asked for as the percentage it says (九成: 90%, 九成五: 95%, 九十五: 95%, 零点九五: 95%)", async () => {
    expect(await saidOf({ 甲镇: { ZB1: "九成", ZB2: "九成五" }, 乙街道: { ZB1: "九十五", ZB2: "零点九五" } })).toEqual([
      "in.xlsx: 指标数据!B2 “九成” 请写成 90%",
      "in.xlsx: 指标数据!C2 “九成五” 请写成 95%",
      "in.xlsx: 指标数据!B3 “九十五” 请写成 95%",
      "in.xlsx: 指标数据!C3 “零点九五” 请写成 95%",
    ]);
  });

  it("reads DZ3。1 (an input method's full stop) as DZ3.1, not as DZ3's subtotal", async () => {
    const { lines: said } = await diagnose({
      edit: (wb) => {
        const sheet = wb.sheetNamed("党政线");
        sheet.setAt(1, sheet.codeColumns().get("DZ3.1") ?? 0, "DZ3。1 移民地区综合整治(20分)");
      },
    });
    expect(said).toEqual([]);
  });

  it("takes 合计: with its colon, and 合计 in a 序号 column beside a blank name, for summary rows", async () => {
    const { lines: said } = await diagnose({
      ledger: [row("甲镇", "KF1")],
      edit: (wb) => {
        wb.sheetNamed("党政线").set("A5", "合计:").set("B5", 60);
        wb.sheetNamed("人口计生线").set("A5", "合计(3个单位)").set("B5", 60);
        wb.sheetNamed("加扣分").set("J1", "序号").set("J3", "合计").set("C3", 1);
      },
    });
    expect(said).toEqual(["warning workbook.summary-row 党政线!A5", "warning workbook.summary-row 人口计生线!A5", "warning workbook.summary-row 加扣分!J3"]);
  });

  it("takes a part's summary (乡镇(街道)合计, 全区平均分, Towns total) for a summary row; 统计局 and 审计局 stay units", async () => {
    const { lines: said } = await diagnose({
      edit: (wb) => {
        wb.sheetNamed("党政线").set("A5", "乡镇(街道)合计").set("B5", 60).set("A6", "全区 平均分").set("B6", 60);
        wb.sheetNamed("人口计生线").set("A5", "Towns total").set("B5", 60).set("A6", "街道组小计(2个)").set("B6", 60);
      },
    });
    expect(said).toEqual(["warning workbook.summary-row 党政线!A5", "warning workbook.summary-row 党政线!A6", "warning workbook.summary-row 人口计生线!A5", "warning workbook.summary-row 人口计生线!A6"]);
    for (const name of ["统计局", "审计局", "会计核算中心", "城关镇", "Treasury"]) expect(isSummaryName(name), name).toBe(false);
  });

  it("says a ledger column named twice: an error for figures, a warning for words", async () => {
    const { lines: said } = await diagnose({ ledger: [row("甲镇", "KF1")], edit: (wb) => void wb.sheetNamed("加扣分").set("J1", "分值").set("K1", "说明") });
    expect(said).toEqual(["workbook.ledger-column-again 加扣分!J1", "warning workbook.ledger-column-again 加扣分!K1"]);
  });

  it("says a formula never calculated in the 级别, 未如实上报 and 分组 cells, not that they are blank", async () => {
    const { lines: said } = await diagnose({
      ledger: [row("甲镇", "JF2", { level: "市级" }), row("乙街道", "KF5")],
      edit: (wb) => {
        wb.sheetNamed("加扣分").set("D2", { formula: "=\"市级\"" }).set("G3", { formula: "=\"否\"" });
      },
    });
    expect(said).toEqual(["workbook.formula-no-result 加扣分!D2", "workbook.formula-no-result 加扣分!G3"]);
  });

  it("takes 2026年 and 2026年度 typed on the cover for the year", async () => {
    for (const value of ["2026年", "2026 年", "2026年度", "２０２６年"]) {
      let set = 0;
      const { lines: said } = await diagnose({
        edit: (wb) =>
          void wb.sheetNamed("封面").rows.forEach((cells, r) => {
            const a = cells.get(1);
            if (a?.value.t === "s" && a.value.v.startsWith(COVER_LABELS.year)) set += wb.sheetNamed("封面").setAt(r, 2, value) ? 1 : 0;
          }),
      });
      expect(set).toBe(1);
      expect(said).toEqual([]);
    }
  });
});

describe("a hidden sheet of the lists a ledger's drop-downs read (单位名单, 级别, 状态: no 代码 column)", () => {
  const lists = (wb: MemBook, first: boolean): void => {
    const ws = wb.addSheet("辅助");
    ws.hidden = true;
    ws.set("A1", "单位名单").set("B1", "级别").set("C1", "状态");
    ws.set("A2", "甲镇").set("B2", "市级").set("C2", "已认定");
    ws.set("A3", "乙街道").set("B3", "省级").set("C3", "申报中");
    if (first) wb.list.unshift(...wb.list.splice(wb.list.indexOf(ws), 1));
  };
  it.each([false, true])("is no second ledger, before the ledger or after it (first: %s)", async (first) => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), [row("甲镇", "KF1")]);
    lists(book, first);
    const r = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    expect(lines(r.diagnostics).filter((l) => !l.startsWith("warning workbook.hidden-sheet"))).toEqual([]);
    // The ledger's claim counted: read from 加扣分, not from the lists.
    expect(r.submission?.ledger.map((e) => [e.unit, e.code])).toEqual([["甲镇", "KF1"]]);
  });
});

describe("a cover with a column inserted before its labels", () => {
  it("is read: its labels one column on, their values beside them (it was \"no cover\", its district and year lost)", async () => {
    const book = fill(await templateBook(rubric, UNITS, "2026", "青山区"), valuesOf({}), []);
    const ws = book.sheetNamed("封面");
    const moved = [...ws.rows.entries()].map(([r, cells]) => [r, [...cells.entries()].sort((a, b) => b[0] - a[0])] as const);
    for (const [r, cells] of moved) for (const [c, cell] of cells) {
      ws.setAt(r, c + 1, cell.value.t === "s" || cell.value.t === "n" ? cell.value.v : null);
      ws.setAt(r, c, null);
    }
    const r = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    expect(lines(r.diagnostics)).toEqual([]);
    expect([r.submission?.cover.year, r.submission?.cover.district]).toEqual(["2026", "青山区"]);
  });
});

describe("a cover laid out across", () => {
  it("is read with each label's value under it (方案编号 | 方案版本 | 考核年度 | 地区: 方案版本 was taken for the scheme's id)", async () => {
    const book = fill(await templateBook(rubric, UNITS, "2026", "青山区"), valuesOf({}), []);
    const ws = book.sheetNamed("封面");
    // The four labels and their values, as found down column A and B, laid across rows 1 and 2 instead.
    const pairs: [string, string | number][] = [];
    for (const [, cells] of ws.rows) {
      const a = cells.get(1);
      const b = cells.get(2);
      const label = a?.value.t === "s" ? a.value.v : undefined;
      if (label !== undefined && Object.values(COVER_LABELS).some((w) => label.startsWith(w)) && b && (b.value.t === "s" || b.value.t === "n")) pairs.push([label, b.value.v]);
    }
    expect(pairs.length).toBe(4);
    for (const [r] of [...ws.rows]) for (const c of [1, 2, 3, 4]) ws.setAt(r, c, null);
    pairs.forEach(([label, value], i) => {
      ws.setAt(1, i + 1, label);
      ws.setAt(2, i + 1, value);
    });
    const r = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    expect(lines(r.diagnostics)).toEqual([]);
    expect([r.submission?.cover.rubricId, r.submission?.cover.year, r.submission?.cover.district]).toEqual(["district-popplan", "2026", "青山区"]);
  });
});

describe("the cover's year", () => {
  const setYear = (wb: MemBook, value: Value): string => {
    const ws = wb.sheetNamed("封面");
    for (const [r, cells] of ws.rows) {
      const a = cells.get(1);
      if (a?.value.t === "s" && a.value.v.startsWith(COVER_LABELS.year)) {
        ws.setAt(r, 2, value);
        return `B${r}`;
      }
    }
    return "";
  };

  it("is read from a cell formatted as a date (yyyy\"年\" showing 2026年 holds 2026-01-01), not as its serial", async () => {
    // A template for 2025, its year cell then given 2026-01-01.
    const book = fill(await templateBook(rubric, UNITS, "2025"), valuesOf({}), []);
    expect(setYear(book, new Date(Date.UTC(2026, 0, 1)))).toMatch(/^B\d+$/);
    const r = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    expect(lines(r.diagnostics)).toEqual([]);
    expect(r.submission?.cover.year).toBe("2026");
  });

  it("is the original cover's where a copy of the cover saying another was put before it", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const copy = book.sheetNamed("封面").clone();
    copy.name = "封面 (2)";
    book.list.unshift(copy);
    setYear(book, 2026);
    // The copy (now first) says 2025; the original 2026.
    const at = (() => {
      for (const [r, cells] of copy.rows) {
        const label = cells.get(1)?.value;
        if (label?.t === "s" && label.v.startsWith(COVER_LABELS.year)) return r;
      }
      return 0;
    })();
    copy.setAt(at, 2, "2025");
    const r = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    expect(r.submission?.cover.year).toBe("2026");
    expect(lines(r.diagnostics)).toEqual(["warning workbook.cover-twice '封面 (2)'!B5"]);
    // Kept as last year's record under a name of its own: 封面 is read all the same.
    copy.name = "2025年封面";
    const kept = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    expect(kept.submission?.cover.year).toBe("2026");
    expect(lines(kept.diagnostics)).toEqual(["warning workbook.cover-twice '2025年封面'!B5"]);
    // The same year written otherwise (2026年) says nothing other: nothing said.
    copy.setAt(at, 2, "2026年");
    expect(lines((await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) })).diagnostics)).toEqual([]);
  });

  it("before the rubric took effect (2019 under a scheme of 2022), or left blank, is a warning at its cell", async () => {
    let at = "";
    const early = await diagnose({ edit: (wb) => (at = setYear(wb, 2019)) });
    expect(early.lines).toEqual([`warning workbook.cover-year-before-rubric 封面!${at}`]);
    expect(early.ok).toBe(true);
    // The year it took effect and after: nothing said (2022, this rubric's); in full-width digits or
    // in Chinese too (the titles say it as 2026; it was warned that they would say 二〇二六).
    for (const value of [2022, 2026, "２０２６", "二〇二六", "二零二六年度"]) expect((await diagnose({ edit: (wb) => void setYear(wb, value) })).lines).toEqual([]);
    // Left blank: the result sheets' titles go without it (it was said by report alone).
    const blank = await diagnose({ edit: (wb) => (at = setYear(wb, null)) });
    expect(blank.lines).toEqual([`warning workbook.cover-blank-year 封面!${at}`]);
  });

  it("that is no year (26, 2026.5, 2026 typed into a date cell: 1905) is a warning at its cell", async () => {
    for (const value of [26, 2026.5, { shown: 2026, fmt: "date" } as const]) {
      let at = "";
      const { lines: said } = await diagnose({ edit: (wb) => (at = setYear(wb, value)) });
      expect(at).toMatch(/^B\d+$/);
      expect(said).toEqual([`warning workbook.cover-bad-year 封面!${at}`]);
    }
  });
});

describe("a workbook without units", () => {
  it("is an error, not an empty result", async () => {
    const bytes = await fillToBuffer(rubric, { units: [], values: {} });
    const r = await load("in.xlsx", bytes);
    expect(r.diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual(["workbook.no-units in.xlsx: 党政线"]);
    expect(r.submission).toBeUndefined();
  });
});

describe("validate accepts what users really type", () => {
  it.each([
    ["a percent-formatted number", { percent: 0.96 }],
    ["95% typed as text", "96%"],
    ["full-width ９６％", "９６％"],
    ["a fraction", 0.96],
    ["a fraction typed as text", "0.96"],
    ["spaces around a percent", " 96 % "],
    ["a formula with a saved result", { formula: "48/50", result: 0.96 }],
  ] as [string, Value][])("rates: %s", async (_n, v) => {
    const { lines, ok } = await diagnose({ values: { 甲镇: { ZB3: v } } });
    expect(lines).toEqual([]);
    expect(ok).toBe(true);
  });

  it("ledger codes typed in lower case or full width, with spaces", async () => {
    const { lines, ok } = await diagnose({ ledger: [row("甲镇", "kf1"), row("乙街道", "ＪＦ２", { level: "市级" }), row("丙镇", " KF 4 ")] });
    expect(lines).toEqual([]);
    expect(ok).toBe(true);
  });

  it("numbers stored as text, names with trailing, non-breaking and full-width spaces, blank rows, a renamed sheet", async () => {
    const { lines, ok } = await diagnose({
      values: { 甲镇: { DZ2: "18", "DZ3.1": "１９.５" } },
      edit: (wb) => {
        wb.sheetNamed("人口计生线").set("A2", "甲镇 ");
        wb.sheetNamed("指标数据").set("A3", "\u00a0乙街道\u3000");
        wb.sheetNamed("党政线").name = "DZ 打分表(已改名)";
        wb.sheetNamed("部门").insertRow(2);
      },
    });
    expect(lines).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe("a workbook with more problems than a call takes arguments", () => {
  it("lists them all: a province read against the wrong rubric can have hundreds of thousands", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    // As many as a badly damaged province can give (196,000 for 40,000 towns under the wrong rubric; a spread failed past about half a million).
    for (let i = 0; i < 600_000; i++) book.problems.warn("workbook.hidden-row", "党政线", `A${i + 2}`, { unit: "甲镇" });
    const { lines, ok } = await readMemBook(book);
    expect(ok).toBe(true);
    expect(lines.filter((l) => l.startsWith("warning workbook.hidden-row")).length).toBe(600_000);
  });
});

describe("a unit twice on a sheet, the first time on an empty row (a row pasted over another unit's)", () => {
  it("is said at the empty row, naming the filled one (deleting the row said to be the duplicate lost the data)", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const sheet = book.sheetNamed("指标数据");
    // 甲镇's row (2) now says 丙镇, with nothing filled; 丙镇's own row (4) is whole.
    sheet.set("A2", "丙镇");
    for (const col of ["B", "C", "D", "E", "F", "G"]) sheet.set(`${col}2`, null);
    const { lines, diagnostics } = await readMemBook(book);
    expect(lines.filter((l) => l.includes("duplicate"))).toEqual(["workbook.duplicate-unit-empty 指标数据!A2"]);
    // Its blanks (said once every sheet is read, on 指标数据) not asked for either.
    expect(lines.filter((l) => /指标数据![B-Z]2$/.test(l))).toEqual([]);
    // On a sheet of judged items, its blanks are not asked to be filled (filled with 0 as asked, the
    // row stayed, and the filled one was then said to be the duplicate).
    const judged = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const line = judged.sheetNamed("党政线");
    line.set("A2", "丙镇");
    for (const col of line.rows.get(2)?.keys() ?? []) if (col > 1) line.setAt(2, col, null);
    const said = (await readMemBook(judged)).lines.filter((l) => l.includes("党政线!") && !l.includes("unit-missing"));
    expect(said).toEqual(["workbook.duplicate-unit-empty 党政线!A2"]);
    // Partly filled (begun, then the whole row pasted below): said there too, with how much each holds.
    const partly = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const ws = partly.sheetNamed("党政线");
    ws.set("A2", "丙镇");
    for (const col of ws.rows.get(2)?.keys() ?? []) if (col > 3) ws.setAt(2, col, null);
    const r = await readMemBook(partly);
    expect(r.lines.filter((l) => l.includes("党政线!") && !l.includes("unit-missing"))).toEqual(["workbook.duplicate-unit-fuller 党政线!A2"]);
    const fuller = r.diagnostics.find((x) => x.code === "workbook.duplicate-unit-fuller")!;
    // Each row with items the other lacks: moved over, not deleted with the row.
    const split = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const sp = split.sheetNamed("党政线");
    sp.set("A2", "丙镇");
    for (const col of sp.rows.get(2)?.keys() ?? []) if (col > 3) sp.setAt(2, col, null);
    sp.set("B4", null).set("C4", null);
    const sr = await readMemBook(split);
    const d2 = sr.diagnostics.find((x) => x.code === "workbook.duplicate-unit-split")!;
    expect(sr.lines.filter((l) => l.includes("duplicate"))).toEqual(["workbook.duplicate-unit-split 党政线!A2"]);
    expect(message("zh-CN", d2.code, d2.data)).toBe("单位 “丙镇” 在本表出现两次,两行所填的项目不同:请把这一行的 B2、C2 移到第 4 行,再删去这一行");
    expect(message("zh-CN", fuller.code, fuller.data)).toMatch(/^单位 “丙镇” 在本表出现两次:这一行只填了 2 项,A4 那一行填了 \d+ 项;如这一行是没填完的,请删去这一行,保留 A4$/);
    const d = diagnostics.find((x) => x.code === "workbook.duplicate-unit-empty")!;
    expect(message("zh-CN", d.code, d.data)).toBe("单位 “丙镇” 在本表出现两次:这一行没有填数据,A4 那一行有;如这一行是误粘贴的(本应是另一个单位),请改正这一行,不要删 A4");
  });

  it("says at the later copy what the two rows hold: the same, items that differ (which is right is the clerk's), items to move, or nothing", async () => {
    const said = async (edit: (wb: MemBook) => void): Promise<string[]> => {
      const wb = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
      edit(wb);
      const r = await readMemBook(wb);
      return r.diagnostics.filter((x) => x.code.startsWith("workbook.duplicate-unit")).map((x) => `${x.location ? formatLocation(x.location) : ""} ${message("zh-CN", x.code, x.data)}`);
    };
    // Row 3 (乙街道) made a copy of row 2 (甲镇), cell by cell.
    const copyRow = (wb: MemBook, from: number, to: number): void => {
      const ws = wb.sheetNamed("党政线");
      for (const [col, cell] of ws.rows.get(from) ?? []) ws.setAt(to, col, cell.value.t === "n" || cell.value.t === "s" ? cell.value.v : null);
    };
    expect(await said((wb) => copyRow(wb, 2, 3))).toEqual(["in.xlsx: 党政线!A3 单位 “甲镇” 重复(已在 A2),这一行所填的各项,A2 那一行都有且相同:删去这一行即可"]);
    expect(
      await said((wb) => {
        copyRow(wb, 2, 3);
        wb.sheetNamed("党政线").set("B3", 7.5);
      }),
    ).toEqual(["in.xlsx: 党政线!A3 单位 “甲镇” 重复(已在 A2),两行有 1 项不同(DZ2 20 → 7.5):核对后保留正确的一行,删去另一行"]);
    // This copy holds B3, which the first lacks, and lacks two it holds: B3 to move over.
    expect(
      await said((wb) => {
        copyRow(wb, 2, 3);
        wb.sheetNamed("党政线").set("B2", null).set("C3", null).set("D3", null);
      }),
    ).toEqual(["in.xlsx: 党政线!A3 单位 “甲镇” 在本表出现两次,两行所填的项目不同:请把这一行的 B3 移到第 2 行,再删去这一行"]);
    expect(
      await said((wb) => {
        const ws = wb.sheetNamed("党政线");
        for (const col of ws.rows.get(3)?.keys() ?? []) ws.setAt(3, col, null);
        ws.set("A3", "甲镇");
      }),
    ).toEqual(["in.xlsx: 党政线!A3 单位 “甲镇” 重复(已在 A2),这一行没有填数据:如是多出来的一行,删去即可;如本应是另一个单位,请改正单位名称"]);
  });
});

describe("a name filled down a sheet's rows (a dozen problems a row, for a million rows)", () => {
  it("stops recording problems past the cap and counts the rest in one line (it held 12 million, 4.6 GB)", async () => {
    const book = fill(await templateBook(rubric, UNITS), valuesOf({}), []);
    const sheet = book.sheetNamed("党政线");
    for (let r = 5; r < 25; r++) sheet.set(`A${r}`, `单位${r}`);
    const all = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined) });
    const capped = await readBook(book, { file: "in.xlsx", sha256: "", rubrics: await rubricSource(undefined), cap: 50 });
    expect(all.diagnostics.length).toBeGreaterThan(100);
    expect(capped.diagnostics.length).toBe(51);
    expect(capped.diagnostics.slice(0, 50)).toEqual(all.diagnostics.slice(0, 50));
    const more = capped.diagnostics[50]!;
    expect([more.code, more.location]).toEqual(["workbook.more-problems", { file: "in.xlsx" }]);
    expect(message("zh-CN", more.code, more.data)).toBe(`问题超过 50 处,其余 ${all.diagnostics.length - 50} 处未逐一记录(多是某列被整列误填到底);请先改正已列出的问题`);
    expect(capped.submission).toBeUndefined();
  });
});

/** A variant of the mini rubric, and its file (named as its id and version, mini-1.yaml) to read a workbook with. */
function miniVariant(text: string, dir: string): { rubric: Rubric; file: string } {
  const file = join(scratchDir(dir), "mini-1.yaml");
  writeFileSync(file, text);
  return { rubric: rubricFrom(text), file };
}

describe("a sheet that only lists units, beside a kind's sheets of judged items", () => {
  // 计生线 holds a threshold alone (computed from 指标数据): its sheet only lists the towns.
  const text = MINI_TEXT.replace("        name: 宣传\n        max: 50\n", "        name: 宣传\n        max: 50\n        kind: threshold\n        indicator: ZB2\n        target: 80%\n");
  const { rubric: listOnly, file } = miniVariant(text, "assess-list-only-");
  const units = [
    { name: "甲镇", kind: "town" },
    { name: "乙街道", kind: "town" },
    { name: "丁局", kind: "department" },
  ];
  const values = { 甲镇: { "DZ2.1": 12, "DZ2.2": 7, ZB1: { percent: 0.97 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.95 } }, 乙街道: { "DZ2.1": 10, "DZ2.2": 7.5, ZB1: { percent: 0.96 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.8 } }, 丁局: { BM1: 9 } };
  const lines = async (edit: (wb: MemBook) => void): Promise<string[]> => {
    const book = fill(await templateBook(listOnly, units), values);
    edit(book);
    return (await readMemBook(book, "in.xlsx", file)).lines;
  };

  it("lets a unit be missing there, or the sheet be deleted: nothing is read from it", async () => {
    expect(listOnly.lines.find((l) => l.code === "JS")?.items.map((i) => i.kind)).toEqual(["threshold", "threshold"]);
    expect(await lines(() => undefined)).toEqual([]);
    expect(await lines((wb) => void wb.sheetNamed("计生线").deleteRow(3))).toEqual([]);
    expect(await lines((wb) => wb.removeSheet("计生线"))).toEqual([]);
    // A sheet of judged items still needs every unit of its kind.
    expect(await lines((wb) => void wb.sheetNamed("党政线").deleteRow(3))).toEqual(["workbook.unit-missing-on 计生线!A3"]);
  });
});

describe("a ledger code for another kind where its kind has one of the same name", () => {
  // 督查通报 charged to each kind's own item: one code per kind, the same name (KF1 for towns, KF6 for departments).
  const text = MINI_TEXT.replace("      name: 问题\n      points: 20\n", "      name: 问题\n      points: 20\n    - code: KF6\n      kind: deduction\n      name: 问题\n      points: 20\n      unit_kinds: [department]\n");
  const { rubric: twin, file } = miniVariant(text, "assess-twin-code-");
  const units = [
    { name: "甲镇", kind: "town" },
    { name: "丁局", kind: "department" },
  ];
  const values = { 甲镇: { "DZ2.1": 12, "DZ2.2": 7, "DZ3": 50, ZB1: { percent: 0.97 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.95 } }, 丁局: { BM1: 9 } };

  it("names the code of that name for the unit's kind, at the code's cell (the code is what to change)", async () => {
    const book = fill(await templateBook(twin, units), values, [row("丁局", "KF1"), row("甲镇", "KF6"), row("丁局", "JF1")]);
    const { lines: said, diagnostics } = await readMemBook(book, "in.xlsx", file);
    // JF1 has no department twin: said at the unit, as before.
    expect(said.filter((l) => l.includes("ledger-wrong-kind"))).toEqual(["workbook.ledger-wrong-kind-use 加扣分!B2", "workbook.ledger-wrong-kind-use 加扣分!B3", "workbook.ledger-wrong-kind-none 加扣分!A4"]);
    const d = diagnostics.find((x) => x.code === "workbook.ledger-wrong-kind-use");
    expect(message("zh-CN", d!.code, d!.data)).toBe("“丁局” 属于部门,KF1 只适用于 镇街;部门的同名代码是 KF6");
    // No bonus code for a department at all: said, with what to do.
    const none = diagnostics.find((x) => x.code === "workbook.ledger-wrong-kind-none");
    expect(message("zh-CN", none!.code, none!.data)).toBe("“丁局” 属于部门,JF1 只适用于 镇街;部门没有同类代码:请核对单位名称,或删去这一行");
    // A deduction for a town under KF6 (the departments'): the town's deductions named, KF1 among them (said as the twin above).
    const towns = fill(await templateBook(twin, units), values, [row("甲镇", "KF6"), row("丁局", "KF5")]);
    const other = (await readMemBook(towns, "in.xlsx", file)).diagnostics.find((x) => x.code === "workbook.ledger-wrong-kind-others");
    expect(other && message("zh-CN", other.code, other.data)).toBe("“丁局” 属于部门,KF5 只适用于 镇街;部门可用的同类代码:KF6 问题");
  });
});

describe("a date where a ledger row's status goes", () => {
  it("is quoted as the cell shows it, not as its serial (状态 “46346” 无效)", async () => {
    const book = fill(await templateBook(rubric, UNITS), {}, [row("甲镇", "KF1")]);
    book.sheetNamed("加扣分").set("F2", { shown: 46346, fmt: "date" });
    const { diagnostics } = await readMemBook(book);
    const d = diagnostics.find((x) => x.code === "workbook.ledger-unknown-status");
    expect(d?.data.value).toBe("2026-11-20");
  });
});

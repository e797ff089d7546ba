// Validation under the comprehensive rubric: the new kinds of cell each located to the cell —
// a judged step of 1, a deducted column, the 分组 column, negative and above-100% percentages,
// counts and amounts typed as people type them, the ledger for other unit kinds. The sample's
// values (柳河区) are the clean base each case changes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchDir } from "../helpers/tmp.js";
import { formatLocation, type Diagnostic } from "../../src/diagnostics/index.js";
import { describe, expect, it } from "vitest";
import { readMemBook } from "../helpers/load.js";
import { message } from "../../src/messages/index.js";
import { loadRubric } from "../../src/rubric/load.js";
import { fill, numbered, templateBook, type LedgerRow, type MemBook, type Value } from "../helpers/membook.js";
import { liuheSpec } from "../../scripts/sample-liuhe.js";
import { LISTS_UNIT_KINDS } from "../../src/workbook/layout.js";

const FILE = "rubric/township-comprehensive-2026.1.yaml";
const rubric = loadRubric(FILE, readFileSync(FILE), "test").rubric!;
const spec = liuheSpec();

interface Case {
  name: string;
  values?: Record<string, Record<string, Value>>;
  ledger?: LedgerRow[];
  edit?: (wb: MemBook) => void;
  expected: string[];
}

/** The sample's workbook with a case's values, ledger rows and edit, read. */
async function read(c: Omit<Case, "name" | "expected">): ReturnType<typeof readMemBook> {
  const values = structuredClone(spec.values) as Record<string, Record<string, Value>>;
  for (const [n, v] of Object.entries(c.values ?? {})) Object.assign((values[n] ??= {}), v);
  const book = fill(await templateBook(rubric, spec.units, "2026", "柳河区"), values, c.ledger ?? []);
  c.edit?.(book);
  return readMemBook(book);
}

async function diagnose(c: Case): Promise<string[]> {
  return (await read(c)).lines;
}

const row = (unit: string, code: string, more: Partial<LedgerRow> = {}): LedgerRow => ({ unit, code, status: "已认定", ...more });

/** The first problem of a code a case gives: where it is said, and its words in Chinese. */
async function said(c: Omit<Case, "name" | "expected">, code: string): Promise<{ at: string; zh: string }> {
  const d = (await read(c)).diagnostics.find((x) => x.code === code);
  return { at: d?.location ? formatLocation(d.location) : "", zh: d ? message("zh-CN", d.code, d.data) : "" };
}

/**
 * A column of totals in 社会治理!E (headed `header`, or not): each unit's items added up (by
 * default as points: SH3's 15 less what it takes off, SH6, SH7), the rows in `off` moved by so much.
 */
function totalsColumn(header: string | null, off: Record<number, number>, add = (sh3: number, sh6: number, sh7: number, _row: number): number => 15 - sh3 + sh6 + sh7): (wb: MemBook) => void {
  return (wb) => {
    const ws = wb.sheetNamed("社会治理");
    if (header !== null) ws.set("E1", header);
    const num = (ref: string): number => {
      const v = ws.get(ref)?.value;
      return v?.t === "n" ? v.v : 0;
    };
    for (let r = 2; ws.get(`A${r}`) !== undefined; r++) ws.set(`E${r}`, Math.round((add(num(`B${r}`), num(`C${r}`), num(`D${r}`), r) + (off[r] ?? 0)) * 100) / 100);
  };
}

const cases: Case[] = [
  { name: "the sample as it is", expected: [] },
  // The departments' sheet deleted, their 指标数据 rows left: one error naming the sheet, at the first
  // of those rows, not one for each department that named none (and a warning that read as the
  // kind left out this year).
  { name: "the departments' sheet deleted, their rows left elsewhere", edit: (wb) => wb.removeSheet("区直部门"), expected: ["workbook.no-line-sheet-listed 指标数据!A13"] },
  // Their 指标数据 rows deleted too, a claim of one left on the ledger: the same (a reviewer's find: two ledger errors and a warning).
  {
    name: "the departments' sheet deleted, a claim of one left on the ledger",
    edit: (wb) => {
      wb.removeSheet("区直部门");
      const rates = wb.sheetNamed("指标数据");
      const departments = new Set(spec.units.filter((u) => u.kind === "department").map((u) => u.name));
      for (const r of [...rates.rows.keys()].sort((a, b) => b - a)) {
        const v = rates.rows.get(r)?.get(1)?.value;
        if (v?.t === "s" && departments.has(v.v)) rates.deleteRow(r);
      }
    },
    ledger: [row("区财政局", "KF1")],
    // (At the first of their rows left: the claim's unit.)
    expected: ["workbook.no-line-sheet-listed 加扣分!A2"],
  },
  { name: "half a point where the step is 1", values: { 柳河镇: { JJ5: 28.5 } }, expected: ["workbook.points-step 经济发展!C2"] },
  { name: "0.05 off where the step is 0.1", values: { 石桥镇: { SH3: 0.05 } }, expected: ["workbook.deduction-step 社会治理!B3"] },
  { name: "more taken off than the item's max", values: { 柳河镇: { SH3: 16 } }, expected: ["workbook.deduction-out-of-range 社会治理!B2"] },
  // −1 typed for 扣 1: asked without the minus sign (not "at most all its points").
  { name: "a deduction typed as a negative", values: { 柳河镇: { SH3: -1 } }, expected: ["workbook.deduction-negative 社会治理!B2"] },
  { name: "a blank deduction", values: { 柳河镇: { DJ3: null } }, expected: ["workbook.blank-deduction 党的建设!D2"] },
  // The points kept typed into 扣分制's column (15 less what it takes off; its header says 满分15分):
  // every town at 70% of the item or more, none at 0. Said once, at its first cell; one town that
  // took off nothing (it kept 0 of 15: not a 扣分 typed as points) leaves it unsaid.
  {
    name: "a deduction column where every unit took off 70% or more is asked whether it holds the points kept",
    values: Object.fromEntries(spec.units.filter((u) => (spec.values[u.name] as Record<string, unknown> | undefined)?.SH3 !== undefined).map((u, i) => [u.name, { SH3: 15 - (i % 3) * 0.5 }])),
    expected: ["warning workbook.deductions-as-points 社会治理!B2"],
  },
  {
    name: "a deduction column with a unit at 0 is not asked",
    values: { ...Object.fromEntries(spec.units.filter((u) => (spec.values[u.name] as Record<string, unknown> | undefined)?.SH3 !== undefined).map((u) => [u.name, { SH3: 14 }])), 柳河镇: { SH3: 0 } },
    expected: [],
  },
  {
    name: "a blank or unknown group",
    edit: (wb) => {
      wb.sheetNamed("经济发展").set("B2", null).set("B3", "城区组");
    },
    // (石桥镇's name says 乡镇组: asked whether it is that; 柳河镇's blank, the same.)
    expected: ["workbook.group-blank-name 经济发展!B2", "workbook.unknown-group-name 经济发展!B3"],
  },
  {
    // 街道租 (an input method's slip) for 街道组: the group named, as a unit misspelt is.
    name: "a group written short",
    edit: (wb) => void wb.sheetNamed("经济发展").set("B9", "街道租"),
    expected: ["workbook.unknown-group-near 经济发展!B9"],
  },
  {
    // 街道租 on 金山镇's row reads as 街道组, but its name says 乡镇组: both said (the spelling alone
    // put a 镇 among the streets, and the next run warned of it).
    name: "a group written short on a row whose name says another group",
    edit: (wb) => void wb.sheetNamed("经济发展").set("B8", "街道租"),
    expected: ["workbook.unknown-group-near-name 经济发展!B8"],
  },
  {
    // 分组 merged down a form's rows, as Chinese forms often are: the merge is said, not each blank below it.
    name: "a group merged over several units' rows",
    edit: (wb) => {
      wb.sheetNamed("经济发展").set("B3", null).set("B4", null).merge("B2:B4");
    },
    expected: ["workbook.merged-data-blanks 经济发展!B2"],
  },
  {
    // A town's name merged over its row and the next: the merge is said, with the name cell it
    // leaves blank (A3); not also that row's 分组 read as a name shifted a column (乡镇组), said first.
    name: "a unit's name merged over two rows",
    edit: (wb) => void wb.sheetNamed("经济发展").set("A3", null).merge("A2:A3"),
    expected: ["workbook.merged-data-blanks 经济发展!A2", "workbook.unit-missing-on 社会治理!A3"],
  },
  { name: "a group's label for its name", edit: (wb) => void wb.sheetNamed("经济发展").set("B2", "镇"), expected: [] },
  { name: "negative growth is a value; below the indicator's −50% it is not", values: { 柳河镇: { ZB1: "-1.5%" }, 石桥镇: { ZB1: "-60%" } }, expected: ["workbook.rate-out-of-range 指标数据!B3"] },
  { name: "above 100% where the indicator allows it, typed or formatted", values: { 区城投集团: { ZB13: "112%" }, 区文旅集团: { ZB13: { percent: 1.06 } } }, expected: [] },
  { name: "counts and amounts with their unit or thousands separators", values: { 柳河镇: { ZB6: "2起", ZB2: "12,000", ZB4: "52,000万元" } }, expected: [] },
  {
    // A department reads no town indicator (the template greys those cells): a value typed there
    // counts for nothing, and is said to, once per column at its first such cell (a column filled
    // down for every unit is one slip); a town's own indicator is read as ever.
    name: "a value typed where the unit's kind reads nothing",
    values: { 区发展改革局: { ZB1: "4%" }, 区财政局: { ZB1: "5%", ZB6: 1 } },
    expected: ["warning workbook.values-not-used 指标数据!B13", "warning workbook.value-not-used 指标数据!G14"],
  },
  {
    // Not even a valid value there: no error that stops scoring (the cell counts for nothing), but said.
    name: "a value that is no value, where the unit's kind reads nothing",
    values: { 柳河镇: { ZB10: 95 }, 区财政局: { ZB1: "abc" } },
    expected: ["warning workbook.bad-value-not-used 指标数据!K2", "warning workbook.bad-value-not-used 指标数据!B14"],
  },
  {
    // A dash, a slash or 无 there is what such a cell should hold: nothing said (each was warned
    // as no valid value, a district's 212 of them).
    name: "a dash, a slash or 无 where the unit's kind reads nothing",
    values: { 柳河镇: { ZB10: "/", ZB11: "—" }, 区财政局: { ZB1: "/", ZB2: "无", ZB6: "-" } },
    expected: [],
  },
  {
    // 起 counts whole accidents (whole: true): half a one is a slip, and would veto or lift a unit.
    // 起/万人, a rate per 10,000 people, may have a fraction.
    name: "a fraction of a count of whole things",
    values: { 柳河镇: { ZB5: 0.5, ZB6: "1.5起", ZB8: 0.35 }, 石桥镇: { ZB5: 0.004, ZB6: { formula: "=0.1*3/0.3", result: 1.0000000000000002 } } },
    expected: ["workbook.quantity-not-whole 指标数据!F2", "workbook.quantity-not-whole 指标数据!G2", "workbook.quantity-not-whole 指标数据!F3"],
  },
  {
    // 1,5 could be 15 or 1.5, 1 2 could be 12 or a slip: asked, never guessed. 12,000 is twelve thousand.
    name: "a comma that groups no thousands, a space inside a number",
    values: { 柳河镇: { ZB2: "1,5", ZB6: "1 2", ZB4: " 12,000 万元 " }, 石桥镇: { ZB1: "9 6.7%", ZB7: "96.7 %" } },
    expected: ["workbook.number-comma 指标数据!C2", "workbook.number-space 指标数据!G2", "workbook.number-space 指标数据!B3"],
  },
  {
    // 0,500 groups three digits, but after a 0 alone: 500 or 0.5? With its unit too (41,200万元 is read).
    name: "a comma after a 0 alone, with or without the column's unit",
    values: { 柳河镇: { ZB2: "0,500万元", ZB4: "41,200万元" }, 石桥镇: { ZB2: "0,500" } },
    expected: ["workbook.number-comma-zero 指标数据!C2", "workbook.number-comma-zero 指标数据!C3"],
  },
  {
    // 11350万 in a 万元 column is 11350万元 (元 left out, as money is written); 亿元 is another unit, said with the number in 万元.
    // An accountant's negative in brackets, (2.5%) or (800), is asked to be written with its minus sign.
    name: "an amount written with 万 alone in a 万元 column; a negative in brackets",
    values: { 柳河镇: { ZB4: "11350万", ZB1: "(2.5%)" }, 石桥镇: { ZB4: "1.135亿元", ZB3: "（3）" } },
    expected: ["workbook.number-brackets 指标数据!B2", "workbook.number-brackets 指标数据!D3", "workbook.quantity-other-unit 指标数据!E3"],
  },
  {
    // Read as the cell shows it: 96.2 formatted 0.00"%" shows 96.20%, a 0.95 so formatted shows 0.95%
    // (which the low-rate check then questions); a percentage where an amount or a count belongs,
    // and a number shown scaled (the 万元 format 0!.0000), are errors.
    name: "formats that show the number as it is with a %, percentages for amounts, a scaled number",
    values: { 柳河镇: { ZB7: { shown: 96.2, fmt: "shown-percent" }, ZB2: { percent: 1.15 }, ZB6: { shown: 2, fmt: "shown-percent" } }, 石桥镇: { ZB7: { shown: 0.95, fmt: "shown-percent" }, ZB4: { shown: 113500000, fmt: "scaled" } } },
    expected: ["workbook.percent-in-quantity 指标数据!C2", "workbook.percent-in-quantity 指标数据!G2", "workbook.scaled-format 指标数据!E3", "warning workbook.rate-implausible 指标数据!H3"],
  },
  {
    // 0.9499 formatted 0% (Excel's % button) shows 95%: the 94.99% held is scored, and where the
    // numbers shown would score otherwise across an edge, the rounded cell is told: a target met
    // as held and missed as shown (JJ1: the unit's own 8.4%, 8.41% shown as 8%), a whole step of a
    // shortfall (SH4: 94.49% is 0 steps short of 95%, the 94% shown 1), a band's edge (QY3: 104.96%
    // shown as 105.0%), a unit's own target shown rounded (杨柳镇's MB1 6.49% shown as 6%, against
    // 6.45%). Nothing where the points are the same (SH4 at 94.99%: no whole step short either
    // way), rounded to the same side, shown with both decimals, or a negative shown as -0%.
    name: "a rate or a target shown rounded across what it is scored against",
    values: {
      柳河镇: { ZB7: { shown: 0.9499, fmt: "percent-0" }, ZB1: { shown: 0.0841, fmt: "percent-0" }, MB1: "8.4%" },
      石桥镇: { ZB7: { shown: 0.9449, fmt: "percent-0" }, ZB1: { shown: 0.0849, fmt: "percent-1" } },
      白马镇: { ZB7: { shown: 0.9501, fmt: "percent-0" } },
      河西街道: { ZB7: { shown: 0.9499, fmt: "percent" } },
      杨柳镇: { MB1: { shown: 0.0649, fmt: "percent-0" }, ZB1: "6.45%" },
      金山镇: { ZB1: { shown: -0.004, fmt: "percent-0" }, MB1: "0%" },
      // A rate kept as a fraction shown with two decimals: 0.9449 shows 0.94, a whole step short.
      文昌街道: { ZB7: { shown: 0.9449, fmt: "general-2" } },
      区城投集团: { ZB13: { shown: 1.0496, fmt: "percent-1" } },
    },
    expected: ["warning workbook.shown-rounded-points 指标数据!B2", "warning workbook.shown-rounded-points 指标数据!H3", "warning workbook.shown-rounded-points 指标数据!O6", "warning workbook.shown-rounded-points 指标数据!H11", "warning workbook.shown-rounded-band 指标数据!N19"],
  },
  {
    // A formula that multiplies by 100 (=B3*100): in a percent-formatted cell it shows 9670%, in a
    // plain one 96.7; the clerk is told to mend the formula, not to type a value over it.
    name: "a rate computed by a formula times 100",
    // (Points from a formula out of range are told the same: JJ5's 1900.)
    values: { 柳河镇: { ZB7: { formula: "K9*100", result: { percent: 96.7 } }, JJ5: { formula: "K2*100", result: 1900 } }, 石桥镇: { ZB7: { formula: "K9/K10*100", result: 96.7 } }, 区城投集团: { ZB13: { formula: "K19/K20", result: 1.1199958 } } },
    expected: ["workbook.points-out-of-range-formula 经济发展!C2", "workbook.rate-percent-formula 指标数据!H2", "workbook.rate-bare-formula 指标数据!H3"],
  },
  {
    // 0.99% typed for 99% on graded bands whose lowest line is 100%: no band, no points; asked.
    name: "a rate far below graded bands' lowest line is questioned",
    values: { 区城投集团: { ZB13: { percent: 0.0099 } } },
    expected: ["warning workbook.rate-implausible-bands 指标数据!N19"],
  },
  {
    // A 责任书's 0 万元 for a blank: JJ2 (a ratio) would give full marks whatever was done; asked.
    // A growth target of 0% (MB1: not to fall) may be meant: left alone.
    name: "a unit's own target of 0 for an amount where more is better is questioned",
    values: { 石桥镇: { MB2: 0, MB1: 0 } },
    expected: ["warning workbook.target-zero 指标数据!P3"],
  },
  {
    // 万元 typed in 元: full marks against a target, or the first place from every other unit where
    // the units are scored against each other (ZB4, points by place: against their middle value).
    name: "an amount a thousand times its target, or the units' middle value, is questioned",
    values: { 柳河镇: { ZB2: 120000000 }, 石桥镇: { ZB4: 489000000 } },
    expected: ["warning workbook.amount-implausible 指标数据!C2", "warning workbook.amount-implausible-others 指标数据!E3"],
  },
  {
    // 3 typed or pasted into a cell formatted as a percentage reads 300%: ZB3 is scored against the
    // group's best, so it took the first place and every other town's points with no word said.
    // Ten times the others alone is no slip (河东街道's 90%, a growth the office may have seen).
    name: "a rate of 100% or more, ten times its group's middle value, is questioned",
    values: { 石桥镇: { ZB3: { percent: 3 } }, 河东街道: { ZB3: { percent: 0.9 } } },
    expected: ["warning workbook.rate-implausible-others 指标数据!D3"],
  },
  {
    // The same 3 in a cell not formatted as a percentage: asked about once, as it is read (read as
    // 300%: write 3%), not again as if typed into a percentage-formatted cell.
    name: "a rate typed 3 in a plain cell, ten times its group's middle value, is questioned once",
    values: { 石桥镇: { ZB3: 3 } },
    expected: ["warning workbook.rate-large 指标数据!D3"],
  },
  {
    // 万元 typed in 亿 (1.2 for 12,000万元): next to nothing against a target the other units' values
    // are near, said at the value (the target's cell was blamed, for being in 元); against the
    // units' middle value where they are scored against each other.
    name: "an amount a thousandth of its target, or of the units' middle value, is questioned at its cell",
    values: { 柳河镇: { ZB2: 1.2 }, 石桥镇: { ZB4: 4.89 } },
    expected: ["warning workbook.amount-implausible-small 指标数据!C2", "warning workbook.amount-implausible-small-others 指标数据!E3"],
  },
  {
    // Small, but in 亿 nowhere near the others either (0.1: 1000万元 against 11500): asked to be
    // checked, with no figure in 亿 offered; the target, like the other units' values, not blamed.
    name: "an amount a thousandth of its target whose figure in 亿 is far from it too is asked to be checked",
    values: { 柳河镇: { ZB2: 0.1 } },
    expected: ["warning workbook.amount-implausible-small-check 指标数据!C2"],
  },
  {
    // 利润总额 may be negative, so near nothing too (4万元 against a target of 5000): neither it nor
    // its target is questioned (the target was said to be typed in 元).
    name: "an amount that may be negative is not questioned for being near nothing",
    values: { 区城投集团: { ZB12: 4 } },
    expected: [],
  },
  {
    // A town's name cleared, its 分组 left (乡镇组): a name missing, not a name shifted a column.
    name: "a unit's name cleared beside its group",
    edit: (wb) => void wb.sheetNamed("经济发展").set("A2", null),
    expected: ["workbook.missing-unit-name 经济发展!A2", "workbook.unit-missing-on 社会治理!A2"],
  },
  {
    // Streets ranked apart from towns on ZB4 (points by place in 街道组): their amounts are
    // compared with the streets' own middle, not the towns'. Large there, and alike: no question.
    name: "an amount scored within its group is compared with its group's middle value",
    values: { 河东街道: { ZB4: 40000000 }, 河西街道: { ZB4: 35000000 }, 文昌街道: { ZB4: 30000000 }, 凤凰街道: { ZB4: 50000000 } },
    expected: [],
  },
  {
    // 利润总额 may be negative (a loss): a target of 0 (扭亏) is meant, not a blank left at 0.
    name: "a target of 0 where the value may be negative is not questioned",
    values: { 区城投集团: { MB5: 0 } },
    expected: [],
  },
  {
    // Counted in other words (个 for 起): one scale, nothing read wrong; money or shares on another scale are said.
    name: "a header counting in other words is no other unit; money on another scale is",
    edit: (wb) => void wb.sheetNamed("指标数据").set("F1", "ZB5 较大及以上生产安全事故(个)").set("L1", "ZB11 营业收入(亿元)"),
    expected: ["warning workbook.header-unit 指标数据!L1"],
  },
  {
    // Hidden, but holding nothing (a district of no enterprises hides their columns): nothing said of it
    // (here the enterprises are still there, and their column, blank for each, is said once at its heading).
    name: "a hidden column that holds nothing is not said",
    edit: (wb) => {
      const m = wb.sheetNamed("指标数据");
      for (let r = 2; r <= 30; r++) m.set(`M${r}`, null);
      m.hiddenCols.push(13, 13);
    },
    expected: ["workbook.column-blank 指标数据!M1"],
  },
  // A column of three units' points never pasted in (a department's): once at its heading, not
  // "请填 0" at each (zeros typed for figures to fetch); two units' blanks are said each.
  {
    name: "an item's column blank for every unit",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      const col = ws.codeColumns().get("SH7") ?? 0;
      for (let r = 2; r <= 30; r++) ws.setAt(r, col, null);
    },
    expected: ["workbook.column-blank 社会治理!D1"],
  },
  {
    // A heading in the rubric's own words for its kinds (乡镇(街道), 区属国企): no unit.
    name: "a heading naming a kind as the rubric names it is no unit",
    edit: (wb) => {
      wb.sheetNamed("经济发展").insertRow(2).set("A2", "一、乡镇(街道)");
    },
    expected: ["warning workbook.section-row 经济发展!A2"],
  },
  {
    // The sheet that lists 区属国企's units (a line computed from 指标数据) with its headings written
    // again on a second row: no unit named 单位名称 (said missing from 指标数据, and not on the list).
    name: "a list-only sheet's headings written again on a second row",
    edit: (wb) => {
      const ws = wb.sheetNamed("区属国企");
      ws.insertRow(2);
      for (const col of ["A", "B"]) {
        const v = ws.get(`${col}1`)?.value;
        if (v?.t === "s") ws.set(`${col}2`, v.v);
      }
    },
    expected: [],
  },
  {
    // The other way: a unit's own target typed in 元 (its value then scores 0 against it), said at the target.
    name: "a unit's own target a thousand times its value is questioned at the target",
    values: { 石桥镇: { MB2: 115000000 } },
    expected: ["warning workbook.target-implausible 指标数据!P3"],
  },
  {
    // Rates pasted into a target's column a column off (MB1's 7% under MB2 万元): each value is of the
    // others' size, its target a thousandth of it; said at the target, not as the value typed in 元
    // (which asked to make every right figure a ten-thousandth).
    name: "targets a thousandth of values of the others' size are questioned at the targets",
    values: { 柳河镇: { MB2: 0.07 }, 石桥镇: { MB2: 0.05 } },
    expected: ["warning workbook.target-implausible-small 指标数据!P2", "warning workbook.target-implausible-small 指标数据!P3"],
  },
  {
    // A form made when SH6 was 扣分制 (or SH3 scored as points earned): each figure would be read as
    // its opposite (0 taken off scored as 0 earned) without a word. Said at the heading, either way.
    name: "a heading that says points taken off over a judged item's column, or earned over a deducted one's, is questioned there",
    edit: (wb) => void wb.sheetNamed("社会治理").set("B1", "SH3 信访稳定(15分)").set("C1", "SH6 生态环境保护(扣分,满分20分)"),
    expected: ["warning workbook.header-says-earned 社会治理!B1", "warning workbook.header-says-deducted 社会治理!C1"],
  },
  {
    // Written otherwise but saying the same (扣分 after the marks; no marks at all): nothing said.
    name: "a heading that says 扣分 otherwise, or gives no marks, is not questioned",
    edit: (wb) => void wb.sheetNamed("社会治理").set("B1", "SH3 信访稳定 满分15分(扣分)").set("C1", "SH6 生态环境保护"),
    expected: [],
  },
  {
    // Words about a deduction, not a column of them (扣分后得分: points earned after it).
    name: "a judged item's heading that speaks of deductions, its figures points earned, is not questioned",
    edit: (wb) => void wb.sheetNamed("社会治理").set("C1", "SH6 生态环境保护(20分，扣分后得分)").set("D1", "SH7 民生实事(满分20分,已扣分)"),
    expected: [],
  },
  {
    // The column headed in 元 is read in the rubric's 万元: said at the header, once.
    name: "a header naming another unit than the rubric's is questioned at the header",
    edit: (wb) => void wb.sheetNamed("指标数据").set("C1", "ZB2 一般公共预算收入(元)").set("D1", "ZB3 固定资产投资增长(％)"),
    expected: ["warning workbook.header-unit 指标数据!C1"],
  },
  {
    // ZB3 allows −100% to 500%: a typed 0.8 could be 80% or 0.8%. Read as 80%, and said; a formula's 0.08 is left alone.
    name: "a growth rate typed as a plain fraction is questioned, not guessed silently",
    values: { 柳河镇: { ZB3: "0.8" }, 石桥镇: { ZB3: { formula: "=0.4/5", result: 0.08 } } },
    expected: ["warning workbook.rate-large 指标数据!D2"],
  },
  {
    // A department leaves the towns' indicators blank: merging those blank cells misleads nobody.
    name: "merged blank cells, on a row that leaves them blank, are fine",
    edit: (wb) => {
      const sheet = wb.sheetNamed("指标数据");
      const row = [...sheet.rows].find(([, cells]) => {
        const name = cells.get(1)?.value;
        return name?.t === "s" && name.v === "区发展改革局";
      })?.[0];
      expect(row).toBeDefined();
      expect(sheet.get(`B${row}`)).toBeUndefined();
      sheet.merge(`B${row}:J${row}`);
    },
    expected: [],
  },
  { name: "a count in words, a negative count", values: { 柳河镇: { ZB6: "两起" }, 石桥镇: { ZB6: -1 } }, expected: ["workbook.quantity-chinese-numeral 指标数据!G2", "workbook.quantity-below-min 指标数据!G3"] },
  { name: "a blank count, a blank rate", values: { 柳河镇: { ZB6: null, ZB7: null } }, expected: ["workbook.blank-quantity 指标数据!G2", "workbook.blank-rate 指标数据!H2"] },
  // An amount (万元) is not a count of events: "none happened" is not what to say of it.
  { name: "a blank amount", values: { 柳河镇: { ZB2: null } }, expected: ["workbook.blank-amount 指标数据!C2"] },
  // A count typed more finely than its hundredths where the rounding crosses the threshold: 8.004
  // 起/万人 held as 8, not above the target of 8 (SH5 full marks where 8.004 would score 0); it was
  // scored so unsaid. An amount as finely typed that crosses nothing is read, rounded, unsaid.
  { name: "a count typed finer than 0.01 across a threshold", values: { 柳河镇: { ZB8: 8.004 }, 石桥镇: { ZB2: 1234.5678, ZB8: "7.996" } }, expected: ["workbook.finer-points 指标数据!I2"] },
  // A row pasted from a copy with a note column of its own: its note under SH6, SH6's points under
  // SH7, SH7's past the last heading. The words were an error, the shift unsaid: mended at the words
  // alone, SH7 was scored with SH6's points.
  {
    name: "a row shifted a column right, words under an item and a number past the last heading",
    edit: (wb) => void wb.sheetNamed("社会治理").set("B2", 1.5).set("C2", "信访扣分已核实").set("D2", 17).set("E2", 18.5),
    expected: ["workbook.points-not-a-number 社会治理!C2", "warning workbook.row-shifted 社会治理!E2"],
  },
  // Pasted a column on with a blank before it: the first item blank, a number past the last
  // heading (DJ2 took DJ1's 30 unsaid; the blank and the out-of-range DJ3 were mended alone).
  {
    name: "a row shifted a column right, its first item blank and a number past the last heading",
    edit: (wb) => void wb.sheetNamed("党的建设").set("B2", null).set("C2", 30).set("D2", 29.5).set("E2", 0),
    expected: ["workbook.blank-points 党的建设!B2", "workbook.deduction-out-of-range 党的建设!D2", "warning workbook.row-shifted-blank 党的建设!E2"],
  },
  // Its first item left blank (not yet scored) and the row's total typed past the last heading: no
  // shift (it was warned as one).
  {
    name: "a row's first item blank and its total typed past the last heading",
    edit: (wb) => {
      const ws = wb.sheetNamed("党的建设");
      const [c, d] = ["C2", "D2"].map((ref) => ws.get(ref)?.value).map((v) => (v?.t === "n" ? v.v : 0));
      ws.set("B2", null).set("E2", (c ?? 0) + (d ?? 0));
    },
    expected: ["workbook.blank-points 党的建设!B2"],
  },
  // The row's total as a clerk adds it on a sheet with a 扣分 column (DJ3: points taken off): its
  // points less what is taken off, or each item's points (DJ3's: its max less it); alone on the
  // sheet. Neither is a number typed a column too far, nor a row shifted (both were said).
  ...(["net", "points", "shifted", "forgotten"] as const).map(
    (way): Case => ({
      name: `a row's total typed past the last heading beside a deduction column (${way})`,
      edit: (wb) => {
        const ws = wb.sheetNamed("党的建设");
        const n = (ref: string): number => {
          const v = ws.get(ref)?.value;
          return v?.t === "n" ? v.v : 0;
        };
        const max = (rubric.lines.flatMap((l) => l.items).find((i) => i.code === "DJ3")?.max ?? 0) / 100;
        // 青龙乡's row: 1 taken off under DJ3.
        expect(n("D5")).toBeGreaterThan(0);
        if (way === "net") ws.set("E5", n("B5") + n("C5") - n("D5"));
        else if (way === "points") ws.set("E5", n("B5") + n("C5") + max - n("D5"));
        else if (way === "shifted") ws.set("E5", n("C5") - n("D5")).set("B5", null);
        // DJ1 forgotten, the row's real total typed beside (55, DJ1's 27 in it): more than DJ3, the
        // item a shift would have put it under, can hold (it was said to be a row shifted).
        else ws.set("E5", n("B5") + n("C5") - n("D5")).set("B5", null);
      },
      expected: way === "shifted" || way === "forgotten" ? ["workbook.blank-points 党的建设!B5"] : [],
    }),
  ),
  // A heading cleared over its item's points: the missing column said at the empty heading, with
  // what to write there (it was said of the sheet alone).
  {
    name: "an item's heading cleared, its points still under it",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      const col = ws.codeColumns().get("SH6") ?? 0;
      ws.setAt(1, col, null);
    },
    expected: ["workbook.missing-column-headless 社会治理!C1"],
  },
  // A row of targets under 指标数据's header (目标值 | 6.5% | 11500 …): no unit, and its values not
  // read (it was a unit found on no other sheet, and its 0.1 warned as 10%).
  {
    name: "a 目标值 row under 指标数据's header",
    edit: (wb) => {
      const ws = wb.sheetNamed("指标数据");
      ws.insertRow(2);
      ws.set("A2", "目标值").set("B2", 0.065).set("C2", 11500).set("D2", 0.1);
    },
    expected: ["warning workbook.target-row 指标数据!A2"],
  },
  // The last item's heading cleared (its column now past the last heading): said there too.
  {
    name: "the last item's heading cleared, its points still under it",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      ws.setAt(1, ws.codeColumns().get("SH7") ?? 0, null);
    },
    expected: ["workbook.missing-column-headless 社会治理!D1"],
  },
  // An indicator's figures pasted a row too low on 指标数据: the first town's blank, and the last
  // town's figure on the first department's row, which does not read it.
  {
    name: "an indicator's figures pasted a row too low",
    edit: (wb) => {
      // (The 11 towns' rows: the last town's figure goes to the first department's.)
      const ws = wb.sheetNamed("指标数据");
      ws.shiftColumn(ws.codeColumns().get("ZB5") ?? 0, 1, 12);
    },
    expected: ["workbook.column-shifted-down 指标数据!F2"],
  },
  // A column's points pasted a row too high, the first over its heading: one error there saying so
  // (it was "缺少 SH7 的列" at no cell and "这一列没有表头" at a cell holding 18; restoring the
  // heading as told put the next unit's points on each).
  {
    name: "an item's points pasted a row too high, over its heading",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      ws.shiftColumn(ws.codeColumns().get("SH7") ?? 0, -1, 12);
    },
    expected: ["workbook.missing-column-number-heading 社会治理!D1"],
  },
  // A department's block pasted with a 备注 column of its own before its last item: words under that
  // item on every row and its points in the column after the headings. Once, at the item's heading
  // (it was "not a number" at each row and a warning at each number: mending the words as told, 0,
  // lost the points).
  {
    name: "an item's points pushed past the headings by a column put in, on every row",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      ws.pushRight(ws.codeColumns().get("SH7") ?? 0, 12, () => "见备注");
    },
    expected: ["workbook.column-pushed 社会治理!D1"],
  },
  // The block pasted with its 序号 before the items: 1, 2, 3… under DJ1, each item's points under the
  // next one's heading, DJ3's past them. Every figure valid (1 to 11 fit DJ1): it scored, exit 0.
  {
    name: "a block pasted with its serial numbers before the items",
    edit: (wb) => {
      const ws = wb.sheetNamed("党的建设");
      // (The three side by side: each pushed on from the last, DJ1's place taking the serials.)
      const cols = ["DJ1", "DJ2", "DJ3"].map((c) => ws.codeColumns().get(c) ?? 0);
      expect(cols).toEqual([cols[0] ?? 0, (cols[0] ?? 0) + 1, (cols[0] ?? 0) + 2]);
      for (const col of [...cols].reverse()) ws.pushRight(col, 12, (r) => (col === cols[0] ? r - 1 : null));
    },
    // (A warning: real scores of 1 to 5 beside an office's column of small numbers look the same.)
    expected: [...["D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10", "D11"].map((c) => `workbook.deduction-out-of-range 党的建设!${c}`), "warning workbook.column-pushed-serial 党的建设!B1"],
  },
  // …on 经济发展, whose one item comes after its 分组 column (it was missed there: 5 scored for 25).
  {
    name: "a block pasted with its serial numbers before the items, after a 分组 column",
    edit: (wb) => {
      const ws = wb.sheetNamed("经济发展");
      ws.pushRight(ws.codeColumns().get("JJ5") ?? 0, 12, (r) => r - 1);
    },
    expected: ["warning workbook.column-pushed-serial 经济发展!C1"],
  },
  // Real scores of 1, 2, 3… under the first item beside a column of each row's total: no 序号 (totals
  // past what the last item can hold are none of its points; it was an error that stopped scoring).
  {
    name: "a first item's real 1, 2, 3… beside an unheaded column of totals is no pasted serial",
    edit: (wb) => {
      const ws = wb.sheetNamed("党的建设");
      const cols = ["DJ1", "DJ2", "DJ3"].map((c) => ws.codeColumns().get(c) ?? 0);
      for (let r = 2; r <= 12; r++) {
        ws.setAt(r, cols[0] ?? 0, r - 1);
        ws.setAt(r, (cols[2] ?? 0) + 1, 60 + r);
      }
    },
    expected: ["warning workbook.column-not-read-unheaded 党的建设!E1"],
  },
  // A line's one entered item (JJ5, 经济发展's) moved onto 指标数据: said there alone; its sheet, left
  // with no code, was said deleted, and its 分组 column (on it) said missing from 社会治理.
  {
    name: "a line's one entered item moved onto the indicators' sheet",
    edit: (wb) => {
      const line = wb.sheetNamed("经济发展");
      const rates = wb.sheetNamed("指标数据");
      line.pasteColumn(line.codeColumns().get("JJ5") ?? 0, rates, Math.max(...rates.codeColumns().values()) + 1, 12);
    },
    expected: ["workbook.item-on-rates-sheet 指标数据!T1"],
  },
  // Not pushed: 满分 typed under the item for every unit (an entry, asked to be a number) beside an
  // office's own column of figures the item could not hold: each said as it is, nothing to delete.
  {
    name: "满分 under an item for every unit beside an office's helper column",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      const col = ws.codeColumns().get("SH7") ?? 0;
      for (let r = 2; r <= 12; r++) ws.setAt(r, col, "满分").setAt(r, col + 1, 100 + r);
    },
    expected: [...Array.from({ length: 11 }, (_, i) => `workbook.points-full-word 社会治理!D${i + 2}`), ...Array.from({ length: 11 }, (_, i) => `warning workbook.row-shifted 社会治理!E${i + 2}`)],
  },
  // On 指标数据 too (统计局's figures pasted a row too high): said at the number over the heading,
  // not as a column missing at no cell.
  {
    name: "an indicator's figures pasted a row too high, over its heading",
    edit: (wb) => {
      const ws = wb.sheetNamed("指标数据");
      ws.shiftColumn(ws.codeColumns().get("ZB1") ?? 0, -1, 30);
    },
    expected: ["workbook.missing-column-number-heading 指标数据!B1"],
  },
  // A score typed on the sheet that only lists the enterprises (their line is computed from 指标数据):
  // not read, and said (it went unsaid); a 序号 before the names is no value.
  {
    name: "a number typed on a sheet that only lists its units",
    edit: (wb) => {
      const ws = numbered(wb.sheetNamed("区属国企"), "序号");
      ws.set("C3", 88);
    },
    expected: ["warning workbook.value-on-list-sheet 区属国企!C3"],
  },
  // A column of the rows' totals typed beside their items (read nowhere): where a row's is not
  // what its items add up to, an item or the total was mistyped; said at the total. 河西街道
  // (row 10) has no bonus or deduction rows; 柳河镇 (row 2) given one, its total may hold it: not said.
  { name: "a 合计 column, one row's total off", edit: totalsColumn("合计", { 10: 1 }), expected: ["warning workbook.total-differs-computed 社会治理!E10"] },
  { name: "an unheaded column of totals, one row's off", edit: totalsColumn(null, { 10: -0.5 }), expected: ["warning workbook.total-differs-unheaded 社会治理!E10"] },
  { name: "a 合计 column off on a unit with ledger rows", ledger: [row("柳河镇", "JF1", { level: "市级" })], edit: totalsColumn("合计", { 2: 1 }), expected: [] },
  { name: "a 合计 column off on a unit without", edit: totalsColumn("合计", { 2: 1 }), expected: ["warning workbook.total-differs-computed 社会治理!E2"] },
  // Totals that hold the points taken off as typed (SH3 added, not its 15 less it) are totals too.
  { name: "a column of totals added as typed, one off", edit: totalsColumn("合计", { 10: 2 }, (sh3, sh6, sh7) => sh3 + sh6 + sh7), expected: ["warning workbook.total-differs-computed 社会治理!E10"] },
  // Not a column of totals (a helper column of the office's, or most rows off): nothing said.
  // Past the items, a column of numbers with no heading is said not to be read, once at its heading
  // (a department's block pasted with its 备注 column had pushed DJ3's points there: lost unsaid).
  { name: "a helper column of numbers", edit: (wb) => void [2, 3, 4, 5].forEach((r) => wb.sheetNamed("社会治理").set(`E${r}`, r * 7)), expected: ["warning workbook.column-not-read-unheaded 社会治理!E1"] },
  // Before the first item, after the name, likewise (an item's points pasted without its heading),
  // but not a run 1, 2, 3… (a 序号 put after the name).
  {
    name: "a column of numbers with no heading between the name and the first item",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理").insertColumn(2);
      [2, 3, 4, 5].forEach((r) => ws.set(`B${r}`, r * 3));
    },
    expected: ["warning workbook.column-not-read-unheaded 社会治理!B1"],
  },
  {
    name: "a 序号 run with no heading between the name and the first item",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理").insertColumn(2);
      for (let r = 2; r <= 12; r++) ws.set(`B${r}`, r - 1);
    },
    expected: [],
  },
  { name: "a helper column of numbers, headed", edit: (wb) => void [2, 3, 4, 5].forEach((r) => wb.sheetNamed("社会治理").set("E1", "上年得分").set(`E${r}`, r * 7)), expected: [] },
  { name: "a column of totals off on most rows", edit: totalsColumn("合计", { 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1, 12: 1 }), expected: [] },
  // Headed 合计, a column of totals where as many rows agree as not (the items revised after the
  // totals were typed): each row off said. Not headed, only where twice as many agree.
  {
    name: "a 合计 column off on 5 rows of 11",
    edit: totalsColumn("合计", { 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 }),
    expected: [2, 3, 4, 5, 6].map((r) => `warning workbook.total-differs-computed 社会治理!E${r}`),
  },
  // (Too few agreeing to be taken for totals: a column not read, said so.)
  { name: "an unheaded column off on 4 rows of 11", edit: totalsColumn(null, { 2: 1, 3: 1, 4: 1, 5: 1 }), expected: ["warning workbook.column-not-read-unheaded 社会治理!E1"] },
  // A bonus row explains 1 (JF1 市级), not 3.
  { name: "a 合计 off by more than the unit's ledger rows make", ledger: [row("柳河镇", "JF1", { level: "市级" })], edit: totalsColumn("合计", { 2: 3 }), expected: ["warning workbook.total-differs-computed 社会治理!E2"] },
  // A bonus raises a total, a deduction lowers it: neither excuses the other way. 柳河镇's JF1 (+1)
  // excuses 1 over, not 1 under; a deduction (KF1, −1) 1 under, not 1 over.
  { name: "a 合计 1 under for a unit with a bonus row", ledger: [row("柳河镇", "JF1", { level: "市级" })], edit: totalsColumn("合计", { 2: -1 }), expected: ["warning workbook.total-differs 社会治理!E2"] },
  { name: "a 合计 1 under for a unit with a deduction row", ledger: [row("柳河镇", "KF1")], edit: totalsColumn("合计", { 2: -1 }), expected: [] },
  // A total holds the unit's rows or not, each whole: 2 rows of 2 (JF1 省级) and 1 (KF1) excuse
  // +2, −1 and +1 (both), not +1.5 or +3, which no row makes (they were excused up to +2).
  ...[
    { off: 2, said: false },
    { off: -1, said: false },
    { off: 1, said: false },
    { off: 1.5, said: true },
    { off: 3, said: true },
  ].map(({ off, said }) => ({
    name: `a 合计 ${off} off for a unit with a 2-point bonus and a 1-point deduction`,
    ledger: [row("柳河镇", "JF1", { level: "省级" }), row("柳河镇", "KF1")],
    edit: totalsColumn("合计", { 2: off }),
    expected: said ? [`warning workbook.total-differs${off > 0 ? "-computed" : ""} 社会治理!E2`] : [],
  })),
  { name: "a 合计 1 over for a unit with a deduction row", ledger: [row("柳河镇", "KF1")], edit: totalsColumn("合计", { 2: 1 }), expected: ["warning workbook.total-differs-computed 社会治理!E2"] },
  // KF2 is charged to 社会治理 (SH): it may be in that sheet's totals, never in 党的建设's.
  { name: "a 合计 2 under on 社会治理 for a row charged to SH", ledger: [row("柳河镇", "KF2")], edit: totalsColumn("合计", { 2: -2 }), expected: [] },
  {
    name: "a 合计 2 under on 党的建设 for a row charged to SH",
    ledger: [row("柳河镇", "KF2")],
    edit: (wb) => {
      const ws = wb.sheetNamed("党的建设");
      ws.set("E1", "合计");
      const num = (ref: string): number => {
        const v = ws.get(ref)?.value;
        return v?.t === "n" ? v.v : 0;
      };
      // DJ3 is taken off (扣分): 20 less it.
      for (let r = 2; ws.get(`A${r}`) !== undefined; r++) ws.set(`E${r}`, Math.round((num(`B${r}`) + num(`C${r}`) + 20 - num(`D${r}`) - (r === 2 ? 2 : 0)) * 100) / 100);
    },
    expected: ["warning workbook.total-differs 党的建设!E2"],
  },
  // A column headed with other figures (自评分, 上年得分) is no column of totals, however many rows agree.
  { name: "a 自评分 column", edit: totalsColumn("自评分", { 10: 1 }), expected: [] },
  // Totals rounded to whole numbers (49.5 typed 50): within 1 of the sum agrees; 3 off does not.
  // Rounded, the sum and a whole ledger row: 柳河镇's items and its JF1 省级 (+2), both 0.3 off a
  // whole number, typed rounded (its total said wrong once rows were counted in whole).
  {
    name: "totals rounded to whole numbers, one with a bonus row counted in",
    ledger: [row("柳河镇", "JF1", { level: "省级" })],
    values: { 柳河镇: { SH3: 0.3 } },
    edit: totalsColumn("总分", { 2: 2 }, (sh3, sh6, sh7) => Math.round(15 - sh3 + sh6 + sh7)),
    expected: [],
  },
  {
    name: "totals rounded to whole numbers, one 2 over for a unit with a 1-point bonus",
    ledger: [row("柳河镇", "JF1", { level: "市级" })],
    values: { 柳河镇: { SH3: 0.3 } },
    edit: totalsColumn("总分", { 2: 3 }, (sh3, sh6, sh7) => Math.round(15 - sh3 + sh6 + sh7)),
    expected: ["warning workbook.total-differs-computed 社会治理!E2"],
  },
  { name: "totals rounded to whole numbers, one off by 3", edit: totalsColumn("总分", { 11: 3 }, (sh3, sh6, sh7) => Math.round(15 - sh3 + sh6 + sh7)), expected: ["warning workbook.total-differs-computed 社会治理!E11"] },
  // The column takes off what SH3 takes off; 凤凰街道's (row 12) adds it: off, said with the column's sum.
  {
    name: "a deduction added on one row of a column that takes it off",
    edit: totalsColumn("合计", {}, (sh3, sh6, sh7, r) => (r === 12 ? sh3 + sh6 + sh7 : 15 - sh3 + sh6 + sh7)),
    expected: ["warning workbook.total-differs 社会治理!E12"],
  },
  // A number past the headings on a row otherwise whole is no shift; alone on its sheet, it is a
  // score typed a column too far, not read: said (it went unsaid). Not the row's total.
  { name: "a number past the last heading on a row otherwise whole", edit: (wb) => void wb.sheetNamed("社会治理").set("E2", 18.5), expected: ["warning workbook.value-past-headings 社会治理!E2"] },
  // Further right too, with blank columns between (it went unsaid past the column right after).
  { name: "a number three columns past the last heading", edit: (wb) => void wb.sheetNamed("社会治理").set("G2", 18.5), expected: ["warning workbook.value-past-headings 社会治理!G2"] },
  { name: "two numbers past the last heading, in columns apart", edit: (wb) => void wb.sheetNamed("社会治理").set("G2", 18.5).set("F5", 3), expected: [] },
  {
    name: "a row's total typed past the last heading, alone on its sheet",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      const sum = [...ws.codeColumns().values()].reduce((t, col) => {
        const v = ws.rows.get(2)?.get(col)?.value;
        return t + (v?.t === "n" ? v.v : 0);
      }, 0);
      ws.set("E2", sum);
    },
    expected: [],
  },
  // A helper column of numbers on every row (a sum, a note's figure), words under an item on one: no
  // shift said (only the words are an error); nor for a number two columns past the headings.
  {
    name: "words under an item where a helper column past the headings holds numbers on every row",
    edit: (wb) => {
      const ws = wb.sheetNamed("社会治理");
      for (let r = 2; r <= 12; r++) ws.set(`E${r}`, r);
      ws.set("C3", "见说明");
    },
    expected: ["workbook.points-not-a-number 社会治理!C3", "warning workbook.column-not-read-unheaded 社会治理!E1"],
  },
  { name: "words under an item and a number two columns past the headings", edit: (wb) => void wb.sheetNamed("社会治理").set("C3", "见说明").set("F3", 3), expected: ["workbook.points-not-a-number 社会治理!C3"] },
  // On 指标数据 too: a note's words under ZB1 and a number right after the last heading (the row
  // shifted: its targets were read from the wrong columns once the words were mended).
  {
    name: "words under an indicator of 指标数据 and a number right after its last heading",
    edit: (wb) => {
      const ws = wb.sheetNamed("指标数据");
      const last = Math.max(...(ws.rows.get(1)?.keys() ?? []));
      ws.set("B3", "见说明").setAt(3, last + 1, 0.98);
    },
    expected: ["workbook.not-a-rate 指标数据!B3", "warning workbook.row-shifted-values 指标数据!T3"],
  },
  // 无 where a count or an amount belongs: the 0 it means asked for (it was "not a number" alone).
  { name: "无 typed for none", values: { 柳河镇: { ZB5: "无", SH3: "无" }, 石桥镇: { ZB2: "暂无" } }, expected: ["workbook.none-word-deduction 社会治理!B2", "workbook.none-word 指标数据!F2", "workbook.none-word-amount 指标数据!C3"] },
  // A dash, a slash, N/A, 缺 for "no figure" (they were "not a number" alone): a count's, an amount's
  // and points' 0 asked for; a rate's value to be found out (no 0 means none); a target as its
  // responsibility letter sets it, whatever its unit.
  {
    name: "a dash, a slash, N/A or 缺 for no figure",
    values: { 柳河镇: { ZB5: "—", SH3: "/", ZB1: "N/A", MB1: "—" }, 石桥镇: { ZB2: "－", MB2: "/", SH6: "缺" } },
    expected: ["workbook.none-word-deduction 社会治理!B2", "workbook.none-word-points 社会治理!C3", "workbook.none-word-rate 指标数据!B2", "workbook.none-word 指标数据!F2", "workbook.none-word-target 指标数据!O2", "workbook.none-word-amount 指标数据!C3", "workbook.none-word-target 指标数据!P3"],
  },
  // 亿 and 元 are units of money too: said with the number in 万元 (it said "not a number").
  { name: "an amount in 亿 or in 元 where 万元 is the unit", values: { 柳河镇: { ZB2: "1.2亿" }, 石桥镇: { ZB2: "52000元" } }, expected: ["workbook.quantity-other-unit 指标数据!C2", "workbook.quantity-other-unit 指标数据!C3"] },
  { name: "an enterprise's target left blank", values: { 区城投集团: { MB3: null } }, expected: ["workbook.missing-target 指标数据!Q19"] },
  // Said with the codes of its sort the unit's kind may use, or that it has none (it said only whom the code was for).
  { name: "a bonus for a kind it is not for", ledger: [row("区城投集团", "JF1", { level: "市级" }), row("区财政局", "JF2")], expected: ["workbook.ledger-wrong-kind-none 加扣分!A2", "workbook.ledger-wrong-kind-others 加扣分!A3"] },
  // JF2 加 0.5 分 for each 1000 万元, capped at 2: 1500 (the amount typed for its count) comes to
  // 750, asked at its cell; 3 (3000 万元) is the count meant, and 4 reaches the cap exactly.
  { name: "a ledger count far past its code's cap (an amount typed for it)", ledger: [row("柳河镇", "JF2", { count: 1500 }), row("石桥镇", "JF2", { count: 3 }), row("青龙乡", "JF2", { count: 4 })], expected: ["warning workbook.ledger-count-past-cap 加扣分!C2"] },
  { name: "deductions for departments and enterprises, a pending status of this rubric", ledger: [row("区财政局", "KF1"), row("区城投集团", "KF1", { status: "待审核" })], expected: ["warning workbook.ledger-pending 加扣分!F3"] },
];

describe("validate under the comprehensive rubric", () => {
  it.each(cases)("$name", async (c) => {
    expect(await diagnose(c)).toEqual(c.expected);
  });
});

describe("a group too small for a middle value of its own", () => {
  it("weighs a unit's amount against its kind's middle value (two streets: one of them the slip)", async () => {
    const units = spec.units.filter((u) => u.name !== "文昌街道" && u.name !== "凤凰街道");
    const values = structuredClone(spec.values) as Record<string, Record<string, Value>>;
    (values["河西街道"] ??= {}).ZB4 = 560000000;
    const { diagnostics } = await readMemBook(fill(await templateBook(rubric, units, "2026", "柳河区"), values, []));
    const d = diagnostics.find((x) => x.code === "workbook.amount-implausible-others");
    expect(d?.location ? formatLocation(d.location) : "").toBe("in.xlsx: 指标数据!E10");
    expect(d && message("zh-CN", d.code, d.data)).toBe("“河西街道” 的 ZB4 为 560000000万元,是各单位中位数 42700万元 的 13,115 倍;是否按“元”填写了?如是,应为 56000万元。如确为 560000000万元,可忽略本提示");
  });
});

describe("points off the steps", () => {
  it("names the whole steps that can be entered instead, as points or as points taken off", async () => {
    const values = structuredClone(spec.values) as Record<string, Record<string, Value>>;
    Object.assign((values["石桥镇"] ??= {}), { SH3: 0.15, JJ5: 28.5 });
    Object.assign((values["柳河镇"] ??= {}), { JJ5: 29.5 });
    const { diagnostics } = await readMemBook(fill(await templateBook(rubric, spec.units, "2026", "柳河区"), values, []));
    const said = diagnostics.map((d) => `${d.location ? formatLocation(d.location) : ""} ${message("zh-CN", d.code, d.data)}`);
    expect(said).toEqual([
      "in.xlsx: 经济发展!C2 JJ5 的分值 29.5 不是 1 的整数倍;请填 29 或 30",
      "in.xlsx: 经济发展!C3 JJ5 的分值 28.5 不是 1 的整数倍;请填 28 或 29",
      "in.xlsx: 社会治理!B3 SH3 的扣分 0.15 不是 0.1 的整数倍;请填 0.1 或 0.2",
    ]);
    const near = diagnostics.find((d) => d.code.startsWith("workbook.deduction-step"));
    expect(near && message("en", near.code, near.data)).toBe("SH3: the 0.15 points taken off are not a multiple of 0.1; enter 0.1 or 0.2");
  });
});

describe("a target's own bounds, and a unit's target against its floor", () => {
  // MB1 (JJ1's growth target, over a fixed floor of 0%) allowed from −50% to 200%, as an indicator may be.
  const text = readFileSync(FILE, "utf8").replace("  - code: MB1\n", "  - code: MB1\n    min: -50%\n    max: 200%\n");
  const file = join(scratchDir("assess-target-bounds-"), "township-comprehensive-2026.1.yaml");
  writeFileSync(file, text);
  async function lines(values: Record<string, Record<string, Value>>, bounds = true): Promise<string[]> {
    const all = structuredClone(spec.values) as Record<string, Record<string, Value>>;
    for (const [n, v] of Object.entries(values)) Object.assign((all[n] ??= {}), v);
    // (Given with the bundled one's id and version, as a revision kept under them: that warning is not what these are about.)
    return (await readMemBook(fill(await templateBook(rubric, spec.units, "2026", "柳河区"), all, []), "in.xlsx", bounds ? file : undefined)).lines.filter((l) => !l.includes("rubric.given-as-bundled"));
  }

  it("holds a target cell to the target's min and max, not to 0%–100%", async () => {
    expect(await lines({ 柳河镇: { MB1: "120%" }, 石桥镇: { MB1: "250%" } })).toEqual(["workbook.rate-out-of-range 指标数据!O3"]);
    // Without them, 120% is past a percentage's 100%.
    expect(await lines({ 柳河镇: { MB1: "120%" } }, false)).toEqual(["workbook.rate-out-of-range 指标数据!O2"]);
  });

  it("says where a unit's target is below its floor (higher is better), and leaves a target level with it alone", async () => {
    // 石桥镇's −5% growth target under JJ1's floor of 0%: the cells are the wrong way round. 柳河镇's 0%: all or nothing.
    expect(await lines({ 石桥镇: { MB1: "-5%" }, 柳河镇: { MB1: "0%" } })).toEqual(["workbook.floor-above-target 指标数据!O3"]);
    // The floor is the rubric's (0%): the unit's target is what the clerk can mend, and is said so.
    const all = structuredClone(spec.values) as Record<string, Record<string, Value>>;
    Object.assign((all["石桥镇"] ??= {}), { MB1: "-5%" });
    const { diagnostics } = await readMemBook(fill(await templateBook(rubric, spec.units, "2026", "柳河区"), all, []), "in.xlsx", file);
    const d = diagnostics.find((x) => x.code === "workbook.floor-above-target");
    expect(d && message("zh-CN", d.code, d.data)).toMatch(/^“石桥镇” 的 JJ1 \S+ 计分起点 0% 高于目标 MB1 -5%:越高越好的指标,得 0 分的起点应低于目标\(计分起点由方案规定,请核对本单位的目标\)$/);
  });

  it("is a rubric error where a target's min is not below its max, or its default outside them", () => {
    const bad = text.replace("    max: 200%\n", "    max: -60%\n").replace("  - code: MB2\n", "  - code: MB2\n    max: 5000\n    default: 10000\n");
    const r = loadRubric(FILE, Buffer.from(bad), "test");
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual([`rubric.range-order ${FILE}:99:10`, `rubric.measure-unreachable ${FILE}:103:14`]);
  });
});

describe("a number past the last heading", () => {
  it("is said with its row's unit: far from the names, the column alone did not say whose row it was", async () => {
    const d = (await read({ edit: (wb) => void wb.sheetNamed("社会治理").set("H5", 18.5) })).diagnostics.find((x) => x.code === "workbook.value-past-headings");
    expect(d?.unit).toBe("青龙乡");
    expect(d?.location).toMatchObject({ sheet: "社会治理", cell: "H5" });
  });
});

describe("a blank on 指标数据", () => {
  it("carries its unit and its indicator's code (--json's item, which a department filters its columns by, was missing there)", async () => {
    const ds = (await read({ edit: (wb) => void wb.sheetNamed("指标数据").set("B2", null).set("P3", null) })).diagnostics;
    expect(ds.find((x) => x.code === "workbook.blank-rate")).toMatchObject({ unit: "柳河镇", item: "ZB1", location: { sheet: "指标数据", cell: "B2" } });
    expect(ds.find((x) => x.code === "workbook.missing-target")).toMatchObject({ unit: "石桥镇", item: "MB2", location: { sheet: "指标数据", cell: "P3" } });
  });
  it("and what is said of a whole column carries its code too (one blank for every unit), and no unit", async () => {
    const blank = (await read({ edit: (wb) => void Array.from({ length: 29 }, (_, i) => wb.sheetNamed("指标数据").set(`B${i + 2}`, null)) })).diagnostics;
    expect(blank.find((x) => x.code === "workbook.column-blank")).toMatchObject({ item: "ZB1", location: { sheet: "指标数据", cell: "B1" } });
    expect(blank.find((x) => x.code === "workbook.column-blank")?.unit).toBeUndefined();
  });
});

describe("a typed total that is not what its row's items add up to", () => {
  it("names the unit, the total and the sum as the tool adds it (河西街道: 15 − 0 + 20 + 20 = 55)", async () => {
    expect(await said({ edit: totalsColumn("合计", { 10: -1 }) }, "workbook.total-differs")).toEqual({
      at: "in.xlsx: 社会治理!E10",
      zh: "“河西街道” 的合计 54 与本行各项之和 55 不符;得分按各项计算,不读合计:请核对各项和合计",
    });
  });

  it("over the sum, on a line with items worked out from 指标数据 (not on its sheet), says the total may include them (a clerk's whole line's total was said to be wrong)", async () => {
    expect(await said({ edit: totalsColumn("合计", { 10: 1 }) }, "workbook.total-differs-computed")).toEqual({
      at: "in.xlsx: 社会治理!E10",
      zh: "“河西街道” 的合计 56 与本行各项之和 55 不符;本表各项不含由指标数据计算的 SH1、SH2、SH4、SH5,若合计含其得分,差额即在此;得分按各项计算,不读合计:请核对各项,合计可只计本表各项或删去",
    });
  });
});

describe("words where points belong", () => {
  it("are told the item's range (an example number, 18.5 where the most is 15, read as a correction)", async () => {
    expect(await said({ values: { 柳河镇: { SH6: "良" } } }, "workbook.points-not-a-number")).toEqual({ at: "in.xlsx: 社会治理!C2", zh: "SH6 的分值 “良” 不是数字;请填 0 到 20 之间的阿拉伯数字" });
  });
});

describe("a count typed with another word than its column's unit", () => {
  it("asks for the number alone (2个 where 起 is asked), as 28分 and a ledger's 2次 are", async () => {
    expect(await said({ values: { 柳河镇: { ZB6: "2个" } } }, "workbook.quantity-with-word-in")).toEqual({ at: "in.xlsx: 指标数据!G2", zh: "“2个” 请只填数字 2,不带“个”(本列单位:起)" });
    // The column's own unit is read, as before.
    expect((await read({ values: { 柳河镇: { ZB6: "2起" } } })).lines).toEqual([]);
  });
});

describe("a count or an amount in Chinese numerals", () => {
  it("asks for the digits, as a points cell does (十八 was only not a number)", async () => {
    expect(await said({ values: { 柳河镇: { ZB6: "十八" } } }, "workbook.quantity-chinese-numeral")).toEqual({ at: "in.xlsx: 指标数据!G2", zh: "“十八” 请写成阿拉伯数字 18" });
    expect(await said({ values: { 柳河镇: { ZB6: "五起" } } }, "workbook.quantity-chinese-numeral")).toEqual({ at: "in.xlsx: 指标数据!G2", zh: "“五起” 请写成阿拉伯数字 5" });
    // 一 alone may be a dash for none: not taken for 1, asked which (as a points cell asks).
    expect(await said({ values: { 柳河镇: { ZB6: "一" } } }, "workbook.quantity-one-or-dash")).toEqual({ at: "in.xlsx: 指标数据!G2", zh: "“一” 不是数字:若是 1 请填 1;若表示没有(为零)请填 0" });
    expect(await said({ values: { 柳河镇: { ZB6: "三千" } } }, "workbook.quantity-chinese-numeral")).toEqual({ at: "in.xlsx: 指标数据!G2", zh: "“三千” 请写成阿拉伯数字 3000" });
    // A part of one where whole counts go: said as 1.5 is (it was asked for as 1.5, then refused).
    const half = await said({ values: { 柳河镇: { ZB6: "一点五" } } }, "workbook.quantity-not-whole");
    expect(half?.at).toBe("in.xlsx: 指标数据!G2");
    expect(half?.zh).toContain("一点五");
  });
});

describe("a unit twice on a sheet, the rows differing", () => {
  it("counts its 分组 among what differs, and says each value as the cell shows it, the first three then …", async () => {
    const { diagnostics } = await read({
      edit: (wb) => {
        const line = wb.sheetNamed("经济发展");
        // 河东街道 (row 9, 街道组) again on row 13, as 乡镇组.
        line.set("A13", "河东街道").set("B13", "乡镇组").set("C13", 29);
        const rates = wb.sheetNamed("指标数据");
        const row = [...rates.rows].find(([, cells]) => cells.get(1)?.value.t === "s" && (cells.get(1)?.value as { v: string }).v === "柳河镇")?.[0] ?? 0;
        const copy = [...(rates.rows.get(row) ?? new Map())];
        const at = rates.rows.size + 2;
        for (const [col, cell] of copy) rates.setAt(at, col, cell.value.t === "n" || cell.value.t === "s" ? cell.value.v : null);
        // Four values other than the first copy's, one a fraction of float noise.
        rates.setAt(at, 2, 0.7 - 0.644).setAt(at, 3, 1).setAt(at, 4, 0.2).setAt(at, 5, 1);
      },
    });
    const said = diagnostics.filter((d) => d.code === "workbook.duplicate-unit-differs").map((d) => message("zh-CN", d.code, d.data));
    expect(said[0]).toBe("单位 “河东街道” 重复(已在 A9),两行有 1 项不同(分组 街道组 → 乡镇组):核对后保留正确的一行,删去另一行");
    expect(said[1]).toMatch(/^单位 “柳河镇” 重复\(已在 A2\),两行有 4 项不同\(ZB1 [\d.]+%? → 0\.056、ZB2 \d+ → 1、ZB3 [^、]+ → 0\.2、…\):/);
  });
});

describe("a unit twice on a sheet, compared as the values read", () => {
  it("finds the same values typed otherwise the same, and a value the fuller row would drop said as a difference", async () => {
    let copyRow = 0;
    const { diagnostics } = await read({
      edit: (wb) => {
        const rates = wb.sheetNamed("指标数据");
        const row = [...rates.rows].find(([, cells]) => cells.get(1)?.value.t === "s" && (cells.get(1)?.value as { v: string }).v === "柳河镇")?.[0] ?? 0;
        copyRow = Math.max(...rates.rows.keys()) + 2;
        for (const [col, cell] of rates.rows.get(row) ?? new Map()) {
          const v = cell.value;
          // Each number again as text; the first rate with its percent sign (0.068 as 6.8%).
          rates.setAt(copyRow, col, v.t === "n" ? (col === 2 ? `${Math.round(v.v * 10000) / 100}%` : ` ${v.v} `) : v.t === "s" ? v.v : null);
        }
        // 党的建设: 白马镇 (row 4) again below, fuller, but with its DJ1 other than the first's.
        wb.sheetNamed("党的建设").set("A14", "白马镇").set("B14", 1).set("C14", 29).set("D14", 0).set("C4", null);
      },
    });
    const at = (code: string): string[] => diagnostics.filter((d) => d.code === code).map((d) => (d.location && "cell" in d.location ? `${d.location.sheet}!${d.location.cell ?? ""}` : ""));
    expect(at("workbook.duplicate-unit-same")).toEqual([`指标数据!A${copyRow}`]);
    // Not "keep the fuller row" (that drops the first's DJ1 unsaid): the difference, at the later row.
    expect(at("workbook.duplicate-unit-fuller")).toEqual([]);
    // And what the later row alone fills (C14, blank on the first): to be merged, not lost with either row.
    const dj = diagnostics.find((d) => d.code === "workbook.duplicate-unit-differs-merge");
    expect(dj && message("zh-CN", dj.code, dj.data)).toMatch(/^单位 “白马镇” 重复\(已在 A4\),两行有 1 项不同\(DJ1 \d+(\.\d+)? → 1\),且有只在一行填写的单元格\(C14\):核对后把正确的值合并到一行,再删去另一行$/);
  });
});

describe("a unit twice on a sheet, one row with its 分组 alone", () => {
  it("reads a 分组 typed as its label as the group it names (乡镇 is 乡镇组): no difference", async () => {
    const { diagnostics } = await read({
      edit: (wb) => void wb.sheetNamed("经济发展").set("A13", "柳河镇").set("B13", "乡镇").set("C13", 28),
    });
    expect(diagnostics.filter((x) => x.code.startsWith("workbook.duplicate-unit")).map((x) => x.code)).toEqual(["workbook.duplicate-unit-same"]);
  });

  it("counts the 分组 as filled: the row holding it is not the one to delete", async () => {
    const { diagnostics } = await read({
      edit: (wb) => {
        // 柳河镇: row 2 with its JJ5 and no group; row 13 with the group and no JJ5.
        wb.sheetNamed("经济发展").set("B2", null).set("A13", "柳河镇").set("B13", "乡镇组");
      },
    });
    const d = diagnostics.find((x) => x.code.startsWith("workbook.duplicate-unit"));
    expect(d && `${d.code} ${message("zh-CN", d.code, d.data)}`).toBe("workbook.duplicate-unit-split 单位 “柳河镇” 在本表出现两次,两行所填的项目不同:请把这一行的 B13 移到第 2 行,再删去这一行");
  });
});

describe("an unknown ledger code", () => {
  it("offers the codes of the unit's kind, each with its name", async () => {
    const d = (await read({ ledger: [row("区财政局", "KF8")] })).diagnostics.find((x) => x.code === "workbook.ledger-unknown-code");
    expect(d?.location && formatLocation(d.location)).toBe("in.xlsx: 加扣分!B2");
    expect(message("zh-CN", d!.code, d!.data)).toBe("未知代码 “KF8”,可用:JF1 工作创新获上级推广;KF1 被上级通报批评");
    expect(message("en", d!.code, d!.data)).toBe('unknown code "KF8"; use one of: JF1 工作创新获上级推广; KF1 被上级通报批评');
  });

  it("asks about the code it looks like where a letter was typed for a digit (KFl, KFI for KF1)", async () => {
    for (const typed of ["KFl", "KFI", "kfl", "KF|"]) {
      const d = (await read({ ledger: [row("区财政局", typed)] })).diagnostics.find((x) => x.code.startsWith("workbook.ledger-unknown-code"));
      expect(d?.location && formatLocation(d.location)).toBe("in.xlsx: 加扣分!B2");
      expect(message("zh-CN", d!.code, d!.data)).toBe(`未知代码 “${typed}”,是否为 KF1(被上级通报批评)?可用:JF1 工作创新获上级推广;KF1 被上级通报批评`);
    }
    // Z for 2 (a town's KF2); not on a department's row, whose codes hold no KF2.
    const z = (await read({ ledger: [row("柳河镇", "KFZ")] })).diagnostics.find((x) => x.code.startsWith("workbook.ledger-unknown-code"));
    expect([z?.code, z?.data.near]).toEqual(["workbook.ledger-unknown-code-near", "KF2"]);
    const dept = (await read({ ledger: [row("区财政局", "KFZ")] })).diagnostics.find((x) => x.code.startsWith("workbook.ledger-unknown-code"));
    expect(dept?.code).toBe("workbook.ledger-unknown-code");
    // Its number padded with a zero, as a list sorted by code writes it (KF02): KF2 asked about.
    const padded = (await read({ ledger: [row("柳河镇", "KF02")] })).diagnostics.find((x) => x.code.startsWith("workbook.ledger-unknown-code"));
    expect([padded?.code, padded?.data.near]).toEqual(["workbook.ledger-unknown-code-near", "KF2"]);
  });
});

describe("a growth rate held as a plain fraction", () => {
  it("is said as the cell shows it (0.138 pasted as a value holds 0.13799999999999998)", async () => {
    expect(await said({ values: { 柳河镇: { ZB3: 1.38 / 10 } } }, "workbook.rate-large")).toEqual({ at: "in.xlsx: 指标数据!D2", zh: "0.138 按 13.8% 计;如是 0.138%,请填写 0.138%" });
  });

  it("in a whole column of them is said once, at its first, with how many (one warning a town: a reviewer's find)", async () => {
    // ZB1 (地区生产总值增长率, −50% to 100%) pasted as plain fractions for three towns; ZB3 for two (each said).
    const r = await read({ values: { 柳河镇: { ZB1: 0.072, ZB3: 0.12 }, 石桥镇: { ZB1: 0.068, ZB3: 0.11 }, 白马镇: { ZB1: 0.061 } } });
    const large = r.diagnostics.filter((d) => d.code.startsWith("workbook.rate-large")).map((d) => `${d.location ? formatLocation(d.location) : ""} ${d.code} ${message("zh-CN", d.code, d.data)}`);
    expect(large).toEqual([
      "in.xlsx: 指标数据!D2 workbook.rate-large 0.12 按 12% 计;如是 0.12%,请填写 0.12%",
      "in.xlsx: 指标数据!D3 workbook.rate-large 0.11 按 11% 计;如是 0.11%,请填写 0.11%",
      "in.xlsx: 指标数据!B2 workbook.rate-large-column 本列有 3 个数按小数读作百分数(如此处 0.072 按 7.2% 计);如本列填的是百分数(如 0.072 指 0.072%),请在各数后加 %",
    ]);
  });
});

describe("a number typed in another unit of the column's kind", () => {
  it("is given in the column's unit (5.2亿 is 52000万元)", async () => {
    expect(await said({ values: { 柳河镇: { ZB2: "5.2亿" } } }, "workbook.quantity-other-unit")).toEqual({ at: "in.xlsx: 指标数据!C2", zh: "“5.2亿” 的单位是 亿,而此处以 万元 计:5.2亿 即 52000万元,请填 52000" });
  });

  it("points taken off typed with their word (扣1.2分): the number alone where the item takes points off, the points left asked where it takes points earned", async () => {
    expect(await said({ values: { 柳河镇: { SH3: "扣1.2分" } } }, "workbook.deduction-with-word")).toEqual({ at: "in.xlsx: 社会治理!B2", zh: "SH3 是扣分制,填扣除的分数,只填数字:“扣1.2分” 请填 1.2" });
    expect(await said({ values: { 柳河镇: { JJ5: "扣 2 分" } } }, "workbook.points-as-deduction")).toEqual({ at: "in.xlsx: 经济发展!C2", zh: "JJ5 填的是得分(满分 30),“扣 2 分” 是扣除的分数:如扣 2 分,请填得分 28" });
    // Never a figure the cell cannot hold: 扣1.2分 where whole points are given, 扣16分 of at most 15.
    expect(await said({ values: { 柳河镇: { JJ5: "扣1.2分" } } }, "workbook.points-not-a-number")).toMatchObject({ at: "in.xlsx: 经济发展!C2" });
    expect(await said({ values: { 柳河镇: { SH3: "扣16分" } } }, "workbook.points-not-a-number")).toMatchObject({ at: "in.xlsx: 社会治理!B2" });
  });

  it("a blank group is asked for as the group the unit's name says (柳河镇: 乡镇组)", async () => {
    expect(await said({ edit: (wb) => void wb.sheetNamed("经济发展").set("B2", null) }, "workbook.group-blank-name")).toEqual({ at: "in.xlsx: 经济发展!B2", zh: "“柳河镇” 未填写分组(可填:乡镇组、街道组);名称以 镇 结尾,是否为 乡镇组?" });
  });

  it("is given exactly, not at the hundredths it would be held as (2950元 is 0.295万元; it was said to be 0.3)", async () => {
    expect(await said({ values: { 柳河镇: { ZB2: "2950元" } } }, "workbook.quantity-other-unit")).toEqual({ at: "in.xlsx: 指标数据!C2", zh: "“2950元” 的单位是 元,而此处以 万元 计:2950元 即 0.295万元,请填 0.295" });
    expect(await said({ values: { 柳河镇: { ZB2: "12345元" } } }, "workbook.quantity-other-unit")).toEqual({ at: "in.xlsx: 指标数据!C2", zh: "“12345元” 的单位是 元,而此处以 万元 计:12345元 即 1.2345万元,请填 1.2345" });
  });

  it("is given in ‰ where a per-mille column has a percentage typed (1.5% is 15‰); 1.5‰ typed is read", async () => {
    const text = readFileSync(FILE, "utf8").replace("display: 起/万人", "display: ‰");
    const permille = loadRubric(FILE, new TextEncoder().encode(text), "test").rubric!;
    const values = structuredClone(spec.values) as Record<string, Record<string, Value>>;
    Object.assign((values["柳河镇"] ??= {}), { ZB8: "1.5%" });
    Object.assign((values["石桥镇"] ??= {}), { ZB8: "1.5‰" });
    const book = fill(await templateBook(permille, spec.units, "2026", "柳河区"), values, []);
    const file = join(scratchDir("assess-permille-"), "township-comprehensive-2026.1.yaml");
    writeFileSync(file, text);
    const { diagnostics } = await readMemBook(book, "in.xlsx", file);
    // (A rubric given with the bundled one's name and version is said as such: not this test's business.)
    const cells = diagnostics.filter((x) => x.code !== "rubric.given-as-bundled");
    // (every one of them is at a cell)
    expect(cells.map((x) => `${x.code} ${x.location ? formatLocation(x.location) : ""}`)).toEqual(["workbook.quantity-other-unit in.xlsx: 指标数据!I2"]);
    expect(message("en", cells[0]!.code, cells[0]!.data)).toBe("\"1.5%\" is in %, and this column is in ‰: 1.5% is 15‰; enter 15");
  });
});

describe("a deleted 指标数据 sheet", () => {
  // Three kinds read it: one error for the workbook, its codes in the template's order (it was one
  // per kind, the second and third said to begin with ZB10 and ZB5).
  it("is one error naming every code it holds, from the first", async () => {
    const { diagnostics } = await read({ edit: (wb) => wb.removeSheet("指标数据") });
    const said = diagnostics.filter((d) => d.code === "workbook.missing-rates-sheet");
    expect(said.map((d) => message("zh-CN", d.code, d.data))).toEqual(["找不到指标数据表(模板中为 “指标数据”,列头以 ZB1 等代码开头;需要 ZB1, ZB2, ZB3, ZB4, ZB5, ZB6, ZB7, ZB8, ZB9, ZB10, ZB11, ZB12, ZB13, MB1, MB2, MB3, MB4, MB5),用到它的项目无法计分;是否删除了该工作表或改动了它的列头?"]);
  });
});

describe("a rate where lower is better, a whole percent ten times its target under 1%", () => {
  // ZB8 as a death rate in percent (target 0.02%): 0.05 typed where 0.05% was meant reads as 5%,
  // and would take every point off: asked, as 0.99% for 99% is where higher is better; so is 0.01
  // for 0.01%, within the target (read 1%, fifty times it: it was not asked). 0.05% typed and 0.15%
  // (not a whole percent) are left alone.
  const text = readFileSync(FILE, "utf8").replace("    unit: number\n    display: 起/万人\n    direction: lower\n", "    direction: lower\n").replace("        indicator: ZB8\n        target: 8\n", "        indicator: ZB8\n        target: 0.02%\n");
  const file = join(scratchDir("assess-lower-rate-"), "township-comprehensive-2026.1.yaml");
  writeFileSync(file, text);
  it("is questioned at its cell with the rate meant", async () => {
    const lower = loadRubric(FILE, new TextEncoder().encode(text), "test").rubric!;
    const all = structuredClone(spec.values) as Record<string, Record<string, Value>>;
    for (const [unit, v] of [["柳河镇", "0.05"], ["石桥镇", "0.05%"], ["白马镇", "0.15%"], ["河西街道", "3%"], ["双河乡", "0.01"]] as const) Object.assign((all[unit] ??= {}), { ZB8: v });
    const { diagnostics } = await readMemBook(fill(await templateBook(lower, spec.units, "2026", "柳河区"), all, []), "in.xlsx", file);
    const said = diagnostics.filter((d) => d.code.startsWith("workbook.rate-implausible"));
    expect(said.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`)).toEqual([
      "workbook.rate-implausible-high in.xlsx: 指标数据!I2 “柳河镇” 的 ZB8 为 5%,远高于目标 0.02%(越低越好);是否应为 0.05%(带百分号填写)?如确为 5%,可忽略本提示",
      "workbook.rate-implausible-high in.xlsx: 指标数据!I7 “双河乡” 的 ZB8 为 1%,远高于目标 0.02%(越低越好);是否应为 0.01%(带百分号填写)?如确为 1%,可忽略本提示",
      "workbook.rate-implausible-high in.xlsx: 指标数据!I10 “河西街道” 的 ZB8 为 3%,远高于目标 0.02%(越低越好);是否应为 0.03%(带百分号填写)?如确为 3%,可忽略本提示",
    ]);
  });
});

/**
 * The sample read under the bundled rubric edited (`from` → `to`), with 柳河镇's `values` set: its
 * problems of a value typed more finely than it is held, and whether it is valid.
 */
async function finerUnder(dir: string, from: string, to: string, values: Record<string, Value>): Promise<{ said: Diagnostic[]; ok: boolean }> {
  const text = readFileSync(FILE, "utf8");
  expect(text).toContain(from);
  const file = join(scratchDir(dir), "township-comprehensive-2026.1.yaml");
  writeFileSync(file, text.replace(from, to));
  const all = structuredClone(spec.values) as Record<string, Record<string, Value>>;
  Object.assign((all["柳河镇"] ??= {}), values);
  const r = await readMemBook(fill(await templateBook(rubric, spec.units, "2026", "柳河区"), all, []), "in.xlsx", file);
  return { said: r.diagnostics.filter((d) => d.code.startsWith("workbook.finer")), ok: r.ok };
}

describe("a count typed more finely than it is held, at a gate", () => {
  // ZB5 (较大及以上生产安全事故, a gate of at most 0) allowed parts of one (not whole), as a rate per
  // so many would be: 0.004 is held as 0, which meets the gate, where 0.004 as typed vetoes.
  it("is an error at its cell that says the veto the rounding hides", async () => {
    const { said, ok } = await finerUnder("assess-finer-gate-", "    direction: lower\n    whole: true                     # a count of whole things: 0.5起 is refused\n", "    direction: lower\n", { ZB5: 0.004 });
    expect(said.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["workbook.finer-not-vetoed in.xlsx: 指标数据!F2"]);
    expect(message("zh-CN", said[0]!.code, said[0]!.data)).toBe("“柳河镇”填的 0.004起 比 0.01 更精细,数量和金额只精确到 0.01,按 0起 计:达到一票否决指标 安全生产底线(SH1) 的目标,按所填的 0.004起 则未达到,应被一票否决。请在方案中把该指标改用更小的计量单位(如 人/亿元 改为 人/百亿元,数值随之乘以 100),或核对所填的数");
    expect(ok).toBe(false);
  });
});

describe("an amount typed more finely than it is held, across a threshold", () => {
  // ZB8 made an amount in 万元 (a threshold of at most 8): 8.004万元 is held as 8, which meets it.
  it("is told a smaller unit of money (元 for 万元), not one of a rate per so many people", async () => {
    const { said } = await finerUnder("assess-finer-amount-", "    name: 刑事案件万人发案率\n    unit: number\n    display: 起/万人\n", "    name: 刑事案件损失\n    unit: amount\n    display: 万元\n", { ZB8: 8.004 });
    expect(said.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["workbook.finer-points in.xlsx: 指标数据!I2"]);
    expect(message("zh-CN", said[0]!.code, said[0]!.data)).toContain("请在方案中把该指标改用更小的计量单位(如 万元 改为 元,数值随之乘以 10000),或核对所填的数");
    expect(message("en", said[0]!.code, said[0]!.data)).toContain("(元 for 万元, its values times 10000)");
  });
});

describe("a unit on the sheets of two kinds", () => {
  /** The template filled as the sample is, 区城投集团's row pasted under the departments (read first: its own row on 区属国企 is the second); that row's number. */
  const pasted = async (): Promise<{ book: MemBook; last: number }> => {
    const book = fill(await templateBook(rubric, spec.units, "2026", "柳河区"), structuredClone(spec.values) as Record<string, Record<string, Value>>, []);
    const ws = book.sheetNamed("区直部门");
    const last = Math.max(...ws.rows.keys()) + 1;
    for (const [col, c] of ws.rows.get(2) ?? []) ws.setAt(last, col, c.value.t === "n" || c.value.t === "s" ? c.value.v : null);
    ws.setAt(last, 1, "区城投集团");
    return { book, last };
  };

  it("is said at the row on the sheet of the kind the template's list does not give it, naming its own row (it was said at its own row, to delete the one in the wrong place)", async () => {
    const { book, last } = await pasted();
    const { diagnostics, ok } = await readMemBook(book);
    expect(ok).toBe(false);
    expect(diagnostics.filter((d) => d.code === "workbook.unit-two-kinds")).toEqual([]);
    const said = diagnostics.filter((d) => d.code.startsWith("workbook.unit-kind-not-listed"));
    expect(said.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual([`workbook.unit-kind-not-listed-also in.xlsx: 区直部门!A${last}`]);
    expect(message("zh-CN", said[0]!.code, said[0]!.data)).toBe("“区城投集团” 在模板的单位名单(_lists 工作表)中是区属国有企业,它的行在 区属国企!A2 等处,这一行却在区直部门的工作表上;一个单位只能属于一类:请删去这一行(其中如有它的得分,先填到区属国有企业的工作表上)");
  });

  /** The sample's book, 区财政局's row pasted onto 经济发展 (read before 区直部门, where its own row stays): that row's number, and its own's. */
  const deptOnTowns = async (): Promise<{ book: MemBook; last: number; own: number }> => {
    const book = fill(await templateBook(rubric, spec.units, "2026", "柳河区"), structuredClone(spec.values) as Record<string, Record<string, Value>>, []);
    const towns = book.sheetNamed("经济发展");
    const last = Math.max(...towns.rows.keys()) + 1;
    for (const [col, c] of towns.rows.get(2) ?? []) towns.setAt(last, col, c.value.t === "n" || c.value.t === "s" ? c.value.v : null);
    towns.setAt(last, 1, "区财政局");
    const depts = book.sheetNamed("区直部门");
    const own = [...depts.rows].find(([, cells]) => {
      const v = cells.get(1)?.value;
      return v?.t === "s" && v.v === "区财政局";
    })?.[0];
    expect(own).toBeDefined();
    return { book, last, own: own! };
  };

  it("still says the slips in its own row, read second (a tester's find: 28分 there went unsaid until the pasted row was deleted)", async () => {
    // 区财政局 pasted onto 经济发展 (read first), its own row on 区直部门 kept, with two slips in it.
    const { book, last, own } = await deptOnTowns();
    const depts = book.sheetNamed("区直部门");
    depts.setAt(own, 2, 999);
    depts.setAt(own, 3, "28分");
    const { diagnostics } = await readMemBook(book);
    const said = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${formatLocation(d.location!)}`);
    expect(said.sort()).toEqual([`workbook.points-out-of-range in.xlsx: 区直部门!B${own}`, `workbook.points-with-unit in.xlsx: 区直部门!C${own}`, `workbook.unit-kind-not-listed-also in.xlsx: 经济发展!A${last}`]);
  });

  it("in a template whose list gives no kinds, still says the slips in the row read second (which row is in the wrong place is the clerk's to see: a reviewer's find)", async () => {
    const { book, own } = await deptOnTowns();
    const lists = book.sheetNamed("_lists");
    for (const r of lists.rows.keys()) lists.setAt(r, LISTS_UNIT_KINDS, null);
    book.sheetNamed("区直部门").setAt(own, 3, "28分");
    const { diagnostics } = await readMemBook(book);
    const said = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${formatLocation(d.location!)}`);
    expect(said).toContain(`workbook.unit-two-kinds in.xlsx: 区直部门!A${own}`);
    expect(said).toContain(`workbook.points-with-unit in.xlsx: 区直部门!C${own}`);
  });

  it("in a template whose list gives no kinds, is said naming both rows and both kinds as the rubric names them (it said 镇街和部门, one row alone)", async () => {
    const { book, last } = await pasted();
    const lists = book.sheetNamed("_lists");
    for (const r of lists.rows.keys()) lists.setAt(r, LISTS_UNIT_KINDS, null);
    const { diagnostics } = await readMemBook(book);
    const said = diagnostics.filter((d) => d.code === "workbook.unit-two-kinds");
    expect(said.map((d) => formatLocation(d.location!))).toEqual(["in.xlsx: 区属国企!A2"]);
    expect(message("zh-CN", said[0]!.code, said[0]!.data)).toBe(`“区城投集团” 已作为区直部门出现在 区直部门!A${last},这里又出现在区属国有企业的工作表中;一个单位只能属于一类,请删去放错的那一行`);
    expect(message("en", said[0]!.code, said[0]!.data)).toBe(`"区城投集团" is on 区直部门!A${last} as one of the 区直部门, and here on a sheet of the 区属国有企业; a unit is of one kind only: delete the row that is in the wrong place`);
  });
});

describe("a unit on the sheets of another kind than the template's list gives it", () => {
  /** The sample's book, 区财政局's values moved from 区直部门 onto the three town sheets under `name`, its indicators left as a department's; the rows it went to. */
  const moved = async (name = "区财政局"): Promise<{ book: MemBook; rows: Record<string, number> }> => {
    const book = fill(await templateBook(rubric, spec.units, "2026", "柳河区"), structuredClone(spec.values) as Record<string, Record<string, Value>>, []);
    const depts = book.sheetNamed("区直部门");
    const at = [...depts.rows].find(([, cells]) => {
      const v = cells.get(1)?.value;
      return v?.t === "s" && v.v === "区财政局";
    })?.[0];
    expect(at).toBeDefined();
    depts.deleteRow(at!);
    const rows: Record<string, number> = {};
    for (const sheet of ["经济发展", "社会治理", "党的建设"]) {
      const ws = book.sheetNamed(sheet);
      const last = Math.max(...ws.rows.keys()) + 1;
      for (const [col, c] of ws.rows.get(2) ?? []) ws.setAt(last, col, c.value.t === "n" || c.value.t === "s" ? c.value.v : null);
      ws.setAt(last, 1, name);
      rows[sheet] = last;
    }
    return { book, rows };
  };
  const errors = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.severity === "error").map((d) => `${d.code} ${formatLocation(d.location!)}`);

  it("is an error at each of its rows there, in place of what reading it as that kind found (a department pasted onto the town sheets was scored as a town, and took a 街道组 prize)", async () => {
    const { book, rows } = await moved();
    const { diagnostics, ok } = await readMemBook(book);
    expect(ok).toBe(false);
    expect(errors(diagnostics)).toEqual(["经济发展", "社会治理", "党的建设"].map((s) => `workbook.unit-kind-not-listed in.xlsx: ${s}!A${rows[s]}`));
    const d = diagnostics.find((x) => x.code === "workbook.unit-kind-not-listed")!;
    expect(message("zh-CN", d.code, d.data)).toBe("“区财政局” 在模板的单位名单(_lists 工作表)中是区直部门,这一行却在乡镇(街道)的工作表上,会按乡镇(街道)计分、排名和评奖:区直部门的行应填在工作表 区直部门 中,请把它移过去;如它确已改为乡镇(街道),请用新的单位名单重新生成模板,再把数据复制过去");
  });

  it("keeps what is so of it as its own kind too: a second row of it on 指标数据 that differs (a reviewer's find: it was withdrawn)", async () => {
    const { book } = await moved();
    const rates = book.sheetNamed("指标数据");
    const first = [...rates.rows].find(([, cells]) => {
      const v = cells.get(1)?.value;
      return v?.t === "s" && v.v === "区财政局";
    })?.[0];
    const last = Math.max(...rates.rows.keys()) + 1;
    for (const [col, c] of rates.rows.get(first!) ?? []) rates.setAt(last, col, c.value.t === "n" || c.value.t === "s" ? c.value.v : null);
    rates.set(`K${last}`, { percent: 0.9 });
    const { diagnostics } = await readMemBook(book);
    expect(errors(diagnostics)).toContain(`workbook.duplicate-unit-differs in.xlsx: 指标数据!A${last}`);
  });

  it("is found where the list writes its name in another width (区财政局(本级) listed, 区财政局（本级） on the sheets: a reviewer's find, scored as a town unsaid)", async () => {
    const { book, rows } = await moved("区财政局（本级）");
    for (const ws of [book.sheetNamed("指标数据"), book.sheetNamed("_lists")])
      for (const [r, cells] of ws.rows)
        for (const [col, c] of cells) if (c.value.t === "s" && c.value.v === "区财政局") ws.setAt(r, col, ws === book.sheetNamed("_lists") ? "区财政局(本级)" : "区财政局（本级）");
    const { diagnostics } = await readMemBook(book);
    expect(errors(diagnostics)).toEqual(["经济发展", "社会治理", "党的建设"].map((s) => `workbook.unit-kind-not-listed in.xlsx: ${s}!A${rows[s]}`));
  });
});

describe("a fraction of a count of whole things", () => {
  it("names the whole counts either side of it to enter", async () => {
    const d = (await read({ values: { 柳河镇: { ZB6: "1.5起" } } })).diagnostics.find((x) => x.code === "workbook.quantity-not-whole");
    expect(message("zh-CN", d!.code, d!.data)).toBe("ZB6 是计数,应为整数:1.5起 不是整数,请填 1 或 2");
    expect(message("en", d!.code, d!.data)).toBe("ZB6 is a count and must be a whole number: 1.5起 is not; enter 1 or 2");
  });
});

describe("an amount typed more finely than 0.01 where an item scores it by rank", () => {
  const zb4 = (name: string): number => {
    const v = (spec.values[name] as Record<string, Value> | undefined)?.ZB4;
    return typeof v === "number" ? v : Number.NaN;
  };
  it("is an error where holding it to 0.01 ties it with another unit of its group the numbers typed keep apart", async () => {
    // 柳河镇 0.004 万元 above 石桥镇 (both 乡镇组): held level, JJ4 (招商引资, by rank) would tie them.
    const other = zb4("石桥镇");
    expect(Number.isFinite(other)).toBe(true);
    const tied = await read({ values: { 柳河镇: { ZB4: other + 0.004 } } });
    const said = tied.diagnostics.filter((d) => d.code.startsWith("workbook.finer"));
    expect(said.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["workbook.finer-tie in.xlsx: 指标数据!E2"]);
    expect(message("zh-CN", said[0]!.code, said[0]!.data)).toContain("与“石桥镇”相同:招商引资(JJ4) 按名次计分,两者并列,按所填的数则不并列");
    // Both typed alike: they tie as typed too; nothing said. Nor where no other is level.
    expect((await read({ values: { 柳河镇: { ZB4: other + 0.004 }, 石桥镇: { ZB4: other + 0.004 } } })).diagnostics.filter((d) => d.code.startsWith("workbook.finer"))).toEqual([]);
    expect((await read({ values: { 柳河镇: { ZB4: other + 0.504 } } })).diagnostics.filter((d) => d.code.startsWith("workbook.finer"))).toEqual([]);
  });
});

describe("a number far too large for its cell (a pasted ID, a slip of many digits)", () => {
  const said = async (c: Omit<Case, "name" | "expected">, prefix: string): Promise<string[]> => {
    const r = await read(c);
    return r.diagnostics.filter((d) => d.code.startsWith(prefix)).map((d) => `${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
  };

  it("is said as the number it is, not as digits invented or Infinity.NaN (a deduction), nor as no number (an amount), nor as no valid points (a claim's)", async () => {
    expect(await said({ values: { 柳河镇: { SH3: -1e22 } } }, "workbook.deduction")).toEqual(["in.xlsx: 社会治理!B2 SH3 是扣分制,填扣除的分数,不带负号:扣 1e+22 分请填 1e+22(0 到 15)"]);
    expect(await said({ values: { 柳河镇: { SH3: -1e307 } } }, "workbook.deduction")).toEqual(["in.xlsx: 社会治理!B2 SH3 是扣分制,填扣除的分数,不带负号:扣 1e+307 分请填 1e+307(0 到 15)"]);
    expect(await said({ values: { 柳河镇: { ZB2: 1e15 } } }, "workbook.quantity-too-large")).toEqual(["in.xlsx: 指标数据!C2 “1000000000000000” 过大,不像是这一项的数(无法精确到 0.01 计算);请核对所填的数(单位:万元)"]);
    expect(await said({ ledger: [{ unit: "柳河镇", code: "KF3", points: 10_000_000, status: "已认定" }] }, "workbook.ledger-points")).toEqual(["in.xlsx: 加扣分!E2 KF3 的分值 10000000 超出 0.5–3;请填 0.5 到 3 之间的分数"]);
  });
});

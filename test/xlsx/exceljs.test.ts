// Real-world output: a workbook written by exceljs reads correctly, also after rewriting it the
// way other producers write (no r attributes, inline strings, prefixed namespace, odd part name).
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "./helpers.js";
import { type RawBook, type RawCell } from "../../src/xlsx/read/index.js";

let original: Uint8Array;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("成绩");
  ws.getCell("A1").value = "单位 ";
  ws.getCell("B1").value = 0.95;
  ws.getCell("B1").numFmt = "0.00%";
  ws.getCell("C1").value = new Date(Date.UTC(2024, 2, 1));
  ws.getCell("D1").value = { formula: "B1*2", result: 1.9 };
  ws.getCell("E1").value = { formula: "B1+1" } as ExcelJS.CellFormulaValue;
  ws.getCell("F1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("G1").value = true;
  ws.getCell("H1").value = { richText: [{ text: "富", font: { bold: true } }, { text: "文本\u00a0" }] };
  ws.getCell("A2").value = 2;
  ws.getRow(2).hidden = true;
  ws.getCell("A3").value = "合并";
  ws.mergeCells("A3:B4");
  const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("A1").value = 7;
  original = new Uint8Array(await wb.xlsx.writeBuffer());
});

async function read(bytes: Uint8Array): Promise<RawBook> {
  const r = await readXlsx("ej.xlsx", bytes);
  expect(r.diagnostics).toEqual([]);
  return r.book!;
}

const brief = (c: RawCell) => [c.ref, c.value, c.formula];

function expectContent(b: RawBook): void {
  expect(b.sheets.map((s) => [s.name, s.hidden])).toEqual([["成绩", false], ["隐藏", true]]);
  const [s1, s2] = b.sheets;
  expect(s1?.rows[0]?.map(brief)).toEqual([
    ["A1", { t: "s", v: "单位 " }, false],
    ["B1", { t: "n", v: 0.95, fmt: "percent" }, false],
    ["C1", { t: "n", v: 45352, fmt: "date" }, false],
    ["D1", { t: "n", v: 1.9, fmt: "general" }, true],
    ["E1", { t: "formula-no-result", formula: "B1+1" }, true],
    ["F1", { t: "e", v: "#N/A" }, false],
    ["G1", { t: "b", v: true }, false],
    ["H1", { t: "s", v: "富文本\u00a0" }, false],
  ]);
  expect(s1?.rows.slice(1).map((r) => r.map(brief))).toEqual([
    [["A2", { t: "n", v: 2, fmt: "general" }, false]],
    [["A3", { t: "s", v: "合并" }, false]],
  ]);
  expect([...(s1?.hiddenRows ?? [])]).toEqual([2]);
  expect(s1?.merges).toEqual(["A3:B4"]);
  expect(s2?.rows.map((r) => r.map(brief))).toEqual([[["A1", { t: "n", v: 7, fmt: "general" }, false]]]);
}

/** Rewrites exceljs's output the way other producers write. */
function rewrite(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
  // Row 1 without r attributes, A1 as an inline string.
  sheet = sheet.replace(/<row r="1"[^>]*>.*?<\/row>/, (row) =>
    row.replace(/<row r="1"/, "<row").replace(/<c r="[A-Z]+1"/g, "<c").replace(/<c t="s"><v>0<\/v><\/c>/, '<c t="inlineStr"><is><t xml:space="preserve">单位 </t></is></c>'),
  );
  // Every element under a prefix instead of the default namespace.
  sheet = sheet.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, "<$1x:$2").replace('xmlns="', 'xmlns:x="');
  delete files["xl/worksheets/sheet1.xml"];
  files["xl/data/成绩表.xml"] = strToU8(sheet);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!).replace(/Target="(\/xl\/)?worksheets\/sheet1\.xml"/, 'Target="/xl/data/%E6%88%90%E7%BB%A9%E8%A1%A8.xml"');
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  return zipSync(files);
}

describe("exceljs-written workbooks", () => {
  it("reads percent, date, shared and rich strings, formulas with and without results, errors, booleans, merges, hidden rows and sheets", async () => {
    expectContent((await read(original)));
  });

  it("reads the same after rewriting: no r attributes, inline string, prefixed namespace, oddly named absolute part", async () => {
    const rewritten = rewrite(original);
    const xml = strFromU8(unzipSync(rewritten)["xl/data/成绩表.xml"]!);
    expect(xml).toContain("<x:c t=\"inlineStr\">");
    expect(xml).not.toContain('<x:c r="B1"');
    expectContent((await read(rewritten)));
  });
});

// A form turned into an Excel Table (插入 → 表格) with its total row switched on (表设计 → 汇总行):
// the row under the units holds 平均值 or 计数 beside no name. It is the table's, not a unit's: said
// once at its row and not read, whatever it holds (an average is no column's sum, a count stood in
// the name column and was taken for a name).
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { diagnosticLines, load } from "../helpers/load.js";

const SAMPLE = "samples/qingshan-2026.xlsx";

/** The sample with 党政线's row 16 set by `total` (a total row's cells), and, where `table`, A1:K16 an Excel Table whose last row is its total row. */
async function withTotalRow(total: (ws: ExcelJS.Worksheet) => void, table: boolean, sheet = "党政线", ref = "A1:K16"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(sheet);
  total(ws);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (!table) return bytes;
  const files = unzipSync(bytes);
  // The sheet's part, through the workbook's relationships.
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(strFromU8(files["xl/workbook.xml"] ?? new Uint8Array()))?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array()))?.[1]?.replace(/^\/?(xl\/)?/, "xl/");
  if (!target) throw new Error("sheet part");
  const relsPart = target.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = files[relsPart] ? strFromU8(files[relsPart]) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  files[relsPart] = strToU8(rels.replace("</Relationships>", '<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>'));
  const width = (/:([A-Z])/.exec(ref)?.[1] ?? "A").charCodeAt(0) - 64;
  const columns = Array.from({ length: width }, (_, i) => `<tableColumn id="${i + 1}" name="列${i + 1}"/>`).join("");
  files["xl/tables/table1.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T1" displayName="T1" ref="${ref}" totalsRowCount="1" headerRowCount="1"><autoFilter ref="${ref.replace(/\d+$/, (n) => String(Number(n) - 1))}"/><tableColumns count="${width}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  const types = strFromU8(files["[Content_Types].xml"] ?? new Uint8Array());
  files["[Content_Types].xml"] = strToU8(types.replace("</Types>", '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'));
  const xml = strFromU8(files[target] ?? new Uint8Array());
  // tableParts goes after everything but extLst.
  files[target] = strToU8(xml.includes("<extLst>") ? xml.replace("<extLst>", '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts><extLst>') : xml.replace("</worksheet>", '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>'));
  return zipSync(files);
}

/** 平均值 under the points (no column's sum), nothing where the name goes. */
const averages = (ws: ExcelJS.Worksheet): void => {
  for (let col = 2; col <= 11; col++) ws.getCell(16, col).value = { formula: `SUBTOTAL(101,${String.fromCharCode(64 + col)}2:${String.fromCharCode(64 + col)}15)`, result: 7.25 } as ExcelJS.CellFormulaValue;
};
/** 计数 in the name column (14 units), a sum under the last item. */
const count = (ws: ExcelJS.Worksheet): void => {
  ws.getCell("A16").value = { formula: "SUBTOTAL(103,A2:A15)", result: 14 } as ExcelJS.CellFormulaValue;
  ws.getCell("K16").value = { formula: "SUBTOTAL(109,K2:K15)", result: 101.5 } as ExcelJS.CellFormulaValue;
};

describe("an Excel Table's total row", () => {
  it("of averages beside no name is said at its row and not read: the workbook scores", async () => {
    const r = await load("in.xlsx", await withTotalRow(averages, true));
    const lines = diagnosticLines(r.diagnostics);
    expect(lines).toContain("warning workbook.table-total-row 党政线!A16");
    expect(lines.filter((l) => !l.startsWith("warning "))).toEqual([]);
    expect(r.submission?.units.map((u) => u.name)).toHaveLength(22);
  });

  it("of a count in the name column is no unit named 14", async () => {
    const r = await load("in.xlsx", await withTotalRow(count, true));
    const lines = diagnosticLines(r.diagnostics);
    expect(lines).toContain("warning workbook.table-total-row 党政线!A16");
    expect(lines.filter((l) => !l.startsWith("warning "))).toEqual([]);
    expect(r.submission?.units.some((u) => u.name === "14")).toBe(false);
  });

  it("is the table's only: the same row in no table is still asked about", async () => {
    const r = await load("in.xlsx", await withTotalRow(averages, false));
    expect(diagnosticLines(r.diagnostics)).toContain("workbook.missing-unit-name 党政线!A16");
    const c = await load("in.xlsx", await withTotalRow(count, false));
    expect(diagnosticLines(c.diagnostics)).toContain("workbook.bad-unit-name 党政线!A16");
  });

  it("on the ledger is no claim", async () => {
    // 加扣分's claims are rows 2–22: a count of the claims under the 单位 column as the table's total row.
    const ledger = (ws: ExcelJS.Worksheet): void => {
      ws.getCell("A23").value = { formula: "SUBTOTAL(103,A2:A22)", result: 21 } as ExcelJS.CellFormulaValue;
    };
    const before = await load("in.xlsx", await withTotalRow(ledger, false, "加扣分"));
    expect(diagnosticLines(before.diagnostics).filter((l) => !l.startsWith("warning "))).not.toEqual([]);
    const r = await load("in.xlsx", await withTotalRow(ledger, true, "加扣分", "A1:I23"));
    const lines = diagnosticLines(r.diagnostics);
    expect(lines).toContain("warning workbook.table-total-row-ledger 加扣分!A23");
    expect(lines.filter((l) => !l.startsWith("warning "))).toEqual([]);
    // No unit's: not the claim's above it.
    expect(r.diagnostics.find((d) => d.code === "workbook.table-total-row-ledger")?.unit).toBeUndefined();
  });
});

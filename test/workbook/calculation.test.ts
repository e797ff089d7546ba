// A workbook set to calculate by hand (Excel's 手动计算) and not before saving keeps its formulas'
// last results, which may be out of date: said at the first cell read whose number is a formula's,
// and only then. (By default one calculated by hand is calculated as it is saved: its results are current.)
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { load } from "../helpers/load.js";

const SAMPLE = "samples/qingshan-2026.xlsx";

/** The sample with 党政线!B2 a formula (its result saved), or with no formula at all, set to calculate by hand (and not on saving) or not. */
async function sample(o: { formula: boolean; manual: boolean; onSave?: boolean; ledger?: boolean }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("党政线");
  if (!ws) throw new Error("no 党政线");
  const b2 = ws.getCell("B2");
  const points = Number(b2.value);
  if (o.formula) b2.value = { formula: `${points}*1`, result: points };
  // (The sample's 指标数据 computes its rates: left so, they are its formulas; else their results typed in.)
  else
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula) c.value = c.result as ExcelJS.CellValue;
        }),
      ),
    );
  // A claim's count a formula's result (1*1).
  if (o.ledger) wb.getWorksheet("加扣分")!.getCell("C2").value = { formula: "1*1", result: 1 };
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const xml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  expect(xml).toContain("<calcPr ");
  const set = o.manual ? xml.replace("<calcPr ", `<calcPr calcMode="manual" ${o.onSave ? "" : 'calcOnSave="0" '}`) : xml;
  return zipSync({ ...files, "xl/workbook.xml": strToU8(set) });
}

const said = async (bytes: Uint8Array): Promise<string[]> => (await load("q.xlsx", bytes)).diagnostics.filter((d) => d.code === "workbook.manual-calculation").map((d) => `${d.severity} ${JSON.stringify(d.location)}`);

describe("a workbook set to calculate by hand", () => {
  it("is said at the first formula's cell read: its saved result may be out of date", async () => {
    expect(await said(await sample({ formula: true, manual: true }))).toEqual([`warning ${JSON.stringify({ file: "q.xlsx", sheet: "党政线", cell: "B2" })}`]);
  });

  it("is said at a claim's figure too, where that is the first formula read", async () => {
    expect(await said(await sample({ formula: false, manual: true, ledger: true }))).toEqual([`warning ${JSON.stringify({ file: "q.xlsx", sheet: "加扣分", cell: "C2" })}`]);
  });

  it("says nothing where it calculates as usual, or where no figure read is a formula's", async () => {
    expect(await said(await sample({ formula: true, manual: false }))).toEqual([]);
    expect(await said(await sample({ formula: false, manual: true }))).toEqual([]);
    // Calculated by hand but as it is saved (Excel's default): its saved results are current.
    expect(await said(await sample({ formula: true, manual: true, onSave: true }))).toEqual([]);
  });
});

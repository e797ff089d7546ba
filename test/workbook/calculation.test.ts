// A workbook set to calculate by hand (Excel's 手动计算) keeps its formulas' last results, which may
// be out of date: said at the first cell read whose number is a formula's, and only then.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { load } from "../helpers/load.js";

const SAMPLE = "samples/qingshan-2026.xlsx";

/** The sample with 党政线!B2 a formula (its result saved), or with no formula at all, set to calculate by hand or not. */
async function sample(o: { formula: boolean; manual: boolean }): Promise<Uint8Array> {
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
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const xml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  expect(xml).toContain("<calcPr ");
  const set = o.manual ? xml.replace("<calcPr ", '<calcPr calcMode="manual" ') : xml;
  return zipSync({ ...files, "xl/workbook.xml": strToU8(set) });
}

const said = async (bytes: Uint8Array): Promise<string[]> => (await load("q.xlsx", bytes)).diagnostics.filter((d) => d.code === "workbook.manual-calculation").map((d) => `${d.severity} ${JSON.stringify(d.location)}`);

describe("a workbook set to calculate by hand", () => {
  it("is said at the first formula's cell read: its saved result may be out of date", async () => {
    expect(await said(await sample({ formula: true, manual: true }))).toEqual([`warning ${JSON.stringify({ file: "q.xlsx", sheet: "党政线", cell: "B2" })}`]);
  });

  it("says nothing where it calculates as usual, or where no figure read is a formula's", async () => {
    expect(await said(await sample({ formula: true, manual: false }))).toEqual([]);
    expect(await said(await sample({ formula: false, manual: true }))).toEqual([]);
  });
});

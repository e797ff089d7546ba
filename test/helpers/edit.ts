// A workbook a test changes as a clerk would: a copy of `from` read with exceljs, edited, and
// written to `to` in `dir`; its path.
import { join } from "node:path";
import ExcelJS from "exceljs";

export async function editedCopy(dir: string, from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  const out = join(dir, to);
  await wb.xlsx.writeFile(out);
  return out;
}

/** Every row of every sheet whose first cell names one of `units` (its name trimmed), deleted: units taken out of a workbook. */
export function withoutUnits(wb: ExcelJS.Workbook, units: (name: string) => boolean): void {
  for (const ws of wb.worksheets) {
    const rows: number[] = [];
    ws.eachRow((row, i) => {
      const name = row.getCell(1).value;
      if (typeof name === "string" && units(name.trim())) rows.push(i);
    });
    for (const i of rows.reverse()) ws.spliceRows(i, 1);
  }
}

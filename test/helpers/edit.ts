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

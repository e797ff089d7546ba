// Shared by the report tests: the sample scored through the real pipeline, a copy of the sample
// with units renamed (for escaping), and reading a report workbook back with exceljs.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadInput } from "../../src/cli/input.js";
import { score } from "../../src/engine/index.js";
import type { Results, UnitResult } from "../../src/model/results.js";
import type { Cover, Submission } from "../../src/model/submission.js";
import type { Rubric } from "../../src/rubric/model.js";

export const SAMPLE = "samples/qingshan-2026.xlsx";
/** A fixed report date: 15 September 2026, local time. */
export const DATE = new Date(2026, 8, 15, 10, 0, 0);

export interface Scored {
  rubric: Rubric;
  submission: Submission;
  results: Results;
  cover: Cover;
}

export async function scoreFile(file: string): Promise<Scored> {
  const input = await loadInput(file, undefined);
  if (!input.rubric || !input.submission) throw new Error(JSON.stringify(input.diagnostics));
  return { rubric: input.rubric, submission: input.submission, results: score(input.rubric, input.submission), cover: input.submission.cover };
}

export function unit(results: Results, name: string): UnitResult {
  const u = results.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}

/** A scratch folder removed after the calling test file (call at its top level or in a hook). */
export { scratchDir as tempDir } from "../helpers/tmp.js";

/** Copies the sample with unit names replaced in every cell that holds exactly the old name. */
export async function renamedSample(renames: Record<string, string>, dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string" && v.trim() in renames) cell.value = renames[v.trim()] ?? v;
      }),
    ),
  );
  const file = join(dir, "renamed.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every row of a worksheet as the cells' display texts, 1-based rows kept by index. */
export function texts(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = c.isMerged && c.master !== c ? "" : c.text));
    rows[n - 1] = cells;
  });
  return rows;
}

export async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

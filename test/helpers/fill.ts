// Builds input workbooks for tests and samples: the real template, filled through exceljs the way
// an assessor fills it. Values are given per unit and code; cells may be numbers, text, formulas.
import type { CellValue, Workbook, Worksheet } from "exceljs";
import ExcelJS from "exceljs";
import { buildTemplate, type TemplateUnit } from "../../src/workbook/template.js";
import type { Rubric } from "../../src/rubric/model.js";
import { headerCode } from "../../src/workbook/layout.js";

export type Value = CellValue | { percent: number };

export interface LedgerRow {
  unit: string;
  code: string;
  count?: Value;
  level?: string;
  points?: Value;
  status: string;
  flag?: string;
  note?: string;
  evidence?: string;
}

export interface FillSpec {
  year?: string;
  district?: string;
  units: TemplateUnit[];
  /** unit → code → value (judged items, ZB/MB rates). Missing codes stay blank. */
  values: Record<string, Record<string, Value>>;
  ledger?: LedgerRow[];
  /** Last chance to change the workbook (rename a sheet, add rows...). */
  edit?: (wb: Workbook) => void;
}

function setValue(ws: Worksheet, row: number, col: number, v: Value): void {
  const cell = ws.getCell(row, col);
  if (v !== null && typeof v === "object" && "percent" in v) {
    cell.value = v.percent;
    cell.numFmt = "0.00%";
  } else {
    cell.value = v;
  }
}

export async function fillWorkbook(rubric: Rubric, spec: FillSpec): Promise<Workbook> {
  const buf = await buildTemplate(rubric, { year: spec.year ?? "2026", district: spec.district ?? "青山区", units: spec.units });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  wb.eachSheet((ws) => {
    const head = ws.getRow(1);
    const cols = new Map<string, number>();
    head.eachCell((c, col) => {
      const code = typeof c.value === "string" ? headerCode(c.value) : undefined;
      if (code) cols.set(code, col);
    });
    if (!cols.size) return;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const name = row.getCell(1).value;
      if (typeof name !== "string") return;
      const vals = spec.values[name];
      if (!vals) return;
      for (const [code, col] of cols) {
        const v = vals[code];
        if (v !== undefined) setValue(ws, r, col, v);
      }
    });
  });
  const ledger = wb.getWorksheet("加扣分");
  // Each field in the column its heading names (a scheme without 未如实上报 has no column for it:
  // 说明 and 依据 stand one to the left).
  const headings = new Map<string, number>();
  ledger?.getRow(1).eachCell((cell, col) => headings.set(String(cell.value ?? "").trim(), col));
  const HEADINGS = { unit: "单位", code: "代码", count: "数量", level: "级别", points: "分值", status: "状态", flag: "未如实上报", note: "说明", evidence: "依据" } as const;
  (spec.ledger ?? []).forEach((e, i) => {
    if (!ledger) return;
    const r = i + 2;
    for (const [field, heading] of Object.entries(HEADINGS) as [keyof typeof HEADINGS, string][]) {
      const v: Value | undefined = e[field];
      if (v === undefined) continue;
      const col = headings.get(heading);
      if (col === undefined) throw new Error(`the template's 加扣分 has no ${heading} column for the row's ${field}`);
      setValue(ledger, r, col, v);
    }
  });
  spec.edit?.(wb);
  return wb;
}

export async function fillToBuffer(rubric: Rubric, spec: FillSpec): Promise<Buffer> {
  const wb = await fillWorkbook(rubric, spec);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

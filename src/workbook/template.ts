// Writes the blank input workbook for a rubric (assess template): cover, one sheet per line, the
// measured-rates sheet and the ledger, with validation, clause-text comments and print setup.
import type { DataValidation, Worksheet } from "exceljs";
import type { LeafItem, Rubric, UnitKindId } from "../rubric/model.js";
import { leaves } from "../rubric/model.js";
import { formatPoints, formatRate } from "../model/numbers.js";
import { COVER_LABELS, LEDGER_COLUMNS, SHEET, UNIT_HEADER } from "./layout.js";
import { colName } from "../xlsx/refs.js";
import { xmlSafe } from "../xlsx/escape.js";

export interface TemplateUnit {
  readonly name: string;
  readonly kind: UnitKindId;
}

export interface TemplateOptions {
  readonly year: string;
  readonly district: string;
  readonly units: readonly TemplateUnit[];
}

const WIDE_COLUMNS = 16;

/** Rows prepared with validation when no units are given. */
const BLANK_ROWS = 60;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const FONT = { name: "等线", size: 11 };

function header(ws: Worksheet, values: string[], height = 48): void {
  const row = ws.getRow(1);
  values.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = v;
    c.font = { ...FONT, bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.border = { bottom: { style: "thin" } };
  });
  row.height = height;
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  // A wide sheet prints across pages at full size with the name column repeated; a narrow one
  // fits the page width.
  ws.pageSetup =
    values.length > WIDE_COLUMNS
      ? { paperSize: 9, orientation: "landscape", printTitlesRow: "1:1", printTitlesColumn: "A:A" }
      : { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}

function fillNames(ws: Worksheet, names: readonly string[]): number {
  names.forEach((n, i) => {
    ws.getCell(i + 2, 1).value = xmlSafe(n);
  });
  return Math.max(names.length, BLANK_ROWS) + 1;
}

function validationRows(ws: Worksheet, last: number, col: number, dv: DataValidation): void {
  for (let r = 2; r <= last; r++) ws.getCell(r, col).dataValidation = dv;
}

function itemHeader(item: LeafItem): string {
  return `${item.code} ${item.name}(${formatPoints(item.max)}分)`;
}

export async function buildTemplate(rubric: Rubric, opts: TemplateOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "assess";
  wb.title = `${opts.district}${opts.year}年度${rubric.title}`;

  const cover = wb.addWorksheet(SHEET.cover);
  cover.getCell("A1").value = `${opts.district}${opts.year}年度 ${rubric.title} 考核工作簿`;
  cover.getCell("A1").font = { ...FONT, size: 16, bold: true };
  cover.getCell("A1").alignment = { vertical: "middle", wrapText: true };
  cover.mergeCells("A1:B1");
  cover.getRow(1).height = 48;
  cover.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  const coverRows: [string, string][] = [
    [COVER_LABELS.rubricId, rubric.id],
    [COVER_LABELS.rubricVersion, rubric.version],
    [COVER_LABELS.year, opts.year],
    [COVER_LABELS.district, xmlSafe(opts.district)],
    ["方案名称", rubric.title],
    ["生效日期", rubric.effective],
  ];
  coverRows.forEach(([k, v], i) => {
    cover.getCell(i + 3, 1).value = k;
    cover.getCell(i + 3, 1).font = { ...FONT, bold: true };
    cover.getCell(i + 3, 2).value = v;
  });
  const help = [
    "填写说明:",
    "1. 各考核线工作表:每行一个单位,按列填写评定分值(0 至满分,最小单位 0.5 分)。表头中的代码(如 DZ3.2)不要改动。",
    "2. 指标数据:比率填写为百分数(如 95% 或 0.95);目标(MB)按责任书下达指标填写。",
    "3. 加扣分:每条加分、扣分或单项奖认定一行;只有状态为“已认定”的记录计分。",
    "4. 填好后运行 assess validate 检查,再运行 assess score 计分。",
  ];
  help.forEach((h, i) => {
    const r = coverRows.length + 4 + i;
    cover.getCell(r, 1).value = h;
    cover.getCell(r, 1).alignment = { wrapText: true, vertical: "top" };
    cover.mergeCells(r, 1, r, 2);
    cover.getRow(r).height = i === 0 ? 18 : 34;
  });
  cover.getColumn(1).width = 16;
  cover.getColumn(2).width = 60;


  for (const kind of rubric.unitKinds) {
    const names = opts.units.filter((u) => u.kind === kind.id).map((u) => u.name);
    for (const line of rubric.lines.filter((l) => kind.lines.includes(l.code))) {
      const ws = wb.addWorksheet(line.sheet);
      const judged = leaves(line.items).filter((l) => l.kind === "judged");
      header(ws, [UNIT_HEADER, ...judged.map(itemHeader)], 64);
      ws.getColumn(1).width = 16;
      const last = fillNames(ws, names);
      judged.forEach((item, i) => {
        const col = i + 2;
        ws.getColumn(col).width = 14;
        ws.getCell(1, col).note = { texts: [{ text: xmlSafe(item.text) }] };
        const ref = `${colName(col)}2`;
        validationRows(ws, last, col, {
          type: "custom",
          allowBlank: true,
          formulae: [`AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${formatPoints(item.max)},MOD(${ref}*2,1)=0)`],
          showErrorMessage: true,
          errorTitle: item.code,
          error: `请填写 0 到 ${formatPoints(item.max)} 之间的分值,最小单位 0.5 分`,
          showInputMessage: true,
          promptTitle: `${item.code} 满分 ${formatPoints(item.max)}`,
          prompt: item.name,
        });
        for (let r = 2; r <= last; r++) ws.getCell(r, col).numFmt = "0.0";
      });
    }
  }

  const measuredKinds = rubric.unitKinds.filter((k) =>
    rubric.lines.filter((l) => k.lines.includes(l.code)).some((l) => leaves(l.items).some((i) => i.kind !== "judged")),
  );
  if (measuredKinds.length) {
    const ws = wb.addWorksheet(SHEET.indicators);
    const cols = [
      ...rubric.indicators.map((i) => ({ code: i.code, label: `${i.code} ${i.name}`, note: i.name })),
      ...rubric.targets.map((t) => ({
        code: t.code,
        label: `${t.code} ${t.name}`,
        note: `${t.name}${t.default !== undefined ? `(未填写时按 ${formatRate(t.default)})` : ""}`,
      })),
    ];
    header(ws, [UNIT_HEADER, ...cols.map((c) => c.label)], 64);
    ws.getColumn(1).width = 16;
    const names = opts.units.filter((u) => measuredKinds.some((k) => k.id === u.kind)).map((u) => u.name);
    const last = fillNames(ws, names);
    cols.forEach((c, i) => {
      const col = i + 2;
      ws.getColumn(col).width = 16;
      ws.getCell(1, col).note = { texts: [{ text: c.note }] };
      validationRows(ws, last, col, {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, 1],
        showErrorMessage: true,
        errorTitle: c.code,
        error: "请填写 0% 到 100% 之间的比率,如 95%",
      });
      for (let r = 2; r <= last; r++) ws.getCell(r, col).numFmt = "0.00%";
    });
  }

  const ledger = wb.addWorksheet(SHEET.ledger);
  header(ledger, LEDGER_COLUMNS.map(([w]) => w), 24);
  const widths: Record<string, number> = { unit: 16, code: 10, count: 8, level: 10, points: 8, status: 12, flag: 12, note: 40, evidence: 30 };
  LEDGER_COLUMNS.forEach(([, f], i) => {
    ledger.getColumn(i + 1).width = widths[f] ?? 12;
  });
  ledger.getCell(1, 2).note = { texts: [{ text: rubric.ledger.map((c) => `${c.code} ${c.name}`).join("\n") }] };
  const lists = wb.addWorksheet("_lists", { state: "hidden" });
  const listCols: string[][] = [
    opts.units.filter((u) => u.kind === "town").map((u) => xmlSafe(u.name)),
    rubric.ledger.map((c) => c.code),
    [...new Set(rubric.ledger.flatMap((c) => Object.keys(c.levels ?? {})))],
    [...rubric.statuses.counted, ...rubric.statuses.pending, ...rubric.statuses.rejected],
    [rubric.flaggedWords.yes[0] ?? "是", rubric.flaggedWords.no[0] ?? "否"],
  ];
  listCols.forEach((vals, i) => vals.forEach((v, r) => (lists.getCell(r + 1, i + 1).value = v)));
  const listRef = (i: number): string => {
    const col = colName(i + 1);
    return `_lists!$${col}$1:$${col}$${Math.max(1, listCols[i]?.length ?? 1)}`;
  };
  const byField: Partial<Record<string, DataValidation>> = {
    ...(listCols[0]?.length ? { unit: { type: "list", allowBlank: true, formulae: [listRef(0)] } } : {}),
    code: { type: "list", allowBlank: true, formulae: [listRef(1)], showErrorMessage: true, error: "代码不在方案中" },
    level: { type: "list", allowBlank: true, formulae: [listRef(2)] },
    status: { type: "list", allowBlank: true, formulae: [listRef(3)], showErrorMessage: true, error: "状态只能为:已认定、申报中、不予认定" },
    flag: { type: "list", allowBlank: true, formulae: [listRef(4)] },
    count: { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [1], showErrorMessage: true, error: "数量为正整数" },
    points: { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 1000] },
  };
  LEDGER_COLUMNS.forEach(([, f], i) => {
    const dv = byField[f];
    if (dv) validationRows(ledger, 200, i + 1, dv);
  });

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

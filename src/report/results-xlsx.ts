// The result workbook of `assess score`: the four rankings, the per-item detail, the award list
// and the provenance (rubric id, version, hashes), written with exceljs's streaming writer.
import type { Worksheet } from "exceljs";
import type { ItemResult, RankingResult, Results, UnitResult } from "../engine/model.js";
import { message, type Lang } from "../messages/index.js";
import { formatRate, pointsToNumber } from "../rubric/numbers.js";
import { awardText, awardsCell, statusText } from "./labels.js";
import { xmlSafe } from "../workbook/sanitize.js";

type Cell = string | number | null;

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const VETO_FONT = { color: { argb: "FFC00000" } };

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number; numFmt?: string }[];
  rows: { cells: Cell[]; vetoed?: boolean }[];
}

function t(lang: Lang, code: string, data: Record<string, string | number> = {}): string {
  return message(lang, code, data);
}

function rankingSheet(r: RankingResult, results: Results, lang: Lang): SheetSpec {
  const byName = new Map(results.units.map((u) => [u.name, u]));
  const first = r.entries.map((e) => byName.get(e.unit)).find((u): u is UnitResult => u !== undefined);
  const lineCodes = first ? Object.keys(first.subtotals) : [];
  const lineNames = first ? first.lines.map((l) => l.name) : [];
  const isTotal = r.by === "total";
  const columns = [
    { header: t(lang, "out.rank"), width: 7 },
    { header: t(lang, "out.unit"), width: 18 },
    ...(isTotal
      ? [
          ...lineNames.map((n) => ({ header: n, width: 12 })),
          { header: t(lang, "out.bonus"), width: 8 },
          { header: t(lang, "out.deduction"), width: 8 },
          { header: t(lang, "out.total"), width: 10 },
          { header: t(lang, "out.awards"), width: 40 },
        ]
      : [{ header: lineNames[lineCodes.indexOf(r.by)] ?? r.by, width: 12 }]),
    { header: t(lang, "out.status"), width: 12 },
  ];
  const rows = r.entries.flatMap((e) => {
    const u = byName.get(e.unit);
    if (!u) return [];
    const cells: Cell[] = [
      e.rank,
      xmlSafe(u.name),
      ...(isTotal
        ? [...lineCodes.map((c) => pointsToNumber(u.subtotals[c] ?? 0)), pointsToNumber(u.bonus), pointsToNumber(u.deduction), pointsToNumber(u.total), awardsCell(u, lang)]
        : [pointsToNumber(e.value)]),
      statusText(u, lang),
    ];
    return [{ cells, vetoed: u.vetoed }];
  });
  return { name: r.name, columns, rows };
}

function detailSheet(results: Results, lang: Lang): SheetSpec {
  const rows: SheetSpec["rows"] = [];
  for (const u of results.units) {
    const walk = (items: readonly ItemResult[], depth: number): void => {
      for (const i of items) {
        const why = i.kind === "group" ? "" : message(lang, i.reason.code, i.reason.data);
        const src = i.kind !== "group" && i.source ? `${i.source.sheet}!${i.source.cell}` : "";
        rows.push({
          cells: [xmlSafe(u.name), i.code, `${"  ".repeat(depth)}${i.name}`, pointsToNumber(i.points), pointsToNumber(i.max), pointsToNumber(i.lost), why, src],
          vetoed: i.kind !== "group" && i.vetoes === true,
        });
        if (i.kind === "group") walk(i.children, depth + 1);
      }
    };
    for (const l of u.lines) {
      rows.push({ cells: [xmlSafe(u.name), l.code, l.name, pointsToNumber(l.points), pointsToNumber(l.max), pointsToNumber(l.max - l.points), "", ""] });
      walk(l.items, 1);
    }
    for (const r of u.ledger) {
      const sign = r.kind === "deduction" ? -1 : 1;
      rows.push({
        cells: [xmlSafe(u.name), r.entry.code, xmlSafe(r.entry.note), r.counted ? sign * pointsToNumber(r.points) : 0, null, null, message(lang, r.reason.code, r.reason.data), `${r.entry.sheet}!${r.entry.at.cell}`],
      });
    }
    rows.push({
      cells: [xmlSafe(u.name), t(lang, "out.total"), u.floored ? t(lang, "total.floored") : "", pointsToNumber(u.total), null, null, u.vetoed ? t(lang, "status.vetoed") : "", ""],
      vetoed: u.vetoed,
    });
  }
  return {
    name: t(lang, "out.sheet.detail"),
    columns: [
      { header: t(lang, "out.unit"), width: 16 },
      { header: t(lang, "out.code"), width: 11 },
      { header: t(lang, "out.item"), width: 30 },
      { header: t(lang, "out.points"), width: 8 },
      { header: t(lang, "out.max"), width: 8 },
      { header: t(lang, "out.lost"), width: 8 },
      { header: t(lang, "out.why"), width: 50 },
      { header: t(lang, "out.source"), width: 16 },
    ],
    rows,
  };
}

function awardsSheet(results: Results, lang: Lang): SheetSpec {
  const order = ["rank", "single", "warning", "veto"] as const;
  const rows: SheetSpec["rows"] = [];
  const overall = results.rankings[0];
  const rankOf = (u: UnitResult): number => (overall ? (u.ranks[overall.id] ?? 9999) : 0);
  for (const kind of order) {
    const units = results.units.filter((u) => u.awards.some((a) => a.kind === kind)).sort((a, b) => rankOf(a) - rankOf(b));
    for (const u of units) {
      for (const a of u.awards.filter((x) => x.kind === kind)) {
        const amount = a.kind === "single" ? a.amount : a.kind === "rank" ? (a.amount ?? null) : null;
        const basis =
          a.kind === "single"
            ? `${a.basis.sheet}!${a.basis.cell}`
            : a.kind === "veto"
              ? `${a.indicator} ${formatRate(a.value)} < ${formatRate(a.target)}`
              : a.kind === "rank"
                ? t(lang, "out.overall-rank", { rank: rankOf(u) })
                : t(lang, "out.total-is", { total: pointsToNumber(u.total) });
        rows.push({ cells: [t(lang, `out.award-kind.${kind}`), xmlSafe(u.name), awardText(a, lang), amount, basis], vetoed: kind === "veto" });
      }
    }
  }
  return {
    name: t(lang, "out.sheet.awards"),
    columns: [
      { header: t(lang, "out.category"), width: 12 },
      { header: t(lang, "out.unit"), width: 16 },
      { header: t(lang, "out.award"), width: 56 },
      { header: t(lang, "out.amount"), width: 10 },
      { header: t(lang, "out.basis"), width: 28 },
    ],
    rows,
  };
}

export function infoSheet(results: Results, lang: Lang, tool: string): SheetSpec {
  const rows: [string, string][] = [
    [t(lang, "out.info.rubric"), `${results.rubric.id} ${results.rubric.version}`],
    [t(lang, "out.info.title"), results.rubric.title],
    [t(lang, "out.info.rubric-sha"), results.rubric.sha256],
    [t(lang, "out.info.input"), xmlSafe(results.input.file)],
    [t(lang, "out.info.input-sha"), results.input.sha256],
    [t(lang, "out.info.tool"), tool],
  ];
  return {
    name: t(lang, "out.sheet.info"),
    columns: [
      { header: t(lang, "out.info.key"), width: 18 },
      { header: t(lang, "out.info.value"), width: 70 },
    ],
    rows: rows.map((r) => ({ cells: r })),
  };
}

export function resultSheets(results: Results, lang: Lang, tool: string): SheetSpec[] {
  return [
    ...results.rankings.map((r) => rankingSheet(r, results, lang)),
    detailSheet(results, lang),
    awardsSheet(results, lang),
    infoSheet(results, lang, tool),
  ];
}

function writeSheet(ws: Worksheet, spec: SheetSpec): void {
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  const head = ws.addRow(spec.columns.map((c) => c.header));
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    c.border = { bottom: { style: "thin" } };
  });
  head.height = 22;
  head.commit();
  for (const r of spec.rows) {
    const row = ws.addRow(r.cells);
    if (r.vetoed) row.eachCell((c) => (c.font = VETO_FONT));
    row.commit();
  }
}

/** Streams the result sheets into the file at path. */
export async function writeResultWorkbook(path: string, results: Results, lang: Lang, tool: string): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = "assess";
  for (const spec of resultSheets(results, lang, tool)) {
    const ws = wb.addWorksheet(spec.name, {
      views: [{ state: "frozen", xSplit: 2, ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    });
    writeSheet(ws, spec);
    ws.commit();
  }
  await wb.commit();
}

// The September ranking report as plain data (title, date, tables, chart bars, closing block),
// built once from the results and rendered alike by the Excel and the HTML writers.
import type { RankingResult, Results, UnitResult } from "../../model/results.js";
import { message, type Lang } from "../../messages/index.js";
import type { Cover } from "../../model/submission.js";
import type { Rubric } from "../../rubric/model.js";
import { planOf } from "../../rubric/plan.js";
import { xmlSafe } from "../../xlsx/escape.js";
import { pointsToNumber } from "../../model/numbers.js";
import { awardListRows } from "./awards.js";
import { awardsCell, statusText } from "../labels.js";

export type Cell = string | number | null;
/** How a column is shown: rank and name text, points, a share (fraction shown as %), money. */
export type ColKind = "rank" | "name" | "points" | "share" | "money" | "text";
export interface Column {
  readonly header: string;
  readonly kind: ColKind;
}
export interface Row {
  readonly cells: readonly Cell[];
  readonly mark?: "veto" | "warning";
}
export type TableKind = "overall" | "line" | "awards";
export interface Table {
  readonly kind: TableKind;
  readonly heading: string;
  /** The heading over a table's continuation on a later page. */
  readonly continued: string;
  readonly note: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Shown instead of an empty table. */
  readonly empty: string;
  /** The column that gets data bars (the totals). */
  readonly bar?: number;
}
export interface Bar {
  readonly name: string;
  readonly total: number;
  readonly vetoed: boolean;
}
export interface Report {
  readonly lang: Lang;
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly dateLine: string;
  readonly tables: readonly Table[];
  readonly chart: { readonly heading: string; readonly label: string; readonly ranked: string; readonly vetoed: string; readonly bars: readonly Bar[] };
  /** Provenance lines, then the office's seal line and the date line. */
  readonly closing: { readonly lines: readonly string[]; readonly office: string; readonly date: string };
  /** The page footer with {page} and {pages} placeholders. */
  readonly footer: string;
}

export interface ReportOptions {
  readonly lang: Lang;
  readonly cover: Cover;
  /** The report date (injectable for tests). */
  readonly date: Date;
  /** The tool and version, for the closing block. */
  readonly tool: string;
}

function clean(s: string | undefined): string {
  return xmlSafe(s ?? "").replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/** The title from the cover: district and year when present, gracefully without either. */
export function reportTitle(lang: Lang, cover: Cover): string {
  const district = clean(cover.district);
  const year = clean(cover.year).replace(/\s*(年度|年)$/, "");
  if (district && year) return message(lang, "report.title.full", { district, year });
  if (year) return message(lang, "report.title.year", { year });
  if (district) return message(lang, "report.title.district", { district });
  return message(lang, "report.title.none");
}

export function reportDate(lang: Lang, d: Date): string {
  // ISO-like digits in English (2026-09-15); Chinese writes them unpadded (2026年9月15日).
  const two = (n: number): string | number => (lang === "en" ? String(n).padStart(2, "0") : n);
  const date = message(lang, "report.date-format", { year: d.getFullYear(), month: two(d.getMonth() + 1), day: two(d.getDate()) });
  return message(lang, "report.date", { date });
}

function headings(name: string, lang: Lang): { heading: string; continued: string } {
  const heading = xmlSafe(name);
  return { heading, continued: message(lang, "report.continued", { heading }) };
}

/** The line codes and names of a ranking's unit kind. */
function linesOf(rubric: Rubric, r: RankingResult): { code: string; name: string; max: number }[] {
  return (planOf(rubric, r.unitKind)?.lines ?? []).map(({ line }) => ({ code: line.code, name: line.name, max: line.max }));
}

function overallTable(rubric: Rubric, r: RankingResult, units: readonly UnitResult[], lang: Lang): Table {
  const lines = linesOf(rubric, r);
  const columns: Column[] = [
    { header: message(lang, "out.rank"), kind: "rank" },
    { header: message(lang, "out.unit"), kind: "name" },
    ...lines.map((l) => ({ header: l.name, kind: "points" as const })),
    { header: message(lang, "out.bonus"), kind: "points" },
    { header: message(lang, "out.deduction"), kind: "points" },
    { header: message(lang, "out.total"), kind: "points" },
    { header: message(lang, "out.awards"), kind: "text" },
  ];
  const rows = r.entries.flatMap((e): Row[] => {
    const u = units[e.unit];
    if (!u) return [];
    const gates = u.vetoes.map((v) => `${v.gate} ${v.gateName}`).join(";");
    const remark = u.vetoed ? message(lang, "report.veto-gates", { gates }) : awardsCell(u, lang);
    const cells: Cell[] = [
      e.rank ?? statusText(u, lang),
      xmlSafe(u.name),
      ...lines.map((l) => pointsToNumber(u.subtotals[l.code] ?? 0)),
      pointsToNumber(u.bonus),
      pointsToNumber(u.deduction),
      pointsToNumber(u.total),
      xmlSafe(remark),
    ];
    const warned = u.awards.some((a) => a.kind === "warning");
    return [{ cells, ...(u.vetoed ? { mark: "veto" as const } : warned ? { mark: "warning" as const } : {}) }];
  });
  return { kind: "overall", ...headings(r.name, lang), note: message(lang, "report.count", { count: rows.length }), columns, rows, empty: "", bar: columns.length - 2 };
}

function lineTable(rubric: Rubric, r: RankingResult, units: readonly UnitResult[], lang: Lang): Table {
  const max = linesOf(rubric, r).find((l) => l.code === r.by)?.max ?? 0;
  const columns: Column[] = [
    { header: message(lang, "out.rank"), kind: "rank" },
    { header: message(lang, "out.unit"), kind: "name" },
    { header: message(lang, "report.col.score"), kind: "points" },
    { header: message(lang, "report.col.max"), kind: "points" },
    { header: message(lang, "report.col.share"), kind: "share" },
  ];
  const rows = r.entries.flatMap((e): Row[] => {
    const u = units[e.unit];
    if (!u) return [];
    const share = max > 0 ? Math.round((e.value / max) * 10000) / 10000 : null;
    const cells: Cell[] = [e.rank ?? statusText(u, lang), xmlSafe(u.name), pointsToNumber(e.value), pointsToNumber(max), share];
    return [{ cells, ...(u.vetoed ? { mark: "veto" as const } : {}) }];
  });
  return { kind: "line", ...headings(r.name, lang), note: message(lang, "report.count", { count: rows.length }), columns, rows, empty: "" };
}

function awardsTable(results: Results, overall: RankingResult | undefined, lang: Lang): Table {
  const columns: Column[] = [
    { header: message(lang, "out.category"), kind: "text" },
    { header: message(lang, "out.unit"), kind: "name" },
    { header: message(lang, "out.award"), kind: "text" },
    { header: message(lang, "out.amount"), kind: "money" },
    { header: message(lang, "out.basis"), kind: "text" },
  ];
  return { kind: "awards", ...headings(message(lang, "report.awards"), lang), note: "", columns, rows: awardListRows(results, overall, lang), empty: message(lang, "report.awards.none") };
}

export function buildReport(rubric: Rubric, results: Results, o: ReportOptions): Report {
  const { lang } = o;
  const units = results.units;
  const overall = results.rankings.find((r) => r.by === "total");
  const townKind = overall?.unitKind;
  const lineRankings = results.rankings.filter((r) => r !== overall);
  // Town line rankings first, then the other kinds' (departments), each in rubric order.
  const ordered = [...lineRankings.filter((r) => r.unitKind === townKind), ...lineRankings.filter((r) => r.unitKind !== townKind)];
  const tables: Table[] = [
    ...(overall ? [overallTable(rubric, overall, units, lang)] : []),
    ...ordered.filter((r) => r.entries.length > 0).map((r) => lineTable(rubric, r, units, lang)),
    awardsTable(results, overall, lang),
  ];
  const bars: Bar[] = (overall?.entries ?? []).flatMap((e) => {
    const u = units[e.unit];
    return u ? [{ name: xmlSafe(u.name), total: pointsToNumber(u.total), vetoed: u.vetoed }] : [];
  });
  const district = clean(o.cover.district);
  const fileName = clean(results.input.file.split(/[\\/]/).pop());
  return {
    lang,
    sheetName: message(lang, "report.sheet"),
    title: reportTitle(lang, o.cover),
    subtitle: message(lang, "report.subtitle"),
    dateLine: reportDate(lang, o.date),
    tables,
    chart: {
      heading: message(lang, "report.chart"),
      label: message(lang, "report.chart.label"),
      ranked: message(lang, "report.chart.ranked"),
      vetoed: message(lang, "report.chart.vetoed"),
      bars,
    },
    closing: {
      lines: [
        message(lang, "report.closing.rubric", { id: xmlSafe(results.rubric.id), version: xmlSafe(results.rubric.version), title: xmlSafe(results.rubric.title) }),
        message(lang, "report.closing.input", { file: fileName, sha: results.input.sha256.slice(0, 16) }),
        message(lang, "report.closing.tool", { tool: o.tool }),
      ],
      office: message(lang, "report.closing.office", { district }).trim(),
      date: message(lang, "report.closing.date"),
    },
    footer: message(lang, "report.footer"),
  };
}

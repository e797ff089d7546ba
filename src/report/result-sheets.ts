// The sheets of the result workbook of `assess score`: the four rankings, the per-item detail
// (split where a sheet would pass Excel's row limit), the award list and the provenance (rubric
// id, version, hashes). Rows are produced lazily, so a province-sized district streams.
import type { ItemResult, RankingResult, Results, UnitResult } from "../engine/model.js";
import { LANGS, message, type Lang } from "../messages/index.js";
import { formatPoints, formatRate, pointsToNumber } from "../rubric/numbers.js";
import type { Points } from "../rubric/model.js";
import { awardText, awardsCell, statusText } from "./labels.js";
import { xmlSafe } from "../workbook/sanitize.js";

type Cell = string | number | null;

export interface Row {
  readonly cells: readonly Cell[];
  readonly vetoed?: boolean;
}

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: Iterable<Row>;
  /** Height of the header row in points (wrapped item headers need more). */
  readonly headerHeight?: number;
  /** Columns kept in view when scrolling right (default: the first two). */
  readonly frozenColumns?: number;
}

/**
 * Which sheets of a workbook are result sheets of an earlier run (to be replaced, and never read
 * as input): those named like ours, in either language — but only in a workbook that also holds
 * our provenance sheet, so that a user's own sheet called 综合排名 is left alone.
 */
export function earlierResultSheets(rankingNames: readonly string[], sheetNames: readonly string[]): (name: string) => boolean {
  const info = LANGS.map((l) => t(l, "out.sheet.info"));
  if (!sheetNames.some((n) => info.includes(n))) return () => false;
  const exact = new Set([
    ...rankingNames,
    ...info,
    ...LANGS.flatMap((l) => [t(l, "out.sheet.awards"), ...["town", "department"].map((k) => t(l, "out.sheet.detail-kind", { kind: t(l, `explain.kind.${k}`) }))]),
  ]);
  const notes = LANGS.map((l) => t(l, "out.sheet.notes"));
  return (name) => exact.has(name) || notes.some((d) => name === d || new RegExp(`^${d} \\(\\d+\\)$`).test(name));
}

/** Data rows per sheet: Excel's 1,048,576 rows less the header. */
export const MAX_DATA_ROWS = 1_048_575;

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
  // Rows are made as the sheet is written, not held: a province's four rankings are large.
  const rows: Iterable<Row> = {
    *[Symbol.iterator]() {
      for (const e of r.entries) {
        const u = byName.get(e.unit);
        if (!u) continue;
        const cells: Cell[] = [
          e.rank,
          xmlSafe(u.name),
          ...(isTotal
            ? [...lineCodes.map((c) => pointsToNumber(u.subtotals[c] ?? 0)), pointsToNumber(u.bonus), pointsToNumber(u.deduction), pointsToNumber(u.total), awardsCell(u, lang)]
            : [pointsToNumber(e.value)]),
          statusText(u, lang),
        ];
        yield { cells, vetoed: u.vetoed };
      }
    },
  };
  return { name: r.name, columns, rows };
}

function itemHeader(i: { code: string; name: string; max: Points }): string {
  return `${i.code} ${i.name}(${formatPoints(i.max)})`;
}


/** Every item in rubric order, groups before their children (a plain walk: no generators). */
function flatItems(items: readonly ItemResult[], out: ItemResult[] = []): ItemResult[] {
  for (const i of items) {
    out.push(i);
    if (i.kind === "group") flatItems(i.children, out);
  }
  return out;
}

/**
 * 得分明细: a unit × item matrix per kind of unit, as assessors lay out their own sheets: one row
 * per unit; for each line its subtotal then every item (groups and leaves) in rubric order; then
 * bonus, deduction, total and status. A header names the item and its max.
 */
function matrixSheets(results: Results, lang: Lang): SheetSpec[] {
  const kinds = [...new Set(results.units.map((u) => u.kind))];
  return kinds.map((kind) => {
    const units = results.units.filter((u) => u.kind === kind);
    const first = units[0];
    const ranking = results.rankings.find((r) => r.unitKind === kind);
    const layout = (first?.lines ?? []).map((l) => ({ line: l, items: flatItems(l.items) }));
    // Name, rank, total and status first, kept in view (a veto is seen beside the name, on screen
    // and on the first printed page); then each line's subtotal and items; then bonus and deduction.
    const columns = [
      { header: t(lang, "out.unit"), width: 16 },
      { header: ranking ? `${t(lang, "out.rank")}(${ranking.name})` : t(lang, "out.rank"), width: 9 },
      { header: t(lang, "out.total"), width: 9 },
      { header: t(lang, "out.status"), width: 10 },
      ...layout.flatMap(({ line, items }) => [{ header: itemHeader(line), width: 11 }, ...items.map((i) => ({ header: itemHeader(i), width: 11 }))]),
      ...(kind === "town" ? [{ header: t(lang, "out.bonus"), width: 8 }, { header: t(lang, "out.deduction"), width: 8 }] : []),
    ];
    const rows: Iterable<Row> = {
      *[Symbol.iterator]() {
        for (const u of units) {
          const cells: Cell[] = [xmlSafe(u.name), ranking ? (u.ranks[ranking.id] ?? null) : null, pointsToNumber(u.total), statusText(u, lang)];
          for (let i = 0; i < u.flatPoints.length; i++) cells.push(pointsToNumber(u.flatPoints[i] ?? 0));
          if (kind === "town") cells.push(pointsToNumber(u.bonus), pointsToNumber(u.deduction));
          yield { cells, vetoed: u.vetoed };
        }
      },
    };
    return { name: t(lang, "out.sheet.detail-kind", { kind: t(lang, `explain.kind.${kind}`) }), columns, rows, headerHeight: 60, frozenColumns: 4 };
  });
}

/** 计分说明: what the matrix cannot show — measured items with their values and targets, every
 * ledger row (counted or not, and why), vetoes and totals floored at 0 — each with its cell. */
function* unitNotes(u: UnitResult, lang: Lang): Generator<Row> {
  const name = xmlSafe(u.name);
  for (const i of u.measuredItems()) {
    const src = i.source ? `${i.source.sheet}!${i.source.cell}` : "";
    yield { cells: [name, i.code, i.name, pointsToNumber(i.points), pointsToNumber(i.max), message(lang, i.reason.code, i.reason.data), src], vetoed: i.vetoes === true };
  }
  for (const r of u.ledger) {
    const sign = r.kind === "deduction" ? -1 : 1;
    yield {
      cells: [name, r.entry.code, xmlSafe(r.entry.note), r.counted && r.kind !== "single" ? sign * pointsToNumber(r.points) : null, null, message(lang, r.reason.code, r.reason.data), `${r.entry.sheet}!${r.entry.at.cell}`],
    };
  }
  if (u.floored) yield { cells: [name, t(lang, "out.total"), "", pointsToNumber(u.total), null, t(lang, "total.floored"), ""] };
}

/** Notes rows of a unit; measured is its kind's number of measured items (the same for all). */
function noteCount(u: UnitResult, measured: number): number {
  return measured + u.ledger.length + (u.floored ? 1 : 0);
}

/** The notes, as one sheet or, past Excel's row limit, several; a unit never straddles two. */
function notesSheets(results: Results, lang: Lang, maxRows: number): SheetSpec[] {
  const groups: UnitResult[][] = [[]];
  let rows = 0;
  const measured = new Map<string, number>();
  for (const u of results.units) {
    if (!measured.has(u.kind)) measured.set(u.kind, u.measuredItems().length);
    const n = noteCount(u, measured.get(u.kind) ?? 0);
    if (rows + n > maxRows && (groups.at(-1)?.length ?? 0) > 0) {
      groups.push([]);
      rows = 0;
    }
    groups.at(-1)?.push(u);
    rows += n;
  }
  const columns = [
    { header: t(lang, "out.unit"), width: 16 },
    { header: t(lang, "out.code"), width: 11 },
    { header: t(lang, "out.item"), width: 30 },
    { header: t(lang, "out.points"), width: 8 },
    { header: t(lang, "out.max"), width: 8 },
    { header: t(lang, "out.why"), width: 56 },
    { header: t(lang, "out.source"), width: 16 },
  ];
  return groups.map((units, i) => ({
    name: t(lang, "out.sheet.notes") + (i === 0 ? "" : ` (${i + 1})`),
    columns,
    rows: {
      *[Symbol.iterator]() {
        for (const u of units) yield* unitNotes(u, lang);
      },
    },
  }));
}

function awardsSheet(results: Results, lang: Lang): SheetSpec {
  const order = ["rank", "single", "warning", "veto"] as const;
  const rows: Row[] = [];
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

export function resultSheets(results: Results, lang: Lang, tool: string, maxRows = MAX_DATA_ROWS): SheetSpec[] {
  return [
    ...results.rankings.map((r) => rankingSheet(r, results, lang)),
    ...matrixSheets(results, lang),
    ...notesSheets(results, lang, maxRows),
    awardsSheet(results, lang),
    infoSheet(results, lang, tool),
  ];
}

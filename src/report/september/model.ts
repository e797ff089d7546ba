// The September ranking report as plain data (title, date, tables, chart bars, closing block),
// built once from the results and rendered alike by the Excel and the HTML writers.
import type { Award, RankingResult, Results, UnitResult } from "../../model/results.js";
import { message, type Lang } from "../../messages/index.js";
import { coverYear, type Cover } from "../../model/submission.js";
import type { Rubric } from "../../rubric/model.js";
import { lineHeading, planOf, rankKey } from "../../rubric/plan.js";
import { xmlSafe } from "../../xlsx/escape.js";
import { legalSheetName } from "../../xlsx/write/sheet-names.js";
import { cellRef } from "../../diagnostics/index.js";
import { formatPointsFixed, pointsToNumber } from "../../model/numbers.js";
import { awardListRows } from "./awards.js";
import { dayText } from "../day.js";
import { awardClaims, awardText, awardsCell, awardsHeading, outcomesWord, tableOutcomes, gradeCell, withheldSingles, givesAwards, givesMoney, ledgerHeadings, mainRankings, moneyTotal, tiersShared, vacancyNote, weightsNote, marksPending, ranksMove, showsAwards, statusText, tieBreakNote, tieColumns, unrankedNote, withoutAmount, type TieColumn } from "../labels.js";

export type Cell = string | number | null;
/** How a column is shown: rank and name text, points, a share (fraction shown as %), money. */
export type ColKind = "rank" | "name" | "points" | "share" | "money" | "text";
export interface Column {
  readonly header: string;
  readonly kind: ColKind;
  /** A short word the page keeps on one line (a grade: 不合格 broke as 不合 / 格 in its narrow column). */
  readonly nowrap?: boolean;
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
  /** A ranking by a line or an item that decides awards: its 奖惩 column last (it stands alone, not in a pair). */
  readonly awards?: boolean;
  /** A ranking by the total of a whole kind: its bar chart (HTML); `continued` heads each part after the first, where it is drawn in parts. */
  readonly chart?: { readonly heading: string; readonly continued: string; readonly label: string; readonly vetoed: string; readonly bars: readonly Bar[] };
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
  /** The charts' legend word for ranked units (each overall table carries its own heading and bars). */
  readonly chart: { readonly ranked: string; /** Said on a phone, where a chart is wider than the screen. */ readonly swipe: string };
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

/** The input's name as a report's closing block records it (数据来源:…): its file name, spaces squeezed. */
export function reportInputName(file: string): string {
  return clean(file.split(/[\\/]/).pop());
}

/**
 * Fills a rubric's words ({district}, {year}) from the cover; where the cover lacks one, the
 * placeholder goes, with the 年度 or 年 that follows a year.
 */
function fillCover(template: string, district: string, year: string): string {
  const t = year ? template : template.replace(/\{year\}\s*(年度|年)?/g, "");
  return t.replaceAll("{district}", district).replaceAll("{year}", year).replace(/\s+/g, " ").trim();
}

/** A scheme's name without the word for a document (办法, 实施细则…): what its results are called. */
function schemeName(title: string): string {
  // (Less a note in brackets after the word, 办法(试行), 办法(2020年修订): the results are no trial's or revision's.)
  return title.replace(/(?<=办法|方案|细则|规定|意见)\s*[(（][^()（）]*[)）]\s*$/u, "").replace(/(实施)?(办法|方案|细则|规定|意见)$/, "");
}

/**
 * A scheme's name less the district and year it begins with, where the title says them before it
 * (青山区2026年度乡镇综合考核 under 青山区 and 2026: 乡镇综合考核), so that they are not said twice.
 * A year of its own there (2025年度乡镇综合考核办法, last year's scheme kept for 2026) goes too:
 * the results are the cover's year's (2026年度乡镇综合考核结果, not 2026年2025年度…).
 */
function withoutCover(scheme: string, district: string, year: string): string {
  let rest = scheme;
  for (let pass = 0; pass < 2; pass++) {
    if (district && rest.startsWith(district)) rest = rest.slice(district.length).trimStart();
    if (year && rest.startsWith(year)) rest = rest.slice(year.length).replace(/^\s*(年度|年)?\s*/, "");
    else if (year) rest = rest.replace(/^(19|20)\d{2}\s*(年度|年)\s*/, "");
  }
  return rest === "" ? scheme : rest;
}

/**
 * The report's title as a rubric makes it, the cover's district and year as {district} and {year}
 * (rubric show: what the author checks, where the rubric leaves the title out, as it does the
 * issuer). A scheme name beginning with a district and year (柳河区2026年度…), or a year (2025年度…),
 * has the cover's put there, as the report does.
 */
export function reportTitleTemplate(lang: Lang, rubric: Pick<Rubric, "title" | "report">): string {
  if (rubric.report.title) return rubric.report.title;
  const title = rubric.title.replace(/^\S{1,12}?[区县市旗](?=(19|20)\d{2})/u, "").replace(/^(19|20)\d{2}\s*(年度|年)?\s*/u, "");
  return reportTitle(lang, { district: "{district}", year: "{year}" }, { ...rubric, title });
}

/**
 * The title: the rubric's report title filled from the cover, or the scheme's name with the
 * district and year from the cover, gracefully without either.
 */
export function reportTitle(lang: Lang, cover: Cover, rubric: Pick<Rubric, "title" | "report">): string {
  // A year typed in full-width digits (２０２６) or in Chinese (二〇二六) said as any other, as the result sheets say it.
  let year = coverYear(clean(cover.year));
  let district = districtOf(cover, year);
  if (rubric.report.title) return fillCover(clean(rubric.report.title), district, year);
  const scheme = withoutCover(clean(schemeName(rubric.title)), district, year);
  // What the scheme's name says still (柳河区2026年度乡镇综合考核 under a cover of 2026 alone) is not said before it.
  if (district && scheme.includes(district)) district = "";
  if (year && scheme.includes(`${year}年`)) year = "";
  // A name that says 年度 itself (市直单位年度绩效考评) takes the year as 2026年: 2026年度…年度 said it twice.
  const yearly = scheme.includes("年度") ? "-nian" : "";
  if (district && year) return message(lang, `report.title.full${yearly}`, { district, year, scheme });
  if (year) return message(lang, `report.title.year${yearly}`, { year, scheme });
  if (district) return message(lang, "report.title.district", { district, scheme });
  return message(lang, "report.title.none", { scheme });
}

/**
 * The cover's district, less the year where it was typed after it (柳河区2026年度 in the district's
 * cell, the year's cell saying 2026): said once in the title and the seal line, not twice.
 */
function districtOf(cover: Cover, year: string): string {
  const district = clean(cover.district);
  if (!year) return district;
  const m = /^(.+?)\s*(\d{4})\s*(年度|年)?$/.exec(district.normalize("NFKC"));
  return m && m[2] === year ? (m[1] ?? district) : district;
}

/** Who issues the report, for the seal line: the rubric's issuer filled from the cover, else the district. */
function issuer(cover: Cover, rubric: Rubric): string {
  const district = districtOf(cover, coverYear(clean(cover.year)));
  return rubric.report.issuer ? fillCover(clean(rubric.report.issuer), district, clean(cover.year)) : district;
}

export function reportDate(lang: Lang, d: Date): string {
  return message(lang, "report.date", { date: dayText(lang, d) });
}

function headings(name: string, lang: Lang): { heading: string; continued: string } {
  const heading = xmlSafe(name);
  return { heading, continued: message(lang, "report.continued", { heading }) };
}

/** The line codes, names (with the weight, where the total is weighted) and maxima of a ranking's unit kind. */
function linesOf(rubric: Rubric, r: RankingResult): { code: string; name: string; max: number }[] {
  const kind = rubric.unitKinds.find((k) => k.id === r.unitKind);
  return (planOf(rubric, r.unitKind)?.lines ?? []).map(({ line }) => ({ code: line.code, name: lineHeading(kind, line), max: line.max }));
}

function overallTable(rubric: Rubric, results: Results, r: RankingResult, units: readonly UnitResult[], lang: Lang, charted: boolean): Table {
  const lines = linesOf(rubric, r);
  const heads = ledgerHeadings(rubric, r.unitKind, lang);
  const ties = brokenTies(rubric, r, lang);
  // The grade this ranking gives, a column of its own as on its sheet (in the awards column, a
  // scheme of grades alone put its whole result under 奖惩).
  const graded = rubric.rankings.find((x) => x.id === r.id)?.grades !== undefined;
  // (The totals' column gets the data bars.)
  const total: Column = { header: message(lang, "out.total"), kind: "points" };
  const columns: Column[] = [
    { header: message(lang, "out.rank"), kind: "rank" },
    { header: message(lang, "out.unit"), kind: "name" },
    ...lines.map((l) => ({ header: l.name, kind: "points" as const })),
    ...heads.map(([, header]) => ({ header, kind: "points" as const })),
    ...ties.map((t) => ({ header: t.heading, kind: "points" as const })),
    total,
    ...(graded ? [{ header: message(lang, "out.award-kind.grade"), kind: "text" as const, nowrap: true }] : []),
    { header: awardsHeading(rubric, r, lang), kind: "text" },
  ];
  // The yellow cards whose units are marked: the legend says them by their names.
  const cards = new Set<string>();
  // A group's table, where the report ranks the whole kind by the total too (that table gives every
  // award of the unit): every award but the whole kind's grade (said on each of 175 rows, it buried
  // the group's prizes); cards and single-item awards, few, stay (a row shaded yellow says why).
  const own = r.group !== undefined && rubric.rankings.some((x) => x.unitKind === r.unitKind && x.group === undefined && x.by === "total");
  const mine = (a: Award): boolean => !own || a.kind !== "grade" || a.ranking === r.id;
  const rows = r.entries.flatMap((e): Row[] => {
    const u = units[e.unit];
    if (!u) return [];
    // A vetoed unit: each failed gate with its value and target, as every other output says it (the
    // gate alone read as another reason), the single-item awards it withholds, then the grade its
    // veto holds it to (where it keeps a rank): in the order the ranking sheets and the terminal give them.
    const vetoes = u.awards.filter((a) => a.kind === "veto").map((a) => awardText(a, lang, r.id));
    const held = u.awards.filter((a) => a.kind === "grade" && mine(a)).map((a) => awardText(a, lang, r.id));
    // A yellow card it still gets, kept ranked (last place): as its award list and the result sheets say.
    const carded = u.awards.filter((a) => a.kind === "warning").map((a) => awardText(a, lang, r.id));
    const remark = u.vetoed ? [...vetoes, ...withheldSingles(u, lang, r.by === "total" ? undefined : r.id), ...held, ...carded].join(message(lang, "list.parts")) : awardsCell(u, lang, r.id, own ? "grades" : false, undefined, graded);
    const cells: Cell[] = [
      rankCell(u, e.rank, r.id, lang),
      xmlSafe(u.name),
      ...lines.map((l) => pointsToNumber(u.subtotals[l.code] ?? 0)),
      ...heads.map(([key]) => pointsToNumber(u[key])),
      ...ties.map((t) => pointsToNumber(t.points(u))),
      pointsToNumber(u.total),
      // (Marked where pending claims may still change it, as its sheet's 等次 column marks it.)
      ...(graded ? [xmlSafe(gradeCell(u, r.id, lang))] : []),
      xmlSafe(remark),
    ];
    // Yellow for a card of this ranking, or of another (a town carded in 乡镇组 shown in 综合排名): the legend names it.
    const warned = u.awards.find((a) => a.kind === "warning" && a.ranking === r.id) ?? u.awards.find((a) => a.kind === "warning");
    if (warned?.kind === "warning" && !u.vetoed) cards.add(warned.name);
    return [{ cells, ...(u.vetoed ? { mark: "veto" as const } : warned ? { mark: "warning" as const } : {}) }];
  });
  // A chart for a kind's whole ranking (a group's would repeat part of it), or for each group's
  // where the kind is ranked only in groups.
  const bars: Bar[] = r.entries.flatMap((e) => {
    const u = units[e.unit];
    return u ? [{ name: xmlSafe(u.name), total: pointsToNumber(u.total), vetoed: u.vetoed }] : [];
  });
  // The vetoed towns' legend says whether they hold places (every one of them, or none: said; some: not).
  const vetoed = r.entries.filter((e) => units[e.unit]?.vetoed);
  const vetoedRanked = vetoed.filter((e) => e.rank !== null).length;
  const vetoedLegend = vetoedRanked === 0 ? "report.chart.vetoed" : vetoedRanked === vetoed.length ? "report.chart.vetoed-ranked" : "report.chart.vetoed-some";
  const chartHeading = message(lang, "report.chart", { ranking: xmlSafe(r.name) });
  // (Of two units at the least: one unit's chart, a lone dot, compares nothing.)
  const chart = charted && bars.length > 1 ? { chart: { heading: chartHeading, continued: message(lang, "report.continued", { heading: chartHeading }), label: message(lang, "report.chart.label", { ranking: xmlSafe(r.name) }), vetoed: message(lang, vetoedLegend), bars } } : {};
  // (A vetoed unit's cell says its veto, unmarked.)
  const pending = r.entries.some((e) => {
    const u = units[e.unit];
    return u !== undefined && !u.vetoed && marksPending(u, r.id, own ? "grades" : false);
  });
  const note = countNote(lang, rows, pending && tableOutcomes(rubric, r), cards.size ? [...cards].join(message(lang, "list.items")) : undefined, tieNote(rubric, r, lang), ranksMove({ units }, r), xmlSafe(weightsNote(rubric, r.unitKind, lang, "report.weights")), xmlSafe(vacancyNote(rubric, results, r, lang, "report.vacant")));
  return { kind: "overall", ...headings(r.name, lang), note, columns, rows, empty: "", bar: columns.indexOf(total), ...chart };
}

/** A unit's rank on a table: with where pending claims may still take it (8(8–9)), its status where it has none. */
function rankCell(u: UnitResult, rank: number | null, ranking: string, lang: Lang): Cell {
  if (rank === null) return statusText(u, lang);
  const range = u.certainty?.ranks[ranking];
  return range && range[0] !== range[1] ? message(lang, "report.rank-range", { rank, from: range[0], to: range[1] }) : rank;
}

/**
 * A table's count of units, with what its marks mean where it has them: red rows (vetoed units,
 * ranked or not), yellow ones (a yellow card, by the names of those marked) and awards marked pending (what may change them is said at the report's end);
 * then what broke a tie, where one was (`tie`), in the same brackets (two pairs side by side read as a slip).
 */
function countNote(lang: Lang, rows: readonly Row[], pending: false | "awards" | "grades", card: string | undefined, tie: string | undefined, ranges: boolean, weights = "", vacant = ""): string {
  const legend = [
    ...(rows.some((x) => x.mark === "veto") ? [message(lang, "report.legend-vetoed")] : []),
    // Yellow rows: the units the ranking's card went to, by the card's own name.
    ...(card !== undefined && rows.some((x) => x.mark === "warning") ? [message(lang, "report.legend-warned", { card })] : []),
    // (Grades, in a scheme's table of grades alone.)
    ...(pending ? [message(lang, "report.legend-pending", { what: pending })] : []),
    // A rank pending claims may still move is printed with where it may end (8(8–9)): the signed report does not present it as final.
    ...(ranges ? [message(lang, "report.legend-ranges")] : []),
    ...(tie !== undefined ? [tie] : []),
    // How a weighted kind's lines make the total (their columns hold points before the weight).
    ...(weights ? [weights] : []),
    // The prizes nobody holds, with why (a vetoed unit's place kept empty).
    ...(vacant ? [vacant] : []),
  ];
  return legend.length ? message(lang, "report.count-legend", { count: rows.length, legend: legend.join(message(lang, "list.parts")) }) : message(lang, "report.count", { count: rows.length });
}

/** What decided a tie the table may not show (南湖区 3rd, 青山县 4th, both 18.50); undefined where no tie was broken. */
function tieNote(rubric: Rubric, r: RankingResult, lang: Lang): string | undefined {
  return tieBreakNote(rubric, r, lang, "report.tie-note");
}

/**
 * The tie-breakers a table shows nowhere else (an item), each a column, where they parted units
 * level on the ranking's value: five departments at 89.00 ranked 104th to 108th by BM1, which the
 * report did not show, the note naming it alone.
 */
function brokenTies(rubric: Rubric, r: RankingResult, lang: Lang): TieColumn[] {
  return tieNote(rubric, r, lang) === undefined ? [] : tieColumns(rubric, r, lang);
}

function lineTable(rubric: Rubric, results: Results, r: RankingResult, units: readonly UnitResult[], lang: Lang): Table {
  const max = rankKey(rubric, r.unitKind, r.by)?.max ?? 0;
  // A ranking by a line or an item that decides awards (经济发展单项排名's single-item award) says
  // who won them, its own awards alone, as its result sheet does.
  const awards = showsAwards(rubric, r);
  const ties = brokenTies(rubric, r, lang);
  const columns: Column[] = [
    { header: message(lang, "out.rank"), kind: "rank" },
    { header: message(lang, "out.unit"), kind: "name" },
    { header: message(lang, "report.col.score"), kind: "points" },
    { header: message(lang, "report.col.max"), kind: "points" },
    { header: message(lang, "report.col.share"), kind: "share" },
    ...ties.map((t) => ({ header: t.heading, kind: "points" as const })),
    ...(awards ? [{ header: message(lang, "out.awards"), kind: "text" as const }] : []),
  ];
  const rows = r.entries.flatMap((e): Row[] => {
    const u = units[e.unit];
    if (!u) return [];
    const share = max > 0 ? Math.round((e.value / max) * 10000) / 10000 : null;
    const cells: Cell[] = [rankCell(u, e.rank, r.id, lang), xmlSafe(u.name), pointsToNumber(e.value), pointsToNumber(max), share, ...ties.map((t) => pointsToNumber(t.points(u))), ...(awards ? [xmlSafe(awardsCell(u, lang, r.id, true))] : [])];
    return [{ cells, ...(u.vetoed ? { mark: "veto" as const } : {}) }];
  });
  const pending = awards && r.entries.some((e) => units[e.unit]?.certainty?.open.some((o) => o.ranking === r.id) === true);
  const note = countNote(lang, rows, pending && tableOutcomes(rubric, r), undefined, tieNote(rubric, r, lang), ranksMove({ units }, r), "", xmlSafe(vacancyNote(rubric, results, r, lang, "report.vacant")));
  return { kind: "line", ...headings(r.name, lang), note, columns, rows, empty: "", ...(awards ? { awards: true } : {}) };
}

function awardsTable(rubric: Rubric, results: Results, order: readonly RankingResult[], lang: Lang): Table {
  // A scheme that gives no money: no column of amounts, always empty.
  const money = givesMoney(rubric);
  const columns: Column[] = [
    { header: message(lang, "out.category"), kind: "text" },
    { header: message(lang, "out.unit"), kind: "name" },
    { header: message(lang, "out.award"), kind: "text" },
    ...(money ? [{ header: message(lang, "out.amount"), kind: "money" as const }] : []),
    { header: message(lang, "out.basis"), kind: "text" },
  ];
  // The money it gives, in all, beside its heading (a leader's first question; a sum of the column by hand would count what pending claims may bring).
  // And where a tie at a tier's last place gave it to more units than it has places (four 一等奖 of three).
  const note = [moneyTotal(results, lang), tiersShared(rubric, results, lang)].filter((x) => x !== undefined).join(message(lang, "list.parts"));
  const rows = awardListRows(rubric, results, order, lang);
  return { kind: "awards", ...headings(message(lang, "report.awards"), lang), note, columns, rows: money ? rows : rows.map(withoutAmount), empty: message(lang, "report.awards.none") };
}

/**
 * While claims are pending: a line for each unit whose prizes or grade could still change, with
 * the claims that decide it; or one line saying that none can.
 */
function pendingLines(rubric: Rubric, results: Results, lang: Lang): string[] {
  if (!results.pendingRows) return [];
  // Each pending claim as a reader knows it: whose, which code and name, its level and status (and
  // its cell); gathered only where some unit's awards wait on claims.
  let claims: Map<string, string> | undefined;
  const gather = (): Map<string, string> => {
    const found = new Map<string, string>();
    const names = new Map(rubric.ledger.map((c) => [c.code, c.name]));
    for (const u of results.units) {
      for (const r of u.ledger) {
        if (r.counted || !rubric.statuses.pending.includes(r.entry.status)) continue;
        const e = r.entry;
        found.set(cellRef(e.at.sheet, e.at.cell), message(lang, "report.pending-claim", { unit: xmlSafe(u.name), code: e.code, name: xmlSafe(names.get(e.code) ?? ""), state: xmlSafe(e.level ? `${e.level}${lang === "en" ? ", " : ","}${e.status}` : e.status), cell: cellRef(e.at.sheet, e.at.cell) }));
      }
    }
    return found;
  };
  const described = (c: { sheet: string; cell: string }): string => (claims ??= gather()).get(cellRef(c.sheet, c.cell)) ?? cellRef(c.sheet, c.cell);
  const open = inTableOrder(results, results.units.filter((u) => u.certainty && !u.certainty.settled));
  // Said as it is: ranks that may move, else totals alone, else nothing at all; and the awards.
  const ranks = results.units.some((u) => Object.values(u.certainty?.ranks ?? {}).some(([a, b]) => a !== b));
  const totals = results.units.some((u) => u.certainty !== undefined && u.certainty.total[0] !== u.certainty.total[1]);
  // Whose ranks may move, and where they may end (the tables show each rank as it stands).
  // (And whose totals may move, ranks moving or not: the tables give each total as it stands.)
  const moving = ranks ? [...rankRanges(results, lang), ...totalRanges(rubric, results, lang)] : totals ? totalRanges(rubric, results, lang) : [];
  // A scheme that gives no awards at all (no prize, grade, card or single-item award): nothing said of awards.
  const gives = rubric.rankings.some(givesAwards);
  const none = ranks ? "report.pending-none" : totals ? "report.pending-none-ranks" : "report.pending-none-totals";
  if (!open.length) return [message(lang, gives ? none : `${none}-no-awards`), ...moving];
  const moves = ranks ? "report.pending-open" : totals ? "report.pending-open-ranks" : "report.pending-open-totals";
  // The units whose awards wait on claims follow the line that introduces them; whose ranks may move, after.
  // (Their grades, 等次, where their kinds' rankings give grades alone.)
  const outcomes = (kinds: ReadonlySet<string>): "awards" | "grades" => outcomesWord(rubric.rankings.filter((x) => kinds.has(x.unitKind)));
  // Units waiting on the same claims said in one line (a district's thirty claims: five towns each
  // listed the same three), in the order the first of them comes.
  const same = new Map<string, { names: string[]; cells: string; count: number; what: "awards" | "grades" }>();
  for (const u of open) {
    const claims = awardClaims(rubric, u);
    const cells = claims.map(described).join(lang === "en" ? "; " : ";");
    const what = outcomes(new Set([u.kind]));
    const key = `${what}\u0000${cells}`;
    const had = same.get(key);
    if (had) had.names.push(xmlSafe(u.name));
    else same.set(key, { names: [xmlSafe(u.name)], cells, count: claims.length, what });
  }
  const waits = [...same.values()].map((w) => message(lang, "report.pending-unit", { unit: w.names.join(message(lang, "list.items")), cells: w.cells, count: w.count, what: w.what }));
  return [message(lang, moves, { what: outcomes(new Set(open.map((u) => u.kind))) }), ...waits, ...moving];
}

/**
 * Units in the order the report's tables list them: by the first ranking each is in (its rank, a
 * tie by pinyin, as there), then any in none, as they came.
 */
function inTableOrder(results: Results, units: readonly UnitResult[]): UnitResult[] {
  const at = new Map<number, number>();
  for (const r of results.rankings) for (const e of r.entries) if (!at.has(e.unit)) at.set(e.unit, at.size);
  const index = new Map(results.units.map((u, i) => [u, i]));
  const pos = (u: UnitResult): number => at.get(index.get(u) ?? -1) ?? Number.MAX_SAFE_INTEGER;
  return [...units].sort((a, b) => pos(a) - pos(b));
}

/** Units whose rank pending claims may move, at most so many named (a province's may be many). */
const RANGES_NAMED = 30;

/** The line naming the units whose ranks may move, each with its ranking and range (青龙乡(综合排名 8–9)). */
function rankRanges(results: Results, lang: Lang): string[] {
  const names = new Map(results.rankings.map((r) => [r.id, r.name]));
  return rangesSaid(results, lang, "report.pending-ranges", (u) => {
    const ranges = Object.entries(u.certainty?.ranks ?? {}).filter(([, [a, b]]) => a !== b);
    return ranges.length ? ranges.map(([id, [a, b]]) => `${names.get(id) ?? id} ${a}–${b}`).join(lang === "en" ? "; " : ",") : undefined;
  });
}

/**
 * Where totals may move: whose, between what (the tables give each total as it stands), and on
 * which of its own claims (a leader asked what was pending: 青石镇(954.50–964.50) said not).
 */
function totalRanges(rubric: Rubric, results: Results, lang: Lang): string[] {
  const names = new Map(rubric.ledger.map((c) => [c.code, c.name]));
  const sep = lang === "en" ? ", " : ",";
  return rangesSaid(results, lang, "report.pending-totals", (u) => {
    const [lo, hi] = u.certainty?.total ?? [0, 0];
    if (lo === hi) return undefined;
    const range = `${formatPointsFixed(lo)}–${formatPointsFixed(hi)}`;
    // (Those that score: a single-item recognition, DX3, moves no total.)
    const own = u.ledger.filter((r) => !r.counted && r.kind !== "single" && rubric.statuses.pending.includes(r.entry.status)).map((r) => r.entry);
    if (!own.length) return range;
    const said = own.slice(0, CLAIMS_NAMED).map((e) => message(lang, "report.pending-own-claim", { code: e.code, name: xmlSafe(names.get(e.code) ?? ""), state: xmlSafe(e.level ? `${e.level}${sep}${e.status}` : e.status) }));
    const claims = said.join(lang === "en" ? "; " : ";") + (own.length > CLAIMS_NAMED ? message(lang, "report.pending-own-more", { count: own.length }) : "");
    return message(lang, "report.pending-total-claims", { range, claims });
  });
}

/** A unit's own pending claims named at most so many beside its total's range (the rest counted). */
const CLAIMS_NAMED = 3;

/** The units with a range (`of`), in table order, the first RANGES_NAMED by name, in one line (`code`, or its -more). */
function rangesSaid(results: Results, lang: Lang, code: string, of: (u: UnitResult) => string | undefined): string[] {
  const said: string[] = [];
  let more = 0;
  for (const u of inTableOrder(results, results.units)) {
    const ranges = of(u);
    if (ranges === undefined) continue;
    if (said.length >= RANGES_NAMED) {
      more++;
      continue;
    }
    said.push(message(lang, "report.pending-range", { unit: xmlSafe(u.name), ranges }));
  }
  if (!said.length) return [];
  return [message(lang, more ? `${code}-more` : code, { units: said.join(lang === "en" ? ", " : "、"), more })];
}

export function buildReport(rubric: Rubric, results: Results, o: ReportOptions): Report {
  const { lang } = o;
  const units = results.units;
  // Rankings by the total first (the kind's overall, then its groups'), then those by a line or
  // an item, each kind's together, in rubric order.
  const totals = results.rankings.filter((r) => r.by === "total");
  const others = results.rankings.filter((r) => r.by !== "total");
  const kinds = [...new Set(results.rankings.map((r) => r.unitKind))];
  const ordered = kinds.flatMap((k) => others.filter((r) => r.unitKind === k));
  const tables: Table[] = [
    ...totals.filter((r) => r.entries.length > 0).map((r) => overallTable(rubric, results, r, units, lang, mainRankings(results, r.unitKind).includes(r))),
    ...ordered.filter((r) => r.entries.length > 0).map((r) => lineTable(rubric, results, r, units, lang)),
    awardsTable(rubric, results, [...totals, ...ordered], lang),
  ];
  const fileName = reportInputName(results.input.file);
  return {
    lang,
    sheetName: legalSheetName(rubric.report.name ? clean(rubric.report.name) : message(lang, "report.sheet")),
    title: reportTitle(lang, o.cover, rubric),
    subtitle: rubric.report.name ? clean(rubric.report.name) : message(lang, "report.subtitle"),
    dateLine: reportDate(lang, o.date),
    tables,
    chart: { ranked: message(lang, "report.chart.ranked"), swipe: message(lang, "report.chart.swipe") },
    closing: {
      lines: [
        // One unit alone (a town's self-check): its ranks and prizes are no result to sign.
        ...(results.units.length === 1 ? [message(lang, "report.one-unit", { unit: xmlSafe(results.units[0]?.name ?? "") })] : []),
        ...pendingLines(rubric, results, lang),
        // A kind of the scheme with no units this year: its section left out, said (not lost unsaid).
        ...rubric.unitKinds.filter((k) => !results.units.some((u) => u.kind === k.id)).map((k) => message(lang, "report.kind-absent", { kind: xmlSafe(k.name) })),
        // And one whose units no ranking here ranks (幼儿园 assessed, not ranked): said, not left out unsaid.
        ...rubric.unitKinds.flatMap((k) => {
          const note = unrankedNote(results, k, lang, "report");
          return note ? [xmlSafe(note)] : [];
        }),
        message(lang, "report.closing.rubric", { id: xmlSafe(results.rubric.id), version: xmlSafe(results.rubric.version), title: xmlSafe(results.rubric.title) }),
        message(lang, "report.closing.input", { file: fileName, sha: results.input.sha256.slice(0, 16) }),
        message(lang, "report.closing.tool", { tool: o.tool }),
      ],
      office: sealLine(issuer(o.cover, rubric), lang),
      date: message(lang, "report.closing.date"),
    },
    footer: message(lang, "report.footer"),
  };
}

/** A seal already written in the rubric's issuer (…考核办(盖章)) is its seal line as it is: (盖章)(盖章) is not. */
const SEALED = /(?:[(（]\s*(?:盖章|印章|公章|签章|代章|章|seal)\s*[)）]|【\s*(?:盖章|印章|公章|签章|代章|章)\s*】|\[\s*(?:盖章|印章|公章|签章|代章|章|seal)\s*\])$/i;

/** The seal line: the issuer with (盖章) after it, unless the issuer ends with one. */
function sealLine(issuer: string, lang: Lang): string {
  const text = issuer.trim();
  return SEALED.test(text) ? text : message(lang, "report.closing.office", { issuer: text }).trim();
}

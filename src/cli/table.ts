// The rankings as terminal tables, fitted to the terminal's width: where the whole table would
// wrap, the line subtotals, then bonus and deduction are left out and the awards text is wrapped
// onto more lines in its column (--wide, or --json, for every column; output to a file or pipe is
// never narrowed). Colour only when allowed.
import { Chalk } from "chalk";
import type { Rubric } from "../rubric/model.js";
import { lineHeading, planOf, rankKey } from "../rubric/plan.js";
import type { RankingResult, Results, UnitResult } from "../model/results.js";
import { formatPoints } from "../model/numbers.js";
import { awardsCell, awardsHeading, awardText, tableOutcomes, groupPlace, ledgerHeadings, mainRankings, otherRankingsNote, unrankedNote, marksPending, rankRange, ranksMove, showsAwards, statusText, tieColumns, tieBreakNote, totalsMoving, vacancyNote, weightsNote } from "../report/labels.js";
import { displayWidth } from "../model/width.js";
import { boxTable, fill } from "./box.js";
import type { Ctx } from "./io.js";

/** Up to this many units are printed whole; a larger ranking shows its head and a count. */
const FULL_TABLE = 40;
const HEAD_ROWS = 30;
const MIN_AWARDS = 8;
/**
 * The awards column's width (20 Chinese characters a line) that columns are left out to keep: its
 * text wraps where it is longer (at 250 columns the lines' points were left out for one unit's
 * awards of 150 on one line).
 */
const AWARDS_KEPT = 40;
/**
 * A unit's name (某某县人民政府办公室（县政府研究室、县大数据中心）, 50 columns) wraps onto lines of
 * this width (8 Chinese characters) before the awards are squeezed for it, and of NAME_MIN at the
 * narrowest: kept whole, it ran the table past an 80-column terminal's edge (and at 12 characters,
 * one long name took the awards' room, every award split over lines).
 */
const NAME_KEPT = 16;
const NAME_MIN = 12;

interface Col {
  readonly head: string;
  readonly cells: string[];
  /** Left out first (lower first) when the table is too wide; undefined: always kept. */
  readonly drop?: number;
  /** Made narrower to fit (its text wrapped onto more lines). */
  readonly squeeze?: boolean;
  /** The units' names: wrapped too where even the awards squeezed leave the table too wide. */
  readonly names?: boolean;
  readonly bold?: boolean;
}

function width(col: Col): number {
  return Math.max(displayWidth(col.head), ...col.cells.map(displayWidth));
}

/** The table's width: each column's text, its padding and the borders. */
function tableWidth(cols: readonly Col[], widths: readonly number[] = cols.map(width)): number {
  return widths.reduce((s, w) => s + w + 3, 1);
}

export function rankingTable(ctx: Ctx, rubric: Rubric, results: Results, ranking: RankingResult, wide: boolean, file: string): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines = planOf(rubric, ranking.unitKind)?.lines.map((l) => l.line) ?? [];
  const kind = rubric.unitKinds.find((k) => k.id === ranking.unitKind);
  const isTotal = ranking.by === "total";
  // Where the kind is ranked in groups too (乡镇组, 街道组), each unit's place in its group: on a
  // ranking of the whole kind (a group's own ranking is one).
  const groupRankings = ranking.group === undefined ? results.rankings.filter((r) => r.unitKind === ranking.unitKind && r.group !== undefined && r.by === ranking.by) : [];
  const inGroup = (u: UnitResult): string => groupPlace(u, groupRankings.find((r) => r.group === u.group)?.id, kind?.groups.find((x) => x.id === u.group)?.name ?? "", ctx.lang);
  const shown = ranking.entries.length <= FULL_TABLE ? ranking.entries : ranking.entries.slice(0, HEAD_ROWS);
  const units = shown.flatMap((e) => {
    const u = results.units[e.unit];
    return u ? [{ e, u }] : [];
  });
  const col = (head: string, cells: string[], more: Partial<Col> = {}): Col => ({ head, cells, ...more });
  const heads = ledgerHeadings(rubric, ranking.unitKind, ctx.lang);
  // While claims are pending that could move a rank here: where each unit could end up, as the
  // result sheet says; and awards that could still change are marked so.
  const moving = ranksMove(results, ranking);
  // The tie-breakers shown nowhere else, each a column (left out first where the terminal is narrow).
  const ties = tieColumns(rubric, ranking, ctx.lang).map((t) => col(t.heading, units.map(({ u }) => formatPoints(t.points(u))), { drop: 1 }));
  let cols: Col[] = [
    col(ctx.t("out.rank"), units.map(({ e, u }) => (e.rank === null ? statusText(u, ctx.lang) : String(e.rank)))),
    ...(moving ? [col(ctx.t("out.rank-range"), units.map(({ u }) => String(rankRange(u, ranking.id))))] : []),
    col(ctx.t("out.unit"), units.map(({ u }) => u.name), { names: true }),
    ...(groupRankings.length ? [col(ctx.t("out.group-rank"), units.map(({ u }) => inGroup(u)))] : []),
    ...(isTotal
      ? [
          ...lines.map((l) => col(lineHeading(kind, l), units.map(({ u }) => formatPoints(u.subtotals[l.code] ?? 0)), { drop: 1 })),
          ...heads.map(([key, head]) => col(head, units.map(({ u }) => formatPoints(u[key])), { drop: 2 })),
          col(ctx.t("out.total"), units.map(({ u }) => formatPoints(u.total)), { bold: true }),
          ...ties,
          // The mark first: a narrow terminal wraps the text, the first award on its first line.
          col(awardsHeading(rubric, ranking, ctx.lang), units.map(({ u }) => awardsCell(u, ctx.lang, ranking.id)), { squeeze: true }),
        ]
      : [
          col(rankKey(rubric, ranking.unitKind, ranking.by)?.name ?? ranking.by, units.map(({ e }) => formatPoints(e.value))),
          ...ties,
          // A ranking by a line or an item that decides awards shows them, as one by the total does.
          ...(showsAwards(rubric, ranking) ? [col(awardsHeading(rubric, ranking, ctx.lang), units.map(({ u }) => awardsCell(u, ctx.lang, ranking.id, true)), { squeeze: true })] : []),
        ]),
  ];
  const limit = ctx.io.columns ?? Number.POSITIVE_INFINITY;
  let widths = cols.map(width);
  /** Columns left out to fit the terminal: said under the table, with the way to see them. */
  const dropped: string[] = [];
  if (!wide) {
    // Measured with the awards wrapped at AWARDS_KEPT where longer, and the names at NAME_KEPT (a long
    // name wraps before any figure is left out: a city's 区直部门 table dropped its points and the
    // tie-breaker's column for one name of 40 columns, and ranked units level on points unexplained).
    const fitting = (): number => tableWidth(cols, cols.map((x) => (x.squeeze ? Math.min(width(x), AWARDS_KEPT) : x.names ? Math.min(width(x), NAME_KEPT) : width(x))));
    for (const level of [1, 2]) {
      if (fitting() <= limit) break;
      for (const x of cols) if (x.drop === level) dropped.push(x.head);
      cols = cols.filter((x) => x.drop !== level);
    }
    widths = cols.map(width);
    const squeeze = cols.findIndex((x) => x.squeeze);
    const names = cols.findIndex((x) => x.names);
    const over = (): number => tableWidth(cols, widths) - limit;
    const narrowTo = (at: number, least: number): void => {
      if (at >= 0 && over() > 0) widths[at] = Math.max(Math.min(least, widths[at] ?? 0), (widths[at] ?? 0) - over());
    };
    // A long name wraps before the awards are squeezed for it; then the awards; then the name again.
    narrowTo(names, NAME_KEPT);
    narrowTo(squeeze, MIN_AWARDS);
    narrowTo(names, NAME_MIN);
  }
  const rows = [
    cols.map((x) => c.bold(x.head)),
    ...units.map(({ e }, i) =>
      cols.map((x, k) => {
        const text = x.cells[i] ?? "";
        if (k === 0 && e.rank === null) return c.red(text);
        return x.bold ? c.bold(text) : text;
      }),
    ),
  ];
  // Every vetoed unit, whether its veto keeps its rank or not (those ranked were counted as none).
  const vetoed = ranking.entries.filter((e) => results.units[e.unit]?.vetoed === true).length;
  const more = shown.length < ranking.entries.length ? ctx.t("table.more", { shown: shown.length, total: ranking.entries.length, vetoed }) + "\n" + gradeTally(ctx, rubric, results, ranking) + beyond(ctx, results, ranking, shown.length) : "";
  const narrow = dropped.length ? ctx.t("table.dropped", { columns: dropped.join("、") }) + "\n" : "";
  // The rank range said only where the table shows one (its own, or a group's in 组内名次).
  const ranges = moving || groupRankings.some((g) => ranksMove(results, g));
  // The command to ask as typed here, the workbook and all (a path with spaces quoted).
  const quoted = (arg: string): string => (/\s/.test(arg) ? `"${arg}"` : arg);
  // With a unit of the table's that it moves (a placeholder typed as given names no unit).
  // One whose awards may change, else one whose rank may move (not one the claims leave as it is).
  const example = (units.find(({ u }) => u.certainty !== undefined && !u.certainty.settled) ?? units.find(({ u }) => Object.values(u.certainty?.ranks ?? {}).some((r) => r[0] !== r[1])) ?? units[0])?.u.name ?? "";
  // (And what may change, in a scheme's own word: 等次 where its rankings give grades alone.)
  const said = { file: quoted(file), unit: quoted(example), what: tableOutcomes(rubric, ranking) };
  // Marks anywhere in the ranking's awards column (not only the rows shown; by a line or an item,
  // this ranking's own awards); none: its awards are said not to move.
  const marked =
    (isTotal || showsAwards(rubric, ranking)) &&
    ranking.entries.some((e) => {
      const u = results.units[e.unit];
      return u !== undefined && marksPending(u, ranking.id, !isTotal);
    });
  // (A table with no awards column says nothing of awards.)
  const settled = showsAwards(rubric, ranking) ? "table.pending-settled" : "table.pending-ranks";
  // Totals alone that may move (no rank, no award): whose, and where to (the table gives one total each).
  const totals = results.pendingRows > 0 && !ranges && !marked ? totalsMoving(results, ranking, ctx.lang) : undefined;
  const pending = results.pendingRows > 0 ? (ranges ? ctx.t(marked ? "table.pending" : settled, said) + "\n" : marked ? ctx.t("table.pending-marks", said) + "\n" : totals ? ctx.t("table.pending-totals", { units: totals.units, n: totals.n, file: said.file, unit: quoted(totals.first), what: said.what }) + "\n" : "") : "";
  // Units level on what it ranks by ranked apart: by what (the table may not show it).
  const broken = tieBreakNote(rubric, ranking, ctx.lang, "table.tie-note");
  const tieNote = broken ? broken + "\n" : "";
  // The prizes nobody holds, with why (a vetoed unit's place kept empty).
  const vacant = vacancyNote(rubric, results, ranking, ctx.lang);
  // The notes under it wrapped to the terminal's width, as the table is (a line of 200 columns wrapped at the edge, mid-word).
  // How the weighted lines' columns make the total (they hold each line's points before its weight).
  // (The lines' columns left out for a narrow terminal: nothing said of them.)
  const linesShown = lines.every((l) => !dropped.includes(lineHeading(kind, l)));
  const weighted = isTotal ? weightsNote(rubric, ranking.unitKind, ctx.lang, linesShown ? "table.weights" : "table.weights-no-lines") : "";
  const notes = `${more}${narrow}${weighted ? weighted + "\n" : ""}${tieNote}${vacant ? vacant + "\n" : ""}${pending}`;
  const wrapped = Number.isFinite(limit) && notes ? notes.split("\n").map((line) => (line ? fill(line, limit).join("\n") : line)).join("\n") : notes;
  return `${c.bold(ranking.name)}\n${boxTable(rows, widths)}\n${wrapped}`;
}

/** Units named past the rows shown, at most. */
const BEYOND_NAMED = 20;

/**
 * A shortened ranking's grades counted, best first (its first rows all 优秀, where 优秀 stopped
 * was nowhere to be seen); "" where it grades none.
 */
function gradeTally(ctx: Ctx, rubric: Rubric, results: Results, ranking: RankingResult): string {
  const grades = rubric.rankings.find((x) => x.id === ranking.id)?.grades;
  if (!grades) return "";
  const counts = new Map<string, number>();
  for (const e of ranking.entries) {
    const g = results.units[e.unit]?.grades[ranking.id];
    if (g !== undefined) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const names = [...grades.bands.map((b) => b.name), ...(grades.otherwise !== undefined ? [grades.otherwise] : [])];
  const said = names.filter((n) => counts.has(n)).map((n) => ctx.t("table.grade-count", { grade: n, count: counts.get(n) ?? 0 }));
  // (And how many of them pending claims may still change, as the rows say (待定).)
  const open = ranking.entries.filter((e) => results.units[e.unit]?.certainty?.open.some((o) => o.kind === "grade" && o.ranking === ranking.id) === true).length;
  return said.length ? ctx.t(open ? "table.grades-pending" : "table.grades", { grades: said.join(ctx.t("list.items")), count: open }) + "\n" : "";
}

/**
 * The units past the rows a long table shows that hold a prize (a group's too), a single-item
 * award, a card or a veto, each with them (grades aside: most units hold one): a clerk reading the
 * terminal to a leader drops none of them. A line under the table; none where there are none.
 */
function beyond(ctx: Ctx, results: Results, ranking: RankingResult, from: number): string {
  // Counted all, said for the first few alone (a province's thousands of holders were each put in words).
  const named: string[] = [];
  let count = 0;
  for (let i = from; i < ranking.entries.length; i++) {
    const u = results.units[ranking.entries[i]?.unit ?? -1];
    const awards = u?.awards.filter((a) => a.kind !== "grade") ?? [];
    if (!u || !awards.length) continue;
    count++;
    if (named.length < BEYOND_NAMED) named.push(ctx.t("table.beyond-unit", { unit: u.name, awards: awards.map((a) => awardText(a, ctx.lang, ranking.id)).join(ctx.t("list.items")) }));
  }
  if (!count) return "";
  const units = named.join(ctx.t("list.parts"));
  return (count > BEYOND_NAMED ? ctx.t("table.beyond-more", { units, count }) : ctx.t("table.beyond", { units })) + "\n";
}

/** Each unit kind's main ranking (by total where it has one; each group's where it is ranked only in groups), one table each. */
export function rankingTables(ctx: Ctx, rubric: Rubric, results: Results, wide: boolean, file: string): string {
  const out: string[] = [];
  for (const kind of rubric.unitKinds) {
    for (const r of mainRankings(results, kind.id)) out.push(rankingTable(ctx, rubric, results, r, wide, file) + "\n");
    const note = unrankedNote(results, kind, ctx.lang);
    if (note) out.push(note + "\n\n");
  }
  const others = otherRankingsNote(results, rubric.unitKinds, ctx.lang);
  if (others) out.push(others + "\n\n");
  return out.join("");
}

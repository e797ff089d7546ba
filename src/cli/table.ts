// The rankings as terminal tables (cli-table3), fitted to the terminal's width: where the whole
// table would wrap, the line subtotals, then bonus and deduction are left out and the awards
// text is cut short (--wide, or --json, for everything; output to a file or pipe is never cut).
// Colour only when allowed.
import Table from "cli-table3";
import { Chalk } from "chalk";
import type { Rubric } from "../rubric/model.js";
import { planOf } from "../rubric/plan.js";
import type { RankingResult, Results } from "../model/results.js";
import { formatPoints } from "../model/numbers.js";
import { awardText, statusText } from "../report/labels.js";
import { displayWidth } from "../report/sheet-style.js";
import type { Ctx } from "./io.js";

/** Up to this many units are printed whole; a larger ranking shows its head and a count. */
const FULL_TABLE = 40;
const HEAD_ROWS = 30;
const MIN_AWARDS = 12;

interface Col {
  readonly head: string;
  readonly cells: string[];
  /** Left out first (lower first) when the table is too wide; undefined: always kept. */
  readonly drop?: number;
  readonly squeeze?: boolean;
}

function width(col: Col): number {
  return Math.max(displayWidth(col.head), ...col.cells.map(displayWidth)) + 2;
}

/** The table's width with these columns: each column's content and padding, and the borders. */
function tableWidth(cols: readonly Col[]): number {
  return cols.reduce((s, c) => s + width(c) + 1, 1);
}

export function rankingTable(ctx: Ctx, rubric: Rubric, results: Results, ranking: RankingResult, wide: boolean): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines = planOf(rubric, ranking.unitKind)?.lines.map((l) => l.line) ?? [];
  const isTotal = ranking.by === "total";
  const shown = ranking.entries.length <= FULL_TABLE ? ranking.entries : ranking.entries.slice(0, HEAD_ROWS);
  const units = shown.map((e) => ({ e, u: results.units[e.unit] })).filter((x) => x.u !== undefined);
  const col = (head: string, cells: string[], drop?: number, squeeze?: boolean): Col => ({ head, cells, ...(drop !== undefined ? { drop } : {}), ...(squeeze ? { squeeze } : {}) });
  let cols: Col[] = [
    col(ctx.t("out.rank"), units.map(({ e, u }) => (e.rank === null && u ? statusText(u, ctx.lang) : String(e.rank)))),
    col(ctx.t("out.unit"), units.map(({ u }) => u?.name ?? "")),
    ...(isTotal
      ? [
          ...lines.map((l) => col(l.name, units.map(({ u }) => formatPoints(u?.subtotals[l.code] ?? 0)), 1)),
          col(ctx.t("out.bonus"), units.map(({ u }) => formatPoints(u?.bonus ?? 0)), 2),
          col(ctx.t("out.deduction"), units.map(({ u }) => formatPoints(u?.deduction ?? 0)), 2),
          col(ctx.t("out.total"), units.map(({ u }) => formatPoints(u?.total ?? 0))),
          col(ctx.t("out.awards"), units.map(({ u }) => (u?.awards ?? []).map((a) => awardText(a, ctx.lang)).join(";")), undefined, true),
        ]
      : [col(lines.find((l) => l.code === ranking.by)?.name ?? ranking.by, units.map(({ e }) => formatPoints(e.value)))]),
  ];
  const limit = ctx.io.columns ?? Number.POSITIVE_INFINITY;
  let awardsWidth: number | undefined;
  if (!wide) {
    for (const level of [1, 2]) {
      if (tableWidth(cols) <= limit) break;
      cols = cols.filter((x) => x.drop !== level);
    }
    const squeezed = cols.find((x) => x.squeeze);
    if (squeezed && tableWidth(cols) > limit) awardsWidth = Math.max(MIN_AWARDS, width(squeezed) - (tableWidth(cols) - limit));
  }
  const table = new Table({
    head: cols.map((x) => c.bold(x.head)),
    style: { head: [], border: [], compact: true },
    ...(awardsWidth !== undefined ? { colWidths: cols.map((x) => (x.squeeze ? awardsWidth : width(x))) as number[], truncate: "…" } : {}),
  });
  units.forEach(({ e, u }, i) => {
    const row = cols.map((x) => x.cells[i] ?? "");
    if (e.rank === null) row[0] = c.red(row[0] ?? "");
    const totalAt = cols.findIndex((x) => x.head === ctx.t("out.total"));
    if (totalAt >= 0) row[totalAt] = c.bold(row[totalAt] ?? "");
    if (!u) return;
    table.push(row);
  });
  const vetoed = ranking.entries.filter((e) => e.rank === null).length;
  const more = shown.length < ranking.entries.length ? ctx.t("table.more", { shown: shown.length, total: ranking.entries.length, vetoed }) + "\n" : "";
  return `${c.bold(ranking.name)}\n${table.toString()}\n${more}`;
}

/** Each unit kind's main ranking (by total where it has one), one table each. */
export function rankingTables(ctx: Ctx, rubric: Rubric, results: Results, wide: boolean): string {
  const out: string[] = [];
  for (const kind of rubric.unitKinds) {
    const rankings = results.rankings.filter((r) => r.unitKind === kind.id && r.entries.length > 0);
    const main = rankings.find((r) => r.by === "total") ?? rankings[0];
    if (main) out.push(rankingTable(ctx, rubric, results, main, wide) + "\n");
  }
  return out.join("");
}

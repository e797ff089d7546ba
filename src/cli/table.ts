// The overall ranking as a terminal table (cli-table3); colour only when allowed.
import Table from "cli-table3";
import { Chalk } from "chalk";
import type { RankingResult, Results } from "../engine/model.js";
import { formatPoints } from "../rubric/numbers.js";
import { awardText, statusText } from "../report/labels.js";
import type { Ctx } from "./io.js";

/** Up to this many units are printed whole; a larger ranking shows its head and a count. */
const FULL_TABLE = 40;
const HEAD_ROWS = 30;

export function rankingTable(ctx: Ctx, results: Results, ranking: RankingResult): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const byName = new Map(results.units.map((u) => [u.name, u]));
  const first = byName.get(ranking.entries[0]?.unit ?? "");
  const lines = first?.lines ?? [];
  const isTotal = ranking.by === "total";
  const head = [
    ctx.t("out.rank"),
    ctx.t("out.unit"),
    ...(isTotal ? [...lines.map((l) => l.name), ctx.t("out.bonus"), ctx.t("out.deduction"), ctx.t("out.total"), ctx.t("out.awards")] : [lines.find((l) => l.code === ranking.by)?.name ?? ranking.by]),
  ];
  const table = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [], compact: true } });
  const shown = ranking.entries.length <= FULL_TABLE ? ranking.entries : ranking.entries.slice(0, HEAD_ROWS);
  for (const e of shown) {
    const u = byName.get(e.unit);
    if (!u) continue;
    const rank = e.rank === null ? c.red(statusText(u, ctx.lang)) : String(e.rank);
    const row = isTotal
      ? [rank, u.name, ...lines.map((l) => formatPoints(u.subtotals[l.code] ?? 0)), formatPoints(u.bonus), formatPoints(u.deduction), c.bold(formatPoints(u.total)), u.awards.map((a) => awardText(a, ctx.lang)).join(";")]
      : [rank, u.name, formatPoints(e.value)];
    table.push(row);
  }
  const vetoed = ranking.entries.filter((e) => e.rank === null).length;
  const more = shown.length < ranking.entries.length ? ctx.t("table.more", { shown: shown.length, total: ranking.entries.length, vetoed }) + "\n" : "";
  return `${c.bold(ranking.name)}\n${table.toString()}\n${more}`;
}

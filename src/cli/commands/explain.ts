// assess explain WORKBOOK UNIT: every point a unit got and lost, item by item, with the cell it
// came from; its gates, its ledger rows (counted or not, and why), totals and ranks.
import { Chalk } from "chalk";
import { score as scoreEngine } from "../../engine/index.js";
import type { ItemResult, Results, UnitResult } from "../../engine/model.js";
import { unitJson } from "../../report/json.js";
import { awardText } from "../../report/labels.js";
import { formatPoints, formatRate } from "../../rubric/numbers.js";
import { cleanText } from "../../workbook/cells.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadForScoring } from "../input.js";

export async function explain(ctx: Ctx, file: string, unitArg: string, o: { rubric?: string; json?: boolean }): Promise<number> {
  const loaded = await loadForScoring(ctx, file, o.rubric);
  if (typeof loaded === "number") return loaded;
  const results = scoreEngine(loaded.rubric, loaded.submission);
  const name = cleanText(unitArg);
  const unit = results.units.find((u) => u.name === name);
  if (!unit) {
    const near = results.units.filter((u) => u.name.includes(name) || name.includes(u.name)).map((u) => u.name);
    const list = (near.length ? near : results.units.map((u) => u.name)).slice(0, 30).join("、");
    return reportDiagnostics(ctx, [{ code: "explain.unknown-unit", severity: "error", data: { unit: name, units: list }, location: { file } }]);
  }
  if (o.json) {
    ctx.io.out(JSON.stringify(unitJson(unit, ctx.lang, true), null, 2) + "\n");
    return 0;
  }
  ctx.io.out(renderExplain(ctx, results, unit));
  return 0;
}

export function renderExplain(ctx: Ctx, results: Results, u: UnitResult): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  const kindName = ctx.t(`explain.kind.${u.kind}`);
  out.push(c.bold(`${u.name}  (${kindName})`));
  const ranks = results.rankings
    .filter((r) => r.id in u.ranks)
    .map((r) => `${r.name} ${u.ranks[r.id] ?? ctx.t("status.vetoed")}`)
    .join(" · ");
  out.push(`${ctx.t("out.total")} ${c.bold(formatPoints(u.total))} · ${ranks}`);
  if (u.vetoed) {
    for (const v of u.vetoes) {
      out.push(c.red(ctx.t("explain.veto", { gate: v.gate, name: v.gateName, indicator: v.indicator, value: formatRate(v.value), target: formatRate(v.target), cell: `${v.at.sheet}!${v.at.cell}` })));
    }
  }
  const row = (i: ItemResult, depth: number): void => {
    const pts = `${formatPoints(i.points)}/${formatPoints(i.max)}`;
    const lost = i.lost > 0 ? c.yellow(` −${formatPoints(i.lost)}`) : "";
    if (i.kind === "group") {
      out.push(`${"  ".repeat(depth)}${i.code} ${i.name}  ${pts}${lost}`);
      for (const ch of i.children) row(ch, depth + 1);
      return;
    }
    const why = ctx.t(i.reason.code, i.reason.data);
    const cell = i.source ? `  [${i.source.sheet}!${i.source.cell}]` : "";
    const target = i.measured?.targetAt ? ctx.t("explain.target-from", { cell: `${i.measured.targetAt.sheet}!${i.measured.targetAt.cell}` }) : "";
    const line = `${"  ".repeat(depth)}${i.code} ${i.name}  ${pts}${lost}  ${why}${target}${cell}`;
    out.push(i.vetoes ? c.red(line) : line);
  };
  for (const l of u.lines) {
    out.push("");
    out.push(c.bold(`${l.code} ${l.name}  ${formatPoints(l.points)}/${formatPoints(l.max)}`));
    for (const i of l.items) row(i, 1);
  }
  if (u.ledger.length) {
    out.push("");
    out.push(c.bold(ctx.t("explain.ledger")));
    for (const r of u.ledger) {
      const sign = r.kind === "deduction" ? "−" : "+";
      const pts = r.counted && r.kind !== "single" ? `${sign}${formatPoints(r.points)}` : ctx.t(r.counted ? "explain.recorded" : "explain.not-counted");
      out.push(`  ${r.entry.code}  ${pts}  ${ctx.t(r.reason.code, r.reason.data)}  [${r.entry.sheet}!${r.entry.at.cell}]${r.entry.note ? `  ${r.entry.note}` : ""}`);
    }
  }
  out.push("");
  const sum = Object.values(u.subtotals).map(formatPoints).join(" + ");
  out.push(ctx.t("explain.total", { sum, bonus: formatPoints(u.bonus), deduction: formatPoints(u.deduction), total: formatPoints(u.total) }) + (u.floored ? ` (${ctx.t("total.floored")})` : ""));
  if (u.awards.length) {
    out.push(c.bold(ctx.t("explain.awards")));
    for (const a of u.awards) out.push(`  ${awardText(a, ctx.lang)}`);
  }
  return out.join("\n") + "\n";
}

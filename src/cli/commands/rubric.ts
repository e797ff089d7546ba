// assess rubric check|show|schema: validate a rubric, print its tree, emit its JSON Schema.
import { rubricJsonSchema } from "../../rubric/schema.js";
import type { Item, Rubric } from "../../rubric/model.js";
import { formatPoints, formatRate } from "../../model/numbers.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadRubricFile, rubricSource } from "../rubric-source.js";
import { resolveRubric } from "../../load/rubrics.js";
import { loadRubric } from "../../rubric/load.js";
import { diffRubrics } from "../../rubric/diff.js";

export function rubricCheck(ctx: Ctx, file: string, json: boolean): number {
  const { rubric, diagnostics } = loadRubricFile(file, loadRubric);
  const code = reportDiagnostics(ctx, diagnostics, json);
  if (rubric && !json) ctx.io.out(ctx.t("rubric.ok", { id: rubric.id, version: rubric.version, title: rubric.title }) + "\n");
  return code;
}

export async function rubricShow(ctx: Ctx, file: string | undefined): Promise<number> {
  const { rubric, diagnostics } = resolveRubric(await rubricSource(file), undefined, "");
  if (!rubric) return reportDiagnostics(ctx, diagnostics);
  ctx.io.out(renderTree(ctx, rubric));
  return 0;
}

export function rubricSchema(ctx: Ctx): number {
  ctx.io.out(JSON.stringify(rubricJsonSchema(), null, 2) + "\n");
  return 0;
}

function kindLabel(ctx: Ctx, rubric: Rubric, item: Item): string {
  if (item.kind === "group" || item.kind === "judged") return ctx.t(`kind.${item.kind}`);
  const target =
    "ref" in item.target ? item.target.ref : formatRate(item.target.value);
  return ctx.t(`kind.${item.kind}`) + ` ${item.indicator} ≥ ${target}`;
}

export function renderTree(ctx: Ctx, rubric: Rubric): string {
  const out: string[] = [];
  out.push(`${rubric.title}  [${rubric.id} ${rubric.version}, ${rubric.effective}]`);
  for (const uk of rubric.unitKinds) {
    const lines = rubric.lines.filter((l) => uk.lines.includes(l.code));
    const sum = lines.map((l) => formatPoints(l.max)).join(" + ");
    out.push("");
    out.push(`${uk.name}: ${sum} = ${formatPoints(uk.scale)}`);
    for (const line of lines) {
      out.push(`  ${line.code} ${line.name}  ${formatPoints(line.max)}`);
      const walk = (items: readonly Item[], depth: number): void => {
        for (const it of items) {
          out.push(`${"  ".repeat(depth)}${it.code} ${it.name}  ${formatPoints(it.max)}  (${kindLabel(ctx, rubric, it)})`);
          if (it.kind === "group") walk(it.children, depth + 1);
        }
      };
      walk(line.items, 2);
    }
  }
  out.push("");
  out.push(ctx.t("show.indicators"));
  for (const i of rubric.indicators) out.push(`  ${i.code} ${i.name}`);
  for (const t of rubric.targets) out.push(`  ${t.code} ${t.name}${t.default !== undefined ? ` = ${formatRate(t.default)}` : ""}`);
  out.push("");
  out.push(ctx.t("show.ledger"));
  for (const c of rubric.ledger) {
    let pts = "";
    if (c.points !== undefined) pts = `${c.kind === "deduction" ? "-" : "+"}${formatPoints(c.points)}`;
    else if (c.range) pts = `-${formatPoints(c.range.min)}…-${formatPoints(c.range.max)}`;
    else if (c.levels) pts = Object.entries(c.levels).map(([k, v]) => (c.kind === "single" ? k : `${k} +${formatPoints(v)}`)).join(", ");
    const flags = [
      c.oncePerYear ? ctx.t("show.once-per-year") : "",
      c.doubleWhenFlagged ? ctx.t("show.doubled") : "",
      c.cap !== undefined ? ctx.t("show.cap", { cap: formatPoints(c.cap) }) : "",
    ].filter(Boolean);
    out.push(`  ${c.code} ${c.name}  ${pts}${flags.length ? `  (${flags.join(", ")})` : ""}`);
  }
  out.push("");
  out.push(ctx.t("show.awards"));
  for (const t of rubric.awards.tiers) out.push(`  ${t.name}: ${ctx.t("show.ranks", { from: t.from, to: t.to })}`);
  for (const s of rubric.awards.single) out.push(`  ${s.code} ${s.name}: ${s.amount}${s.count ? ` ×${s.count}` : ""}`);
  const yc = rubric.awards.yellowCard;
  if (yc) out.push(`  ${yc.name}: ${ctx.t("show.yellow", { below: yc.below !== undefined ? formatPoints(yc.below) : "-" })}`);
  return out.join("\n") + "\n";
}

export function rubricDiff(ctx: Ctx, older: string, newer: string): number {
  const a = loadRubricFile(older, loadRubric);
  const b = loadRubricFile(newer, loadRubric);
  if (!a.rubric || !b.rubric) return reportDiagnostics(ctx, [...a.diagnostics, ...b.diagnostics]);
  const changes = diffRubrics(a.rubric, b.rubric);
  ctx.io.out(`${a.rubric.id} ${a.rubric.version} → ${b.rubric.id} ${b.rubric.version}\n`);
  if (!changes.length) ctx.io.out(ctx.t("diff.none") + "\n");
  const sign = { added: "+", removed: "-", changed: "~" } as const;
  for (const c of changes) ctx.io.out(`${sign[c.kind]} ${ctx.t(`diff.${c.what}`)} ${c.code}: ${c.detail}\n`);
  return 0;
}

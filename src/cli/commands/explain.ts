// assess explain WORKBOOK UNIT: every point a unit got and lost, item by item, with the cell it
// came from; its gates, its ledger rows (counted or not, and why), totals and ranks.
import { Chalk } from "chalk";
import type { Diagnostic } from "../../diagnostics/index.js";
import { diagnosticsJson } from "../../diagnostics/render.js";
import { score as scoreEngine } from "../../engine/index.js";
import { explainJson } from "../../report/json.js";
import { renderExplain } from "../../report/explain-text.js";
import { hanging } from "../box.js";
import { cleanText } from "../../workbook/cells.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadForScoring } from "../input.js";
import { nearestNames as nearest } from "../../workbook/near.js";

/** A warning about another unit (named in its words, or at its row) is not this one's business. */
function aboutOther(unit: string): (d: Diagnostic) => boolean {
  return (d) => {
    if (d.severity !== "warning") return false;
    const about = [d.unit, d.data.unit].filter((x): x is string => typeof x === "string");
    return about.length > 0 && !about.includes(unit);
  };
}

export async function explain(ctx: Ctx, file: string, unitArg: string, o: { rubric?: string; json?: boolean }): Promise<number> {
  const name = cleanText(unitArg);
  // With --json, an invalid workbook or an unknown unit answers on stdout too: the diagnostics document.
  const loaded = await loadForScoring(ctx, file, o.rubric, o.json === true, aboutOther(name));
  if (typeof loaded === "number") return loaded;
  const { rubric, submission } = loaded;
  const results = scoreEngine(rubric, submission);
  // The name as typed; else the one unit it names in one width (镇００００１ for 镇00001), or
  // without the line break typed in its cell (北川镇 for 北川↵镇: a line break cannot be typed here).
  const wide = (s: string): string => s.normalize("NFKC").replace(/\r?\n|\r/g, "");
  let u = results.units.findIndex((x) => x.name === name);
  if (u < 0) {
    const same = results.units.flatMap((x, i) => (wide(x.name) === wide(name) ? [i] : []));
    if (same.length === 1) u = same[0] ?? -1;
  }
  if (u < 0) {
    const names = results.units.map((x) => x.name);
    const near = name === "" ? [] : nearest(wide(name), names);
    // Of many alike (镇: every town), the first few, and how many there are.
    const alike = name === "" ? 0 : names.filter((n) => n.includes(wide(name))).length;
    const list = (near.length ? near : names.slice(0, 30)).join("、");
    const more = near.length && alike > near.length;
    // Near names asked about, as validate asks (是否为 城关镇?); none near: every name there is to choose from.
    const code = more ? "explain.unknown-unit-many" : near.length ? "explain.unknown-unit-near" : "explain.unknown-unit";
    return reportDiagnostics(ctx, [{ code, severity: "error", data: { unit: name, units: list, ...(more ? { count: alike } : {}) }, location: { file } }], o.json === true);
  }
  if (o.json) {
    const other = aboutOther(name);
    const said = diagnosticsJson(loaded.diagnostics.filter((d) => !other(d)), ctx.lang);
    ctx.io.out(JSON.stringify(explainJson(rubric, submission, results, u, ctx.lang, said), null, 2) + "\n");
    return 0;
  }
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const text = renderExplain(ctx, { bold: (s) => chalk.bold(s), red: (s) => chalk.red(s), yellow: (s) => chalk.yellow(s) }, rubric, submission, results, u);
  // In a terminal, fitted to its width (a line of 239 columns wrapped at the edge, the tree's indentation lost).
  ctx.io.out(ctx.io.columns ? hanging(text, ctx.io.columns) : text);
  return 0;
}


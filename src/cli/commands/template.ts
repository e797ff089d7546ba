// assess template: the blank input workbook for a rubric, optionally with the units filled in.
import { buildTemplate, type TemplateUnit } from "../../workbook/template.js";
import type { Rubric } from "../../rubric/model.js";
import { decodeUnitsFile, parseUnitsFile, unitsFileProblem } from "../../workbook/units-file.js";
import { reportDiagnostics, requireXlsx, runDate, targetError, usageError, type Ctx } from "../io.js";
import { readUserFile } from "../files.js";
import { rubricSource } from "../rubric-source.js";
import { adviceWhenUsed, resolveRubric } from "../../load/rubrics.js";
import { fileNameWarning } from "./rubric.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import { checkTarget, givenFile, sayWritten, writeAtomic } from "../write.js";

interface Opts {
  output?: string;
  units?: string;
  year?: string;
  district?: string;
  rubric?: string;
  force?: boolean;
}

/** Characters of a district's name at most (the longest names of a county-level district are about 15). */
const MAX_DISTRICT = 100;

export async function template(ctx: Ctx, o: Opts): Promise<number> {
  // The day it is made (SOURCE_DATE_EPOCH's, where set): its year the default, its date the file's.
  const made = runDate(ctx.io.env);
  const year = o.year ?? String(made.getFullYear());
  if (!/^\d{4}$/.test(year) || Number(year) < 1990 || Number(year) > 2100) {
    return usageError(ctx, "usage.template-year", { value: year });
  }
  // The district's name heads the cover and every sheet's title: a name, not a paragraph.
  if ((o.district ?? "").length > MAX_DISTRICT) return usageError(ctx, "usage.template-district-too-long", { length: (o.district ?? "").length, max: MAX_DISTRICT });
  const resolved = resolveRubric(await rubricSource(o.rubric), undefined, "");
  const { rubric, diagnostics } = resolved;
  if (!rubric) return reportDiagnostics(ctx, diagnostics);
  // What would make every result wrong is said before the form is filled.
  const advised = adviceWhenUsed(resolved);
  if (advised.length) reportDiagnostics(ctx, advised);
  // The cover will name the rubric: a file not named by it is not found for the workbook later.
  const oddName = o.rubric !== undefined && /\.ya?ml$/i.test(o.rubric) ? fileNameWarning(o.rubric, rubric) : undefined;
  if (oddName) reportDiagnostics(ctx, [oddName]);
  // A year before the scheme took effect (--year 2019 under a 办法 of 2026): said now, as validate
  // says it of the cover later, not once the form is filled.
  const effective = Number(/^\d{4}/.exec(rubric.effective)?.[0] ?? Number.NaN);
  if (Number(year) < effective) reportDiagnostics(ctx, [{ code: "template.year-before-rubric", severity: "warning", data: { year, rubric: `${rubric.id} ${rubric.version}`, title: rubric.title, effective: rubric.effective } }]);
  let units: TemplateUnit[] = [];
  if (o.units) {
    const read = readUserFile(o.units, 10 * 1024 * 1024, "units.too-large");
    if (!read.bytes) return reportDiagnostics(ctx, read.diagnostics);
    const unreadable = unitsFileProblem(o.units, read.bytes);
    if (unreadable) return reportDiagnostics(ctx, [unreadable]);
    const text = decodeUnitsFile(read.bytes);
    const parsed = parseUnitsFile(o.units, text, rubric);
    if (parsed.diagnostics.some((d) => d.severity === "error")) {
      const code = reportDiagnostics(ctx, parsed.diagnostics);
      // Kinds the default rubric has not, that another bundled one has every one of (乡镇, 区直部门,
      // 国有企业: the comprehensive scheme's, --rubric forgotten): said which to name.
      const other = o.rubric === undefined ? await kindsOfAnother(o.units, text, rubric, parsed.diagnostics) : undefined;
      if (other) ctx.io.err(ctx.t("template.kinds-of-other-rubric", other) + "\n");
      return code;
    }
    // Warnings (a kind guessed) are said, and the template is made.
    if (parsed.diagnostics.length) reportDiagnostics(ctx, parsed.diagnostics);
    units = parsed.units;
  }
  const target = o.output ?? `${rubric.id}-${year}.xlsx`;
  const misnamed = requireXlsx(ctx, target, `${rubric.id}-${year}.xlsx`);
  if (misnamed !== undefined) return misnamed;
  // A template is never written over an existing file (a filled one would be lost) without --force.
  const bad = await checkTarget(target, [...(o.units ? [o.units] : []), ...givenFile(o.rubric)], { force: o.force === true, refusal: "file.exists" });
  if (bad) return targetError(ctx, bad);
  const district = o.district ?? "";
  const failed = await writeAtomic(target, async () => buildTemplate(rubric, { year, district, units, lang: ctx.lang, created: new Date(made.getFullYear(), made.getMonth(), made.getDate()) }));
  if (failed) return reportDiagnostics(ctx, [failed]);
  // The list as read, by kind (and group): a clerk checks 220 towns, 50 departments and 30 enterprises before filling.
  if (o.units) ctx.io.err(unitCounts(ctx, rubric, units) + "\n");
  sayWritten(ctx, target);
  return 0;
}

/** How many units of each kind (each group's too) the units file gave: 单位名单共 300 个:乡镇(街道)220 个(乡镇组 175 个、街道组 45 个)、… */
function unitCounts(ctx: Ctx, rubric: Rubric, units: readonly TemplateUnit[]): string {
  const kinds = rubric.unitKinds.flatMap((k) => {
    const of = units.filter((u) => u.kind === k.id);
    if (!of.length) return [];
    const groups = k.groups.flatMap((g) => {
      const n = of.filter((u) => u.group === g.id).length;
      return n ? [ctx.t("template.units-group", { group: g.name, count: n })] : [];
    });
    // Those whose group is to be chosen in the template (its name did not tell).
    const ungrouped = k.groups.length ? of.filter((u) => u.group === undefined).length : 0;
    if (ungrouped) groups.push(ctx.t("template.units-ungrouped", { count: ungrouped }));
    return [ctx.t(groups.length ? "template.units-kind-groups" : "template.units-kind", { kind: k.name, count: of.length, groups: groups.join(ctx.t("list.items")) })];
  });
  // Kinds parted as a list's parts: a kind's own name may hold 、 (镇、街道).
  return ctx.t("template.units-read", { count: units.length, kinds: kinds.join(ctx.t("list.parts")) });
}

/**
 * Where a units list's kinds are unknown to the rubric used by default (`said`: what reading it
 * under that rubric found), the bundled rubric that
 * knows most of them (more than half): its id and title, and the kinds it knows; else undefined.
 */
async function kindsOfAnother(file: string, text: string, used: Rubric, said: readonly Diagnostic[]): Promise<{ kinds: string; rubric: string; other: string; title: string } | undefined> {
  const unknown = (ds: readonly Diagnostic[]): string[] => [...new Set(ds.filter((d) => d.code === "units.unknown-kind").map((d) => String(d.data.kind)))];
  const kinds = unknown(said);
  if (!kinds.length) return undefined;
  // The one that knows most of them, most of them at least (a list's 事业单位 that neither knows leaves 乡镇, 区直部门 the other's).
  let best: { known: string[]; rubric: Rubric } | undefined;
  for (const b of (await rubricSource(undefined)).bundled) {
    if (b.own !== undefined || b.id === used.id) continue;
    const other = b.load().rubric;
    if (!other) continue;
    const still = new Set(unknown(parseUnitsFile(file, text, other).diagnostics));
    const known = kinds.filter((k) => !still.has(k));
    if (known.length * 2 > kinds.length && known.length > (best?.known.length ?? 0)) best = { known, rubric: other };
  }
  return best ? { kinds: best.known.slice(0, 3).join("、") + (best.known.length > 3 ? "…" : ""), rubric: used.id, other: best.rubric.id, title: best.rubric.title } : undefined;
}

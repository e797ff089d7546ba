// assess template: the blank input workbook for a rubric, optionally with the units filled in.
import { fileStamp } from "../../report/day.js";
import { buildTemplate, type TemplateUnit } from "../../workbook/template.js";
import type { Rubric } from "../../rubric/model.js";
import { decodeUnitsFile, parseUnitsFile, unitsFileProblem, unitsOfBook, type BookUnits } from "../../workbook/units-file.js";
import { outputSlip, reportDiagnostics, requireXlsx, dayOfRun, targetError, usageError, type Ctx } from "../io.js";
import { readUserFile } from "../files.js";
import { loadWorkbook } from "../../load/index.js";
import { nodeHost } from "../host.js";
import { dirname } from "node:path";
import { rubricSource } from "../rubric-source.js";
import { adviceWhenUsed, resolveRubric } from "../../load/rubrics.js";
import { bundledTwin, fileNameWarning } from "./rubric.js";
import { isTemplateYear, typedYear, MAX_DISTRICT, MAX_UNITS_BYTES, rubricOfKinds, unitCounts, yearBeforeRubric } from "../../workbook/template-request.js";
import { checkTarget, givenFile, sayWritten, writeAtomic } from "../write.js";

interface Opts {
  output?: string;
  units?: string;
  year?: string;
  district?: string;
  rubric?: string;
  force?: boolean;
}

export async function template(ctx: Ctx, o: Opts): Promise<number> {
  // The day it is made (SOURCE_DATE_EPOCH's, where set): its year the default, its date the file's.
  const made = dayOfRun(ctx);
  const year = o.year !== undefined ? typedYear(o.year) : String(made.getFullYear());
  if (!isTemplateYear(year)) {
    return usageError(ctx, "usage.template-year", { value: o.year ?? year });
  }
  // The district's name heads the cover and every sheet's title: a name, not a paragraph.
  if ((o.district ?? "").length > MAX_DISTRICT) return usageError(ctx, "usage.template-district-too-long", { length: (o.district ?? "").length, max: MAX_DISTRICT });
  // A line break (a name pasted with its line's end) would split the cover's 地区 and every title.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(o.district ?? "")) return usageError(ctx, "usage.template-district-control", {});
  const resolved = resolveRubric(await rubricSource(o.rubric), undefined, "");
  const { rubric, diagnostics } = resolved;
  if (!rubric) return reportDiagnostics(ctx, diagnostics);
  // What would make every result wrong is said before the form is filled.
  const advised = adviceWhenUsed(resolved);
  if (advised.length) reportDiagnostics(ctx, advised);
  // The cover will name the rubric: a file not named by it is not found for the workbook later.
  const oddName = o.rubric !== undefined && /\.ya?ml$/i.test(o.rubric) ? fileNameWarning(o.rubric, rubric) : undefined;
  if (oddName) reportDiagnostics(ctx, [oddName]);
  // A copy of a bundled rubric edited, its id and version kept: the cover will name the bundled one,
  // and the workbook is scored under that (its weights, not the copy's).
  const twin = o.rubric !== undefined && /\.ya?ml$/i.test(o.rubric) ? bundledTwin(o.rubric, rubric) : undefined;
  if (twin) reportDiagnostics(ctx, [{ ...twin, code: "template.given-as-bundled" }]);
  const early = yearBeforeRubric(rubric, year);
  if (early) reportDiagnostics(ctx, [early]);
  let units: TemplateUnit[] = [];
  if (o.units) {
    const read = readUserFile(o.units, MAX_UNITS_BYTES, "units.too-large");
    if (!read.bytes) return reportDiagnostics(ctx, read.diagnostics);
    const unreadable = unitsFileProblem(o.units, read.bytes);
    // Last year's assessment workbook given for the list: its units as a list's lines (name, kind,
    // group), read as any list is, as the offline page reads it.
    const book = unreadable?.code === "units.is-workbook" ? await listOfWorkbook(o.units, read.bytes, rubric) : undefined;
    // A workbook that cannot be read at all (cut short, locked by a password, an .xls or .ods, a zip
    // of something else): said as the reader says it, not as a list to save as CSV.
    if (book && "damaged" in book) return reportDiagnostics(ctx, book.damaged);
    const fromBook = book && { ...book, rubric: `${book.rubric.id} ${book.rubric.version}` };
    if (unreadable && fromBook === undefined) return reportDiagnostics(ctx, [unreadable]);
    const text = fromBook?.text ?? decodeUnitsFile(read.bytes);
    const parsed = parseUnitsFile(o.units, text, rubric);
    // Last year's workbook of another scheme, no --rubric given (the default one taken): its kinds
    // are that scheme's, and so one line says which to name, not an error at each line of a list
    // the clerk never saw (乡镇组 "no kind", enterprise "no kind", fourteen of them).
    if (fromBook && o.rubric === undefined && fromBook.rubric !== `${rubric.id} ${rubric.version}` && parsed.diagnostics.some((d) => d.severity === "error")) {
      return reportDiagnostics(ctx, [{ code: "units.from-workbook-name-rubric", severity: "error", data: { rubric: fromBook.rubric, template: `${rubric.id} ${rubric.version}`, id: book && "rubric" in book ? book.rubric.id : "" }, location: { file: o.units } }]);
    }
    // Filled under another scheme than the template's: its kinds and groups taken again by this one's words, said.
    if (fromBook && fromBook.rubric !== `${rubric.id} ${rubric.version}`) reportDiagnostics(ctx, [{ code: "units.from-workbook-other-rubric", severity: "warning", data: { rubric: fromBook.rubric, template: `${rubric.id} ${rubric.version}` }, location: { file: o.units } }]);
    // (Its lines, where a problem is said at one, are its units in order: said so before them.)
    if (fromBook && parsed.diagnostics.length) ctx.io.err(ctx.t("units.from-workbook", { file: o.units, count: fromBook.count, rubric: fromBook.rubric }) + "\n");
    if (parsed.diagnostics.some((d) => d.severity === "error")) {
      const code = reportDiagnostics(ctx, parsed.diagnostics);
      // Kinds the default rubric has not, that another bundled one has every one of (乡镇, 区直部门,
      // 国有企业: the comprehensive scheme's, --rubric forgotten): said which to name.
      const other = o.rubric === undefined ? rubricOfKinds(o.units, text, rubric, await bundledRubrics(), parsed.diagnostics) : undefined;
      if (other) ctx.io.err(ctx.t("template.kinds-of-other-rubric", other) + "\n");
      return code;
    }
    // Warnings (a kind guessed) are said, and the template is made.
    if (parsed.diagnostics.length) reportDiagnostics(ctx, parsed.diagnostics);
    units = parsed.units;
  }
  const target = o.output ?? `${rubric.id}-${year}.xlsx`;
  const misnamed = outputSlip(ctx, o.output) ?? requireXlsx(ctx, target, `${rubric.id}-${year}.xlsx`);
  if (misnamed !== undefined) return misnamed;
  // A template is never written over an existing file (a filled one would be lost) without --force.
  const bad = await checkTarget(target, [...(o.units ? [o.units] : []), ...givenFile(o.rubric)], { force: o.force === true, refusal: "file.exists" });
  if (bad) return targetError(ctx, bad);
  const district = o.district ?? "";
  const failed = await writeAtomic(target, async () => buildTemplate(rubric, { year, district, units, lang: ctx.lang, created: fileStamp(made) }));
  if (failed) return reportDiagnostics(ctx, [failed]);
  // The list as read, by kind (and group): a clerk checks 220 towns, 50 departments and 30 enterprises before filling.
  if (o.units) ctx.io.err(unitCounts(ctx.t, rubric, units) + "\n");
  sayWritten(ctx, target);
  return 0;
}

/** The bundled rubrics (no file of the user's own): where a list's unknown kinds may belong. */
async function bundledRubrics(): Promise<Rubric[]> {
  const all: Rubric[] = [];
  for (const b of (await rubricSource(undefined)).bundled) {
    if (b.own !== undefined) continue;
    const r = b.load().rubric;
    if (r) all.push(r);
  }
  return all;
}

/**
 * An assessment workbook given for the list (last year's, filled): its units as a list's lines, with
 * the rubric it was read under; undefined where it is no assessment workbook that reads.
 */
async function listOfWorkbook(file: string, bytes: Uint8Array, readUnder: Rubric): Promise<BookUnits | undefined> {
  // (Its bytes as read for the list, not read again; its rubric found as a workbook's is, beside it or here.)
  return unitsOfBook(await loadWorkbook({ file, bytes, rubrics: await rubricSource(undefined, [dirname(file), process.cwd()]), host: nodeHost }), readUnder);
}

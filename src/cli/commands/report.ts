// assess report WORKBOOK: validate and score as `score` does, then write the ranking report (named
// as the rubric names it: the bundled scheme's 九月排名报告) as NAME.report.xlsx and/or
// NAME.report.html, each atomically.
import { fileStamp } from "../../report/day.js";
import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { score as scoreEngine } from "../../engine/index.js";
import { extensionOnly, folderGiven, outputSlip, isFolder, isStream, refusedExit, reportDiagnostics, dayOfRun, usageError, type Ctx } from "../io.js";
import { loadForScoring, noWorkbookFirst } from "../input.js";
import { checkTarget, givenFile, oneSheetOfOurs, turn, sayWritten, writeAtomicAll, writtenThisRun, type Refusal } from "../write.js";
import { TOOL } from "../version.js";
import { LANGS, message } from "../../messages/index.js";
import { pageKind } from "../../xlsx/pages.js";
import { editedSince } from "../../report/page-seal.js";
import { unescapeXml } from "../../xlsx/escape.js";
import { reportInputName } from "../../report/september/model.js";
import type { RawCell } from "../../xlsx/read/index.js";
import type { Diagnostic } from "../../diagnostics/index.js";

export type Format = "xlsx" | "html";
const FORMATS: Readonly<Record<string, readonly Format[]>> = { xlsx: ["xlsx"], html: ["html"], both: ["xlsx", "html"] };

/** NAME.report.EXT beside the input. */
function besideInput(input: string, format: Format): string {
  return join(dirname(input), `${basename(input, extname(input))}.report.${format}`);
}

/** Endings of files of other types a report cannot be (a spreadsheet, a document, a table as text). */
const OTHER_TYPES = /^\.(csv|tsv|txt|xls|xlsm|xlsb|xltx|ods|et|pdf|doc|docx|wps|odt|json|xml|md)$/i;

/**
 * The targets per format: -o as given for one format; for both, -o with each format's ending: an
 * ending of ours (.xlsx, .html, .htm) replaced, any other kept (报告.v2, 报告2026.09.15, 报告.终稿:
 * two versions or two days named apart were one file).
 */
export function reportTargets(input: string, formats: readonly Format[], output: string | undefined): { format: Format; path: string }[] {
  return formats.map((format) => {
    if (!output) return { format, path: besideInput(input, format) };
    if (formats.length === 1) return { format, path: output };
    const ext = /^\.(xlsx|html?)$/i.test(extname(output)) ? extname(output) : "";
    return { format, path: join(dirname(output), `${basename(output, ext)}.${format}`) };
  });
}

/**
 * An earlier report of ours: the HTML names us as its generator; the workbook is one sheet whose
 * closing block names us (生成工具:assess …), whatever the sheet is called (a rubric names its
 * report, and may have named it otherwise last time). A workbook of the user's own, whatever its
 * sheet's name, is not.
 */
function isReport(format: Format, input: string): (bytes: Uint8Array) => Promise<boolean | Refusal> {
  // Another workbook's report (its closing block's 数据来源 names it): another district's, say,
  // written under the same -o name; not replaced unsaid, as score keeps another workbook's result.
  const other = (recorded: string | undefined): Refusal | undefined => (recorded !== undefined && !isStream(input) && recorded !== reportInputName(input) ? { code: "file.report-of-other", data: { input: recorded } } : undefined);
  if (format === "html")
    return async (bytes) => {
      if (pageKind(bytes) !== "report") return false;
      const text = new TextDecoder().decode(bytes);
      // Edited since (a signature typed in): what was typed would be lost, as in a report workbook saved since.
      return other(recordedInput(unescapeXml(text))) ?? (editedSince(text) ? { code: "file.report-page-edited", data: {} } : true);
    };
  const tool = LANGS.map((l) => message(l, "report.closing.tool", { tool: "assess " }));
  const closing = (c: RawCell): boolean => {
    const text = c.value.t === "s" ? c.value.v.trim() : "";
    return tool.some((w) => text.startsWith(w));
  };
  let recorded: string | undefined;
  const ours = (rows: RawCell[][]): boolean => {
    for (const r of rows) for (const c of r) recorded ??= c.value.t === "s" ? recordedInput(c.value.v) : undefined;
    return rows.some((r) => r.some(closing));
  };
  return async (bytes) => {
    const found = await oneSheetOfOurs(bytes, ours);
    if (!found) return false;
    const refused = other(recorded);
    if (refused) return refused;
    // Saved since by a spreadsheet program: what was typed into it (a signature, a note) would be lost.
    return found.asWritten ? true : { code: "file.report-saved-since", data: {} };
  };
}

/** The workbook a report's closing block names as its data (数据来源:青山区2026.xlsx(SHA-256 …)), in either language. */
function recordedInput(text: string): string | undefined {
  for (const l of LANGS) {
    const [before, after] = message(l, "report.closing.input", { file: "\u0000", sha: "\u0001" }).split("\u0000");
    const start = before ? text.indexOf(before) : -1;
    if (start < 0 || after === undefined) continue;
    const tail = after.slice(0, after.indexOf("\u0001"));
    const from = start + (before?.length ?? 0);
    const end = text.indexOf(tail, from);
    if (end > from) return text.slice(from, end);
  }
  return undefined;
}

export async function report(ctx: Ctx, file: string, o: { output?: string; format: string; rubric?: string; force?: boolean }): Promise<number> {
  const key = o.format.trim().toLowerCase();
  const formats = Object.hasOwn(FORMATS, key) ? FORMATS[key] : undefined;
  if (!formats) {
    return usageError(ctx, "usage.report-format", { value: o.format });
  }
  // A folder given for the output: said as such (with both formats, -o is the files' stem, and the
  // folder's name would have become SOMEFOLDER.xlsx beside it).
  // "-" (standard output) or nothing at all: no file to write (report -o - wrote -.xlsx and -.html).
  const example = `${ctx.lang === "en" ? "report" : "报告"}.${formats.length === 1 ? formats[0] : "xlsx"}`;
  if (o.output !== undefined && o.output.trim() === "") return usageError(ctx, "usage.output-empty", { example });
  if (o.output === "-") return usageError(ctx, "usage.output-no-file", { file: o.output, example });
  const bare = o.output !== undefined ? (outputSlip(ctx, o.output) ?? extensionOnly(ctx, o.output, example)) : undefined;
  if (bare !== undefined) return bare;
  // (Of the format asked for: --format html, or a folder named out.html, is offered 报告.html.)
  const asked = formats.length === 1 ? formats[0] : o.output !== undefined && /\.html?$/i.test(o.output) ? "html" : "xlsx";
  if (o.output !== undefined && isFolder(o.output)) return folderGiven(ctx, o.output, `${ctx.lang === "en" ? "report" : "报告"}.${asked}`);
  // Read from a pipe, the report has no folder to go beside it in.
  if (o.output === undefined && isStream(file)) return usageError(ctx, "usage.output-needed", { file, example });
  // Both formats from one -o NAME.csv (.xls, .pdf…): a file of another type asked for, not a name
  // whose ending is ours to replace (y.xlsx and y.html were written for y.csv).
  if (o.output !== undefined && formats.length > 1 && OTHER_TYPES.test(extname(o.output))) return usageError(ctx, "usage.report-extension-both", { file: o.output, example: join(dirname(o.output), `${basename(o.output, extname(o.output))}.xlsx`) });
  const targets = reportTargets(file, formats, o.output);
  // An HTML report in a file named .xlsx (or the reverse) would not open: refuse the name.
  const misnamed = targets.find((t) => !new RegExp(t.format === "html" ? "\\.html?$" : "\\.xlsx$", "i").test(t.path));
  if (misnamed) {
    const named = `${ctx.lang === "en" ? "report" : "报告"}.${misnamed.format}`;
    return isFolder(misnamed.path) ? folderGiven(ctx, misnamed.path, named) : usageError(ctx, "usage.report-extension", { file: misnamed.path, format: misnamed.format, example: named });
  }
  // (Not for a file that is no workbook: what it is comes first, not a report to --force over.)
  const notOne = await noWorkbookFirst(ctx, file, o.rubric);
  if (notOne !== undefined) return notOne;
  const bad: Diagnostic[] = [];
  for (const t of targets) {
    const refused = await checkTarget(t.path, [file, ...givenFile(o.rubric)], { force: o.force === true, ours: isReport(t.format, file), refusal: "file.exists-not-result" });
    // Both formats from one -o: its ending replaced per format, the Excel one may be the input's
    // own name (-o 青山区 or 青山区.html writes 青山区.xlsx): said so, or the refusal reads as false.
    if (refused?.code === "file.output-is-input" && o.output && targets.length > 1) bad.push({ ...refused, code: "report.output-is-input-both", data: { given: o.output, file: basename(t.path), example: `${basename(t.path, extname(t.path))}${ctx.lang === "en" ? "-report" : "-报告"}` } });
    else if (refused) bad.push(refused);
  }
  if (bad.length) {
    // Both formats are written or neither: the one not refused is said not written either (a
    // clerk took the HTML for updated).
    const either = targets.filter((t) => !bad.some((d) => d.location && "file" in d.location && d.location.file === t.path));
    const notes: Diagnostic[] = either.map((t) => ({ code: "report.not-written-either", severity: "warning", data: {}, location: { file: t.path } }));
    reportDiagnostics(ctx, [...bad, ...notes]);
    return refusedExit(bad);
  }
  const loaded = await loadForScoring(ctx, file, o.rubric);
  if (typeof loaded === "number") return loaded;
  const { rubric, submission, progress } = loaded;
  // Each stage said on a terminal (a province's report took a minute without a word after reading).
  progress.step("progress.scoring");
  await turn();
  const results = scoreEngine(rubric, submission);
  const m = await import("../../report/september/index.js");
  const date = dayOfRun(ctx);
  const model = m.buildReport(rubric, results, { lang: ctx.lang, cover: submission.cover, date, tool: TOOL });
  // Both made before either replaces an earlier one: an interruption, or a failure while they are
  // made, leaves the two as they were (this run's Excel report beside last run's HTML one read as
  // one report); the second failing to replace its earlier file once the first has (open in
  // another program) is said.
  const failed = await writeAtomicAll(
    targets.map((t) => ({
      target: t.path,
      produce: async () => {
        progress.step("progress.writing", { file: t.path });
        await turn();
        return t.format === "xlsx" ? m.reportXlsx(model, fileStamp(date)) : new TextEncoder().encode(m.reportHtml(model));
      },
    })),
  );
  progress.done();
  if (failed) {
    // The other said not written either; or, where its renaming came first and the failure after
    // it (the HTML open in another program on Windows), written.
    const others = targets.filter((t) => !(failed.location && "file" in failed.location && failed.location.file === t.path));
    const notes: Diagnostic[] = others.filter((t) => !writtenThisRun(t.path)).map((t) => ({ code: "report.not-written-either", severity: "warning", data: {}, location: { file: t.path } }));
    // And where the one not written holds an earlier report: that it is not this run's (a new Excel
    // report beside last run's HTML one read as one report).
    const written = others.filter((t) => writtenThisRun(t.path));
    const failedAt = failed.location && "file" in failed.location ? failed.location.file : undefined;
    const stale: Diagnostic[] = written.length && failedAt !== undefined && existsSync(failedAt) ? [{ code: "report.other-stale", severity: "warning", data: { written: written.map((t) => basename(t.path)).join("、") }, location: { file: failedAt } }] : [];
    const code = reportDiagnostics(ctx, [failed, ...notes, ...stale]);
    for (const t of written) sayWritten(ctx, t.path);
    return code;
  }
  for (const t of targets) sayWritten(ctx, t.path);
  return 0;
}

// assess score WORKBOOK: validate, score, rank, award; write NAME.scored.xlsx beside the input
// (atomically, never over the input); print the rankings, or the JSON with --json.
import { closeSync, openSync, realpathSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { startScoring } from "../../engine/index.js";
import { resultsJson } from "../../report/json.js";
import { notesTables, resultTables } from "../../report/result-sheets.js";
import { keptSheetNames, notCarriedCode, scoredName, writeAhead, writeResultWorkbook, type Written } from "../../report/result-file.js";
import type { Results } from "../../model/results.js";
import type { Rubric } from "../../rubric/model.js";
import { currentInfoSheet, earlierResults, isInfoSheetName, isOurResultSheet, listedBy, probablyOurs, recordedDistrict, recordedInput, recordedOutput, recordedYear, rubricChangedSince } from "../../workbook/ours.js";
import { isStream, outputSlip, reportDiagnostics, requireXlsx, dayOfRun, targetError, usageError, type Ctx } from "../io.js";
import { loadForScoring, noWorkbookFirst, resultSavedSince } from "../input.js";
import { checkTarget, givenFile, sheetsNamed, sheetsOnlyIn, turn, sayWritten, writeAtomic, type Refusal } from "../write.js";
import { readUserFile } from "../files.js";
import { DEFAULT_LIMITS, type WorkbookReader } from "../../xlsx/read/index.js";
import { coverYear } from "../../model/submission.js";
import { nodeHost } from "../host.js";
import { betweenParts, stepEnded } from "../memory.js";
import { SheetWriterStopped } from "../sheet-deflater.js";
import { shaChange, type Host } from "../../load/index.js";
import type { RawCell } from "../../xlsx/read/index.js";
import { TOOL } from "../version.js";
import { diagnosticsJson } from "../../diagnostics/render.js";
import type { Diagnostic } from "../../diagnostics/index.js";

/**
 * NAME.scored.xlsx beside the input. A result scored again (NAME.scored.xlsx, edited) may not be
 * written over, being the input: NAME.scored (2).xlsx, then (3)…
 */
export function defaultOutput(input: string): string {
  return join(dirname(input), scoredName(basename(input)));
}

/** What an existing output that is a result of ours records (its input's name and district, the sheets its run wrote), and its sheets. */
interface EarlierResult {
  input: string;
  district: string;
  year: string;
  /** Its provenance sheet's name. */
  info: string;
  listed: readonly string[];
  /** Its sheets' names. */
  sheets: readonly string[];
  /** Saved since by another program (Excel, WPS…): it may hold changes made by hand. */
  savedSince?: boolean;
  /** A copy of a result kept under another name (refused once its sheets the run would lose are said). */
  copy?: Refusal;
  /** Its provenance sheet's rows (what rubric file scored it). */
  infoRows?: readonly (readonly RawCell[])[];
  /** Its bytes as checked, until the sheets scoring again would lose are looked for (not read twice: a province's result is large). */
  bytes?: Uint8Array | undefined;
}

/**
 * An earlier result of this input (by the workbook's name its provenance sheet records): replaced
 * without asking, re-scoring being the daily work. Another workbook's result (another district's,
 * named by a slip of -o) holds a copy of that workbook: not replaced without --force. The district
 * it records is kept (`seen`), to be told against this workbook's cover once that is read.
 */
function resultOfThis(input: string, target: string, named: boolean, seen: EarlierResult): (bytes: Uint8Array) => Promise<boolean | Refusal> {
  // Read from a pipe, the workbook has no name of its own ("stdin", "63"): a result of another
  // pipe's is this one's as much (the district still tells another district's apart).
  const piped = isStream(input);
  // (A macro-enabled workbook saved again as .xlsx, as carry.macro advises, is the same workbook: q.xlsm's result is q.xlsx's.)
  const stem = (name: string): string | undefined => /^(.*)\.xls[xm]$/i.exec(name)?.[1];
  const same = (recorded: string): boolean => recorded === basename(input) || (stem(recorded) !== undefined && stem(recorded) === stem(basename(input))) || (piped && !/\.xlsx$/i.test(recorded));
  return async (bytes): Promise<boolean | Refusal> => {
    // The provenance sheet of its last run (not a copy of one kept beside it).
    const found = await sheetsNamed(bytes, isInfoSheetName);
    const info = found ? currentInfoSheet(found.read) : undefined;
    if (!found || !info) return false;
    seen.input = recordedInput(info.rows);
    seen.district = recordedDistrict(info.rows);
    seen.year = recordedYear(info.rows);
    seen.listed = listedBy(info) ?? [];
    seen.info = info.name;
    seen.infoRows = info.rows;
    seen.sheets = found.names;
    const ours = seen.input === "" || same(seen.input);
    if (!ours) return { code: "file.result-of-other", data: { input: seen.input } };
    // A copy of a result kept under another name (青山区2026-9月.xlsx, the September one to compare
    // with): not replaced by a slip of -o naming it. (The default result, no -o given, is always
    // this workbook's to replace, whatever name it was written as.)
    // (Said after the sheets of its own scoring again would lose: --force would lose them too.)
    const copy = named ? copyOfResult(target, recordedOutput(info.rows), basename(input), piped) : undefined;
    if (copy) seen.copy = copy;
    // Saved since by a spreadsheet program: what was typed into it (a note, a number mended) would
    // be lost. Said once the workbook is read (a sheet added to it is said by name, before this).
    seen.savedSince = !info.asWritten;
    seen.bytes = bytes;
    return true;
  };
}


/** The names a result at `target` is written as: its own, and through a link, the file's it links to. */
function namesOf(target: string): string[] {
  try {
    return [basename(target), basename(realpathSync(target))];
  } catch {
    return [basename(target)];
  }
}

/** Names as a file system tells them apart where it ignores case (结果.XLSX is 结果.xlsx). */
const alike = (name: string): string => name.normalize("NFC").toLowerCase();

/**
 * Where the result at `target` is a copy of one kept under another name than it was written as
 * (`written`, as its 计分信息 records it; through a link, by the name it links to; a hard link
 * beside it of that name is the same file): the refusal. A result that records no name (an earlier
 * version's) is taken as written under its input's default name alone.
 */
function copyOfResult(target: string, written: string, input: string, piped: boolean): Refusal | undefined {
  const names = namesOf(target).map(alike);
  if (written !== "") {
    if (names.includes(alike(written))) return undefined;
    try {
      const [a, b] = [statSync(target), statSync(join(dirname(target), written))];
      if (a.ino === b.ino && a.dev === b.dev) return undefined;
    } catch {
      // No file of the name beside it: a copy.
    }
    return { code: piped ? "file.result-copy-piped" : "file.result-copy", data: { written } };
  }
  // (Piped, the workbook had no name to make a default of.)
  const usual = input === "" || piped ? "" : scoredName(input);
  if (usual === "" || names.includes(alike(usual))) return undefined;
  return { code: "file.result-copy-unnamed", data: { usual } };
}

/**
 * The sheets of the earlier result at `target` that scoring again would not carry (a sheet the
 * user added). Read in a function of its own: its bytes (a province's result is large) are let go
 * once looked at, not kept through the run.
 */
async function sheetsLostFrom(target: string, inputSheets: readonly string[], rubric: Rubric, earlier: EarlierResult): Promise<string[]> {
  const bytes = earlier.bytes ?? readUserFile(target, DEFAULT_LIMITS.maxFileBytes).bytes;
  earlier.bytes = undefined;
  if (!bytes) return [];
  return sheetsOnlyIn(bytes, inputSheets, {
    ours: isOurResultSheet,
    probablyOurs: probablyOurs(rubric, earlier.listed),
    replaced: (names, results) => earlierResults(rubric, names, names.indexOf(earlier.info), earlier.listed.length ? earlier.listed : undefined, results),
  });
}

/** Sheets larger than this (unpacked) are not looked through: a province's data, not a summary of ours. */
const FORMULA_SHEET_MAX = 8 << 20;

/**
 * Where a sheet of the user's has a formula reading one of the earlier result's sheets (made afresh
 * by this run): one warning a sheet, at its first such formula, naming the sheets it reads — or,
 * first, at a formula reading one this run does not write (`written`: the new result's sheets;
 * the result written in the other language, a kind with no units this year), which will not be
 * there: its figure stays the old one until worked out again, then an error.
 */
async function formulasReadingResults(book: WorkbookReader, earlier: (sheet: string) => boolean, file: string, written: ReadonlySet<string>): Promise<Diagnostic[]> {
  const results = book.sheets.filter((s) => earlier(s.name)).map((s) => s.name);
  if (!results.length) return [];
  // A sheet named in a formula: quoted ('综合排名 (2)'!A1, '' for ') or bare (综合排名!A1).
  const named = (formula: string): string[] => results.filter((n) => formula.includes(`'${n.replaceAll("'", "''")}'!`) || formula.includes(`${n}!`));
  const gone = new Set(results.filter((n) => !written.has(n)));
  const out: Diagnostic[] = [];
  for (const sheet of book.sheets) {
    if (earlier(sheet.name) || (book.partSize(sheet) ?? 0) > FORMULA_SHEET_MAX) continue;
    // A sheet that cannot be read was said so as it was read: nothing more to say of it here.
    const lost = gone.size ? await book.findFormula(sheet, (f) => named(f).some((n) => gone.has(n))).catch(() => undefined) : undefined;
    if (lost) {
      out.push({ code: "workbook.formula-reads-result-gone", severity: "warning", data: { sheets: named(lost.formula).filter((n) => gone.has(n)).join("、") }, location: { file, sheet: sheet.name, cell: lost.cell } });
      continue;
    }
    const found = await book.findFormula(sheet, (f) => named(f).length > 0).catch(() => undefined);
    if (found) out.push({ code: "workbook.formula-reads-result", severity: "warning", data: { sheets: named(found.formula).join("、") }, location: { file, sheet: sheet.name, cell: found.cell } });
  }
  // And a name of the user's (名称管理器: 冠军 = 综合排名!$B$4) reading them, which formulas use
  // unseen (one local to a sheet of the earlier result goes with it; Excel's own print names aside).
  for (const n of book.definedNames) {
    if (n.name.startsWith("_xlnm.") || (n.local !== undefined && earlier(book.sheets[n.local]?.name ?? ""))) continue;
    const read = named(n.formula);
    if (!read.length) continue;
    const lost = read.filter((r) => gone.has(r));
    out.push({ code: lost.length ? "workbook.name-reads-result-gone" : "workbook.name-reads-result", severity: "warning", data: { name: n.name, sheets: (lost.length ? lost : read).join("、") }, location: { file } });
  }
  return out;
}

export async function score(ctx: Ctx, file: string, o: { output?: string; rubric?: string; json?: boolean; force?: boolean; wide?: boolean }): Promise<number> {
  // Read from a pipe, the result has no folder to go beside it in.
  if (o.output === undefined && isStream(file)) return usageError(ctx, "usage.output-needed", { file, example: ctx.lang === "en" ? "result.xlsx" : "结果.xlsx" });
  const target = o.output ?? defaultOutput(file);
  const misnamed = outputSlip(ctx, o.output) ?? requireXlsx(ctx, target);
  if (misnamed !== undefined) return misnamed;
  // A bad output path is said before the work, not after it.
  // An earlier result of this workbook (NAME.scored.xlsx) is replaced: re-scoring is the daily
  // work. Any other existing file (another district's workbook or result, say) is not, without --force.
  const earlierResult: EarlierResult = { input: "", district: "", year: "", info: "", listed: [], sheets: [] };
  // (Not for a file that is no workbook: what it is comes first, not a result to --force over.)
  const notOne = await noWorkbookFirst(ctx, file, o.rubric, o.json);
  if (notOne !== undefined) return notOne;
  const bad = await checkTarget(target, [file, ...givenFile(o.rubric)], { force: o.force === true, ours: resultOfThis(file, target, o.output !== undefined, earlierResult), refusal: "file.exists-not-result" });
  if (bad) return targetError(ctx, bad, o.json);
  // With --json, even an invalid workbook answers on stdout: the diagnostics document.
  // (Its result sheets saved since are said below, in words of scoring again.)
  const loaded = await loadForScoring(ctx, file, o.rubric, o.json, undefined, { savedSince: false });
  if (typeof loaded === "number") return loaded;
  const { rubric, submission, workbookReader, earlier, selected, progress } = loaded;
  // Stopped after reading: with --json, the document holds the input's warnings with the problem
  // (they went to standard error as text already), as it does where the input is invalid.
  const stop = (d: Diagnostic, code: number): number => {
    reportDiagnostics(ctx, o.json ? [...loaded.diagnostics, d] : [d], o.json);
    return code;
  };
  // An earlier result of a workbook named alike but of another district (d1/2026.xlsx, d2/2026.xlsx):
  // known by the district its provenance sheet records, now that this cover's is read.
  // So is last year's of the same name (2025/青山区.xlsx onto 2026/青山区.scored.xlsx), by its year.
  const district = submission.cover.district?.trim() ?? "";
  const year = coverYear(submission.cover.year);
  const otherYear = earlierResult.year !== "" && year !== "" && coverYear(earlierResult.year) !== year;
  if ((earlierResult.district && district && earlierResult.district !== district) || otherYear) {
    progress.done();
    const said = [earlierResult.input, earlierResult.district, otherYear ? earlierResult.year : ""].filter((x) => x !== "").join(" ");
    return stop({ code: "file.result-of-other", severity: "error", data: { input: said }, location: { file: target } }, 2);
  }
  // An earlier result a sheet was added to (领导批示), or one of ours replaced by a sheet of the
  // user's: scoring again would lose it. Looked for in its sheets not in this workbook (the file
  // read again: its bytes are not kept through loading, a province's result being large).
  const inputSheets = workbookReader?.sheets.map((s) => s.name) ?? [];
  const input = new Set(inputSheets);
  if (!o.force && workbookReader && earlierResult.sheets.some((name) => !input.has(name))) {
    const own = await sheetsLostFrom(target, inputSheets, rubric, earlierResult);
    if (own.length) {
      progress.done();
      // Saved since too (a note typed into a ranking): both said, for copying the sheets over and
      // scoring with --force would lose the note unsaid.
      const code = earlierResult.savedSince ? "file.result-has-own-sheets-saved-since" : "file.result-has-own-sheets";
      return stop({ code, severity: "error", data: { sheets: own.join(" / ") }, location: { file: target } }, 2);
    }
  }
  earlierResult.bytes = undefined;
  if (!o.force && earlierResult.copy) {
    progress.done();
    return stop({ code: earlierResult.copy.code, severity: "error", data: earlierResult.copy.data, location: { file: target } }, 2);
  }
  if (!o.force && earlierResult.savedSince) {
    progress.done();
    return stop({ code: "file.result-saved-since", severity: "error", data: {}, location: { file: target } }, 2);
  }
  // The result replaced made from another file of this rubric's id and version (the rubric edited,
  // its version kept): said, unless the workbook (a result itself) said it already.
  const late: Diagnostic[] = [];
  const changed = earlierResult.infoRows && !loaded.bundledRubric ? rubricChangedSince(earlierResult.infoRows, rubric) : undefined;
  if (changed && !loaded.diagnostics.some((d) => d.code === "workbook.rubric-changed-since-scored")) {
    late.push({ code: "file.rubric-changed-since-scored", severity: "warning", data: shaChange(rubric, changed.sha256), location: { file: target } });
    reportDiagnostics(ctx, late);
  }
  // A result given as the workbook, saved since it was scored (a note typed into its ranking): the
  // new result makes those sheets afresh, without the note; said, the input itself being left as it is.
  // (Said on standard error, and among the JSON's warnings, as the one above.)
  const asInput: Diagnostic[] = [];
  if (workbookReader && earlier && (await resultSavedSince(workbookReader, earlier))) {
    asInput.push({ code: "workbook.result-input-saved-since", severity: "warning", data: {}, location: { file } });
  }
  if (asInput.length) {
    reportDiagnostics(ctx, asInput);
    late.push(...asInput);
  }
  progress.step("progress.scoring");
  await turn();
  // What reading left (the sheets read on the second thread come over as blocks of typed arrays).
  stepEnded(submission.units.length);
  const source = workbookReader ? { pkg: workbookReader.pkg, earlier: earlier ?? (() => false), selected: selected ?? [] } : undefined;
  const scoring = startScoring(rubric, submission);
  // A province's scoring notes (most of its result's bytes) need the points alone: the second
  // thread writes them while this one makes the rankings.
  const kept = workbookReader ? keptSheetNames(workbookReader.sheets, earlier) : [];
  // The day scored, on every printed page and in the provenance.
  const scoredOn = dayOfRun(ctx);
  const notes = notesTables(rubric, submission, scoring, ctx.lang, { kept, scoredOn });
  const ahead = await writeAhead(nodeHost, notes, { lang: ctx.lang, units: scoring.units.length, ...(source ? { source } : {}) });
  // What scoring the items and making the notes left goes before the rankings pile on it.
  stepEnded(scoring.units.length);
  let results: Results;
  let written: Written = {};
  let reading: Diagnostic[] = [];
  try {
    await turn();
    // What a unit lacks for a better grade is in the JSON, and in no sheet: worked out for it alone.
    const between = betweenParts(scoring.units.length);
    results = scoring.finish({ gradeGaps: o.json === true, ...(between ? { between } : {}) });
    // And what ranking left (its sort keys and ranges), before the other sheets are made.
    stepEnded(results.units.length);
    progress.step("progress.writing", { file: target });
    await turn();
    const tables = resultTables(rubric, submission, results, ctx.lang, TOOL, { notes, kept, scoredOn, output: namesOf(target).at(-1) ?? basename(target) });
    // A sheet of the user's whose formulas read an earlier result's sheets (a 汇报 linking to 综合排名):
    // those sheets are made afresh, their columns where this run puts them (名次区间, 等次 come and
    // go), or not made at all (said once the workbook is written, with what else is said then).
    if (workbookReader && earlier) reading = await formulasReadingResults(workbookReader, earlier, file, new Set(tables.map((t) => t.name)));
    // A province's sheets are written on a second thread; should it stop (it should not), the
    // workbook is written again on this one, without what it had written ahead.
    let host: Host = nodeHost;
    let first = ahead;
    let stopped = false;
    const produce = async (tmp: string): Promise<void> => {
      const fd = openSync(tmp, "wx");
      try {
        const sink = (b: Uint8Array): void => {
          for (let done = 0; done < b.length; ) done += writeSync(fd, b, done, b.length - done);
        };
        const taken = first;
        first = undefined;
        written = await writeResultWorkbook(sink, host, tables, { lang: ctx.lang, tool: TOOL, units: results.units.length, ...(source ? { source } : {}), ...(taken ? { ahead: taken } : {}) });
      } catch (e) {
        if (e instanceof SheetWriterStopped) stopped = true;
        throw e;
      } finally {
        closeSync(fd);
      }
    };
    let failed = await writeAtomic(target, produce);
    if (failed && stopped) {
      host = { ...nodeHost, sheetDeflater: () => undefined };
      failed = await writeAtomic(target, produce);
    }
    progress.done();
    if (failed) return stop(failed, 1);
    if (reading.length) {
      reportDiagnostics(ctx, reading);
      late.push(...reading);
    }
  } finally {
    // The workbook's writer closes the thread it takes; this one, should it never get there.
    ahead?.offload.close();
  }
  if (written.notCarried) {
    reportDiagnostics(ctx, [{ code: notCarriedCode(written.notCarried, file), severity: "warning", data: {}, location: { file } }]);
  }
  if (o.json) {
    // With the cover, and the warnings as data (they went to standard error as text too).
    ctx.io.out(resultsJson(results, { rubric, cover: submission.cover, warnings: diagnosticsJson([...loaded.diagnostics, ...late], ctx.lang), output: target }) + "\n");
  } else {
    const { rankingTables } = await import("../table.js");
    ctx.io.out(rankingTables(ctx, rubric, results, o.wide === true, file));
  }
  sayWritten(ctx, target);
  return 0;
}

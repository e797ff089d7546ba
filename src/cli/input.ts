// What score, validate, explain and report load: the workbook's file, read and handed to the
// loading library with the rubrics on disk; diagnostics printed; a valid submission or an exit code.
import { namesGroup } from "../workbook/group-name.js";
import { turn } from "./write.js";
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import { loadWorkbook, type Loaded } from "../load/index.js";
import { namedByFile } from "../load/file-name.js";
import { allItems, type Rubric } from "../rubric/model.js";
import type { Cover, Submission } from "../model/submission.js";
import type { Results } from "../model/results.js";
import { score as scoreEngine } from "../engine/index.js";
import { DEFAULT_LIMITS, type WorkbookReader } from "../xlsx/read/index.js";
import { writtenAsOurs } from "../xlsx/write/worksheet.js";
import { isInfoSheetName } from "../workbook/ours.js";
import { plainlyNoWorkbook, readUserFileAsync } from "./files.js";
import { lockOf } from "./write.js";
import { nodeHost } from "./host.js";
import { bundledFromHere, rubricSource } from "./rubric-source.js";
import { progressFor, type Progress } from "./progress.js";
import { reportDiagnostics, type Ctx } from "./io.js";

export type Input = Loaded & { readonly bytes?: Uint8Array };

/** What loading says besides: `savedSince` false, not an earlier result's sheets saved since (score says it in its own words). */
export interface LoadOptions {
  readonly savedSince?: boolean;
}

/**
 * Whether the workbook holds an earlier run's result sheets (`earlier`) that a program saved since:
 * its provenance sheet (small: a province's rankings are not unpacked again for it), else its first
 * such sheet, not as we write it.
 */
export async function resultSavedSince(book: WorkbookReader, earlier: (sheet: string) => boolean): Promise<boolean> {
  const ours = book.sheets.find((s) => earlier(s.name) && isInfoSheetName(s.name)) ?? book.sheets.find((s) => earlier(s.name));
  if (!ours) return false;
  try {
    const xml = await book.sheetXml(ours);
    return xml !== undefined && !writtenAsOurs(xml);
  } catch {
    return false;
  }
}

/** The workbook at `file` loaded, with every diagnostic (a file that cannot be read is one). */
export async function loadInput(file: string, rubricFlag: string | undefined, progress?: Progress, o: LoadOptions = {}): Promise<Input> {
  const read = await readUserFileAsync(file, DEFAULT_LIMITS.maxFileBytes);
  if (!read.bytes) return { diagnostics: read.diagnostics, sha256: "" };
  // An office's own rubric, named by the cover, is found beside the workbook or in the current folder.
  const rubrics = await rubricSource(rubricFlag, [dirname(file), process.cwd()]);
  // Before each sheet, the news said and a turn of the event loop: Ctrl-C is answered while a province is read.
  const step = async (code: string, data: Record<string, string | number>): Promise<void> => {
    progress?.step(code, data);
    await turn();
  };
  const loaded = withFileName(file, await loadWorkbook({ file, bytes: read.bytes, rubrics, host: nodeHost, progress: step }));
  // Open in a spreadsheet program (its lock file beside it): what is read is what was last saved.
  const lock = lockOf(file);
  // (A lock file read by mistake is not its own lock.)
  const open: Diagnostic[] = lock && lock !== basename(file) ? [{ code: "file.input-open", severity: "warning", data: { lock }, location: { file } }] : [];
  // An earlier result saved since by a spreadsheet program (a total typed over in 综合排名): what
  // was typed into its result sheets is not read, the results being worked out afresh from its
  // input sheets; said (diff of the result sent out and the one on disk said nothing changed).
  if (o.savedSince !== false && loaded.workbookReader && loaded.earlier && (await resultSavedSince(loaded.workbookReader, loaded.earlier))) {
    open.push({ code: "workbook.result-sheets-saved-since", severity: "warning", data: {}, location: { file } });
  }
  // (Only where the rubric used is a bundled one, and only what is said of it: a file of the
  // office's own spelt the same, rubric/NAME in the current folder, is another file.)
  const bundledAt = loaded.bundledRubric ? loaded.rubric?.file : undefined;
  const ofIt = (d: Diagnostic): boolean => bundledAt !== undefined && d.location?.file === bundledAt && !OF_OTHER_FILES.has(d.code) && !d.code.startsWith("rubric.file-says-");
  return { ...loaded, diagnostics: [...open, ...loaded.diagnostics.map((d) => (ofIt(d) ? fromHere(d) : d))], bytes: read.bytes };
}

/** What is said of another rubric file than the one used (a copy of the bundled one's name, a twin). */
const OF_OTHER_FILES: ReadonlySet<string> = new Set(["rubric.shadowed", "rubric.shadowed-invalid", "rubric.own-twin-differs", "rubric.given-as-bundled"]);

/** A diagnostic at a bundled rubric's line (a quota its few units round to none), at that file as it is found from here. */
function fromHere(d: Diagnostic): Diagnostic {
  const file = d.location?.file;
  const shown = file === undefined ? file : bundledFromHere(file);
  if (!d.location || shown === file || shown === undefined) return d;
  return { ...d, location: { ...d.location, file: shown }, ...(d.data.file === file ? { data: { ...d.data, file: shown } } : {}) };
}

/**
 * A file that is no workbook, said by its name where that tells what it is (namedByFile), with the
 * workbook a lock file stands beside named where it is there.
 */
function withFileName(file: string, loaded: Loaded): Loaded {
  return namedByFile(basename(file), loaded, (name) => {
    const libre = /^\.~lock\.(.+)#$/.exec(name)?.[1];
    const workbook = libre ?? lockedBy(dirname(file), name.slice(2));
    return workbook !== undefined && existsSync(join(dirname(file), workbook)) ? workbook : undefined;
  });
}

/** The workbook an Excel lock file (~$ and the name, or ~$ in place of a long name's first two characters) stands beside. */
function lockedBy(dir: string, rest: string): string | undefined {
  if (existsSync(join(dir, rest))) return rest;
  try {
    // One workbook it can be; two (liuhe-2026.xlsx and zhuhe-2026.xlsx for ~$uhe-2026.xlsx), neither named.
    const can = readdirSync(dir).filter((f) => !f.startsWith("~$") && f.length === rest.length + 2 && f.endsWith(rest));
    return can.length === 1 ? can[0] : undefined;
  } catch {
    return undefined;
  }
}

export interface ForScoring extends Input {
  readonly rubric: Rubric;
  readonly submission: Submission;
  readonly progress: Progress;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What score, explain and report share: load with progress, print the diagnostics, and either go
 * on with a valid submission or stop with the exit code (1). With json, an invalid workbook
 * answers with the diagnostics document on stdout. `shown`: what to print of a valid input's
 * warnings (all of them, where not given).
 */
export async function loadForScoring(ctx: Ctx, file: string, rubricFlag: string | undefined, json = false, shown: (input: Input) => readonly Diagnostic[] = (input) => input.diagnostics, o: LoadOptions = {}, invalid?: (input: Input) => number | undefined): Promise<ForScoring | number> {
  const progress = progressFor(ctx, file);
  const input = await loadInput(file, rubricFlag, progress, o);
  progress.done();
  const { rubric, submission, diagnostics } = input;
  if (!rubric || !submission) return invalid?.(input) ?? notDone(ctx, diagnostics, json, "summary.not-scored");
  reportDiagnostics(ctx, shown(input));
  return { ...input, rubric, submission, progress };
}

/**
 * Before a command's output path is checked: a file that is plainly no workbook (an .et, a .docx
 * beside the result of the .xlsx of its name) is said to be that, its exit code returned, rather
 * than its would-be result refused as another's (which asked for --force). Undefined otherwise.
 */
export async function noWorkbookFirst(ctx: Ctx, file: string, rubricFlag: string | undefined, json = false): Promise<number | undefined> {
  if (!plainlyNoWorkbook(file)) return undefined;
  const loaded = await loadForScoring(ctx, file, rubricFlag, json);
  return typeof loaded === "number" ? loaded : undefined;
}

/**
 * An input's problems, and (where they are in its cells) their count and that the command did
 * nothing with it (a list ending on a warning read as done); a file that cannot be read is said by
 * its one line. Exit code 1.
 */
export function notDone(ctx: Ctx, diagnostics: readonly Diagnostic[], json: boolean, said: "summary.not-scored" | "summary.not-compared"): number {
  const inCells = !json && diagnostics.some((d) => d.location !== undefined && "sheet" in d.location);
  const code = reportDiagnostics(ctx, diagnostics, json, { counted: inCells }) || 1;
  if (inCells) {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    // Its only errors the rubric its cover names, not found: a file to get, nothing to correct in it.
    const rubricOnly = errors > 0 && diagnostics.every((d) => d.severity !== "error" || /^rubric\.(?:version-)?not-found(?:-diff)?$/.test(d.code));
    ctx.io.err(ctx.t(rubricOnly ? `${said}-rubric` : said, { errors, warnings: diagnostics.length - errors }) + "\n");
    const advice = otherVersionAdvice(ctx, diagnostics);
    if (advice) ctx.io.err(advice + "\n");
  }
  return code;
}

/**
 * A workbook filled in on another version's form that has errors under the version given
 * (--rubric): how to score it under either (its own, or the given one's form with the values
 * carried over); filled in on another scheme's altogether, to leave --rubric out. Undefined where
 * nothing is wrong.
 */
export function otherVersionAdvice(ctx: Ctx, diagnostics: readonly Diagnostic[]): string | undefined {
  if (!diagnostics.some((d) => d.severity === "error")) return undefined;
  // Scored under the version the cover names, a later one beside it: the form may be the later one's.
  const later = diagnostics.find((d) => d.code === "rubric.newer-beside");
  if (later) return ctx.t("summary.newer-version", { rubric: String(later.data.rubric ?? ""), newer: String(later.data.newer ?? "") });
  const mismatch = diagnostics.find((d) => d.code === "workbook.cover-rubric-mismatch");
  if (!mismatch) return undefined;
  const cover = String(mismatch.data.cover ?? "");
  const rubric = String(mismatch.data.rubric ?? "");
  const idOf = (s: string): string => s.split(" ")[0] ?? "";
  if (idOf(cover) === "" || cover === idOf(cover)) return undefined;
  // The headings fit the rubric given (the cover a slip): the errors are the workbook's own.
  const form = String(mismatch.data.form ?? "");
  if (form === rubric) return undefined;
  // Another scheme altogether (a --rubric slip): its errors are that scheme's form, not the workbook's
  // — the scheme the headings fit where known, else the cover's (a third: neither the cover's nor the one given).
  // (Where the cover names yet another scheme, leaving --rubric out is no way: the cover is to change too.)
  if (form !== "" && idOf(form) !== idOf(rubric)) return ctx.t(idOf(form) === idOf(cover) ? "summary.other-scheme" : "summary.other-scheme-cover-too", { cover: form, rubric, named: cover });
  return ctx.t(idOf(cover) === idOf(rubric) ? "summary.other-version" : "summary.other-scheme", { cover, rubric });
}

/**
 * A workbook scored under a rubric given outright (its cover's naming another version is expected
 * here). `other`: the version it is compared with, whose own columns (an item or an indicator the
 * revision added or removed) are passed over, so that one workbook holding both scores under each,
 * and whose names of the codes both have head their columns as well as this version's.
 */
export async function scoreUnder(file: string, bytes: Uint8Array, rubric: Rubric, other?: Rubric): Promise<{ results?: Results; diagnostics: readonly Diagnostic[]; cover?: Cover }> {
  const beside = other ? { other: { codes: columnCodesOnly(other, rubric), names: columnNames(other), ledgerCodes: ledgerCodesOnly(other, rubric), groups: groupWordsOnly(other, rubric) } } : {};
  const loaded = await loadWorkbook({ file, bytes, rubrics: { given: { rubric, diagnostics: [] }, bundled: [] }, host: nodeHost, ...beside });
  const diagnostics = loaded.diagnostics.filter((d) => d.code !== "workbook.cover-rubric-mismatch");
  const cover = loaded.cover ? { cover: loaded.cover } : {};
  return loaded.submission ? { results: scoreEngine(rubric, loaded.submission), diagnostics, ...cover } : { diagnostics, ...cover };
}

/** The codes a workbook's columns may have under `r` (its lines, items, indicators and targets) that `not` has not. */
function columnCodesOnly(r: Rubric, not: Rubric): ReadonlySet<string> {
  const known = new Set(columnNames(not).keys());
  return new Set([...columnNames(r).keys()].filter((c) => !known.has(c)));
}

/**
 * By unit kind, the words `r` names a group by (its name, id and labels) that name no group of
 * `here`'s kind, each with `here`'s group of the same id: a 分组 column filled as one version
 * names a group is read as the same group under the other (乡镇组 renamed 镇乡组).
 */
function groupWordsOnly(r: Rubric, here: Rubric): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const kind of here.unitKinds) {
    const theirs = r.unitKinds.find((k) => k.id === kind.id);
    const words = new Map<string, string>();
    for (const g of theirs?.groups ?? []) {
      if (!kind.groups.some((x) => x.id === g.id)) continue;
      for (const word of [g.name, g.id, ...g.labels]) if (!kind.groups.some((x) => namesGroup(x, word))) words.set(word, g.id);
    }
    if (words.size) out.set(kind.id, words);
  }
  return out;
}

/** The ledger codes of `r` that `not` has not (a bonus a revision added). */
function ledgerCodesOnly(r: Rubric, not: Rubric): ReadonlySet<string> {
  const known = new Set(not.ledger.map((c) => c.code));
  return new Set(r.ledger.map((c) => c.code).filter((c) => !known.has(c)));
}

/** Each code a workbook's column may have under `r`, with its name. */
function columnNames(r: Rubric): ReadonlyMap<string, string> {
  return new Map([...r.lines.flatMap((l) => [l, ...allItems(l.items)]), ...r.indicators, ...r.targets].map((x) => [x.code, x.name]));
}

// Loading as a library: a workbook's bytes (and the rubrics it may name) become the rubric, the
// submission and every diagnostic, in one straight line — open the package, find the cover,
// resolve the rubric, pull each sheet's rows into the submission reader. It runs wherever
// JavaScript runs: what differs by host (inflating, hashing) comes in through `Host`.
import { Problems, type Diagnostic } from "../diagnostics/index.js";
import { coverYear, type CellAt, type Cover, type Submission } from "../model/submission.js";
import type { Rubric } from "../rubric/model.js";
import { isYear, readCover, COVER_ROWS } from "../workbook/cover.js";
import { COVER_LABELS, headerCode, HEADER_SCAN_ROWS, LISTS_SHEET, SHEET } from "../workbook/layout.js";
import { baseName, currentInfoSheet, earlierResults, isInfoSheetName, listedBy, probablyOurs, rubricChangedSince } from "../workbook/ours.js";
import { SubmissionReader, type OtherVersion } from "../workbook/read.js";
import type { Codec } from "../xlsx/codec.js";
import { DEFAULT_LIMITS, failureDiagnostic, WorkbookReader, type RawCell, type RawRow, type RawSheet, type SheetInfo, type XlsxLimits } from "../xlsx/read/index.js";
import { adviceWhenUsed, byVersion, compareVersions, headingsScheme, otherSchemeFits, resolveRubric, saySame, type BundledRubric, type RubricSource } from "./rubrics.js";

export type { BundledRubric, RubricLoad, RubricSource } from "./rubrics.js";
export { compareVersions, byVersion } from "./rubrics.js";

/** What the core needs from its host besides the codec. */
export interface Host extends Codec {
  /** SHA-256 of bytes, as lower-case hex. */
  sha256(bytes: Uint8Array): Promise<string> | string;
}

export interface LoadInput {
  /** The name the user knows the file by (shown in every diagnostic). */
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly rubrics: RubricSource;
  readonly host: Host;
  readonly limits?: XlsxLimits;
  /**
   * Called as the work goes on (a message code and its data), before each sheet; awaited, so that
   * a page can paint the news before the sheet is read.
   */
  readonly progress?: (code: string, data: Record<string, string | number>) => void | Promise<void>;
  /** Another version of the rubric the workbook is read beside: its own columns passed over, its names of shared codes taken (`rubric diff --on`). */
  readonly other?: OtherVersion;
}

export interface Loaded {
  readonly rubric?: Rubric;
  /** Present only when nothing is wrong (warnings allowed). */
  readonly submission?: Submission;
  readonly diagnostics: readonly Diagnostic[];
  readonly sha256: string;
  /** The opened package, for writing the results into the user's own workbook. */
  readonly workbookReader?: WorkbookReader;
  /** Sheets of an earlier run of ours (replaced when results are written again). */
  readonly earlier?: (sheet: string) => boolean;
  /** The user's sheets whose tab is selected. */
  readonly selected?: readonly string[];
  /** The cover as read (the rubric it names), valid or not. */
  readonly cover?: Cover;
  /** The units read from the sheets and listed on the template's lists sheet, valid or not. */
  readonly unitNames?: readonly string[];
  /** The rubric is one of ours (bundled, not a file of the user's): its file is its version's alone. */
  readonly bundledRubric?: true;
}

/** The first rows of a sheet read whole: enough to see a cover or a header row. */
const PEEK_ROWS = Math.max(COVER_ROWS, HEADER_SCAN_ROWS);

/**
 * What is said of the rubric a workbook is scored under, besides its problems: a file of the
 * user's own beside it named as it but saying something else; a rubric given with a bundled one's
 * id and version but other content; a later version of the scheme beside the workbook.
 */
function rubricAdvice(rubrics: RubricSource, rubric: Rubric, cover: Cover | undefined, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { id, version } = rubric;
  // A file of the user's own named as this bundled rubric but saying something else: not used, and said.
  const shadow = rubrics.given ? undefined : rubrics.shadows?.find((s) => s.id === id && s.version === version);
  if (shadow?.differs()) {
    // A revision saved under the old file name says its own version: said as that, not as a copy to renumber.
    const says = shadow.says?.();
    if (says && (says.id !== id || says.version !== version)) out.push(saysOther(shadow.file, shadow, says.id, says.version));
    // No rubric read from it at all (empty, a folder, a YAML slip): said so, not as other content of the same version.
    else if (shadow.says && !says) out.push({ code: "rubric.shadowed-invalid", severity: "warning", data: { file: shadow.file, rubric: `${id} ${version}` }, location: { file: shadow.file } });
    else out.push({ code: "rubric.shadowed", severity: "warning", data: { file: shadow.file, rubric: `${id} ${version}` }, location: { file: shadow.file } });
  }
  // Two files of the office's own of this id and version (beside the workbook, in the current
  // folder, a rubric/ folder in either), saying different things: the one used named, the other said.
  const used = rubrics.given ? undefined : rubrics.bundled.find((b) => b.own !== undefined && b.id === id && b.version === version)?.own;
  for (const twin of used === undefined ? [] : (rubrics.twins ?? []).filter((s) => s.id === id && s.version === version && s.differs())) {
    out.push({ code: "rubric.own-twin-differs", severity: "warning", data: { file: twin.file, used: used ?? "", rubric: `${id} ${version}` }, location: { file: twin.file } });
  }
  // A rubric given (--rubric) with a bundled one's id and version but other content: its results
  // would be recorded as the bundled scheme's, which they are not.
  if (rubrics.given) {
    const twin = rubrics.bundled.find((b) => !b.own && b.id === id && b.version === version)?.load().rubric;
    if (twin && !saySame(twin, rubric)) out.push({ code: "rubric.given-as-bundled", severity: "warning", data: { rubric: `${id} ${version}` }, location: { file: rubric.file } });
    return out;
  }
  // The cover names a version, and a later one of the same scheme is the office's file beside the
  // workbook: scored under the one named, and the later one said (a year scored under last year's
  // 办法). Of the later versions that read and say when they take effect, the latest in force in
  // the cover's year (a blank year: the latest): not one for a year before it takes effect (last
  // year's workbook scored again, every version kept beside it as the docs advise), nor a draft
  // still being written (it does not read, or says no date).
  if (!cover?.rubricVersion) return out;
  const year = Number(coverYear(cover.year));
  const later = byVersion(rubrics.bundled.filter((b) => b.own !== undefined && b.id === id && compareVersions(b.version, version) > 0)).flatMap((b) => {
    const r = b.load().rubric;
    const from = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(r?.effective ?? "")?.[1]);
    return r && Number.isInteger(from) ? [{ b, r, from }] : [];
  });
  const inForce = later.filter((x) => !Number.isInteger(year) || year === 0 || year >= x.from).at(-1);
  if (inForce) {
    const data = { rubric: `${id} ${version}`, newer: inForce.b.version, file: inForce.b.own ?? "", effective: inForce.r.effective };
    out.push({ code: "rubric.newer-beside", severity: "warning", data, location: cover.versionAt ? { file, ...cover.versionAt } : { file } });
  }
  return out;
}

/**
 * The files of the user's own that say the rubric `id` `version` but are named for another version
 * (a revision saved under its old file name): each said as what it is, beside a cover asking for it.
 */
function misnamedAs(rubrics: RubricSource, id: string, version: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Named as a bundled rubric…
  for (const s of rubrics.shadows ?? []) {
    const says = s.says?.();
    if (says?.id === id && says.version === version) out.push(saysOther(s.file, s, id, version));
  }
  // …or as another version of the office's own scheme (its load says so already).
  for (const b of rubrics.bundled) {
    if (b.own === undefined || b.id !== id) continue;
    const said = b.load().diagnostics.find((d) => d.code === "rubric.file-says-other" && d.data.says === `${id} ${version}`);
    if (said) out.push({ ...said, severity: "warning" });
  }
  return out;
}

/** A file of the user's own whose name says one rubric and whose content another (not used). */
function saysOther(file: string, named: { readonly id: string; readonly version: string }, id: string, version: string): Diagnostic {
  return { code: "rubric.file-says-other", severity: "warning", data: { named: `${named.id} ${named.version}`, says: `${id} ${version}`, name: `${id}-${version}.yaml` }, location: { file } };
}

export async function loadWorkbook(input: LoadInput): Promise<Loaded> {
  const { file, bytes, host } = input;
  const sha256 = await host.sha256(bytes);
  let book: WorkbookReader;
  try {
    book = await WorkbookReader.open(file, bytes, host, input.limits ?? DEFAULT_LIMITS);
  } catch (e) {
    return { diagnostics: [fileFailure(file, e)], sha256 };
  }
  let read: Omit<Loaded, "workbookReader">;
  try {
    read = await readBook(book, { file, sha256, rubrics: input.rubrics, ...(input.progress ? { progress: input.progress } : {}), ...(input.other ? { other: input.other } : {}) });
  } finally {
    book.endAhead();
  }
  // A damaged part nothing read (a theme, a comment) is said too: a result would carry it on. (A
  // package that failed already has said so.)
  if (!read.diagnostics.some((d) => d.severity === "error" && d.code.startsWith("xlsx."))) {
    try {
      await book.checkRest();
    } catch (e) {
      const { submission: _, ...rest } = read;
      return { ...rest, diagnostics: [...read.diagnostics, fileFailure(file, e)] };
    }
  }
  return { ...read, workbookReader: book };
}

/** The sheets of a workbook, as the pipeline reads them: an opened package, or one in memory (tests). */
export interface Book {
  readonly sheets: readonly SheetInfo[];
  /** A sheet's rows, pulled one at a time; undefined for a chart sheet. */
  rows(sheet: SheetInfo): Promise<PulledRows | undefined>;
  /** A sheet at once. */
  sheet(sheet: SheetInfo): Promise<RawSheet>;
  /** From the next sheet asked for on, the largest (but those `skip` names) are read on a second thread, where there is one. */
  readAhead?(skip: (name: string) => boolean): void;
  /** Cell-level problems the package reader found. */
  readonly problems: Problems;
  /** Set to calculate by hand (Excel's 手动计算): its formulas' saved results may be out of date. */
  readonly manualCalculation?: boolean;
  /** Its dates counted from 1904: a date cell's number stored is 1462 less than the serial read. */
  readonly date1904?: boolean;
  /** Links to other workbooks (外部链接). */
  readonly externalLinks?: number;
}

export interface PulledRows extends Iterable<RawRow> {
  readonly merges: readonly string[];
  readonly selected: boolean;
  /** Hidden columns, as pairs of first and last column numbers. */
  readonly hiddenCols?: readonly number[];
}

/**
 * What the result sheets and the report would go without: a cover's year or district left blank
 * (said at its cell), or not found on it at all (a label changed or a row deleted: said at the
 * cover). Their titles, and the report's seal line, put them in front of the rubric's words.
 */
function coverGaps(file: string, cover: Cover): Diagnostic[] {
  if (!cover.at) return [];
  const sheet = cover.at.sheet;
  return (
    [
      ["year", cover.year, cover.yearAt],
      ["district", cover.district, cover.districtAt],
    ] as const
  ).flatMap(([field, value, at]): Diagnostic[] => (value?.trim() ? [] : [{ code: `workbook.cover-blank-${field}`, severity: "warning", data: {}, location: at ? { file, ...at } : { file, sheet } }]));
}

/**
 * Of two covers (封面, and 封面 (2) as Excel names a copy, wherever it was put), the original is
 * read where it names the same rubric as the one read first (the rubric was found by that one);
 * a cover that says otherwise than the one read is said, at its rubric cell.
 */
function oneCover(covers: readonly Cover[], first: Cover, file: string, diagnostics: Diagnostic[]): Cover {
  const sheetOf = (c: Cover): string => c.at?.sheet ?? "";
  const copyOf = (a: string, b: string): boolean => a !== b && baseName(a) === b;
  // The one named as the template names it (封面), else the one no other is the original of.
  const original = covers.find((c) => sheetOf(c) === SHEET.cover) ?? covers.find((c) => !covers.some((o) => copyOf(sheetOf(c), sheetOf(o)))) ?? first;
  const read = original !== first && original.rubricId === first.rubricId && original.rubricVersion === first.rubricVersion ? original : first;
  for (const c of covers) {
    if (c === read) continue;
    // What it says otherwise (a year written 2026年 is 2026), said at that cell.
    const differs: [string, string | undefined, CellAt | undefined][] = [];
    if (coverYear(c.year) !== coverYear(read.year)) differs.push([COVER_LABELS.year, c.year, c.yearAt]);
    if ((c.district ?? "").trim() !== (read.district ?? "").trim()) differs.push([COVER_LABELS.district, c.district, c.districtAt]);
    if ((c.rubricId ?? "") !== (read.rubricId ?? "") || (c.rubricVersion ?? "") !== (read.rubricVersion ?? "")) differs.push([COVER_LABELS.rubricId, `${c.rubricId ?? ""} ${c.rubricVersion ?? ""}`.trim(), c.at]);
    const [label, value, at] = differs[0] ?? [];
    if (label === undefined) continue;
    const cell = at ?? c.at;
    diagnostics.push({ code: "workbook.cover-twice", severity: "warning", data: { read: sheetOf(read), field: label, value: value?.trim() || "—" }, location: cell ? { file, ...cell } : { file } });
  }
  return read;
}

/** A workbook with nothing of an assessment in it (a payroll, a report of ours): no rubric was guessed for it. */
const NOTHING_TO_SCORE = new Set(["workbook.no-sheets-found", "workbook.units-list", "workbook.our-report", "workbook.our-diff"]);

/** Problems of a workbook listed at most (each is kept until the command ends: memory, not the screen, is the limit). */
export const WORKBOOK_PROBLEM_CAP = 1_000_000;

/** The pipeline from the package on: cover, rubric, every sheet's rows into the reader. */
export async function readBook(book: Book, o: { file: string; sha256: string; rubrics: RubricSource; progress?: LoadInput["progress"]; cap?: number; other?: OtherVersion }): Promise<Omit<Loaded, "workbookReader">> {
  const { file, sha256 } = o;
  // A name filled down to the sheet's last row gives a dozen problems a row: past a million, counted.
  const problems = new Problems(file, o.cap ?? WORKBOOK_PROBLEM_CAP, "workbook.more-problems");
  problems.date1904 = book.date1904 === true;
  let cover: Cover | undefined;
  // Every sheet that is a cover (封面, and a copy of it put before or after it): the first is read
  // until the others are seen.
  const covers: Cover[] = [];
  const seeCover = (c: Cover | undefined): void => {
    if (!c) return;
    covers.push(c);
    cover ??= c;
  };
  let rubric: Rubric | undefined;
  let rubricDiagnostics: readonly Diagnostic[] = [];
  let reader: SubmissionReader | undefined;
  let earlier: (sheet: string) => boolean = () => false;
  let notInput: (sheet: string) => boolean = () => false;
  const selected: string[] = [];
  // Sheets read before the rubric is known (usually none: the cover comes first), kept whole.
  const waiting: RawSheet[] = [];
  // Sheets named as our provenance sheet, read first: whether the workbook is an earlier result of
  // ours (whose result sheets are not input, and are replaced) depends on what they say.
  const infoSheets = book.sheets.filter((s) => isInfoSheetName(s.name));
  const infoRead = new Map<SheetInfo, RawSheet>();
  // The provenance sheet of the last run (our sheets are appended, an earlier run's replaced), and
  // the sheets it lists as its run's (where its list is one to go by): once those are read.
  let current: { readonly name: string; readonly rows: readonly RawCell[][]; readonly info: SheetInfo } | undefined;
  let recorded: string[] | undefined;
  /** The user's own file the rubric was taken from, for a workbook without a cover. */
  let ownFile: string | undefined;
  // The headings' codes, and each code's first heading (BM1 统筹决策(20分)): what a rubric names it
  // is told by (every sheet's, the rubric being known or not).
  const headerTexts = new Map<string, string>();
  // (Not the template's hidden lists: its codes are the drop-downs' choices, no heading.)
  const seeHeadings = (rows: readonly (readonly RawCell[])[], sheet: string): void => {
    if (sheet === LISTS_SHEET) return;
    for (const r of rows.slice(0, HEADER_SCAN_ROWS)) for (const c of r) for (const code of codeOf(c)) if (!headerTexts.has(code) && c.value.t === "s") headerTexts.set(code, c.value.v);
  };
  const start = (): void => {
    for (const s of waiting) seeHeadings(s.rows, s.name);
    const resolved = resolveRubric(o.rubrics, cover, file, new Set(headerTexts.keys()), headerTexts);
    // What `rubric check` advises that changes every result (marks of a 百分制 on a scale of
    // 1000: every unit the best grade) is said wherever the rubric is used.
    rubricDiagnostics = [...resolved.diagnostics, ...adviceWhenUsed(resolved)];
    rubric = resolved.rubric;
    ownFile = resolved.own;
    if (!rubric) return;
    // Sheets that may be ours: only their first rows are read, to tell; the others are read as input.
    notInput = current ? probablyOurs(rubric, recorded ?? []) : () => false;
    const made = new SubmissionReader(rubric, problems, o.other);
    made.veryHiddenSheets(book.sheets.filter((s) => s.veryHidden).map((s) => s.name));
    reader = made;
    // Replaced: those of the run that say they are ours (known once every sheet is read).
    earlier = replacedOf(
      rubric,
      book.sheets.map((s) => s.name),
      current?.info.index,
      recorded,
      made.resultSheets,
    );
    for (const sheet of waiting.splice(0)) reader.addSheet(sheet, notInput(sheet.name));
  };

  try {
    for (const s of infoSheets) infoRead.set(s, await book.sheet(s));
    current = currentInfoSheet(infoSheets.map((info) => ({ name: info.name, rows: infoRead.get(info)?.rows ?? [], info })));
    recorded = current ? listedBy(current) : undefined;
    // A province's largest sheets are read on a second thread, where the host has one, from the
    // next sheet on: not those an earlier run of ours lists (only their first rows are read, here).
    const written = new Set(recorded ?? []);
    book.readAhead?.((name) => written.has(name.trim()));
    for (const info of book.sheets) {
      await o.progress?.("progress.sheet", { sheet: info.name });
      // (A cover whose id is blank names no rubric: the sheets tell, as without a cover.)
      if (!reader && !rubricDiagnostics.some((d) => d.severity === "error") && (cover?.rubricId !== undefined || o.rubrics.given)) start();
      const read = infoRead.get(info);
      if (read) {
        // Read already: taken as it was read (its cells are not read, nor their problems said, twice).
        if (read.selected) selected.push(info.name);
        if (reader) {
          reader.addSheet(read, notInput(info.name));
          if (!notInput(info.name)) seeHeadings(read.rows, info.name);
        }
        else if (!rubricDiagnostics.some((d) => d.severity === "error")) {
          seeCover(readCover(read, book.date1904 === true));
          waiting.push(read);
        }
        continue;
      }
      if (!reader) {
        if (rubricDiagnostics.some((d) => d.severity === "error")) {
          // A version of the cover's scheme not here: the headings read on (each sheet's first rows
          // alone pulled), to tell whether they are another scheme's (then it is named, not the version).
          if (!rubricDiagnostics.some((d) => d.code === "rubric.version-not-found")) break;
          try {
            const head: RawCell[][] = [];
            for (const row of (await book.rows(info)) ?? []) if (head.push(row.cells) >= HEADER_SCAN_ROWS) break;
            seeHeadings(head, info.name);
          } catch {
            break;
          }
          continue;
        }
        const sheet = await book.sheet(info);
        if (sheet.selected) selected.push(info.name);
        seeCover(readCover(sheet, book.date1904 === true));
        waiting.push(sheet);
        continue;
      }
      await streamSheet(book, info, reader, notInput(info.name), (head, isSelected) => {
        if (isSelected) selected.push(info.name);
        if (!notInput(info.name)) seeHeadings(head, info.name);
        // With a rubric given, a cover behind other sheets is still read (for its district, year).
        seeCover(readCover({ name: info.name, hidden: info.hidden, rows: head, hiddenRows: new Set(), merges: [] }, book.date1904 === true));
      });
    }
    if (!reader && !rubricDiagnostics.some((d) => d.severity === "error")) start();
  } catch (e) {
    return { diagnostics: [fileFailure(file, e)], sha256 };
  }

  const diagnostics: Diagnostic[] = [...rubricDiagnostics];
  if (cover && covers.length > 1) cover = oneCover(covers, cover, file, diagnostics);
  if (!rubric || !reader) {
    // A version the cover names that a file of the user's own says, saved under the bundled one's
    // name (the revision kept its old file name): that file named, as what it is.
    const lost = diagnostics.find((d) => d.code === "rubric.version-not-found");
    if (cover?.rubricId && cover.rubricVersion && lost) {
      // The headings another scheme's, which the cover's scheme in none of its versions here fits
      // (last year's cover of the other scheme): that scheme named, not a version asked for first.
      const latest = byVersion(o.rubrics.bundled.filter((b) => b.id === cover?.rubricId)).at(-1);
      const other = latest ? otherSchemeFits(o.rubrics.bundled, latest, new Set(headerTexts.keys()), headerTexts) : undefined;
      if (other) {
        const data = { cover: `${cover.rubricId} ${cover.versionDated ?? cover.rubricVersion}`, fits: `${other.b.id} ${other.b.version}`, title: other.b.load().rubric?.title ?? "", codes: other.codes };
        return { diagnostics: [...diagnostics.filter((d) => d !== lost), { code: "rubric.cover-names-other", severity: "error", data, location: cover.at ? { file, ...cover.at } : { file } }], sha256 };
      }
      diagnostics.push(...misnamedAs(o.rubrics, cover.rubricId, cover.rubricVersion));
    }
    return { diagnostics, sha256 };
  }
  // The cover naming one scheme, the headings another's (last year's cover kept on the other
  // scheme's template, or a template of the wrong scheme filled in): one error at the cover, not
  // one at each cell the named scheme's limits refuse (72, each a wrong fix; a tester's find).
  // (So too where the rubric given is the one the cover names: the headings tell.)
  const used = rubric;
  const given = o.rubrics.given;
  const usedAs: BundledRubric | undefined = given ? { id: used.id, version: used.version, load: () => given } : o.rubrics.bundled.find((b) => b.id === used.id && b.version === used.version);
  const codes = new Set(headerTexts.keys());
  // (The rubric used the very one the cover names, its version too where the cover gives one: else the cover's mismatch is said.)
  const coverNamesUsed = cover?.rubricId === used.id && (!cover.rubricVersion || cover.rubricVersion === used.version);
  const other = usedAs && coverNamesUsed && problems.hasErrors ? otherSchemeFits(o.rubrics.bundled, usedAs, codes, headerTexts) : undefined;
  if (other) {
    const data = { cover: `${rubric.id} ${rubric.version}`, fits: `${other.b.id} ${other.b.version}`, title: other.b.load().rubric?.title ?? "", codes: other.codes };
    return { diagnostics: [...diagnostics, { code: given ? "rubric.given-headings-other" : "rubric.cover-names-other", severity: "error", data, location: cover?.at ? { file, ...cover.at } : { file } }], sha256 };
  }
  if (o.rubrics.given && cover?.rubricId && (cover.rubricId !== rubric.id || (cover.rubricVersion && cover.rubricVersion !== rubric.version))) {
    diagnostics.push({
      code: "workbook.cover-rubric-mismatch",
      severity: "warning",
      // (A version held as a date, said as the date it shows, not its serial; at the version's cell where the id agrees.)
      // With the scheme the headings fit, where known ("" else): the rubric given, whatever the cover says, or another.
      data: { cover: `${cover.rubricId} ${cover.versionDated ?? cover.rubricVersion ?? ""}`.trim(), rubric: `${rubric.id} ${rubric.version}`, form: formOf(usedAs && problems.hasErrors ? headingsScheme(o.rubrics.bundled, usedAs, codes, headerTexts) : undefined, rubric) },
      location: cover.rubricId === rubric.id && cover.versionAt ? { file, ...cover.versionAt } : cover.at ? { file, ...cover.at } : { file },
    });
  }
  for (const d of rubricAdvice(o.rubrics, rubric, cover, file)) diagnostics.push(d);
  // A result scored before under this id and version from another file (the rubric edited, its version kept).
  const { id, version } = rubric;
  const bundled = o.rubrics.given ? undefined : o.rubrics.bundled.find((b) => b.own === undefined && b.id === id && b.version === version);
  const bundledRubric = bundled !== undefined;
  // Assess's own file of it edited in place since installing: its results recorded as that version's,
  // though they are not what that version gives (last year's result replaced with other points, unsaid).
  if (bundled?.edited?.() === true || o.rubrics.givenEdited?.() === true) diagnostics.push({ code: "rubric.bundled-edited", severity: "warning", data: { rubric: `${id} ${version}`, file: rubric.file }, location: { file: rubric.file } });
  const changed = current && !bundledRubric ? rubricChangedSince(current.rows, rubric) : undefined;
  if (current && changed) diagnostics.push({ code: "workbook.rubric-changed-since-scored", severity: "warning", data: shaChange(rubric, changed.sha256), location: { file, sheet: current.name, cell: changed.ref } });
  // The year heads every result sheet and the report (青山区2026年度): one that is no year is said at its cell.
  if (cover?.year && !isYear(cover.year)) {
    diagnostics.push({ code: "workbook.cover-bad-year", severity: "warning", data: { value: cover.year }, location: cover.yearAt ? { file, ...cover.yearAt } : { file } });
  }
  // A year before the scheme took effect (2019 under a 办法 of 2026): last year's cover, or the wrong version.
  const year = cover?.year && isYear(cover.year) ? Number(coverYear(cover.year)) : undefined;
  const effective = Number(/^\d{4}/.exec(rubric.effective)?.[0] ?? Number.NaN);
  if (cover && year !== undefined && year < effective) {
    diagnostics.push({ code: "workbook.cover-year-before-rubric", severity: "warning", data: { year: String(year), rubric: `${rubric.id} ${rubric.version}`, title: rubric.title, effective: rubric.effective }, location: cover.yearAt ? { file, ...cover.yearAt } : { file } });
  }
  if (cover) diagnostics.push(...coverGaps(file, cover));
  const submission = reader.finish({ file, sha256, cover: cover ?? {} });
  // Set to calculate by hand, a workbook's formulas keep the results of their last calculation: a
  // figure read from one may be out of date (its inputs changed since). Said at the first such cell read
  // (the ledger's among them: read as the reader finishes).
  if (book.manualCalculation && problems.firstFormula) diagnostics.push({ code: "workbook.manual-calculation", severity: "warning", data: {}, location: { file, ...problems.firstFormula } });
  // Formulas reading another workbook (外部链接): what was read is that workbook's figures as cached
  // when this one was last saved (they may be out of date), and the links, with what they cached,
  // go with the result the office sends on: said.
  if (book.externalLinks) diagnostics.push({ code: "workbook.external-links", severity: "warning", data: { count: book.externalLinks }, location: { file } });
  // No cover: say which rubric was taken, so that a wrong guess is seen; not where no assessment
  // sheet was found at all (a payroll, another form), which nothing is scored under.
  if (!cover?.rubricId && !o.rubrics.given && !problems.list.some((d) => NOTHING_TO_SCORE.has(d.code))) {
    // (From a file of the user's own, where no scheme of its id is bundled: named as theirs.)
    const data = { rubric: `${rubric.id} ${rubric.version}`, title: rubric.title };
    // A cover whose 方案编号 is blank (cleared by a slip): said at that cell, with the scheme the sheets fit.
    if (cover) diagnostics.push({ code: ownFile !== undefined ? "workbook.cover-blank-id-own" : "workbook.cover-blank-id", severity: "warning", data: { ...data, file: ownFile ?? "" }, location: cover.at ? { file, ...cover.at } : { file } });
    else diagnostics.push(ownFile !== undefined ? { code: "workbook.no-cover-own", severity: "warning", data: { ...data, file: ownFile }, location: { file } } : { code: "workbook.no-cover", severity: "warning", data, location: { file } });
  }
  // Results of ours that stay (renamed, copied, or of a run whose provenance sheet is gone): kept
  // as they are, never input, and not brought up to date: said, so that nobody reads them for new
  // (between slashes, which no sheet's name holds: 得分明细(镇、街道) stays one name).
  const stale = [...reader.resultSheets].filter((name) => !earlier(name));
  if (stale.length) diagnostics.push({ code: "workbook.old-results", severity: "warning", data: { sheets: stale.join(" / ") }, location: { file, sheet: stale[0] ?? "" } });
  // One by one: a province read against the wrong rubric has more problems than a call takes arguments.
  for (const d of book.problems.all()) diagnostics.push(d);
  for (const d of problems.all()) diagnostics.push(d);
  // What to write in the rubric (quota_min: 1 beside a quota its few units round to none), said of
  // a bundled one: at a file of ours, which is not edited in place (its path is the package's).
  // How to change it, said once.
  const rubricFile = rubric.file;
  if (bundledRubric && diagnostics.some((d) => d.location?.file === rubricFile && d.severity === "warning" && d.code !== "rubric.bundled-edited")) {
    diagnostics.push({ code: "workbook.bundled-rubric-advice", severity: "warning", data: { rubric: `${id} ${version}`, file: rubricFile }, location: { file: rubricFile } });
  }
  const invalid = book.problems.hasErrors || problems.hasErrors;
  return { rubric, ...(submission && !invalid ? { submission } : {}), diagnostics, earlier, selected, sha256, ...(cover ? { cover } : {}), unitNames: reader.unitNames, ...(bundledRubric ? { bundledRubric } : {}) };
}

/** The scheme a workbook's headings fit, as its id and version ("" where not known). */
function formOf(found: BundledRubric | "used" | undefined, used: Rubric): string {
  return found === "used" ? `${used.id} ${used.version}` : found ? `${found.id} ${found.version}` : "";
}

/** What a rubric changed under one version is said with: it, and the start of each file's SHA-256. */
export function shaChange(rubric: Rubric, was: string): { rubric: string; was: string; now: string } {
  return { rubric: `${rubric.id} ${rubric.version}`, was: was.slice(0, 12), now: rubric.sha256.slice(0, 12) };
}

/**
 * The sheets of an earlier run replaced (earlierResults), worked out when first asked, once every
 * sheet is read. Made out here, so that what it keeps alive to the end of a run is what it is given
 * alone (a function made in readBook would keep the reader's whole scope).
 */
function replacedOf(rubric: Rubric, sheetNames: readonly string[], infoAt: number | undefined, recorded: readonly string[] | undefined, results: ReadonlySet<string>): (name: string) => boolean {
  let replaced: Set<string> | undefined;
  return (name) => (replaced ??= earlierResults(rubric, sheetNames, infoAt, recorded, results)).has(name);
}

/** A sheet's rows pulled into the reader one at a time; `done` gets its first rows and whether its tab is selected. */
async function streamSheet(book: Book, info: SheetInfo, reader: SubmissionReader, probablyOurs: boolean, done: (head: RawCell[][], selected: boolean) => void): Promise<void> {
  const rows = await book.rows(info);
  const consumer = reader.sheet(info.name, info.hidden, probablyOurs, info.totalRows);
  const head: RawCell[][] = [];
  for (const row of rows ?? []) {
    consumer.row(row);
    if (head.length < PEEK_ROWS) head.push(row.cells);
    // A result of ours: the rest of its rows (a province's notes are most of its bytes) is not read.
    if (consumer.done?.()) break;
  }
  consumer.end(rows?.merges ?? [], rows?.hiddenCols ?? []);
  done(head, rows?.selected ?? false);
}

function codeOf(c: RawCell): string[] {
  const code = c.value.t === "s" ? headerCode(c.value.v) : undefined;
  return code ? [code] : [];
}

function fileFailure(file: string, e: unknown): Diagnostic {
  const d = failureDiagnostic(file, e);
  if (d) return d;
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { code: "internal.error", severity: "error", data: { detail }, location: { file } };
}

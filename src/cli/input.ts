// Loading what a command scores: the workbook's bytes, its parsed package, its cover, the rubric
// it names (or --rubric), and the submission, with every diagnostic of every step.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics/index.js";
import type { Rubric } from "../rubric/model.js";
import type { Cover, Submission } from "../workbook/model.js";
import { readXlsx, DEFAULT_LIMITS, type RawSheet } from "../workbook/xlsx/index.js";
import { COVER_ROWS, readCover } from "../workbook/cover.js";
import { SubmissionReader } from "../workbook/read.js";
import { readUserFile } from "./files.js";
import { resolveRubric, rubricParser } from "./rubric-source.js";
import { earlierResultSheets } from "../report/result-sheets.js";
import { progressFor, type Progress } from "./progress.js";
import { reportDiagnostics, type Ctx } from "./io.js";

export interface Input {
  /** Sheets of an earlier run's results (replaced when the results are written again). */
  earlier?: (sheet: string) => boolean;
  /** The workbook's bytes, for carrying the user's sheets into the result. */
  bytes?: Buffer;
  rubric?: Rubric;
  submission?: Submission;
  diagnostics: Diagnostic[];
}

export async function loadInput(file: string, rubricFlag: string | undefined, progress?: Progress): Promise<Input> {
  const read = readUserFile(file, DEFAULT_LIMITS.maxFileBytes);
  if (!read.bytes) return { diagnostics: read.diagnostics };
  return { ...(await interpretInput(file, read.bytes, rubricFlag, progress)), bytes: Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength) };
}

export interface Loaded extends Input {
  rubric: Rubric;
  submission: Submission;
  progress: Progress;
}

/**
 * What score, explain and report share: load with progress, print the diagnostics, and either go
 * on with a valid submission or stop with the exit code (1). With json, an invalid workbook
 * answers with the diagnostics document on stdout.
 */
export async function loadForScoring(ctx: Ctx, file: string, rubricFlag: string | undefined, json = false): Promise<Loaded | number> {
  const progress = progressFor(ctx, file);
  const input = await loadInput(file, rubricFlag, progress);
  progress.done();
  const { rubric, submission, diagnostics } = input;
  if (!rubric || !submission) return reportDiagnostics(ctx, diagnostics, json) || 1;
  reportDiagnostics(ctx, diagnostics);
  return { ...input, rubric, submission, progress };
}

/**
 * The same from bytes already read. Sheets are read one at a time and their rows handed to the
 * submission reader as they come, so a province-sized workbook never has a whole sheet's cells in
 * memory; sheets that come before the cover (rare) are read whole and wait until the cover names
 * the rubric.
 */
export async function interpretInput(file: string, bytes: Uint8Array, rubricFlag: string | undefined, progress?: Progress): Promise<Input> {
  const parse = await rubricParser(rubricFlag);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const names: string[] = [];
  let cover: Cover = {};
  let coverFound = false;
  let resolved: { rubric?: Rubric; diagnostics: Diagnostic[] } | undefined;
  let reader: SubmissionReader | undefined;
  let earlier: (sheet: string) => boolean = () => false;
  const pending: RawSheet[] = [];
  const start = (): void => {
    resolved = resolveRubric(rubricFlag, parse, {
      ...(cover.rubricId ? { id: cover.rubricId } : {}),
      ...(cover.rubricVersion ? { version: cover.rubricVersion } : {}),
      ...(cover.at ? { where: { file, ...cover.at } } : {}),
      ...(cover.versionAt ? { versionWhere: { file, ...cover.versionAt } } : {}),
    });
    if (!resolved.rubric) return;
    earlier = earlierResultSheets(resolved.rubric.rankings.map((k) => k.name), names);
    reader = new SubmissionReader(resolved.rubric, { file, sha256 }, earlier);
    for (const sheet of pending.splice(0)) reader.addSheet(sheet);
  };
  const noteCover = (sheet: RawSheet): void => {
    if (coverFound) return;
    const c = readCover({ sheets: [sheet] });
    if (c.rubricId !== undefined || c.at) {
      cover = c;
      coverFound = true;
    }
  };
  const x = readXlsx(file, bytes, {
    // Called for every sheet name before any sheet is parsed: the names are all known at start().
    sheets: (name) => names.push(name) > 0,
    // Once the rubric is known, sheets stream row by row into the reader; before (the cover, and
    // any sheet in front of it) they come whole. With --rubric and no cover read yet, a streamed
    // sheet's first rows are kept to see whether it is the cover.
    rowSink: ({ name, hidden }) => {
      progress?.step("progress.sheet", { sheet: name });
      const sink = reader?.openSheet(name, hidden);
      if (!sink || coverFound) return sink;
      const head: RawSheet = { name, hidden, rows: [], hiddenRows: new Set(), merges: [] };
      return {
        row: (cells, rowHidden) => {
          if (head.rows.length < COVER_ROWS) head.rows.push(cells);
          sink.row(cells, rowHidden);
        },
        end: (sheet) => {
          sink.end(sheet);
          noteCover(head);
        },
      };
    },
    onSheet: (sheet) => {
      noteCover(sheet);
      if (!resolved && (coverFound || rubricFlag)) start();
      if (reader) reader.addSheet(sheet);
      else if (!resolved) pending.push(sheet);
    },
  });
  if (!x.book) return { diagnostics: x.diagnostics };
  if (!resolved) start();
  const r = resolved ?? { diagnostics: [] };
  const diagnostics: Diagnostic[] = [...x.diagnostics, ...r.diagnostics];
  if (!r.rubric || !reader) return { diagnostics };
  if (rubricFlag && cover.rubricId && (cover.rubricId !== r.rubric.id || (cover.rubricVersion && cover.rubricVersion !== r.rubric.version))) {
    diagnostics.push({
      code: "workbook.cover-rubric-mismatch",
      severity: "warning",
      data: { cover: `${cover.rubricId} ${cover.rubricVersion ?? ""}`.trim(), rubric: `${r.rubric.id} ${r.rubric.version}` },
      location: cover.at ? { file, ...cover.at } : { file },
    });
  }
  const s = reader.finish();
  // A cell the package reader already refused is not reported again (as blank) by the contract.
  const refused = new Set(x.diagnostics.flatMap((d) => (d.location && "cell" in d.location ? [`${d.location.sheet}!${d.location.cell}`] : [])));
  diagnostics.push(...s.diagnostics.filter((d) => !(d.location && "cell" in d.location && refused.has(`${d.location.sheet}!${d.location.cell}`))));
  // A cell the reader refused (bad number, bad shared string...) makes the input invalid too.
  if (!s.submission || diagnostics.some((d) => d.severity === "error")) return { rubric: r.rubric, diagnostics, earlier };
  return { rubric: r.rubric, submission: { ...s.submission, cover }, diagnostics, earlier };
}

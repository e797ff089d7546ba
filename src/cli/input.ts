// Loading what a command scores: the workbook's bytes, its parsed package, its cover, the rubric
// it names (or --rubric), and the submission, with every diagnostic of every step.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics/index.js";
import type { Rubric } from "../rubric/model.js";
import type { Submission } from "../workbook/model.js";
import { readXlsx, DEFAULT_LIMITS } from "../workbook/xlsx/index.js";
import { readCover } from "../workbook/cover.js";
import { readSubmission } from "../workbook/read.js";
import { readUserFile } from "./files.js";
import { resolveRubric } from "./rubric-source.js";
import { earlierResultSheets } from "../report/result-sheets.js";

export interface Input {
  /** Sheets of an earlier run's results (replaced when the results are written again). */
  earlier?: (sheet: string) => boolean;
  /** The workbook's bytes, for carrying the user's sheets into the result. */
  bytes?: Buffer;
  rubric?: Rubric;
  submission?: Submission;
  diagnostics: Diagnostic[];
}

export function loadInput(file: string, rubricFlag: string | undefined): Input {
  const read = readUserFile(file, DEFAULT_LIMITS.maxFileBytes);
  if (!read.bytes) return { diagnostics: read.diagnostics };
  return { ...interpretInput(file, read.bytes, rubricFlag), bytes: Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength) };
}

/** The same from bytes already read (tests, and callers that hold the file). */
export function interpretInput(file: string, bytes: Uint8Array, rubricFlag: string | undefined): Input {
  const x = readXlsx(file, bytes);
  if (!x.book) return { diagnostics: x.diagnostics };
  const cover = readCover(x.book);
  const r = resolveRubric(rubricFlag, {
    ...(cover.rubricId ? { id: cover.rubricId } : {}),
    ...(cover.rubricVersion ? { version: cover.rubricVersion } : {}),
    ...(cover.at ? { where: { file, ...cover.at } } : {}),
  });
  if (!r.rubric) return { diagnostics: [...x.diagnostics, ...r.diagnostics] };
  const diagnostics: Diagnostic[] = [...x.diagnostics, ...r.diagnostics];
  if (rubricFlag && cover.rubricId && (cover.rubricId !== r.rubric.id || (cover.rubricVersion && cover.rubricVersion !== r.rubric.version))) {
    diagnostics.push({
      code: "workbook.cover-rubric-mismatch",
      severity: "warning",
      data: { cover: `${cover.rubricId} ${cover.rubricVersion ?? ""}`.trim(), rubric: `${r.rubric.id} ${r.rubric.version}` },
      location: cover.at ? { file, ...cover.at } : { file },
    });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const ours = earlierResultSheets(
    r.rubric.rankings.map((k) => k.name),
    x.book.sheets.map((sh) => sh.name),
  );
  const s = readSubmission(r.rubric, x.book, { file, sha256 }, ours);
  diagnostics.push(...s.diagnostics);
  if (!s.submission) return { rubric: r.rubric, diagnostics, earlier: ours };
  return { rubric: r.rubric, submission: { ...s.submission, cover }, diagnostics, earlier: ours };
}

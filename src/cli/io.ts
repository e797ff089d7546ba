// What a command may touch of the outside world besides files: its streams, environment and
// language. Tests pass their own to run commands in-process.
import { fstatSync, statSync, writeSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Lang } from "../messages/index.js";
import { message } from "../messages/index.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { LISTED_PER_KIND, pictured, renderText, renderJson } from "../diagnostics/index.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** stdout and stderr are terminals: colour and progress are allowed. */
  readonly outIsTTY: boolean;
  readonly errIsTTY: boolean;
  /** The terminal's width in columns, when stdout is one. */
  readonly columns?: number;
  /** Why stdout could not be written (a full disk under `--json > 结果.json`), once it failed; not a closed pipe. */
  outFailure?(): string | undefined;
}

export interface Ctx {
  readonly io: Io;
  readonly lang: Lang;
  readonly color: boolean;
  /** --all: every problem listed, however many of a kind (else the first of each kind, then a count). */
  all: boolean;
  /** --json was given: a usage error is one JSON document on stdout too (as every other outcome is). */
  json: boolean;
  /** The command run, as typed ("assess rubric diff"): whose help a usage error points to. */
  command?: string;
  t(code: string, data?: Readonly<Record<string, string | number>>): string;
}

export function processIo(): Io {
  // A reader that stops reading (`assess diff … | head`) closes the pipe: what is left to say is
  // dropped, and the command goes on with its work (a stream's error event, unheard, would end
  // the process with a stack trace).
  let outClosed = false;
  let errClosed = false;
  // Any other failure (a full disk under `> 结果.json`) leaves the output cut short: said, and exit 1.
  let outFailed: string | undefined;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    outClosed = true;
    if (e.code !== "EPIPE") outFailed ??= e.code ?? e.message;
  });
  process.stderr.on("error", () => (errClosed = true));
  // Into a file (`> 结果.json`), written here and now, every byte: a write the disk cuts short
  // (a partial write, then ENOSPC or EFBIG) is known at once, not after the command has ended.
  const toFile = isFileDescriptor(1);
  const out = (s: string): void => {
    if (outClosed) return;
    if (!toFile) return void process.stdout.write(s);
    try {
      const bytes = Buffer.from(s);
      for (let done = 0; done < bytes.length; ) done += writeSync(1, bytes, done, bytes.length - done);
    } catch (e) {
      outClosed = true;
      outFailed ??= (e as NodeJS.ErrnoException).code ?? String(e);
    }
  };
  return {
    out,
    err: (s) => void (errClosed || process.stderr.write(s)),
    outFailure: () => outFailed,
    env: process.env,
    cwd: process.cwd(),
    outIsTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.isTTY ? widthOf(process.stdout.columns, process.env.COLUMNS) : {}),
  };
}

/** A terminal's width: as it says, else as COLUMNS says (a terminal that reports none). */
function widthOf(columns: number | undefined, env: string | undefined): { columns?: number } {
  if (columns) return { columns };
  const n = Number(env);
  return Number.isInteger(n) && n > 0 ? { columns: n } : {};
}

/** Whether a descriptor is a regular file (stdout redirected into one). */
function isFileDescriptor(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

export function makeCtx(io: Io, lang: Lang): Ctx {
  // As the conventions have it: NO_COLOR set to anything but nothing (no-color.org), FORCE_COLOR=0 or false.
  const color = io.outIsTTY && !io.env.NO_COLOR && io.env.TERM !== "dumb" && !/^(0|false)$/i.test(io.env.FORCE_COLOR ?? "");
  return { io, lang, color, all: false, json: false, t: (code, data = {}) => message(lang, code, data) };
}

/** A usage error: the catalog's message, wrapped as a usage error on stderr; exit code 2. */
export function usageError(ctx: Ctx, code: string, data: Readonly<Record<string, string | number>> = {}): number {
  // (A name given with an escape or a line break in it, shown on the line as a problem's is.)
  const shown = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? pictured(v) : v]));
  ctx.io.err(ctx.t("usage.error", { detail: ctx.t(code, shown) }) + "\n" + ctx.t("help.hint", { command: ctx.command ?? "assess" }) + "\n");
  usageJson(ctx, code, data);
  return 2;
}

/** With --json, a usage error as the one document on stdout (its text stays on stderr). */
export function usageJson(ctx: Ctx, code: string, data: Readonly<Record<string, string | number>> = {}): void {
  if (ctx.json) ctx.io.out(renderJson([{ code, severity: "error", data: { ...data } }], ctx.lang) + "\n");
}

/**
 * An output name typed with a slip (-o given; a default name, made from the input's, is as the
 * input is named): refused as a usage error, with the name meant.
 */
export function outputSlip(ctx: Ctx, typed: string | undefined): number | undefined {
  if (typed === undefined) return undefined;
  // -o=结果.xlsx (commander takes what follows -o, the = too): a name beginning with = nobody meant.
  const fixed = typed.replace(/^=+/, "");
  if (fixed !== typed && fixed !== "") return usageError(ctx, "usage.output-equals", { file: typed, fixed });
  // outdir\结果.xlsx typed as on Windows: here a \ is part of the name, and the file would land beside the folder.
  if (process.platform !== "win32" && typed.includes("\\")) return usageError(ctx, "usage.output-backslash", { file: typed, fixed: typed.replaceAll("\\", "/") });
  return undefined;
}

/** An output that must be a workbook: its name must end in .xlsx (else a usage error, 2). */
export function requireXlsx(ctx: Ctx, target: string, example = ctx.lang === "en" ? "result.xlsx" : "结果.xlsx"): number | undefined {
  // A folder named like a workbook (out.xlsx/) given: said as a folder, with a file in it, as any folder is.
  const bare = extensionOnly(ctx, target, example);
  if (bare !== undefined) return bare;
  if (/\.xlsx$/i.test(target)) return isFolder(target) ? folderGiven(ctx, target, example) : undefined;
  // -o "" (a script's variable left unset): said as that, not as a name lacking .xlsx.
  if (target.trim() === "") return usageError(ctx, "usage.output-empty", { example });
  return isFolder(target) ? folderGiven(ctx, target, example) : usageError(ctx, "usage.xlsx-extension", { file: target });
}

/**
 * An output named by an extension alone (-o.xlsx read as -o with .xlsx; -o.html): a hidden file
 * nobody meant (.xlsx, or a report's .xlsx.xlsx and .xlsx.html), refused as a usage error.
 */
export function extensionOnly(ctx: Ctx, target: string, example: string): number | undefined {
  // (The example with the extension given: -o.html is offered 报告.html.)
  const ext = /^\.(xlsx|html?)$/i.exec(basename(target))?.[0];
  return ext ? usageError(ctx, "usage.output-extension-only", { file: target, example: example.replace(/\.[^.]+$/, ext.toLowerCase()) }) : undefined;
}

/** A folder given where an output file's name belongs: said with a file in it (its slash not doubled: out/ → out/结果.xlsx). */
export function folderGiven(ctx: Ctx, target: string, example: string): number {
  return usageError(ctx, "usage.output-is-folder", { file: target.replace(/[\\/]+$/, ""), example });
}

/** An existing folder given where an output file's name belongs (said as that, not as its extension). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A pipe or a device (`<(…)`, /dev/stdin, a file redirected to it): nothing can be written
 * beside it (in /dev, or /proc).
 */
export function isStream(path: string): boolean {
  if (/^\/(dev|proc)\//.test(resolve(path))) return true;
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** A refused output path (exists, is the input, has no folder, a folder not writable): said as a diagnostic, with its exit code. */
export function targetError(ctx: Ctx, diag: Diagnostic, json = false): number {
  reportDiagnostics(ctx, [diag], json);
  return refusedExit([diag]);
}

/**
 * The exit code of outputs refused before the work: 2, a usage error, but for folders not
 * writable and names too long, outputs that could not be written (1), as they are when found after it.
 */
export function refusedExit(refused: readonly Diagnostic[]): number {
  return refused.every((d) => d.code === "file.unwritable" || d.code === "file.unwritable-name") ? 1 : 2;
}

/** Prints diagnostics to stderr (or JSON to stdout); returns the exit code they imply. */
export function reportDiagnostics(ctx: Ctx, diags: readonly Diagnostic[], json = false, o: { counted?: boolean } = {}): number {
  const errors = diags.filter((d) => d.severity === "error").length;
  if (json) ctx.io.out(renderJson(diags, ctx.lang) + "\n");
  else {
    const { lines, unlisted } = renderText(diags, ctx.lang, ctx.all ? Number.POSITIVE_INFINITY : LISTED_PER_KIND);
    for (const line of lines) ctx.io.err(line + "\n");
    // A list shortened is counted whole, unless the command counts it itself (validate).
    if (unlisted && !o.counted) ctx.io.err(ctx.t("summary.counts", { errors, warnings: diags.length - errors }) + "\n");
  }
  return errors ? 1 : 0;
}

/**
 * The day a report or result is dated: SOURCE_DATE_EPOCH (seconds) when set, for reproducible
 * output, its day in UTC whatever the machine's time zone (midnight of it, local: a day is read
 * from a Date's local fields); else today. A value no date can hold (past the year 275760) is
 * not set.
 */
export function runDate(env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  const at = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (!at || Number.isNaN(at.getTime())) return new Date();
  return new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}

/**
 * The day this run dates what it writes (runDate), a SOURCE_DATE_EPOCH set to no number of seconds
 * said, once, as not taken (it was passed over unsaid: a script chasing the same bytes got today's).
 */
export function dayOfRun(ctx: Ctx): Date {
  const epoch = ctx.io.env.SOURCE_DATE_EPOCH;
  const day = runDate(ctx.io.env);
  if (epoch !== undefined && epoch !== "" && !epochSaid.has(ctx) && (!/^\d+$/.test(epoch) || Number.isNaN(new Date(Number(epoch) * 1000).getTime()))) {
    epochSaid.add(ctx);
    reportDiagnostics(ctx, [{ code: "env.bad-source-date-epoch", severity: "warning", data: { value: epoch } }]);
  }
  return day;
}

/** The runs that have said their SOURCE_DATE_EPOCH was not taken (a run dating two files says it once). */
const epochSaid = new WeakSet<Ctx>();

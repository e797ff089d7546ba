// Writing results the safe way: into a temporary file in the target's folder, flushed to disk,
// then renamed over the target, so an interrupted run leaves either nothing or a whole file.
// The input workbook is never a target.
import { accessSync, chmodSync, closeSync, constants, existsSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import { pictured } from "../diagnostics/index.js";
import { fileError, readUserFile, samePath } from "./files.js";
import { OUR_LINE_ROWS } from "../workbook/ours.js";
import { DEFAULT_LIMITS, WorkbookReader, type RawCell } from "../xlsx/read/index.js";
import { writtenAsOurs } from "../xlsx/write/worksheet.js";
import { nodeHost } from "./host.js";
import { reportDiagnostics, type Ctx } from "./io.js";

/** Temporary files being written, each with its target. */
const pendingTemps = new Map<string, string>();
/** Targets checked to be written and not written yet: by their resolved path, as the user named them. */
const announced = new Map<string, string>();
/** Targets written whole (renamed into place), as the user named them: said so should a signal come after. */
const writtenWhole: { readonly file: string; readonly replaced: boolean }[] = [];
let handlersInstalled = false;
/** How an interrupted write is said (the CLI's language): the targets not written, and those written whole before it. */
let sayInterrupted: ((targets: readonly string[], written: readonly { readonly file: string; readonly replaced: boolean }[]) => string) | undefined;

/** Sets what is said when a signal ends a run mid-write: one line per target, written or not. */
export function onInterrupted(say: (targets: readonly string[], written: readonly { readonly file: string; readonly replaced: boolean }[]) => string): void {
  sayInterrupted = say;
}

/**
 * A turn of the event loop: a signal that came during a long stretch of work is handled here, not
 * when the work is done (Ctrl-C while a province was read was answered when its result was written).
 * Two immediates: a signal is taken in the loop's poll phase, and one immediate set from an I/O
 * callback runs before the loop polls again.
 */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
let tempCount = 0;

/** Exit codes after a signal, as shells give them (128 + its number). */
const SIGNAL_EXIT: Readonly<Partial<Record<NodeJS.Signals, number>>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** On Ctrl-C, termination or the terminal closing, remove the temporary files we were writing. */
function installCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const clean = (signal: NodeJS.Signals): void => {
    for (const t of pendingTemps.keys()) rmSync(t, { force: true });
    // Said, after the progress line (cleared on a terminal): the last thing on screen read as a run still writing.
    const targets = [...new Set([...announced.values(), ...[...pendingTemps.values()].filter((t) => !announced.has(resolve(t)))])];
    // Those written whole before it came are said too: the signal ends the run with its code, and
    // an earlier file of the name is replaced (the exit code read as "not written").
    if ((targets.length || writtenWhole.length) && sayInterrupted) {
      try {
        process.stderr.write((process.stderr.isTTY ? "\r\x1b[K" : "") + sayInterrupted(targets, writtenWhole));
      } catch {
        // a closed terminal: nobody to tell
      }
    }
    process.exitCode = SIGNAL_EXIT[signal] ?? 143;
    // Ended by the signal itself, its default action restored (the listener that got it is gone):
    // at once, though a read hangs on another thread (a share that stopped answering, which an
    // exit waits for), and a shell sees the run ended by Ctrl-C (130 as $?, a loop over files
    // stopped). Windows has no such signals to raise: there, the exit code.
    if (process.platform !== "win32" && process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    process.exit();
  };
  // SIGHUP does not exist on Windows (closing the console there ends the process outright).
  for (const signal of ["SIGINT", "SIGTERM", ...(process.platform === "win32" ? [] : ["SIGHUP"])] as NodeJS.Signals[]) process.once(signal, clean);
}

/** Why an existing output of ours is not replaced: a message code and its data. */
export interface Refusal {
  readonly code: string;
  readonly data: Readonly<Record<string, string>>;
}

/** What may be written over: an earlier output of the same command, or anything with --force. */
export interface Overwrite {
  readonly force?: boolean;
  /**
   * An existing file's bytes are an earlier output of this command (true: replaced without
   * asking), not one (false: the refusal), or one not to be replaced (its own refusal); without
   * it, no existing file is replaced (and none is read to find out).
   */
  readonly ours?: (bytes: Uint8Array) => Promise<boolean | Refusal>;
  /** The refusal's message code for any other existing file. */
  readonly refusal: string;
}

/** Larger files are not read to see whether they are ours: they are refused without --force. */
const MAX_OURS_BYTES = 1 << 30;

/** An existing output opened to tell whether it is ours; undefined for anything we cannot read as a workbook. */
async function openExisting(bytes: Uint8Array): Promise<WorkbookReader | undefined> {
  try {
    return await WorkbookReader.open("", bytes, nodeHost, { ...DEFAULT_LIMITS, maxFileBytes: MAX_OURS_BYTES });
  } catch {
    return undefined;
  }
}

/** The sheet names of an existing output (to tell an earlier result of ours); none if not a workbook. */
export async function sheetNamesOf(bytes: Uint8Array): Promise<string[]> {
  return (await openExisting(bytes))?.sheets.map((s) => s.name) ?? [];
}

/**
 * An existing workbook's sheet names, and the rows of those `named` passes, each with whether it
 * is as we write a sheet (`asWritten`: no other program saved the workbook since); undefined for
 * anything we cannot read as a workbook (or a sheet of it).
 */
export async function sheetsNamed(bytes: Uint8Array, named: (name: string) => boolean): Promise<{ names: string[]; read: { name: string; rows: RawCell[][]; asWritten: boolean }[] } | undefined> {
  const book = await openExisting(bytes);
  if (!book) return undefined;
  try {
    const read: { name: string; rows: RawCell[][]; asWritten: boolean }[] = [];
    for (const sheet of book.sheets) {
      if (!named(sheet.name)) continue;
      const xml = await book.sheetXml(sheet);
      read.push({ name: sheet.name, rows: (await book.sheet(sheet)).rows, asWritten: xml !== undefined && writtenAsOurs(xml) });
    }
    return { names: book.sheets.map((s) => s.name), read };
  } catch {
    return undefined;
  }
}

/**
 * An existing workbook of one sheet whose rows pass `test` (a report of ours), opened once: whether
 * it is as we wrote it, its parts stamped with its created time (false once another program saved
 * it: a signature typed in, say; true where that cannot be told); undefined for anything else,
 * or anything that is not a workbook we can read.
 */
export async function oneSheetOfOurs(bytes: Uint8Array, test: (rows: RawCell[][]) => boolean): Promise<{ asWritten: boolean } | undefined> {
  const book = await openExisting(bytes);
  const only = book?.sheets.length === 1 ? book.sheets[0] : undefined;
  if (!book || !only) return undefined;
  try {
    if (!test((await book.sheet(only)).rows)) return undefined;
  } catch {
    // A sheet that cannot be read: not a result of ours.
    return undefined;
  }
  try {
    return { asWritten: await book.stampedAsCreated() };
  } catch {
    return { asWritten: true };
  }
}

/** A part past this size (unpacked), named as ours, is not looked into: no sheet of the user's own is that large. */
const LARGE_LISTED_PART = 2 << 20;

/**
 * The sheets of an earlier result (its bytes) that scoring again would not carry: those neither
 * in the input workbook (`inputSheets`, by name) nor replaced as its run's (`replaced`, given the
 * sheet names and those of them that say they are ours): a sheet the user added to the result (a
 * 领导批示), a copy of one of ours kept, a user's own sheet made in place of one of ours. Whether a
 * sheet says it is ours is read from its first rows, but for a part too large to be the user's own
 * that `probablyOurs` names (a province's notes), taken at its word. None for anything we cannot
 * read as a workbook.
 */
export async function sheetsOnlyIn(
  bytes: Uint8Array,
  inputSheets: readonly string[],
  o: { ours: (rows: RawCell[][]) => boolean; probablyOurs: (name: string) => boolean; replaced: (names: readonly string[], results: ReadonlySet<string>) => ReadonlySet<string> },
): Promise<string[]> {
  const book = await openExisting(bytes);
  if (!book) return [];
  const input = new Set(inputSheets);
  const others = book.sheets.filter((s) => !input.has(s.name));
  const results = new Set<string>();
  for (const sheet of others) {
    if (o.probablyOurs(sheet.name) && (book.partSize(sheet) ?? 0) > LARGE_LISTED_PART) {
      results.add(sheet.name);
      continue;
    }
    try {
      if (o.ours((await book.sheet(sheet, OUR_LINE_ROWS + 1)).rows)) results.add(sheet.name);
    } catch {
      // Not readable: not ours to replace.
    }
  }
  const replaced = o.replaced(
    book.sheets.map((s) => s.name),
    results,
  );
  return others.map((s) => s.name).filter((name) => !replaced.has(name));
}

/** What an output was when it was checked: not there, or this file (its inode, size and time). */
type Seen = { readonly there: false } | { readonly there: true; readonly ino: number; readonly size: number; readonly mtimeMs: number };

/** Outputs checked (and not forced), by their resolved path: what they were then. */
const seenAtCheck = new Map<string, Seen>();
/** Outputs that stood there when checked: an earlier result of ours, or a file replaced with --force unexamined. */
const replacing = new Map<string, "ours" | "forced">();

function seen(target: string): Seen {
  try {
    const st = statSync(target);
    return { there: true, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return { there: false };
  }
}

function sameSeen(a: Seen, b: Seen): boolean {
  return a.there === b.there && (!a.there || !b.there || (a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs));
}

/** A rubric file given as a path (not a bundled rubric's name), to be kept from being written over as any input is. */
export function givenFile(path: string | undefined): string[] {
  return path !== undefined && existsSync(path) ? [path] : [];
}

/**
 * Refuses an output that is an input, in a missing folder, a folder itself, or an existing file
 * that is not an earlier output of ours (unless forced); returns a diagnostic or undefined.
 */
export async function checkTarget(target: string, inputs: readonly string[], overwrite: Overwrite): Promise<Diagnostic | undefined> {
  const bad = await targetProblem(target, inputs, overwrite);
  // To be written: an interruption from now on (while the workbook is read, scored) says it was not.
  if (!bad) {
    installCleanup();
    announced.set(resolve(target), target);
  }
  return bad;
}

async function targetProblem(target: string, inputs: readonly string[], overwrite: Overwrite): Promise<Diagnostic | undefined> {
  seenAtCheck.delete(resolve(target));
  // An input that is not there is what to say (reading it does), not the folder of an output named after it.
  if (inputs.some((i) => !existsSync(i))) return undefined;
  if (inputs.some((i) => samePath(i, target))) return fileError(target, "file.output-is-input");
  const dir = dirname(target);
  try {
    if (!statSync(dirname(resolve(target))).isDirectory()) return fileError(target, "file.output-dir-is-file", { dir });
  } catch {
    return fileError(target, "file.output-dir-missing", { dir });
  }
  // A name longer than a file system takes (255 bytes here, 255 characters on Windows: 82 Chinese
  // characters and .scored.xlsx) is said now too, not once a province is scored.
  const name = basename(target);
  if ((process.platform === "win32" ? name.length : Buffer.byteLength(name)) > NAME_MAX) return fileError(target, "file.unwritable-name", { detail: "ENAMETOOLONG" });
  // A folder not writable is said now, not after the work (a province's scoring).
  try {
    accessSync(dirname(resolve(target)), constants.W_OK);
  } catch (e) {
    return fileError(target, "file.unwritable", { detail: (e as NodeJS.ErrnoException).code ?? "EACCES" });
  }
  let exists = false;
  let readOnly = false;
  try {
    const st = statSync(target);
    if (st.isDirectory()) return fileError(target, "file.is-directory");
    exists = true;
    // Made read-only by its owner (no one may write it): kept so, unless forced.
    readOnly = (st.mode & 0o222) === 0;
  } catch {
    // does not exist yet: fine
  }
  // Written over only as it is now: a file made there meanwhile (another run's, the user's) is not replaced.
  if (!overwrite.force) seenAtCheck.set(resolve(target), seen(target));
  // What is replaced, said once written: an earlier result of ours, or with --force whatever was there.
  if (exists) replacing.set(resolve(target), overwrite.force ? "forced" : "ours");
  else replacing.delete(resolve(target));
  if (exists && !overwrite.force) {
    // Open in a spreadsheet program: written over, the program would save its copy over ours.
    // (Beside the file a link names, too: that is the file written, and the one a program holds open.)
    const linked = throughLink(target);
    const lock = lockOf(target) ?? (linked !== target ? lockOf(linked) : undefined);
    if (lock) return fileError(target, "file.output-open", { lock });
    if (!overwrite.ours) return fileError(target, overwrite.refusal);
    if (readOnly) return fileError(target, "file.output-read-only");
    const read = readUserFile(target, MAX_OURS_BYTES);
    // A file we cannot read (no permission, say) is said as such; one too large to look at is
    // simply not known to be ours.
    const unreadable = read.diagnostics?.find((d) => d.code !== "xlsx.too-large");
    if (unreadable) return unreadable;
    const ours = read.bytes ? await overwrite.ours(read.bytes) : false;
    if (ours === false) return fileError(target, overwrite.refusal);
    if (ours !== true) return fileError(target, ours.code, ours.data);
  }
  return undefined;
}

/**
 * The lock file a spreadsheet program keeps beside a workbook it has open (LibreOffice's
 * .~lock.NAME#, Excel's and WPS's ~$NAME, ~$ taking the place of a long name's first two
 * characters), if there is one.
 */
export function lockOf(target: string): string | undefined {
  const dir = dirname(target);
  const name = basename(target);
  const locks = [`.~lock.${name}#`, `~$${name}`, `.~${name}`];
  // Excel puts ~$ in place of the first two characters only of a name longer than six before its
  // extension; and a lock so named is another workbook's where that workbook is beside it
  // (~$2026.xlsx is 2026.xlsx's, not 青山2026.xlsx's).
  const stem = name.replace(/\.[^.]*$/, "");
  const cut = name.slice(2);
  if ([...stem].length > 6 && !existsSync(join(dir, cut))) locks.push(`~$${cut}`);
  return locks.find((l) => existsSync(join(dir, l)));
}

/** An earlier file's permissions, given to the file replacing it (a result kept private stayed so); whether there is one. */
function keepMode(target: string, tmp: string): boolean {
  let mode: number;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    return false;
  }
  try {
    chmodSync(tmp, mode);
  } catch {
    // Not ours to set: the new one's as made.
  }
  return true;
}

/** Says a file was written, then the temporary files an earlier run killed outright left beside it. */
export function sayWritten(ctx: Ctx, target: string): void {
  // A file replaced is said so (scoring again replaced the September result with "已写入" alone).
  const replaced = replacing.get(resolve(target));
  ctx.io.err(ctx.t(replaced === "forced" ? "file.written-forced" : replaced === "ours" ? "file.written-replaced" : "file.written", { file: pictured(target) }) + "\n");
  const left = leftoverTemps(target);
  if (left.length) reportDiagnostics(ctx, left);
}

/** A temporary file older than this beside an output is no run's still writing: one killed outright (kill -9) left it. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Temporary files an earlier run of ours left beside `target` (killed outright, it could not
 * remove them): said, each once, as warnings at the file, for the user to delete (never deleted
 * here: a run on another machine sharing the folder may be writing it).
 */
export function leftoverTemps(target: string, now = Date.now()): Diagnostic[] {
  const dir = dirname(resolve(target));
  const prefix = `.${tempStem(basename(target))}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Diagnostic[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp") || pendingTemps.has(join(dir, name))) continue;
    try {
      const st = statSync(join(dir, name));
      if (st.isFile() && now - st.mtimeMs > LEFTOVER_AGE_MS) out.push({ code: "file.leftover-temp", severity: "warning", data: { size: st.size, written: localDay(new Date(st.mtimeMs)) }, location: { file: join(dirname(target), name) } });
    } catch {
      // Gone meanwhile: nothing to say.
    }
  }
  return out;
}

/** A day as the machine's file manager shows it (2026-12-03, local time). */
function localDay(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Bytes of a target's name kept in its temporary file's name: a name near the system's limit (255) still leaves room for the rest. */
const TEMP_STEM_BYTES = 120;

/** The longest file name most file systems take (bytes; characters on Windows). */
const NAME_MAX = 255;

/** The target's name as its temporary file's name begins, cut (by whole characters) to TEMP_STEM_BYTES. */
function tempStem(name: string): string {
  let out = "";
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > TEMP_STEM_BYTES) break;
    out += ch;
  }
  return out;
}

/**
 * Writes target atomically. `produce` writes the whole content to the temporary path it is given
 * (or returns bytes to write there).
 */
export async function writeAtomic(target: string, produce: (tmp: string) => Promise<Uint8Array | void>): Promise<Diagnostic | undefined> {
  return writeAtomicAll([{ target, produce }]);
}

/**
 * Writes several files that belong together (a report's Excel and HTML) atomically, and together:
 * each is made in full first, then every earlier file of their names is replaced at once. A signal,
 * a failure or a file changed meanwhile before then leaves every earlier one as it was (an HTML
 * report of last run's beside the Excel one of this run's read as one report).
 */
export async function writeAtomicAll(files: readonly { readonly target: string; readonly produce: (tmp: string) => Promise<Uint8Array | void> }[]): Promise<Diagnostic | undefined> {
  installCleanup();
  const made: { target: string; path: string; tmp: string }[] = [];
  const drop = (): void => {
    for (const { tmp } of made) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Never made (its folder refused it): nothing to remove.
      }
      pendingTemps.delete(tmp);
    }
  };
  for (const { target, produce } of files) {
    // A link to an earlier result (in a shared folder) stays a link: the file it links to is written.
    const path = throughLink(target);
    const dir = dirname(resolve(path));
    // A name no other run picks at the same moment (the process id), without loading crypto.
    const tmp = join(dir, `.${tempStem(basename(target))}.${process.pid.toString(36)}${Date.now().toString(36)}${(tempCount++).toString(36)}.tmp`);
    pendingTemps.set(tmp, target);
    made.push({ target, path, tmp });
    try {
      const bytes = await produce(tmp);
      if (bytes) writeFileSync(tmp, bytes, { flag: "wx" });
      const fd = openSync(tmp, "r+");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      drop();
      return writeError(target, e);
    }
  }
  try {
    // A signal that came while they were made (an HTML report is made in one go, the event loop not
    // turning) is answered now, before any earlier file is replaced: none is written.
    await turn();
    // Any changed meanwhile: none replaced.
    for (const { target } of made) {
      const before = seenAtCheck.get(resolve(target));
      if (before && !sameSeen(before, seen(target))) {
        drop();
        return fileError(target, "file.changed-meanwhile");
      }
    }
    // Renamed one after the other with no turn of the event loop between: no signal is answered
    // between them.
    for (const { target, path, tmp } of made) {
      const before = seenAtCheck.get(resolve(target));
      const replaced = keepMode(path, tmp);
      renameSync(tmp, path);
      pendingTemps.delete(tmp);
      announced.delete(resolve(target));
      writtenWhole.push({ file: target, replaced });
      // What it is now, for a second write of the same run (a retry).
      if (before) seenAtCheck.set(resolve(target), seen(target));
    }
    return undefined;
  } catch (e) {
    const failed = made.find(({ tmp }) => pendingTemps.has(tmp))?.target ?? made[0]?.target ?? "";
    drop();
    return writeError(failed, e);
  }
}

/** Where a name that is a link to a file is written: the file it links to; else (no link, or one to nothing) the name itself. */
function throughLink(target: string): string {
  try {
    return lstatSync(target).isSymbolicLink() ? realpathSync(target) : target;
  } catch {
    return target;
  }
}

/** Whether this run has written `target` whole (a file of several written together may have been, where a later one's renaming failed). */
export function writtenThisRun(target: string): boolean {
  return writtenWhole.some((w) => w.file === target);
}

/** A file that could not be written, said as what mends it. */
function writeError(target: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  // "The earlier file is unchanged" only where there is one.
  if (code === "ENOSPC" || code === "EDQUOT") return fileError(target, existsSync(target) ? "file.disk-full" : "file.disk-full-new", {});
  // A name too long is mended by a shorter one; anything else (no permission, a full disk) by another folder.
  return fileError(target, code === "ENAMETOOLONG" ? "file.unwritable-name" : "file.unwritable", { detail: code });
}

// Reading the user's files: every failure becomes a located diagnostic, never an exception.
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { open, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/index.js";

export type ReadResult = { bytes: Uint8Array; diagnostics?: undefined } | { bytes?: undefined; diagnostics: Diagnostic[] };

export function fileError(file: string, code: string, data: Record<string, string | number> = {}): Diagnostic {
  return { code, severity: "error", data, location: { file } };
}

/**
 * A regular file that is plainly no .xlsx (not a zip: an .et, an .xls, a text file named .xlsx; or
 * a zip whose directory, at its end, names no part under xl/: an .ods, a .docx, a zip cut short):
 * what reading it says is said before anything about where its result would go (an earlier result
 * there to --force over, for a file that cannot be scored). Anything else, false.
 */
export function plainlyNoWorkbook(file: string): boolean {
  try {
    const size = statSync(file);
    if (!size.isFile()) return false;
    const fd = openSync(file, "r");
    try {
      const head = Buffer.alloc(4);
      if (readSync(fd, head, 0, 4, 0) < 4 || head.readUInt32LE(0) !== 0x04034b50) return true;
      const length = Math.min(size.size, TAIL_BYTES);
      const tail = Buffer.alloc(length);
      readSync(fd, tail, 0, length, size.size - length);
      return !tail.includes("xl/", 0, "latin1");
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** A zip's end looked at for its directory's names: a workbook's lists its parts in far less. */
const TAIL_BYTES = 1 << 20;

/** The most read from a file that is not a regular file (a pipe, a device) where no limit is given. */
const UNSIZED_LIMIT = 256 * 1024 * 1024;

function readCapped(file: string, limit: number, tooLarge: string): ReadResult {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) return { diagnostics: [fileError(file, tooLarge, { size: total, limit })] };
      chunks.push(chunk.subarray(0, n));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}

/**
 * As readUserFile, the reading done off this thread: a read that hangs (a share that stopped
 * answering, a pipe nobody writes to) leaves Ctrl-C answered, where a read on this thread kept it
 * from being heard until the bytes came.
 */
export async function readUserFileAsync(file: string, maxBytes?: number, tooLarge = "xlsx.too-large"): Promise<ReadResult> {
  const checked = checkUserFile(file, maxBytes, tooLarge);
  if (checked.diagnostics) return checked;
  try {
    if (checked.regular) return { bytes: await readFile(file) };
    const handle = await open(file, "r");
    try {
      const limit = maxBytes ?? UNSIZED_LIMIT;
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(1 << 20);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > limit) return { diagnostics: [fileError(file, tooLarge, { size: total, limit })] };
        chunks.push(chunk.subarray(0, bytesRead));
      }
      return { bytes: Buffer.concat(chunks, total) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { diagnostics: [readFailure(file, e)] };
  }
}

/** What a file given is before it is read: refused as the reading would refuse it, or regular (its size checked) or not. */
function checkUserFile(file: string, maxBytes: number | undefined, tooLarge: string): { diagnostics: Diagnostic[]; regular?: undefined } | { diagnostics?: undefined; regular: boolean } {
  // An empty name (a script's variable left unset: assess score "$FILE") names no file at all;
  // "-" for standard input, as many tools take it: said as such, not as a file not found.
  if (file.trim() === "") return { diagnostics: [fileError(file, "file.empty-name")] };
  if (file === "-" && !existsSync(file)) return { diagnostics: [fileError(file, "file.dash-stdin")] };
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { diagnostics: [fileError(file, "file.is-directory")] };
    if (maxBytes !== undefined && st.size > maxBytes) return { diagnostics: [fileError(file, tooLarge, { size: st.size, limit: maxBytes })] };
    return { regular: st.isFile() };
  } catch (e) {
    return { diagnostics: [readFailure(file, e)] };
  }
}

/** A file that could not be read, said as what kept it from being read. */
function readFailure(file: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  // A name with U+FFFD: bytes that were no UTF-8 (a GBK name from a zip unpacked elsewhere), lost on the way in.
  if (code === "ENOENT") {
    if (file.includes("\uFFFD")) return fileError(file, "file.not-found-undecodable");
    // A name as pasted (a space after it, quotes around it, a file:// address) or without its
    // .xlsx: the file it names, where that is there.
    const near = nearFile(file);
    return near === undefined ? fileError(file, "file.not-found") : fileError(file, "file.not-found-near", { near });
  }
  // Permission to read is what is missing here, not to write (the writing words would mislead).
  return fileError(file, "file.unreadable", { detail: code === "EACCES" ? "EACCES-read" : (code ?? "?") });
}

/** `tooLarge`: the message for a file past `maxBytes` (a workbook's, by default). */
export function readUserFile(file: string, maxBytes?: number, tooLarge = "xlsx.too-large"): ReadResult {
  const checked = checkUserFile(file, maxBytes, tooLarge);
  if (checked.diagnostics) return checked;
  try {
    // A device or a pipe (/dev/zero, <(…)) has no size to check first: read up to the limit, and no further.
    if (!checked.regular) return readCapped(file, maxBytes ?? UNSIZED_LIMIT, tooLarge);
    return { bytes: readFileSync(file) };
  } catch (e) {
    return { diagnostics: [readFailure(file, e)] };
  }
}

/** The file a name not found most likely means, where it is there: trimmed, unquoted, a file:// address's path, or with .xlsx. */
function nearFile(file: string): string | undefined {
  const unquoted = file.trim().replace(/^["'“‘「『](.*)["'”’」』]$/u, "$1").trim();
  let path = unquoted;
  if (/^file:\/\//i.test(path)) {
    try {
      path = fileURLToPath(path);
    } catch {
      return undefined;
    }
  }
  // (.\青山区2026.xlsx typed as on Windows: here a \ separates no folders.)
  const slashed = process.platform !== "win32" && path.includes("\\") ? [path.replaceAll("\\", "/"), `${path.replaceAll("\\", "/")}.xlsx`] : [];
  for (const c of [path, `${path}.xlsx`, ...slashed]) {
    if (c !== file && c !== "" && existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

/** Whether two paths are one file: the same once links are followed, or by its device and inode (a hard link, a folder mounted twice). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (real(a) === real(b)) return true;
  // The same file by another name: a hard link, or a folder mounted twice (its device and inode).
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino && x.ino !== 0;
  } catch {
    return false;
  }
}

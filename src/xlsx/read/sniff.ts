// The checks before any zip parsing: empty, too large, and what the magic bytes say the file is
// (legacy .xls, an encrypted OOXML package, a text file such as CSV/HTML, or not a zip at all).
import { indexOfBytes } from "../bytes.js";
import { fail } from "../fail.js";
import type { XlsxLimits } from "./types.js";
import { pageKind } from "../pages.js";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const TEXT_SAMPLE = 8192;
/** A PDF (%PDF-), and the images a form is photographed or captured as (PNG, JPEG, GIF, BMP). */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const IMAGE_MAGICS = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x42, 0x4d]];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

/** A CFB container holding an encrypted OOXML package names these streams in its directory. */
function isEncryptedOoxml(buf: Uint8Array): boolean {
  return indexOfBytes(buf, utf16le("EncryptedPackage")) !== -1 || indexOfBytes(buf, utf16le("EncryptionInfo")) !== -1;
}

/**
 * Mostly printable: no NUL, almost no C0 controls. Bytes ≥ 0x80 count as text, so UTF-8 and GBK
 * CSV files (common here) both qualify. A UTF-16 BOM is text too.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, TEXT_SAMPLE);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0) return false;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) bad++;
  }
  return n > 0 && bad * 100 <= n;
}

/** Text opening as a rubric does: its id and version among the top-level keys of its first lines. */
function looksLikeRubric(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, TEXT_SAMPLE));
  // (Not a page of notes that quotes one in its code blocks: docs/rubric.md, picked by mistake.)
  return /^id:[ \t]/m.test(head) && /^version:[ \t]/m.test(head) && !/^(```|~~~)/m.test(head);
}

/**
 * JSON, as the problem that says so: ours (score's, diff's or validate's --json, or the results the
 * browser edition hands out beside the workbook, named alike: picked for it by mistake), or
 * another's (explain's among them: it names no rubric). Not a CSV: its words about one sheet kept
 * would not be true.
 */
function jsonFile(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, TEXT_SAMPLE)).replace(/^\uFEFF/, "").trimStart();
  if (!/^[{[]\s*("|\{|\[|\]|\}|-?\d|$)/.test(head)) return undefined;
  return /^\{\s*"(rubric|unit|old|diagnostics|errors|file)"\s*:/.test(head) && /"sha256"|"errors"|"diagnostics"/.test(head) ? "xlsx.our-json" : "xlsx.json-file";
}

/** A page of ours (the HTML report, diff's page, the browser edition), as the problem that says so. */
function ourPage(bytes: Uint8Array): string | undefined {
  const kind = pageKind(bytes);
  return kind ? `xlsx.our-${kind}-page` : undefined;
}

/**
 * A table exported by another system under an .xls or .xlsx name, as the problem that says so: a
 * web page (HTML), which may hold every sheet, or Excel 2003's XML spreadsheet. Not a CSV: its
 * words about one sheet kept would not be true.
 */
function exportedTable(bytes: Uint8Array): string | undefined {
  // (Saved as UTF-16 too, with its byte-order mark.)
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  const head = new TextDecoder(encoding).decode(bytes.subarray(0, TEXT_SAMPLE)).replace(/^\uFEFF/, "").trimStart();
  // Markup from its first character: a CSV with <table> in a cell is a CSV.
  if (!head.startsWith("<")) return undefined;
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return "xlsx.xml-spreadsheet";
  if (/^<(!doctype\s+html|html[\s>]|table[\s>]|head[\s>]|meta[\s>]|style[\s>]|body[\s>])|<html[\s>]/i.test(head)) return "xlsx.html-file";
  return undefined;
}

/**
 * Text that could be a table saved as text (a CSV, tab-separated): a separator, or more than one
 * line. A line of words alone (a placeholder, a note saved under the name) is none: its words
 * about one sheet kept would not be true.
 */
function tableLike(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, TEXT_SAMPLE)).trim();
  return /[,;\t，；\n]/.test(head);
}

/** A workbook by its first bytes: a zip package (.xlsx, .ods) or a CFB container (.xls). */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY) || startsWith(bytes, CFB_MAGIC);
}

/** Throws the first file-level failure of steps 1–3; returns when the file starts like a zip. */
export function sniff(buf: Uint8Array, limits: XlsxLimits): void {
  if (buf.length === 0) fail("xlsx.empty");
  if (buf.length > limits.maxFileBytes) fail("xlsx.too-large", { size: buf.length, limit: limits.maxFileBytes });
  if (startsWith(buf, CFB_MAGIC)) fail(isEncryptedOoxml(buf) ? "xlsx.encrypted" : "xlsx.legacy-xls");
  if (startsWith(buf, ZIP_LOCAL) || startsWith(buf, ZIP_EMPTY)) return;
  // A PDF (the report printed, a scan) or a picture of the form: said as that, not as a text file
  // to save again as .xlsx, which neither can be.
  if (startsWith(buf, PDF_MAGIC)) fail("xlsx.pdf-file");
  if (IMAGE_MAGICS.some((m) => startsWith(buf, m)) && !looksLikeText(buf)) fail("xlsx.image-file");
  if (looksLikeText(buf)) fail(looksLikeRubric(buf) ? "xlsx.rubric-file" : (ourPage(buf) ?? exportedTable(buf) ?? jsonFile(buf) ?? (tableLike(buf) ? "xlsx.text-file" : "xlsx.plain-text-file")));
  fail("xlsx.not-zip");
}

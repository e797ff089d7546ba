// Test helpers: minimal xlsx packages from XML strings (fflate), and a hand-made zip writer for
// archives fflate will not write (lying sizes, bad CRCs, encrypted flags, ZIP64, odd methods).
import zlib from "node:zlib";
import { strToU8, zipSync, type Zippable } from "fflate";
import { nodeHost } from "../../src/cli/host.js";
import { DEFAULT_LIMITS, readXlsx as readXlsxWith, type XlsxLimits, type XlsxResult } from "../../src/xlsx/read/index.js";
import { openZip } from "../../src/xlsx/read/zip.js";
import { readEntry } from "../../src/xlsx/read/entry.js";

export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>';

export const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${T}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface SheetSpec {
  name: string;
  /** The <sheetData> content, or a whole worksheet document when it starts with "<?xml" or "<worksheet"/"<x:". */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** Relationship target; default worksheets/sheetN.xml. */
  target?: string;
  /** Zip entry name when the target is unusual; default xl/ + target. */
  entry?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  sst?: string[] | string;
  styles?: string;
  workbookPr?: string;
  extra?: Record<string, string | Uint8Array>;
  omit?: string[];
}

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function worksheet(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The parts of a minimal workbook, as strings; zip them with `zipParts`. */
export function bookParts(spec: BookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = { "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS };
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  parts["xl/workbook.xml"] = `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${RNS}">${spec.workbookPr ?? ""}<sheets>${sheets}</sheets></workbook>`;
  let rels = spec.sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${T}/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
    .join("");
  spec.sheets.forEach((s, i) => {
    const entry = s.entry ?? `xl/${s.target ?? `worksheets/sheet${i + 1}.xml`}`.replace("xl//xl/", "xl/");
    parts[entry] = /^(<\?xml|<worksheet|<x:)/.test(s.xml) ? s.xml : worksheet(s.xml);
  });
  if (spec.sst !== undefined) {
    rels += `<Relationship Id="rIdS" Type="${T}/sharedStrings" Target="sharedStrings.xml"/>`;
    parts["xl/sharedStrings.xml"] = Array.isArray(spec.sst)
      ? `<?xml version="1.0"?><sst xmlns="${NS}">${spec.sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`
      : spec.sst;
  }
  if (spec.styles !== undefined) {
    rels += `<Relationship Id="rIdY" Type="${T}/styles" Target="styles.xml"/>`;
    parts["xl/styles.xml"] = spec.styles;
  }
  parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0"?><Relationships xmlns="${PKG_RELS}">${rels}</Relationships>`;
  Object.assign(parts, spec.extra ?? {});
  for (const o of spec.omit ?? []) delete parts[o];
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(parts)) z[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(z, { level });
}

export function book(spec: BookSpec, level: 0 | 6 = 6): Uint8Array {
  return zipParts(bookParts(spec), level);
}

/** A one-sheet book named "S" whose sheetData is `rows`. */
export function oneSheet(rows: string, more: Omit<BookSpec, "sheets"> = {}): Uint8Array {
  return book({ sheets: [{ name: "S", xml: rows }], ...more });
}

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated (data is compressed here), anything else written as is. */
  method?: number;
  flags?: number;
  /** Declared sizes/CRC; default the real ones. */
  usize?: number;
  crc?: number;
}

/** A zip written by hand so that tests can lie in it. zip64 writes ZIP64 records for everything. */
export function rawZip(entries: RawEntry[], opts: { zip64?: boolean; prefix?: Uint8Array } = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = opts.prefix?.length ?? 0;
  if (opts.prefix) chunks.push(Buffer.from(opts.prefix));
  for (const e of entries) {
    const method = e.method ?? 8;
    const raw = Buffer.from(e.data);
    const body = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const crc = e.crc ?? zlib.crc32(raw);
    const usize = e.usize ?? raw.length;
    const name = Buffer.from(e.name, "utf8");
    const z64 = opts.zip64 === true;
    const extra = z64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (z64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(usize), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE(e.flags ?? 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(z64 ? 0xffffffff : body.length, 18);
    local.writeUInt32LE(z64 ? 0xffffffff : usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(z64 ? 45 : 20, 4);
    cd.writeUInt16LE(z64 ? 45 : 20, 6);
    cd.writeUInt16LE(e.flags ?? 0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(z64 ? 0xffffffff : body.length, 20);
    cd.writeUInt32LE(z64 ? 0xffffffff : usize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    central.push(cd, name, extra);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const cdOffset = offset;
  chunks.push(cdBuf);
  offset += cdBuf.length;
  if (opts.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cdBuf.length), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset), 8);
    loc.writeUInt32LE(1, 16);
    chunks.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : cdBuf.length, 12);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : cdOffset, 16);
  chunks.push(eocd);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The parts of a valid book as RawEntries (for rawZip). */
export function rawEntries(parts: Record<string, string | Uint8Array>, method = 8): RawEntry[] {
  return Object.entries(parts).map(([name, v]) => ({ name, data: typeof v === "string" ? strToU8(v) : v, method }));
}

/** The reader with the CLI's codec, as a test calls it. */
export function readXlsx(file: string, bytes: Uint8Array, opts: { limits?: XlsxLimits; sheets?: (name: string) => boolean } = {}): Promise<XlsxResult> {
  return readXlsxWith(file, bytes, nodeHost, opts);
}

/**
 * Every entry of an archive, inflated by our reader, which checks each against the CRC-32 and size
 * its directory declares (fflate does not): what a zip writer wrote is read back as a reader will.
 */
export async function checkedEntries(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const zip = openZip(bytes, DEFAULT_LIMITS);
  const out: Record<string, Uint8Array> = {};
  for (const e of zip.list) out[e.name] = await readEntry(zip, e, nodeHost);
  return out;
}

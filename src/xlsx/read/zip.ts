// The zip container: finds the End Of Central Directory (ZIP64 too), walks the central directory
// and checks every entry's declared sizes against the limits BEFORE anything is inflated. Each
// entry keeps where its central record is, so that a writer can copy it unchanged.
import { u16, u32, utf8 } from "../bytes.js";
import type { Codec } from "../codec.js";
import { fail } from "../fail.js";
import { MAX_RATIO, RATIO_MIN_BYTES, type XlsxLimits } from "./types.js";
import { EOCD_SIZE, SIG_CENTRAL, SIG_EOCD, SIG_Z64_EOCD, SIG_Z64_LOCATOR, U16, U32 } from "../zip-format.js";

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly csize: number;
  readonly usize: number;
  readonly localOffset: number;
  /** The entry's central-directory record: buf[central, centralEnd). */
  readonly central: number;
  readonly centralEnd: number;
}

export interface ZipArchive {
  readonly buf: Uint8Array;
  /** Entries in central-directory order. */
  readonly list: readonly ZipEntry[];
  /**
   * Nothing unusual about the layout: no ZIP64 record, nothing in front of the first entry and
   * nothing between the directory and its end record. Only such a package is extended in place.
   */
  readonly plain: boolean;
  /** A ZIP64 record or field is there (a package of over 4 GiB or 65,535 entries, or a writer's habit). */
  readonly zip64: boolean;
  /** Entries by exact name (backslashes turned into slashes). */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Entries whose data has been unpacked and its checksum found right (by name). */
  readonly checked: Set<string>;
  /** Entries by lower-cased name: OPC part names are case-insensitive. */
  readonly lower: ReadonlyMap<string, ZipEntry>;
}

/** An opened package and the codec its entries are inflated with. */
export interface Pkg {
  readonly zip: ZipArchive;
  readonly codec: Codec;
}

const MAX_COMMENT = 0xffff;

function u64(buf: Uint8Array, at: number): number {
  const lo = u32(buf, at);
  const hi = u32(buf, at + 4);
  // Past 2^53 is no real size: make it huge so the limits catch it.
  return hi >= 0x200000 ? Number.MAX_SAFE_INTEGER : hi * 0x100000000 + lo;
}

function findEocd(buf: Uint8Array): number {
  const last = buf.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && u32(buf, i) === SIG_EOCD) {
      if (i + EOCD_SIZE + u16(buf, i + 20) <= buf.length) return i;
    }
  }
  return fail("xlsx.truncated");
}

interface Directory {
  count: number;
  size: number;
  offset: number;
  /** Where the directory really ends (bytes prepended to the archive shift every offset). */
  end: number;
  zip64: boolean;
}

function readDirectory(buf: Uint8Array, eocd: number): Directory {
  const disk = u16(buf, eocd + 4);
  const cdDisk = u16(buf, eocd + 6);
  let count = u16(buf, eocd + 10);
  let size = u32(buf, eocd + 12);
  let offset = u32(buf, eocd + 16);
  let end = eocd;
  const zip64 = count === U16 || size === U32 || offset === U32;
  if (zip64) {
    const loc = eocd - 20;
    if (loc < 0 || u32(buf, loc) !== SIG_Z64_LOCATOR) return fail("xlsx.truncated");
    const rec = u64(buf, loc + 8);
    if (rec + 56 > loc || u32(buf, rec) !== SIG_Z64_EOCD) return fail("xlsx.truncated");
    if (u32(buf, rec + 16) !== 0 || u32(buf, rec + 20) !== 0) fail("xlsx.corrupt", { entry: "" });
    count = u64(buf, rec + 32);
    size = u64(buf, rec + 40);
    offset = u64(buf, rec + 48);
    end = rec;
  } else if (disk !== 0 || cdDisk !== 0) {
    fail("xlsx.corrupt", { entry: "" });
  }
  if (size > end) return fail("xlsx.truncated");
  return { count, size, offset, end, zip64 };
}

function zip64Extra(buf: Uint8Array, from: number, to: number, want: { usize: boolean; csize: boolean; offset: boolean }) {
  const out = { usize: -1, csize: -1, offset: -1 };
  for (let p = from; p + 4 <= to; ) {
    const id = u16(buf, p);
    const len = u16(buf, p + 2);
    if (id === 1) {
      let q = p + 4;
      const stop = Math.min(p + 4 + len, to);
      if (want.usize && q + 8 <= stop) {
        out.usize = u64(buf, q);
        q += 8;
      }
      if (want.csize && q + 8 <= stop) {
        out.csize = u64(buf, q);
        q += 8;
      }
      if (want.offset && q + 8 <= stop) out.offset = u64(buf, q);
      break;
    }
    p += 4 + len;
  }
  return out;
}

/** Opens the archive; throws the first zip-structure failure (step 4, before inflating). */
export function openZip(buf: Uint8Array, limits: XlsxLimits): ZipArchive {
  const eocd = findEocd(buf);
  const dir = readDirectory(buf, eocd);
  if (dir.count > limits.maxEntries) fail("xlsx.too-many-entries", { count: dir.count, limit: limits.maxEntries });
  // Bytes in front of the archive (a stub) move every offset by the same amount.
  const shift = dir.end - dir.size - dir.offset;
  if (shift < 0) fail("xlsx.truncated");
  const entries = new Map<string, ZipEntry>();
  const lower = new Map<string, ZipEntry>();
  const list: ZipEntry[] = [];
  let p = dir.offset + shift;
  let total = 0;
  let entryZip64 = false;
  for (let i = 0; i < dir.count; i++) {
    if (p + 46 > dir.end || u32(buf, p) !== SIG_CENTRAL) fail("xlsx.truncated");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    let csize = u32(buf, p + 20);
    let usize = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > dir.end) fail("xlsx.truncated");
    const name = utf8(buf, p + 46, nameEnd).replace(/\\/g, "/");
    if (usize === U32 || csize === U32 || localOffset === U32) {
      entryZip64 = true;
      const want = { usize: usize === U32, csize: csize === U32, offset: localOffset === U32 };
      const z = zip64Extra(buf, nameEnd, nameEnd + extraLen, want);
      if ((want.usize && z.usize < 0) || (want.csize && z.csize < 0) || (want.offset && z.offset < 0)) fail("xlsx.corrupt", { entry: name });
      if (want.usize) usize = z.usize;
      if (want.csize) csize = z.csize;
      if (want.offset) localOffset = z.offset;
    }
    if (flags & 1) fail("xlsx.encrypted");
    if (usize > limits.maxEntryBytes) fail("xlsx.zip-bomb", { entry: name });
    if (usize > RATIO_MIN_BYTES && usize > csize * MAX_RATIO) fail("xlsx.zip-bomb", { entry: name });
    total += usize;
    if (total > limits.maxTotalInflatedBytes) fail("xlsx.zip-bomb", { entry: name });
    if (entries.has(name)) fail("xlsx.corrupt", { entry: name });
    const end = nameEnd + extraLen + commentLen;
    const entry: ZipEntry = { name, flags, method, crc, csize, usize, localOffset: localOffset + shift, central: p, centralEnd: end };
    entries.set(name, entry);
    list.push(entry);
    const key = name.toLowerCase();
    if (!lower.has(key)) lower.set(key, entry);
    p = end;
  }
  const plain = !dir.zip64 && !entryZip64 && shift === 0 && dir.offset + dir.size === eocd;
  return { buf, list, plain, zip64: dir.zip64 || entryZip64, entries, lower, checked: new Set() };
}

/** An entry by part name, exact first, then ignoring case; leading "/" ignored. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const n = name.startsWith("/") ? name.slice(1) : name;
  return zip.entries.get(n) ?? zip.lower.get(n.toLowerCase());
}

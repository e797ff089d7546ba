// The zip container: finds the End Of Central Directory (ZIP64 too), walks the central directory
// and checks every entry's declared sizes against the limits BEFORE anything is inflated.
import { fail } from "./fail.js";
import { MAX_RATIO, RATIO_MIN_BYTES, type XlsxLimits } from "./types.js";
import { EOCD_SIZE, SIG_CENTRAL, SIG_EOCD, SIG_Z64_EOCD, SIG_Z64_LOCATOR, U16, U32 } from "./zip-format.js";

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly csize: number;
  readonly usize: number;
  readonly localOffset: number;
}

export interface ZipArchive {
  readonly buf: Buffer;
  /** Entries by exact name (backslashes turned into slashes). */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Entries by lower-cased name: OPC part names are case-insensitive. */
  readonly lower: ReadonlyMap<string, ZipEntry>;
}

const MAX_COMMENT = 0xffff;

function u64(buf: Buffer, at: number): number {
  const lo = buf.readUInt32LE(at);
  const hi = buf.readUInt32LE(at + 4);
  // Past 2^53 is no real size: make it huge so the limits catch it.
  return hi >= 0x200000 ? Number.MAX_SAFE_INTEGER : hi * 0x100000000 + lo;
}

function findEocd(buf: Buffer): number {
  const last = buf.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf.readUInt32LE(i) === SIG_EOCD) {
      if (i + EOCD_SIZE + buf.readUInt16LE(i + 20) <= buf.length) return i;
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
}

function readDirectory(buf: Buffer, eocd: number): Directory {
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  let end = eocd;
  if (count === U16 || size === U32 || offset === U32) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_Z64_LOCATOR) return fail("xlsx.truncated");
    const rec = u64(buf, loc + 8);
    if (rec + 56 > loc || buf.readUInt32LE(rec) !== SIG_Z64_EOCD) return fail("xlsx.truncated");
    if (buf.readUInt32LE(rec + 16) !== 0 || buf.readUInt32LE(rec + 20) !== 0) fail("xlsx.corrupt", { entry: "" });
    count = u64(buf, rec + 32);
    size = u64(buf, rec + 40);
    offset = u64(buf, rec + 48);
    end = rec;
  } else if (disk !== 0 || cdDisk !== 0) {
    fail("xlsx.corrupt", { entry: "" });
  }
  if (size > end) return fail("xlsx.truncated");
  return { count, size, offset, end };
}

function zip64Extra(buf: Buffer, from: number, to: number, want: { usize: boolean; csize: boolean; offset: boolean }) {
  const out = { usize: -1, csize: -1, offset: -1 };
  for (let p = from; p + 4 <= to; ) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
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
export function openZip(buf: Buffer, limits: XlsxLimits): ZipArchive {
  const eocd = findEocd(buf);
  const dir = readDirectory(buf, eocd);
  if (dir.count > limits.maxEntries) fail("xlsx.too-many-entries", { count: dir.count, limit: limits.maxEntries });
  // Bytes in front of the archive (a stub) move every offset by the same amount.
  const shift = dir.end - dir.size - dir.offset;
  if (shift < 0) fail("xlsx.truncated");
  const entries = new Map<string, ZipEntry>();
  const lower = new Map<string, ZipEntry>();
  const decoder = new TextDecoder("utf-8");
  let p = dir.offset + shift;
  let total = 0;
  for (let i = 0; i < dir.count; i++) {
    if (p + 46 > dir.end || buf.readUInt32LE(p) !== SIG_CENTRAL) fail("xlsx.truncated");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let csize = buf.readUInt32LE(p + 20);
    let usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > dir.end) fail("xlsx.truncated");
    const name = decoder.decode(buf.subarray(p + 46, nameEnd)).replace(/\\/g, "/");
    if (usize === U32 || csize === U32 || localOffset === U32) {
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
    const entry: ZipEntry = { name, flags, method, crc, csize, usize, localOffset: localOffset + shift };
    entries.set(name, entry);
    const key = name.toLowerCase();
    if (!lower.has(key)) lower.set(key, entry);
    p = nameEnd + extraLen + commentLen;
  }
  return { buf, entries, lower };
}

/** An entry by part name, exact first, then ignoring case; leading "/" ignored. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const n = name.startsWith("/") ? name.slice(1) : name;
  return zip.entries.get(n) ?? zip.lower.get(n.toLowerCase());
}

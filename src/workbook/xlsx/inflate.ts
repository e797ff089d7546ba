// Reads one zip entry's bytes: locates its data through the local header, inflates with a hard cap
// at the declared size (a lying header is a zip bomb), and checks the CRC-32 of what came out.
import zlib from "node:zlib";
import { fail } from "./fail.js";
import type { ZipArchive, ZipEntry } from "./zip.js";
import { SIG_LOCAL } from "./zip-format.js";


function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && (e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE");
}

export function readEntry(zip: ZipArchive, entry: ZipEntry): Buffer {
  const { buf } = zip;
  const p = entry.localOffset;
  if (p + 30 > buf.length) fail("xlsx.truncated");
  if (buf.readUInt32LE(p) !== SIG_LOCAL) fail("xlsx.corrupt", { entry: entry.name });
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.csize;
  if (end > buf.length) fail("xlsx.truncated");
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) {
    if (entry.csize !== entry.usize) fail("xlsx.corrupt", { entry: entry.name });
    out = data;
  } else if (entry.method === 8) {
    try {
      // One output chunk one byte larger than declared: no copying of chunks, and zlib stops with
      // ERR_BUFFER_TOO_LARGE as soon as it has produced more than declared (a lying header).
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.usize), chunkSize: Math.max(64, entry.usize + 1) });
    } catch (e) {
      if (isTooLarge(e)) fail("xlsx.zip-bomb", { entry: entry.name });
      return fail("xlsx.corrupt", { entry: entry.name });
    }
    if (out.length !== entry.usize) fail("xlsx.corrupt", { entry: entry.name });
  } else {
    return fail("xlsx.corrupt", { entry: entry.name });
  }
  if (zlib.crc32(out) >>> 0 !== entry.crc >>> 0) fail("xlsx.crc-mismatch", { entry: entry.name });
  return out;
}

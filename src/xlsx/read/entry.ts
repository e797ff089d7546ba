// Reads one zip entry's bytes: locates its data through the local header, inflates it through the
// host's codec with a hard cap at the declared size (a header lying by far is a zip bomb; by a
// little, damage), and checks the CRC-32 of what came out.
import { u16, u32 } from "../bytes.js";
import { InflateTooLarge, type Codec } from "../codec.js";
import { fail } from "../fail.js";
import { SIG_LOCAL } from "../zip-format.js";
import type { ZipArchive, ZipEntry } from "./zip.js";

/** Where an entry's compressed data is: buf[start, end). */
export function dataRange(zip: ZipArchive, entry: ZipEntry): { start: number; end: number } {
  const { buf } = zip;
  const p = entry.localOffset;
  if (p + 30 > buf.length) fail("xlsx.truncated");
  if (u32(buf, p) !== SIG_LOCAL) fail("xlsx.corrupt", { entry: entry.name });
  const start = p + 30 + u16(buf, p + 26) + u16(buf, p + 28);
  const end = start + entry.csize;
  if (end > buf.length) fail("xlsx.truncated");
  return { start, end };
}

export async function readEntry(zip: ZipArchive, entry: ZipEntry, codec: Codec): Promise<Uint8Array> {
  const { start, end } = dataRange(zip, entry);
  const bytes = await entryBytes(entry, zip.buf.subarray(start, end), codec);
  zip.checked.add(entry.name);
  return bytes;
}

/**
 * Every entry not unpacked yet (a theme, comments, a sheet nobody reads), unpacked and checked:
 * a damaged part is said before a result carries it on, byte for byte. Throws as readEntry does.
 */
export async function checkRest(zip: ZipArchive, codec: Codec): Promise<void> {
  for (const entry of zip.list) {
    if (entry.name.endsWith("/") || zip.checked.has(entry.name)) continue;
    await readEntry(zip, entry, codec);
  }
}

/** What an entry's data needs to be read: its name, method, sizes and checksum. */
export type EntryFacts = Pick<ZipEntry, "name" | "method" | "csize" | "usize" | "crc">;

/** An entry's bytes from its compressed data (found by dataRange), inflated and checked. */
export async function entryBytes(entry: EntryFacts, data: Uint8Array, codec: Codec): Promise<Uint8Array> {
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.csize !== entry.usize) fail("xlsx.corrupt", { entry: entry.name });
    out = data;
  } else if (entry.method === 8) {
    try {
      out = await codec.inflateRaw(data, entry.usize);
    } catch (e) {
      if (e instanceof InflateTooLarge) fail((await slightlyLarger(entry, data, codec)) ? "xlsx.crc-mismatch" : "xlsx.zip-bomb", { entry: entry.name });
      return fail("xlsx.corrupt", { entry: entry.name });
    }
    if (out.length !== entry.usize) fail("xlsx.corrupt", { entry: entry.name });
  } else {
    return fail("xlsx.corrupt", { entry: entry.name });
  }
  if (codec.crc32(out) >>> 0 !== entry.crc >>> 0) fail("xlsx.crc-mismatch", { entry: entry.name });
  return out;
}

/**
 * Data that unpacks to a little more than its header says was damaged (a flipped bit), not made
 * to unpack to a flood: told as a file that fails its checksum, not as a malicious one.
 */
async function slightlyLarger(entry: EntryFacts, data: Uint8Array, codec: Codec): Promise<boolean> {
  const margin = Math.min(16 << 20, Math.max(64 << 10, Math.ceil(entry.usize / 8)));
  try {
    await codec.inflateRaw(data, entry.usize + margin);
    return true;
  } catch {
    return false;
  }
}

// The zip layer under attack: tampered CRCs, zip bombs (declared and lying), unsupported methods,
// broken deflate data, the encryption flag. Every one ends in one located error, fast.
import zlib from "node:zlib";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type XlsxLimits } from "../../src/xlsx/read/index.js";
import { book, bookParts, rawEntries, rawZip, readXlsx, type RawEntry } from "./helpers.js";

const FILE = "t.xlsx";
const SHEET = "xl/worksheets/sheet1.xml";
const MiB = 1024 * 1024;

async function one(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}) {
  const r = await readXlsx(FILE, bytes, { limits: { ...DEFAULT_LIMITS, ...limits } });
  expect(r.book).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0];
}

function entries(change: (e: RawEntry) => RawEntry): RawEntry[] {
  const parts = bookParts({ sheets: [{ name: "S", xml: '<row r="1"><c r="A1"><v>12345</v></c></row>' }] });
  return rawEntries(parts).map((e) => (e.name === SHEET ? change(e) : e));
}

/** `copies` × 16 MiB of zeros as one raw deflate stream of about copies × 16 KiB. */
function zerosDeflated(copies: number): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(16 * MiB), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  return new Uint8Array(Buffer.concat([...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00])]));
}

/** A zip whose sheet entry is `data`, already deflated, with the declared size `usize`. */
function bombZip(data: Uint8Array, usize: number): Uint8Array {
  const parts = bookParts({ sheets: [{ name: "S", xml: "" }] });
  const list = rawEntries(parts).filter((e) => e.name !== SHEET);
  list.push({ name: SHEET, data, method: 8, usize, crc: 0 });
  // rawZip deflates method-8 data itself; hand it the compressed bytes through a stored entry and
  // patch the method afterwards.
  const stored = list.map((e) => (e.name === SHEET ? { ...e, method: 0 } : e));
  const zip = Buffer.from(rawZip(stored));
  const name = Buffer.from(SHEET);
  for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
    if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt16LE(8, at - 30 + 8);
    if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt16LE(8, at - 46 + 10);
  }
  return new Uint8Array(zip);
}

async function measure<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowthMiB: number }> {
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0, rssGrowthMiB: (process.resourceUsage().maxRSS - before) / 1024 };
}

describe("zip integrity", () => {
  it("a byte flipped in a STORED entry's data → xlsx.crc-mismatch", async () => {
    const bytes = Buffer.from(book({ sheets: [{ name: "S", xml: '<row r="1"><c r="A1"><v>12345</v></c></row>' }] }, 0));
    const at = bytes.indexOf("12345");
    expect(at).toBeGreaterThan(0);
    bytes[at] = "9".charCodeAt(0); // 92345: still well-formed XML, only the CRC can tell
    expect((await one(new Uint8Array(bytes)))).toEqual({ code: "xlsx.crc-mismatch", severity: "error", data: { entry: SHEET }, location: { file: FILE } });
  });

  it("a wrong CRC on a deflated entry → xlsx.crc-mismatch", async () => {
    expect((await one(rawZip(entries((e) => ({ ...e, crc: 1234 })))))).toMatchObject({ code: "xlsx.crc-mismatch", data: { entry: SHEET } });
  });

  it.each([
    { case: "bzip2 (method 12)", make: () => rawZip(entries((e) => ({ ...e, method: 12 }))) },
    { case: "broken deflate data", make: () => bombZip(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100) },
    { case: "deflate data cut short", make: () => bombZip(new Uint8Array(zlib.deflateRawSync(Buffer.from("<worksheet>" + "<a/>".repeat(500) + "</worksheet>")).subarray(0, 20)), 2022) },
  ])("$case → xlsx.corrupt", async ({ make }) => {
    expect((await one(make()))).toEqual({ code: "xlsx.corrupt", severity: "error", data: { entry: SHEET }, location: { file: FILE } });
  });

  it("a declared size larger than the data → xlsx.corrupt", async () => {
    expect((await one(rawZip(entries((e) => ({ ...e, usize: e.data.length + 10 })))))).toMatchObject({ code: "xlsx.corrupt", data: { entry: SHEET } });
  });

  it("the encryption flag on an entry → xlsx.encrypted", async () => {
    expect((await one(rawZip(entries((e) => ({ ...e, flags: 0x801 })))))).toEqual({ code: "xlsx.encrypted", severity: "error", data: {}, location: { file: FILE } });
  });
});

describe("zip bombs", () => {
  it("an entry declaring more than maxEntryBytes → xlsx.zip-bomb before inflating", async () => {
    expect((await one(rawZip(entries((e) => ({ ...e, usize: 1536 * MiB })))))).toMatchObject({ code: "xlsx.zip-bomb", data: { entry: SHEET } });
    expect((await one(rawZip(entries((e) => e)), { maxEntryBytes: 10 }))?.code).toBe("xlsx.zip-bomb");
  });

  it("entries summing over maxTotalInflatedBytes → xlsx.zip-bomb", async () => {
    const d = (await one(rawZip(entries((e) => e)), { maxTotalInflatedBytes: 600 }));
    expect(d?.code).toBe("xlsx.zip-bomb");
  });

  it("a 1 GiB entry in a 1 MiB file (ratio > 1000) → xlsx.zip-bomb, fast and small", async () => {
    const data = zerosDeflated(64);
    expect(data.length).toBeLessThan(1.2 * MiB);
    const { value, ms, rssGrowthMiB } = await measure(() => one(bombZip(data, 1024 * MiB)));
    expect(value).toMatchObject({ code: "xlsx.zip-bomb", data: { entry: SHEET }, location: { file: FILE } });
    expect(ms).toBeLessThan(1000);
    expect(rssGrowthMiB).toBeLessThan(200);
  });

  it("a lying header (declares 1,000 bytes, inflates to 1 GiB) → xlsx.zip-bomb while inflating, fast and small", async () => {
    const { value, ms, rssGrowthMiB } = await measure(() => one(bombZip(zerosDeflated(64), 1000)));
    expect(value).toMatchObject({ code: "xlsx.zip-bomb", data: { entry: SHEET }, location: { file: FILE } });
    expect(ms).toBeLessThan(1000);
    expect(rssGrowthMiB).toBeLessThan(200);
  });

  it("data a little longer than declared (a flipped bit) is a damaged file, not a malicious one", async () => {
    const sheet = strToU8("<worksheet>" + "<x/>".repeat(640) + "</worksheet>");
    const d = await one(bombZip(new Uint8Array(zlib.deflateRawSync(sheet)), sheet.length - 21));
    expect(d).toMatchObject({ code: "xlsx.crc-mismatch", data: { entry: SHEET }, location: { file: FILE } });
  });

  it("a lying header on a stored entry is caught by its sizes", async () => {
    const list = entries((e) => ({ ...e, method: 0, usize: 5 }));
    expect((await one(rawZip(list)))?.code).toBe("xlsx.corrupt");
  });

  it("a real deflate stream that does not fit its declared size never writes past it", async () => {
    const sheet = strToU8("<worksheet>" + "<x/>".repeat(100_000) + "</worksheet>");
    const d = (await one(bombZip(new Uint8Array(zlib.deflateRawSync(sheet)), 2000)));
    expect(d?.code).toBe("xlsx.zip-bomb");
  });
});

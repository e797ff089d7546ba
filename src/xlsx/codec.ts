// What the file format needs from its host and cannot say in portable JavaScript at speed:
// raw deflate in both directions and CRC-32. The CLI gives Node's zlib (native, with its
// thread pool, and a worker thread for a province's largest sheets); the browser edition gives a
// small JavaScript library. Nothing else of the host reaches the reader or the writer.

import type { AheadInput, AheadJob, PackedSheet } from "./read/ahead.js";
import type { Worksheet } from "./write/worksheet.js";

export interface Deflater {
  /**
   * Compresses the next piece of one zip entry; `last` ends the entry's deflate stream. The
   * pieces come back in order (a host may compress several at once and keep a few in flight).
   */
  push(bytes: Uint8Array, last: boolean): Promise<Uint8Array> | Uint8Array;
}

export interface Codec {
  /**
   * Inflates raw deflate data that should come to exactly `size` bytes. Throws InflateTooLarge
   * as soon as it would produce more (a lying header is a zip bomb), any other error for
   * damaged data.
   */
  inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array> | Uint8Array;
  /** A compressor for one zip entry. */
  deflater(): Deflater;
  /** CRC-32 of bytes, continuing from crc (0 to start). */
  crc32(bytes: Uint8Array, crc?: number): number;
  /**
   * A second thread that writes and compresses large worksheets while this one makes their rows,
   * where the host has one (Node's worker threads); undefined where it has not, or could not start
   * it. Closed when the workbook is written.
   */
  sheetDeflater?(): SheetDeflater | undefined;
  /**
   * A second thread that reads a large workbook's largest sheets while this one reads the others,
   * where the host has one; undefined where it has not, or could not start it.
   */
  sheetReader?(input: AheadInput, jobs: readonly AheadJob[]): AheadReads | undefined;
}

/** Sheets being read on another thread, in order, each unless this thread takes it first. */
export interface AheadReads {
  /**
   * This thread reads job i itself, if the other has not begun it (true); else (false) its rows
   * come from `result`.
   */
  claim(i: number): boolean;
  /** Job i's rows, packed; undefined when they are to be read here after all (a failure there). */
  result(i: number): Promise<PackedSheet | undefined>;
  /**
   * Done with the other thread: every sheet given was asked for (`finished`: the host may keep the
   * thread for other work), or the rest are not needed (it is stopped).
   */
  close(finished: boolean): void;
}

/** Writes a worksheet's XML and deflates it on another thread. */
export interface SheetDeflater {
  /**
   * The sheet's rows are taken here, as they come, and handed over in batches; each piece of the
   * raw deflate stream comes back to emit, in order. Gives the CRC-32 and size of the XML. Sheets
   * are written in the order given: a sheet may be given before the one before it is done.
   * `ahead`: rows are handed over with many more on their way (the other thread catches up on
   * them while this one goes on with other work); `handed` is called once the last is handed over.
   */
  deflate(ws: Worksheet, emit: (data: Uint8Array) => void, o?: { ahead?: boolean; handed?: () => void }): Promise<{ crc: number; size: number }>;
  close(): void;
}

/** Raised by Codec.inflateRaw when the data inflates past its declared size. */
export class InflateTooLarge extends Error {
  constructor() {
    super("inflated past the declared size");
    this.name = "InflateTooLarge";
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 in JavaScript, for hosts without a native one. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

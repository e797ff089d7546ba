// The Node host of the core: zlib for raw deflate both ways (native; blocks of a large part are
// compressed on its thread pool while the next are made) and CRC-32, crypto for SHA-256, and a
// worker thread that writes a province's result sheets while this one makes their rows, and one
// that reads a large workbook's largest sheets while this one reads the others.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Host } from "../load/index.js";
import { InflateTooLarge, type Deflater } from "../xlsx/codec.js";
import { startSheetDeflater } from "./sheet-deflater.js";
import { startSheetReader } from "./sheet-reader.js";

const deflateRawAsync = promisify(zlib.deflateRaw);

function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && (e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE");
}

/**
 * Each block is deflated on its own and ended with a sync flush (the last with a finish), so the
 * pieces join into one deflate stream, as pigz does; that lets zlib's threads work on several at
 * once. The last block (for most parts the only one) is deflated right away, without a trip to a
 * thread.
 */
function deflater(): Deflater {
  return {
    push(bytes, last) {
      if (last) return deflateBlockSync(bytes, true);
      return deflateRawAsync(bytes, { level: zlib.constants.Z_BEST_SPEED, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    },
  };
}

/** One block deflated here and now, as `deflater` does it (the sheet worker deflates every block so). */
export function deflateBlockSync(bytes: Uint8Array, last: boolean): Uint8Array {
  return zlib.deflateRawSync(bytes, { level: zlib.constants.Z_BEST_SPEED, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
}

export const nodeHost: Host = {
  inflateRaw(data, size) {
    try {
      // One output chunk one byte larger than declared: no copying of chunks, and zlib stops as
      // soon as it has produced more than declared (a lying header).
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, size + 1) });
    } catch (e) {
      if (isTooLarge(e)) throw new InflateTooLarge();
      throw e;
    }
  },
  deflater,
  crc32: (bytes, crc = 0) => zlib.crc32(bytes, crc),
  sheetDeflater: () => startSheetDeflater(),
  sheetReader: (input, jobs) => startSheetReader(input, jobs),
  sha256: (bytes) => createHash("sha256").update(bytes).digest("hex"),
};

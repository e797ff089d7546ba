// A small zip writer for xlsx packages: new entries are deflated as they stream in (with a data
// descriptor, so nothing waits for the whole part), and entries of an existing package can be
// copied byte for byte, compressed data and all.
import { once } from "node:events";
import type { TransformOptions } from "node:stream";
import { constants, crc32, createDeflateRaw, deflateRawSync, type ZlibOptions } from "node:zlib";

import { SIG_CENTRAL, SIG_DESCRIPTOR, SIG_EOCD, SIG_LOCAL, U16, U32 } from "../xlsx/zip-format.js";

const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const BLOCK = 1 << 20;

/** Thrown when the output would need ZIP64 (over 4 GiB or 65,535 entries). */
export class ZipTooLarge extends Error {}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;

  /** sink: writes all of the bytes given (the CLI passes a file's synchronous writer). */
  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    when: Date = new Date(1980, 0, 1),
  ) {
    this.dosTime = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
    this.dosDate = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  }

  private write(b: Uint8Array): void {
    this.sink(b);
    this.offset += b.length;
    if (this.offset > U32) throw new ZipTooLarge();
  }

  /** Adds a part, deflating the chunks as they come (native zlib, level 1 for large parts: fast). */
  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const start = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(this.dosTime, 10);
    local.writeUInt16LE(this.dosDate, 12);
    local.writeUInt16LE(nameBytes.length, 26);
    this.write(local);
    this.write(nameBytes);
    let crc = 0;
    let usize = 0;
    let csize = 0;
    // Chunks are encoded straight into blocks of about a megabyte (no intermediate buffers, and
    // the strings die young). A part that fits one block (most parts) is deflated in one
    // synchronous call; a larger one streams through zlib, since each write to zlib's stream is a
    // trip to its thread and thousands of tiny ones cost seconds (measured).
    let block = Buffer.allocUnsafe(BLOCK);
    let pendingSize = 0;
    let deflate: ReturnType<typeof createDeflateRaw> | undefined;
    let ended: Promise<unknown> | undefined;
    const take = (): Buffer => {
      const bytes = block.subarray(0, pendingSize);
      block = Buffer.allocUnsafe(BLOCK);
      pendingSize = 0;
      crc = crc32(bytes, crc);
      usize += bytes.length;
      return bytes;
    };
    const send = async (): Promise<void> => {
      if (!deflate) {
        // A deep buffer lets zlib compress on its thread while the next blocks are being made.
        const options: ZlibOptions & TransformOptions = { level: constants.Z_BEST_SPEED, writableHighWaterMark: 8 * BLOCK };
        const stream = createDeflateRaw(options);
        stream.on("data", (data: Buffer) => {
          csize += data.length;
          this.write(data);
        });
        ended = once(stream, "end");
        deflate = stream;
      }
      if (!deflate.write(take())) await once(deflate, "drain");
    };
    for (const chunk of chunks) {
      if (!chunk.length) continue;
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit: make sure the chunk fits.
      const most = typeof chunk === "string" ? chunk.length * 3 : chunk.length;
      if (pendingSize + most > BLOCK && pendingSize > 0) await send();
      if (most > BLOCK) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
        block = bytes.length > BLOCK ? bytes : Buffer.concat([bytes], BLOCK);
        pendingSize = bytes.length;
        await send();
        continue;
      }
      if (typeof chunk === "string") pendingSize += block.write(chunk, pendingSize, "utf8");
      else {
        block.set(chunk, pendingSize);
        pendingSize += chunk.length;
      }
    }
    if (deflate) {
      if (pendingSize) deflate.write(take());
      deflate.end();
      await ended;
    } else {
      const out = deflateRawSync(take(), { level: constants.Z_BEST_SPEED });
      csize = out.length;
      this.write(out);
    }
    if (usize > U32) throw new ZipTooLarge();
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(SIG_DESCRIPTOR, 0);
    desc.writeUInt32LE(crc >>> 0, 4);
    desc.writeUInt32LE(csize, 8);
    desc.writeUInt32LE(usize, 12);
    this.write(desc);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(this.dosTime, 12);
    c.writeUInt16LE(this.dosDate, 14);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(csize, 20);
    c.writeUInt32LE(usize, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(start, 42);
    this.central.push(Buffer.concat([c, nameBytes]));
  }

  /**
   * Copies an entry of another archive unchanged: its local header, compressed data and data
   * descriptor, and its central record with only the offset changed.
   */
  copy(src: Buffer, localOffset: number, centralRecord: Buffer): void {
    const flags = src.readUInt16LE(localOffset + 6);
    const csize = centralRecord.readUInt32LE(20);
    const nameLen = src.readUInt16LE(localOffset + 26);
    const extraLen = src.readUInt16LE(localOffset + 28);
    let end = localOffset + 30 + nameLen + extraLen + csize;
    if (flags & FLAG_DESCRIPTOR) end += src.readUInt32LE(end) === SIG_DESCRIPTOR ? 16 : 12;
    const start = this.offset;
    this.write(src.subarray(localOffset, end));
    const rec = Buffer.from(centralRecord);
    rec.writeUInt32LE(start, 42);
    this.central.push(rec);
  }

  finish(): void {
    if (this.central.length > U16) throw new ZipTooLarge();
    const cdStart = this.offset;
    for (const c of this.central) this.write(c);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(SIG_EOCD, 0);
    eocd.writeUInt16LE(this.central.length, 8);
    eocd.writeUInt16LE(this.central.length, 10);
    eocd.writeUInt32LE(this.offset - cdStart, 12);
    eocd.writeUInt32LE(cdStart, 16);
    this.write(eocd);
  }
}

// A small zip writer for xlsx packages: new entries are deflated as they stream in (with a data
// descriptor, so nothing waits for the whole part), and entries of an existing package can be
// copied byte for byte, compressed data and all.
import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";

import { SIG_CENTRAL, SIG_DESCRIPTOR, SIG_EOCD, SIG_LOCAL, U16, U32 } from "../xlsx/zip-format.js";

const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const BLOCK = 1 << 20;
/** Blocks being deflated at once, beyond the one being made. */
const IN_FLIGHT = 3;
const deflateRawAsync = promisify(deflateRaw);

/** Thrown when the output would need ZIP64 (over 4 GiB or 65,535 entries). */
export class ZipTooLarge extends Error {}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;
  /** Blocks whose bytes have been deflated, ready to be filled again (memory stays flat). */
  private readonly spare: Buffer[] = [];

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

  /** Adds a part, deflating the chunks as they come (native zlib at level 1: fast). */
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
    // the strings die young). Each block is deflated on its own on zlib's threads while the next
    // ones are made (a sync flush ends each on a byte boundary, so the pieces concatenate into one
    // deflate stream, as pigz does); the pieces are written in order, a few in flight at most.
    const fresh = (): Buffer => this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    const recycle = (b: Buffer): void => {
      if (b.length === BLOCK && this.spare.length <= IN_FLIGHT) this.spare.push(b);
    };
    let block = fresh();
    let pendingSize = 0;
    const inFlight: { block: Buffer; deflated: Promise<Buffer> }[] = [];
    const emit = (data: Buffer): void => {
      csize += data.length;
      this.write(data);
    };
    const send = async (last: boolean): Promise<void> => {
      const full = block;
      const bytes = full.subarray(0, pendingSize);
      block = fresh();
      pendingSize = 0;
      crc = crc32(bytes, crc);
      usize += bytes.length;
      const options = { level: constants.Z_BEST_SPEED, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH };
      if (last && inFlight.length === 0) {
        // Most parts fit one block: one synchronous call, no trip to a thread.
        emit(deflateRawSync(bytes, options));
        recycle(full);
        return;
      }
      inFlight.push({ block: full, deflated: deflateRawAsync(bytes, options) });
      const limit = last ? 0 : IN_FLIGHT;
      while (inFlight.length > limit) {
        const done = inFlight.shift();
        if (!done) break;
        emit(await done.deflated);
        recycle(done.block);
      }
    };
    for (const chunk of chunks) {
      if (!chunk.length) continue;
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit: make sure the chunk fits.
      const most = typeof chunk === "string" ? chunk.length * 3 : chunk.length;
      if (pendingSize + most > BLOCK && pendingSize > 0) await send(false);
      if (most > BLOCK) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
        block = bytes.length > BLOCK ? bytes : Buffer.concat([bytes], BLOCK);
        pendingSize = bytes.length;
        await send(false);
        continue;
      }
      if (typeof chunk === "string") pendingSize += block.write(chunk, pendingSize, "utf8");
      else {
        block.set(chunk, pendingSize);
        pendingSize += chunk.length;
      }
    }
    await send(true);
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

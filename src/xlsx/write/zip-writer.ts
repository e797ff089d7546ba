// A small zip writer for xlsx packages: new entries are deflated as they stream in (with a data
// descriptor, so nothing waits for the whole part), and entries of an existing package are copied
// byte for byte, compressed data and all. Compression goes through the host's codec, which may
// deflate several blocks at once (Node) or one after the other (a browser).
import { encodeUtf8, encodeUtf8Into, setU16, setU32, u16, u32 } from "../bytes.js";
import type { Codec, Deflater } from "../codec.js";
import type { ZipArchive, ZipEntry } from "../read/zip.js";
import { SIG_CENTRAL, SIG_DESCRIPTOR, SIG_EOCD, SIG_LOCAL, U16, U32 } from "../zip-format.js";

const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const BLOCK = 1 << 20;
/** Blocks being compressed at once, beyond the one being made. */
const IN_FLIGHT = 3;

/** Thrown when the output would need ZIP64 (over 4 GiB or 65,535 entries). */
export class ZipTooLarge extends Error {}

export class ZipWriter {
  private offset = 0;
  private readonly central: Uint8Array[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;
  /** Blocks whose bytes have been compressed, ready to be filled again (memory stays flat). */
  private readonly spare: Uint8Array[] = [];

  /** sink: takes all of the bytes given, in order (a file's writer, or a list in memory). */
  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly codec: Codec,
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

  /** Adds a part, compressing the chunks as they come. */
  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    await this.addDeflated(name, async (emit) => {
      const d = new EntryDeflater(this.codec, this.codec.deflater(), emit, this.spare);
      for (const chunk of chunks) await d.push(chunk);
      return d.finish();
    });
  }

  /**
   * Adds a part compressed elsewhere: `run` hands each piece of its raw deflate stream to emit, in
   * order, and gives the CRC-32 and size of the uncompressed bytes.
   */
  async addDeflated(name: string, run: (emit: (data: Uint8Array) => void) => Promise<{ crc: number; size: number }>): Promise<void> {
    const nameBytes = encodeUtf8(name);
    const start = this.offset;
    const local = new Uint8Array(30);
    setU32(local, 0, SIG_LOCAL);
    setU16(local, 4, 20);
    setU16(local, 6, FLAG_DESCRIPTOR | FLAG_UTF8);
    setU16(local, 8, 8);
    setU16(local, 10, this.dosTime);
    setU16(local, 12, this.dosDate);
    setU16(local, 26, nameBytes.length);
    this.write(local);
    this.write(nameBytes);
    let csize = 0;
    // The pieces come from another thread's messages: a write that fails there (a full disk) is
    // kept and thrown here, in the writer's own flow, not left to end the process from a handler.
    let failed: { error: unknown } | undefined;
    const { crc, size: usize } = await run((data) => {
      if (failed) return;
      csize += data.length;
      try {
        if (data.length) this.write(data);
      } catch (error) {
        failed = { error };
      }
    });
    if (failed) throw failed.error;
    if (usize > U32) throw new ZipTooLarge();
    const desc = new Uint8Array(16);
    setU32(desc, 0, SIG_DESCRIPTOR);
    setU32(desc, 4, crc >>> 0);
    setU32(desc, 8, csize);
    setU32(desc, 12, usize);
    this.write(desc);
    const c = new Uint8Array(46 + nameBytes.length);
    setU32(c, 0, SIG_CENTRAL);
    setU16(c, 4, 20);
    setU16(c, 6, 20);
    setU16(c, 8, FLAG_DESCRIPTOR | FLAG_UTF8);
    setU16(c, 10, 8);
    setU16(c, 12, this.dosTime);
    setU16(c, 14, this.dosDate);
    setU32(c, 16, crc >>> 0);
    setU32(c, 20, csize);
    setU32(c, 24, usize);
    setU16(c, 28, nameBytes.length);
    setU32(c, 42, start);
    c.set(nameBytes, 46);
    this.central.push(c);
  }

  /**
   * Copies an entry of another archive unchanged: its local header, compressed data and data
   * descriptor, and its central record with only the offset changed. The archive must be plain
   * (see ZipArchive.plain): no ZIP64 fields to carry.
   */
  copy(zip: ZipArchive, entry: ZipEntry): void {
    const src = zip.buf;
    const at = entry.localOffset;
    const flags = u16(src, at + 6);
    let end = at + 30 + u16(src, at + 26) + u16(src, at + 28) + entry.csize;
    if (flags & FLAG_DESCRIPTOR) end += u32(src, end) === SIG_DESCRIPTOR ? 16 : 12;
    const start = this.offset;
    this.write(src.subarray(at, end));
    const rec = src.slice(entry.central, entry.centralEnd);
    setU32(rec, 42, start);
    this.central.push(rec);
  }

  finish(): void {
    if (this.central.length > U16) throw new ZipTooLarge();
    const cdStart = this.offset;
    for (const c of this.central) this.write(c);
    const eocd = new Uint8Array(22);
    setU32(eocd, 0, SIG_EOCD);
    setU16(eocd, 8, this.central.length);
    setU16(eocd, 10, this.central.length);
    setU32(eocd, 12, this.offset - cdStart);
    setU32(eocd, 16, cdStart);
    this.write(eocd);
  }
}

/**
 * One entry's bytes compressed as they come: chunks are encoded straight into blocks of about a
 * megabyte (no intermediate buffers, and the strings die young); each block goes to the deflater
 * while the next ones are made; the compressed pieces are emitted in order, a few in flight at
 * most. Gives the CRC-32 and the size at the end.
 */
export class EntryDeflater {
  private crc = 0;
  private usize = 0;
  private block: Uint8Array;
  private pending = 0;
  private readonly inFlight: { block: Uint8Array; out: Promise<Uint8Array> | Uint8Array }[] = [];

  /** spare: blocks whose bytes have been compressed, to be filled again (memory stays flat). */
  constructor(
    private readonly codec: Pick<Codec, "crc32">,
    private readonly deflater: Deflater,
    private readonly emit: (data: Uint8Array) => void,
    private readonly spare: Uint8Array[] = [],
  ) {
    this.block = this.fresh();
  }

  private fresh(): Uint8Array {
    return this.spare.pop() ?? new Uint8Array(BLOCK);
  }

  private async send(last: boolean): Promise<void> {
    const full = this.block;
    const bytes = full.subarray(0, this.pending);
    this.block = this.fresh();
    this.pending = 0;
    this.crc = this.codec.crc32(bytes, this.crc);
    this.usize += bytes.length;
    this.inFlight.push({ block: full, out: this.deflater.push(bytes, last) });
    const limit = last ? 0 : IN_FLIGHT;
    while (this.inFlight.length > limit) {
      const done = this.inFlight.shift();
      if (!done) break;
      this.emit(await done.out);
      if (done.block.length === BLOCK && this.spare.length <= IN_FLIGHT) this.spare.push(done.block);
    }
  }

  /** The next chunk of the entry (bytes are copied before this returns: their maker may reuse them). */
  async push(chunk: string | Uint8Array): Promise<void> {
    if (!chunk.length) return;
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit: make sure the chunk fits.
    const most = typeof chunk === "string" ? chunk.length * 3 : chunk.length;
    if (this.pending + most > BLOCK && this.pending > 0) await this.send(false);
    if (most > BLOCK) {
      this.block = typeof chunk === "string" ? encodeUtf8(chunk) : chunk.slice();
      this.pending = this.block.length;
      await this.send(false);
      return;
    }
    if (typeof chunk === "string") this.pending += encodeUtf8Into(chunk, this.block, this.pending);
    else {
      this.block.set(chunk, this.pending);
      this.pending += chunk.length;
    }
  }

  /** Ends the entry's deflate stream: its CRC-32 and uncompressed size. */
  async finish(): Promise<{ crc: number; size: number }> {
    await this.send(true);
    return { crc: this.crc >>> 0, size: this.usize };
  }
}

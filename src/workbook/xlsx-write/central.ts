// The central directory of a package we are about to extend, record by record, with the bytes of
// each record kept so that it can be copied unchanged. Anything unusual (ZIP64, a stub in front,
// encrypted entries, several disks) means: do not extend, write the results alone.
import { EOCD_SIZE, SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, U16, U32 } from "../xlsx/zip-format.js";

export interface CentralRecord {
  readonly name: string;
  readonly localOffset: number;
  readonly record: Buffer;
}

export type Unextendable = "zip64" | "layout" | "encrypted";

export function centralRecords(buf: Buffer): CentralRecord[] | Unextendable {
  let eocd = -1;
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  for (let i = buf.length - EOCD_SIZE; i >= Math.max(0, buf.length - EOCD_SIZE - U16); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "layout";
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === U16 || size === U32 || offset === U32) return "zip64";
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) return "layout";
  if (offset + size !== eocd) return "layout"; // a stub in front, or junk between
  const out: CentralRecord[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) return "layout";
    const flags = buf.readUInt16LE(p + 8);
    if (flags & 1) return "encrypted";
    const n = buf.readUInt16LE(p + 28);
    const m = buf.readUInt16LE(p + 30);
    const k = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(p + 20) === U32 || buf.readUInt32LE(p + 24) === U32 || localOffset === U32) return "zip64";
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== SIG_LOCAL) return "layout";
    const name = buf.subarray(p + 46, p + 46 + n).toString("utf8").replace(/\\/g, "/");
    out.push({ name, localOffset, record: buf.subarray(p, p + 46 + n + m + k) });
    p += 46 + n + m + k;
  }
  return out;
}

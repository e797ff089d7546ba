// One date on every entry of a zip a library wrote (exceljs stamps each with the time it wrote
// it): the same report written twice is the same bytes. The date is said in UTC, so the bytes do
// not depend on the machine's time zone either.

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * A time as a zip entry's DOS date and time (UTC, to two seconds). Before 1980, which DOS cannot
 * say, and at its very first instant (the stamp Excel gives every entry it saves, by which a file
 * saved since is told from ours): 1980-01-01 00:00:02.
 */
export function dosStamp(when: Date): { date: number; time: number } {
  const first = Date.UTC(1980, 0, 1, 0, 0, 2);
  const d = when.getTime() < first ? new Date(first) : when;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** The zip's bytes, every entry's DOS date and time set to `when` (in place; returned). */
export function stampZip(bytes: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record: at the end, before a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) return bytes;
  const { date, time } = dosStamp(when);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === CENTRAL; i++) {
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 <= bytes.length && view.getUint32(local, true) === LOCAL) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, date, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

// The one date a written workbook's zip entries carry: its created time, to two seconds, in UTC;
// never the 1980-01-01 00:00 Excel stamps every entry of a file it saves (by which a report saved
// since is told from ours).
import { describe, expect, it } from "vitest";
import { dosStamp } from "../../src/xlsx/write/zip-stamp.js";

describe("a zip entry's stamp", () => {
  it("is the time in UTC to two seconds", () => {
    // 2026-09-15 08:30:45 UTC: date (46 << 9) | (9 << 5) | 15, time (8 << 11) | (30 << 5) | 22.
    expect(dosStamp(new Date(Date.UTC(2026, 8, 15, 8, 30, 45)))).toEqual({ date: (46 << 9) | (9 << 5) | 15, time: (8 << 11) | (30 << 5) | 22 });
  });

  it("is never Excel's 1980-01-01 00:00, for a time before 1980 (SOURCE_DATE_EPOCH=0) or at its first instant", () => {
    const excel = { date: (0 << 9) | (1 << 5) | 1, time: 0 };
    for (const t of [0, Date.UTC(1980, 0, 1), Date.UTC(1979, 5, 1, 12)]) {
      expect(dosStamp(new Date(t))).not.toEqual(excel);
      expect(dosStamp(new Date(t))).toEqual({ date: excel.date, time: 1 });
    }
  });
});

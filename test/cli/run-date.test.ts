// The day a result or report is dated: SOURCE_DATE_EPOCH's day in UTC, whatever the machine's time
// zone (the same bytes on every machine), and today where it holds no date a Date can hold.
import { afterEach, describe, expect, it } from "vitest";
import { runDate } from "../../src/cli/io.js";
import { dayText } from "../../src/report/day.js";

const zone = process.env.TZ;

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("runDate", () => {
  it("gives SOURCE_DATE_EPOCH's day in UTC in every time zone (1789430400 is 2026-09-15 00:00 UTC, still the 14th in Los Angeles)", () => {
    for (const tz of ["UTC", "Asia/Shanghai", "America/Los_Angeles"]) {
      process.env.TZ = tz;
      const d = runDate({ SOURCE_DATE_EPOCH: "1789430400" });
      expect(dayText("zh-CN", d), tz).toBe("2026年9月15日");
      expect(dayText("en", d), tz).toBe("2026-09-15");
    }
  });

  it("gives today where SOURCE_DATE_EPOCH holds no date (a value past what a Date holds wrote NaN年NaN月NaN日)", () => {
    const today = dayText("zh-CN", new Date());
    for (const v of ["99999999999999", "-5", "abc", "", "1e9"]) expect(dayText("zh-CN", runDate({ SOURCE_DATE_EPOCH: v })), v).toBe(today);
    expect(dayText("zh-CN", runDate({}))).toBe(today);
  });
});

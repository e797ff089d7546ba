import { describe, expect, it } from "vitest";
import { isCopyOf } from "../../src/workbook/sheet-copy.js";

describe("a sheet named as a copy of another", () => {
  it("is told by the names Excel, WPS, LibreOffice and clerks give copies", () => {
    for (const copy of ["党政线 (2)", "党政线(2)", "党政线（3）", "党政线_2", "党政线 副本", "党政线的副本", "党政线 - 副本", "党政线-副本2", "Copy of 党政线"]) expect(isCopyOf(copy, "党政线"), copy).toBe(true);
  });

  it("is not told by a name of its own that begins with the other's", () => {
    for (const other of ["党政线", "党政线汇总", "党政线(旧)", "党政线2025", "党政线 (2) 汇总", "加扣分 (2)"]) expect(isCopyOf(other, "党政线"), other).toBe(false);
  });
});

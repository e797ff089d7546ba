// One cell read as the user typed it: what the problem asks for is typed as plain digits.
import { describe, expect, it } from "vitest";
import { Problems } from "../../src/diagnostics/problems.js";
import { readMeasure } from "../../src/workbook/cells.js";
import { message } from "../../src/messages/index.js";
import type { RawCell } from "../../src/xlsx/read/index.js";

const cell = (text: string): RawCell => ({ row: 2, col: 2, ref: "B2", value: { t: "s", v: text }, formula: false });

describe("a bare number where a rate belongs", () => {
  it("asks for the rate in plain digits, whatever width it was typed in (９５ → 95%)", () => {
    const p = new Problems("in.xlsx");
    expect(readMeasure(p, "指标数据", cell("９５"), 2, 2, { code: "ZB1", unit: "percent", display: "%" })).toBeUndefined();
    const d = p.list[0];
    expect(d?.code).toBe("workbook.rate-bare");
    expect(d && message("zh-CN", d.code, d.data)).toContain("95%");
    expect(d && message("zh-CN", d.code, d.data)).not.toContain("９５%");
  });
});

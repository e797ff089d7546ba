// The terminal's wrapping of a long awards cell: where a line may end, and where it may not.
import { describe, expect, it } from "vitest";
import { wrap } from "../../src/cli/box.js";
import { displayWidth } from "../../src/report/sheet-style.js";

describe("wrapping an awards cell", () => {
  it("ends a line after an award, then after a clause's comma, never inside an amount (20,000)", () => {
    const text = "等次:优秀;名次奖:乡镇组排名一等奖;单项奖:经济发展突出贡献奖(省级),20,000元";
    for (const width of [8, 10, 12, 16, 20, 26, 30]) {
      const lines = wrap(text, width);
      expect(lines.join("")).toBe(text);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.some((l) => /\d,$/.test(l)), `${width}: ${lines.join(" | ")}`).toBe(false);
    }
    expect(wrap(text, 26)).toEqual(["等次:优秀;", "名次奖:乡镇组排名一等奖;", "单项奖:经济发展突出贡献奖", "(省级),20,000元"]);
  });
});

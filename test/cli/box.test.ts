// The terminal's wrapping of a long awards cell: where a line may end, and where it may not.
import { describe, expect, it } from "vitest";
import { wrap } from "../../src/cli/box.js";
import { displayWidth } from "../../src/model/width.js";

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

  it("keeps an amount whole, with its 元, and an English word whole, however narrow", () => {
    const zh = "单项奖:经济发展突出贡献奖(省级),20,000元";
    for (const width of [8, 9, 10, 11, 12, 13, 14]) {
      const lines = wrap(zh, width);
      expect(lines.join(""), String(width)).toBe(zh);
      // 20,000 never split, nor parted from its 元.
      const split = lines.some((l, i) => /\d[,.]?$/.test(l) && /^[\d,.元]/.test(lines[i + 1] ?? ""));
      expect(split, `${width}: ${lines.join(" | ")}`).toBe(false);
    }
    const en = "single-item award: 经济发展突出贡献奖 (省级), 20,000 yuan";
    // The amount with its unit, where the two fit on a line.
    for (const width of [11, 12, 14, 16]) expect(wrap(en, width).some((l) => l.endsWith("20,000 yuan")), `${width}: ${wrap(en, width).join(" | ")}`).toBe(true);
    for (const width of [10, 12, 14, 16, 20]) {
      const lines = wrap(en, width);
      // Where each line ends in the text: never between two letters of a word.
      let at = 0;
      for (const l of lines.slice(0, -1)) {
        at = en.indexOf(l, at) + l.length;
        expect(/[A-Za-z]/.test(en[at - 1] ?? "") && /[A-Za-z]/.test(en[at] ?? ""), `${width}: ${lines.join(" | ")}`).toBe(false);
      }
    }
  });
});

// A wrapped column fitted to its widest text holds it on one line as its rows' heights are measured:
// fitted by less, that text's row was made two lines high (市第27国有资产经营有限公司 in a county's
// ranking of enterprises, an award with its amount), and a county's sheets printed pages more.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FONT_SLACK, linesIn, unitsOnOneLine, wholeWidth } from "../../src/model/width.js";

/** The row measure's lines for a text in a column (as the result sheets measure a wrapped cell: a name, or other text). */
const measured = (text: string, width: number, isName = false): number => linesIn(text, width * (wholeWidth(text, isName) ? 1 : FONT_SLACK));

describe("a wrapped column's width for a text", () => {
  it("holds a name with digits in it, an award with its amount, a name of Chinese alone on one measured line", () => {
    for (const text of ["市第27国有资产经营有限公司", "市第9国有资产经营有限公司", "区卫生健康局", "等次:优秀;名次奖:乡镇组排名一等奖,50,000元", "Rank prize: 一等奖 in 综合排名, 50,000 yuan"]) {
      expect(measured(text, unitsOnOneLine(text)), text).toBe(1);
      expect(measured(text, unitsOnOneLine(text, true), true), text).toBe(1);
    }
    // A name of Chinese and digits alone is measured at its whole width (as drawn in any CJK font, its
    // digits at the stand-in font's width): 市城市燃气第8子集团有限公司 took two lines in a column holding it on one.
    expect(unitsOnOneLine("区卫生健康局", true)).toBe(14);
    expect(unitsOnOneLine("市城市燃气第8子集团有限公司", true)).toBe(30);
  });

  it("holds any text without a line break on one measured line", () => {
    const char = fc.constantFrom(..."镇乡街道区局委办(筹)()、,:;。0123456789.%-abcXYZ 一二三");
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 60 }), (chars) => {
        const text = chars.join("").trim();
        if (!text) return;
        expect(measured(text, unitsOnOneLine(text))).toBe(1);
        expect(measured(text, unitsOnOneLine(text, true), true)).toBe(1);
      }),
    );
  });
});

// One cell read as the user typed it: what the problem asks for is typed as plain digits.
import { describe, expect, it } from "vitest";
import { Problems } from "../../src/diagnostics/problems.js";
import { readMeasure, readPoints } from "../../src/workbook/cells.js";
import { message } from "../../src/messages/index.js";
import type { RawCell } from "../../src/xlsx/read/index.js";
import type { NumberFormat } from "../../src/xlsx/read/types.js";

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

  it("never asks for a rate the indicator cannot be: 9500 asks for 95%, 967 asks for the rate as it is", () => {
    const said = (typed: number): { code: string; text: string } => {
      const p = new Problems("in.xlsx");
      const c: RawCell = { row: 2, col: 2, ref: "B2", value: { t: "n", v: typed, fmt: "general" }, formula: false };
      expect(readMeasure(p, "指标数据", c, 2, 2, { code: "ZB1", unit: "percent", display: "%" })).toBeUndefined();
      const d = p.list[0]!;
      expect(d.location).toEqual({ file: "in.xlsx", sheet: "指标数据", cell: "B2" });
      return { code: d.code, text: message("zh-CN", d.code, d.data) };
    };
    expect(said(95)).toEqual({ code: "workbook.rate-bare", text: "比率 95 大于 1;是否应为 95%?请填写 95%,或写成小数 0.95" });
    expect(said(9500)).toEqual({ code: "workbook.rate-bare", text: "比率 9500 大于 1;是否应为 95%?请填写 95%,或写成小数 0.95" });
    // The fraction of the rate asked about, not 0.95 beside 9.5% (read as its fraction).
    expect(said(9.5).text).toBe("比率 9.5 大于 1;是否应为 9.5%?请填写 9.5%,或写成小数 0.095");
    expect(said(9670).text).toContain("是否应为 96.7%?");
    expect(said(967)).toEqual({ code: "workbook.rate-bare-unclear", text: "比率 967 大于 1,当作百分数也超出 0%–100%;请按实际填写百分比(如 95%)或小数(如 0.95)" });
  });
});

describe("1 typed where a rate belongs", () => {
  // 1 is 100% as a fraction, or 1% to one who types whole percentages (96.7 is asked about): read
  // as 100% with no word, it lifted a one-vote veto (93.5% typed again as 1).
  const read = (c: RawCell, spec = { code: "ZB1", unit: "percent" as const, display: "%" }): { read: number | undefined; said: string[] } => {
    const p = new Problems("in.xlsx");
    const r = readMeasure(p, "指标数据", c, 2, 2, spec);
    return { read: r, said: p.list.map((d) => `${d.severity} ${d.location && "cell" in d.location ? `${d.location.sheet}!${d.location.cell}` : ""} ${message("zh-CN", d.code, d.data)}`) };
  };
  const number = (v: number, fmt: NumberFormat = "general"): RawCell => ({ row: 2, col: 2, ref: "B2", value: { t: "n", v, fmt }, formula: false });
  it("is read as 100% and said, typed as a number or as text, for 1% to be typed where it was meant", () => {
    expect(read(number(1))).toEqual({ read: 10000, said: ["warning 指标数据!B2 1 按 100% 计;如是 1%,请填写 1%;是 100% 的,填写 100% 即不再提示"] });
    expect(read(cell("1"))).toEqual({ read: 10000, said: ["warning 指标数据!B2 1 按 100% 计;如是 1%,请填写 1%;是 100% 的,填写 100% 即不再提示"] });
  });
  it("is not said where the cell says 100% (its format or a % typed), nor where a formula gives it", () => {
    expect(read(number(1, "percent"))).toEqual({ read: 10000, said: [] });
    expect(read(cell("100%"))).toEqual({ read: 10000, said: [] });
    expect(read({ ...number(1), formula: true })).toEqual({ read: 10000, said: [] });
    expect(read(number(0.95))).toEqual({ read: 9500, said: [] });
  });
});

describe("a bare number below -1 where a growth rate belongs", () => {
  // −5 in a column of growth rates (−50% to 300%) was read as −500% and refused as out of range;
  // −0.8 is −80%, a fraction, and read (warned: the range passes 100%).
  const growth = { code: "ZB1", unit: "percent" as const, display: "%", min: -5000, max: 30000 };
  const said = (typed: number): { code: string; text: string; read: number | undefined } => {
    const p = new Problems("in.xlsx");
    const c: RawCell = { row: 2, col: 2, ref: "B2", value: { t: "n", v: typed, fmt: "general" }, formula: false };
    const read = readMeasure(p, "指标数据", c, 2, 2, growth);
    const d = p.list[0]!;
    expect(d.location).toEqual({ file: "in.xlsx", sheet: "指标数据", cell: "B2" });
    return { code: d.code, text: message("zh-CN", d.code, d.data), read };
  };
  it("asks whether the percentage was meant (-5 for -5%)", () => {
    expect(said(-5)).toEqual({ code: "workbook.rate-bare-below", text: "比率 -5 小于 -1;是否应为 -5%?请填写 -5%,或写成小数 -0.05", read: undefined });
    expect(said(-80)).toEqual({ code: "workbook.rate-bare-unclear-below", text: "比率 -80 小于 -1,当作百分数也超出 -50%–300%;请按实际填写百分比(如 -5%)或小数(如 -0.05)", read: undefined });
    expect(said(-0.3)).toMatchObject({ code: "workbook.rate-large", read: -3000 });
    expect(said(-4).text).toBe("比率 -4 小于 -1;是否应为 -4%?请填写 -4%,或写成小数 -0.04");
  });
  // −5 in a cell formatted as a percentage shows −500%: the −5% meant is asked about (it was told
  // to have the rubric's range changed), as 95 so typed is.
  it("in a cell formatted as a percentage asks about the percentage shown divided by 100", () => {
    const p = new Problems("in.xlsx");
    const c: RawCell = { row: 2, col: 2, ref: "B2", value: { t: "n", v: -5, fmt: "percent" }, formula: false };
    expect(readMeasure(p, "指标数据", c, 2, 2, growth)).toBeUndefined();
    expect(p.list.map((d) => [d.code, d.location, message("zh-CN", d.code, d.data)])).toEqual([["workbook.rate-percent-typed", { file: "in.xlsx", sheet: "指标数据", cell: "B2" }, "比率 -500% 超出方案规定的范围 -50%–300%:单元格是百分比格式,所填的数显示时乘了 100;是否应为 -5%?如是,请填写 -5%"]]);
  });
});

describe("a rate past 100% in a cell formatted as a percentage", () => {
  // 参保率 (0–100%): 105% shown is what the clerk meant, and past the range; 1.05% (asked about
  // before) typed in its place was read as a rate failing its item, unsaid. 96.8 typed into the
  // cell (9680% shown) is the 96.8% meant.
  const rate = { code: "ZB7", unit: "percent" as const, display: "%" };
  const said = (stored: number): string[] => {
    const p = new Problems("in.xlsx");
    const c: RawCell = { row: 4, col: 8, ref: "H4", value: { t: "n", v: stored, fmt: "percent" }, formula: false };
    expect(readMeasure(p, "指标数据", c, 4, 8, rate)).toBeUndefined();
    return p.list.map((d) => `${d.location && "cell" in d.location ? d.location.cell : ""} ${d.code} ${message("zh-CN", d.code, d.data)}`);
  };
  it("is said out of the range where shown as meant, and asked about divided by 100 only far past it", () => {
    // Near the range, both readings, the range first (5 typed for 5% shows 500%: a reviewer's find that its hint was lost).
    expect(said(1.05)).toEqual(["H4 workbook.rate-percent-near 比率 105% 超出方案规定的范围 0%–100%:请核对所填的数。单元格是百分比格式,所填的数显示时乘了 100:如本意是 1.05%,请填写 1.05%;确属实际值的,请考核办提出修订方案中该指标的 min/max"]);
    expect(said(5)).toEqual(["H4 workbook.rate-percent-near 比率 500% 超出方案规定的范围 0%–100%:请核对所填的数。单元格是百分比格式,所填的数显示时乘了 100:如本意是 5%,请填写 5%;确属实际值的,请考核办提出修订方案中该指标的 min/max"]);
    // A formula's result near the range: the figure to check, nothing to type over the formula.
    const p = new Problems("in.xlsx");
    expect(readMeasure(p, "指标数据", { row: 4, col: 8, ref: "H4", value: { t: "n", v: 1.05, fmt: "percent" }, formula: true }, 4, 8, rate)).toBeUndefined();
    expect(p.list.map((d) => d.code)).toEqual(["workbook.rate-out-of-range"]);
    expect(said(96.8)).toEqual(["H4 workbook.rate-percent-typed 比率 9680% 超出方案规定的范围 0%–100%:单元格是百分比格式,所填的数显示时乘了 100;是否应为 96.8%?如是,请填写 96.8%"]);
    expect(said(10)).toEqual(["H4 workbook.rate-percent-typed 比率 1000% 超出方案规定的范围 0%–100%:单元格是百分比格式,所填的数显示时乘了 100;是否应为 10%?如是,请填写 10%"]);
  });
});

describe("a growth rate that may fall below 0, typed as a plain fraction", () => {
  // 地区生产总值增长率 (−50% to 100%): 0.8 typed by a clerk who types whole percentages (3.6 for
  // 3.6%) meant 0.8%; read as 80% it took full marks, unsaid (a tester's find). Read, and asked about,
  // as where rates above 100% are allowed; a share (0–100%) is no growth, and 0.8 is 80% there.
  const read = (typed: number, range: { min?: number; max?: number }): { value: number | undefined; said: string[] } => {
    const p = new Problems("in.xlsx");
    const c: RawCell = { row: 6, col: 2, ref: "B6", value: { t: "n", v: typed, fmt: "general" }, formula: false };
    const value = readMeasure(p, "指标数据", c, 6, 2, { code: "ZB1", unit: "percent", display: "%", ...range });
    return { value, said: p.list.map((d) => `${d.location && "cell" in d.location ? d.location.cell : ""} ${d.code} ${message("zh-CN", d.code, d.data)}`) };
  };
  it("is read as the fraction and asked about at its cell", () => {
    expect(read(0.8, { min: -5000 })).toEqual({ value: 8000, said: ["B6 workbook.rate-large 0.8 按 80% 计;如是 0.8%,请填写 0.8%"] });
    expect(read(-0.3, { min: -5000 })).toEqual({ value: -3000, said: ["B6 workbook.rate-large -0.3 按 -30% 计;如是 -0.3%,请填写 -0.3%"] });
    expect(read(0.8, {})).toEqual({ value: 8000, said: [] });
    // 1 is one warning, not this and the one asking about 1 where rates stop at 100% (a re-tester's find).
    expect(read(1, { min: -5000 })).toEqual({ value: 10000, said: ["B6 workbook.rate-large 1 按 100% 计;如是 1%,请填写 1%"] });
  });
  it("past the range as a fraction, within it as a percentage, is one error asking for the percentage (an error and a warning said opposite things)", () => {
    expect(read(-0.8, { min: -5000 })).toEqual({ value: undefined, said: ["B6 workbook.rate-fraction-out-of-range -0.8 按 -80% 计,超出方案规定的范围 -50%–100%;是否应为 -0.8%?如是,请填写 -0.8%"] });
    // Finer than a hundredth of a point too (−0.805: it fell through to an error and a warning).
    expect(read(-0.805, { min: -5000 })).toEqual({ value: undefined, said: ["B6 workbook.rate-fraction-out-of-range -0.805 按 -80.5% 计,超出方案规定的范围 -50%–100%;是否应为 -0.805%?如是,请填写 -0.805%"] });
  });
});

describe("points typed in Chinese numerals", () => {
  it("are read for what to ask for (十八 is 18, 一百零五 105, 十八点五 18.5), and nothing else is taken for one", async () => {
    const { chineseNumber } = await import("../../src/model/numbers.js");
    expect(["十八", "十", "三十", "一百零五", "十八点五", "两", "九十九", "十八分"].map((s) => chineseNumber(s))).toEqual([18, 10, 30, 105, 18.5, 2, 99, 18]);
    expect(["三三", "良好", "十八点", "一千", "十十", "十百", ""].map((s) => chineseNumber(s))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    // A count's or an amount's thousands (三千, 两千五百, 一千二百); no score is so many.
    expect(["三千", "两千五百", "一千二百", "千千", "十千"].map((s) => chineseNumber(s, true))).toEqual([3000, 2500, 1200, undefined, undefined]);
  });
});

describe("signs and units as clerks type them", () => {
  const read = (text: string, spec: { code: string; unit: "percent" | "number" | "amount"; display: string; min?: number; target?: { readonly default?: string } }): { value: number | undefined; said: string[] } => {
    const p = new Problems("in.xlsx");
    const value = readMeasure(p, "指标数据", cell(text), 2, 2, spec);
    return { value, said: p.list.map((d) => `${d.code} ${message("zh-CN", d.code, d.data)}`) };
  };

  it("reads a dash that stands for a minus sign before a number (–2%, Word's hyphen made a dash) as the minus sign", () => {
    const growth = { code: "ZB1", unit: "percent" as const, display: "%", min: -10000 };
    expect(read("–2%", growth)).toEqual(read("−2%", growth));
    expect(read("–2%", growth)).toEqual({ value: read("-2%", growth).value, said: [] });
    expect(read("–2%", growth).value).toBeLessThan(0);
    // Not a dash between numbers, nor one standing alone (— for no value).
    expect(read("2–3%", growth).value).toBeUndefined();
  });

  it("names a punctuation mark after the number, or a comparison sign before it, as what to delete (a generic 不是数值 left the clerk looking: a tester's find)", () => {
    const rate = { code: "ZB7", unit: "percent" as const, display: "%" };
    const money = { code: "ZB2", unit: "amount" as const, display: "万元" };
    expect(read("96.8%。", rate)).toEqual({ value: undefined, said: ["workbook.number-trailing-mark “96.8%。” 末尾多了标点:请删去末尾的标点"] });
    expect(read("12000。", money).said).toEqual(["workbook.number-trailing-mark “12000。” 末尾多了标点:请删去末尾的标点"]);
    expect(read("12000;", money).said).toEqual(["workbook.number-trailing-mark “12000;” 末尾多了标点:请删去末尾的标点"]);
    expect(read("1起。", { code: "ZB5", unit: "number" as const, display: "起" }).said).toEqual(["workbook.number-trailing-mark “1起。” 末尾多了标点:请删去末尾的标点"]);
    expect(read("≥95%", rate).said).toEqual(["workbook.number-comparison “≥95%” 带有比较符号(≥、≤、>、<),像是写了目标或标准:请只填实际的数,不带符号"]);
    // In a target's column the bound is what belongs: its sign alone is to go ("像是写了目标…请只填实际的数" told the clerk to put no target there).
    expect(read("≥95%", { ...rate, code: "MB1", target: {} }).said).toEqual(["workbook.number-comparison-target “≥95%” 带有比较符号(≥、≤、>、<):目标只填数,不带符号(是须达到还是不得超过,由考核方案定)"]);
    for (const typed of ["≤3000", "≦3000", "=>3000"]) expect(read(typed, { ...money, code: "MB2", target: {} }).said.map((x) => x.split(" ")[0]), typed).toEqual(["workbook.number-comparison-target"]);
    // A decimal comma said as one with a space before the sign too (95,5 % got the generic 不是比率).
    expect(read("95,5 %", rate).said.map((x) => x.split(" ")[0])).toEqual(["workbook.number-comma"]);
    const p = new Problems("in.xlsx");
    expect(readPoints(p, "党政线", cell("19.5。"), 2, 2, { code: "DZ2", max: 2000, step: 50, kind: "judged" })).toBeUndefined();
    expect(readPoints(p, "党政线", { ...cell("≥19.5"), row: 3, ref: "B3" }, 2, 3, { code: "DZ2", max: 2000, step: 50, kind: "judged" })).toBeUndefined();
    expect(p.list.map((d) => `${d.location && "cell" in d.location ? d.location.cell : ""} ${d.code}`)).toEqual(["B2 workbook.number-trailing-mark", "B3 workbook.number-comparison"]);
    // A plain number is read as it was (no mark after it).
    expect(read("96.8%", rate)).toEqual({ value: 9680, said: [] });
  });

  it("asks for no number out of a sum of money typed where a count belongs (3.5万元 is no count of accidents)", () => {
    const accidents = { code: "ZB6", unit: "number" as const, display: "起" };
    expect(read("3.5万元", accidents)).toEqual({ value: undefined, said: ["workbook.not-a-quantity-in “3.5万元” 不是数值:请填写数字(单位:起)"] });
    // Nor a multiple: 3万起 is 30,000 (dropping 万, as asked, entered a value 10,000 times too small).
    expect(read("3万起", accidents).said).toEqual(["workbook.not-a-quantity-in “3万起” 不是数值:请填写数字(单位:起)"]);
    // A percentage where a count goes (5.2% in a column of 起/万人): said as that.
    expect(read("5.2%", { code: "ZB8", unit: "number" as const, display: "起/万人" }).said).toEqual(["workbook.quantity-percent “5.2%” 是百分数,本列不填百分数:请填数值(单位:起/万人)"]);
    // A count's own word still asks for the number alone (2件 in a column of 起).
    expect(read("2件", accidents).said).toEqual(["workbook.quantity-with-word-in “2件” 请只填数字 2,不带“件”(本列单位:起)"]);
  });
});

describe("a dash or N/A where a target belongs", () => {
  const said = (text: string, target: { default?: string }): string => {
    const p = new Problems("in.xlsx");
    expect(readMeasure(p, "指标数据", cell(text), 2, 2, { code: "MB1", unit: "percent", display: "%", target })).toBeUndefined();
    const d = p.list[0]!;
    return `${d.code} ${message("zh-CN", d.code, d.data)}`;
  };
  it("asks for the target the letter sets, or a blank for the scheme's default where it gives one (never 0: a target of none is no target)", () => {
    expect(said("—", {})).toBe("workbook.none-word-target 目标 MB1 填的 “—” 不是数值;请按目标责任书填写该单位的目标值");
    expect(said("N/A", { default: "95%" })).toBe("workbook.none-word-target-default 目标 MB1 填的 “N/A” 不是数值;请按目标责任书填写该单位的目标值,或留空按方案默认的 95% 计");
    // A rate's target with a word of none in full-width (Ｎ／Ａ) is the same.
    expect(said("Ｎ／Ａ", {})).toMatch(/^workbook\.none-word-target /);
    expect(said("不涉及", {})).toMatch(/^workbook\.none-word-target /);
  });
});

describe("everyday slips in a number, each said as what it is at its cell", () => {
  const rate = (text: string): string => {
    const p = new Problems("in.xlsx");
    expect(readMeasure(p, "指标数据", cell(text), 2, 2, { code: "ZB1", unit: "percent", display: "%" })).toBeUndefined();
    const d = p.list[0]!;
    return `${d.code} ${message("zh-CN", d.code, d.data)}`;
  };
  const count = (text: string): string => {
    const p = new Problems("in.xlsx");
    expect(readMeasure(p, "指标数据", cell(text), 2, 2, { code: "ZB5", unit: "number", display: "起", whole: true })).toBeUndefined();
    return p.list[0]!.code;
  };
  const points = (text: string): string => {
    const p = new Problems("in.xlsx");
    expect(readPoints(p, "党政线", cell(text), 2, 2, { code: "DZ2", max: 2000, step: 50, kind: "judged" })).toBeUndefined();
    const d = p.list[0]!;
    return `${d.code} ${message("zh-CN", d.code, d.data)}`;
  };
  it("an estimate (约96%, 53.5（估）, 15起左右) asks for the exact figure (it was 'not a rate' or 'not a number')", () => {
    expect(rate("约96%")).toBe("workbook.number-approximate “约96%” 是约数(约、左右、估等);请填核实后的确切数值,只填数字");
    expect(points("53.5（估）")).toMatch(/^workbook\.number-approximate /);
    expect(count("15左右")).toBe("workbook.number-approximate");
    // ≈ and a tilde (full-width ～ too) are the same estimate.
    expect(rate("≈96%")).toMatch(/^workbook\.number-approximate /);
    expect(rate("～96%")).toMatch(/^workbook\.number-approximate /);
    expect(count("~15")).toBe("workbook.number-approximate");
  });
  it("一 alone where points go asks whether it is 1 or the dash of none (it was asked for as 1)", () => {
    expect(points("一")).toBe("workbook.points-one-or-dash DZ2 的分值 “一” 不是数字:若是 1 分请填 1;若表示没有得分请填 0");
    // 一一 is no 1 (nor 11): a dash for none.
    expect(points("一一")).toBe("workbook.none-word-points DZ2 的分值 “一一” 不是数字;没有得分请填 0");
    // 十一 is eleven all the same.
    expect(points("十一")).toBe("workbook.points-chinese-numeral DZ2 的分值 “十一” 请写成阿拉伯数字 11");
    const p = new Problems("in.xlsx");
    expect(readPoints(p, "党政线", cell("一"), 2, 2, { code: "DZ2", max: 2000, step: 50, kind: "deducted" })).toBeUndefined();
    expect(p.list.map((d) => [d.code, d.location])).toEqual([["workbook.points-one-or-dash-deduction", { file: "in.xlsx", sheet: "党政线", cell: "B2" }]]);
  });
  it("a cross (×, x, ✗) for no figure says what to enter, as a dash does", () => {
    expect(points("×")).toBe("workbook.none-word-points DZ2 的分值 “×” 不是数字;没有得分请填 0");
    expect(points("X")).toMatch(/^workbook\.none-word-points /);
    expect(rate("✗")).toMatch(/^workbook\.none-word-rate /);
    expect(count("x")).toBe("workbook.none-word");
  });
  it("an apostrophe kept before the number ('96.8%, pasted from a program that marks text so) says so", () => {
    expect(rate("'96.8%")).toBe("workbook.number-apostrophe “'96.8%” 开头多了一个撇号;请删去撇号,只留数字");
    expect(rate("’95%")).toMatch(/^workbook\.number-apostrophe /);
  });
  it("a full stop for the decimal point (53。5) says so", () => {
    expect(points("53。5")).toBe("workbook.number-full-stop “53。5” 中的 “。” 是句号;小数请用小数点 .(如 53.5)");
    expect(rate("96。5%")).toMatch(/^workbook\.number-full-stop /);
  });
  it("a % typed twice, a per-mille figure where a percentage goes, a percentage where points go: each asked about", () => {
    expect(rate("30.5%%")).toBe("workbook.number-percent-twice “30.5%%” 多写了 %;百分数只写一个 %(如 30.5%)");
    expect(rate("305‰")).toBe("workbook.rate-per-mille “305‰” 是千分数,此处填百分数;是否应为 30.5%?");
    expect(points("53.5%")).toBe("workbook.percent-in-points DZ2 应填分值,不是百分数(53.5%):请填 0 到 20 之间的分数,不带 %");
    // Twice in a points cell: said as a percentage where points go (asked for one %, it was refused again).
    expect(points("18.5%%")).toMatch(/^workbook\.percent-in-points /);
  });
  it("points typed over their maximum (19/20, as a 自评表 writes them) ask for the points alone (不是数值 said nothing of what to type)", () => {
    expect(points("19/20")).toBe("workbook.points-over-max DZ2:“19/20” 像是“得分/满分”:只填得分,如 19(满分 20)");
    expect(points("19.5 ／ 20")).toMatch(/^workbook\.points-over-max DZ2:“19.5 ／ 20” 像是“得分\/满分”:只填得分,如 19.5/);
    // Over another number, or past the maximum, it is no such thing: said as any text is (21/20 was offered 21 of 20).
    for (const typed of ["21/20", "19/25", "1/2"]) expect(points(typed)).toMatch(/^workbook\.points-not-a-number /);
  });
});

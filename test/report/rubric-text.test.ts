// `assess rubric show`: an indicator's bounds are the ones a workbook's value is held to, and a
// display unit that starts with a digit is never glued to the number before it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRubric } from "../../src/rubric/load.js";
import { rubricTree } from "../../src/report/rubric-text.js";
import { formatMeasure } from "../../src/model/numbers.js";

const FILE = "rubric/township-comprehensive-2026.1.yaml";
const TEXT = readFileSync(FILE, "utf8");

function tree(text: string, lang: "zh-CN" | "en" = "zh-CN"): string[] {
  const { rubric, diagnostics } = loadRubric(FILE, Buffer.from(text), "test");
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!rubric) throw new Error("no rubric");
  return rubricTree(rubric, lang).split("\n");
}

describe("rubric show: an indicator's bounds", () => {
  it("say the reader's own where the rubric sets one side: a percentage up to 100%, a count from 0", () => {
    const lines = tree(TEXT);
    // min -50% set, max not: a percentage is held to 100% all the same.
    expect(lines).toContain("  ZB1 地区生产总值增长率  百分比,越高越好,取值 -50% 至 100%");
    // min set, no max: an amount has none.
    expect(lines).toContain("  ZB12 利润总额  金额(万元),越高越好,取值不小于 -100000万元");
    // Neither set: nothing said. Punctuated as Chinese is throughout (no ", " beside ",").
    expect(lines).toContain("  ZB6 一般生产安全事故  数量(起),整数,越低越好");
    // A target says its unit too.
    expect(lines).toContain("  MB2 一般公共预算收入目标(责任书下达)  金额(万元)");
    expect(tree(TEXT, "en")).toContain("  ZB12 利润总额  amount (万元), higher is better, values of -100000万元 or more");
  });

  it("a count with a max and no min starts at 0, and a unit like 1/10万 stands apart from the number", () => {
    const text = TEXT.replace("    display: 起/万人\n", "    display: 1/10万\n    max: 1000\n");
    expect(text).not.toBe(TEXT);
    expect(tree(text)).toContain("  ZB8 刑事案件万人发案率  数量(1/10万),越低越好,取值 0 1/10万 至 1000 1/10万");
  });
});

describe("rubric show: a ledger code's range of points", () => {
  it("signs both ends of a deduction's range (−0.5…−3, not −0.5…3, which reads as up to +3)", () => {
    const line = tree(TEXT).find((l) => l.startsWith("  KF3 "));
    expect(line).toContain("−0.5…−3");
  });
});

describe("a measured value in its display unit", () => {
  it("is joined to a unit of words and set apart from one that starts with a digit", () => {
    expect([formatMeasure(300, "起"), formatMeasure(2000, "1/10万"), formatMeasure(9500, "%"), formatMeasure(150, "")]).toEqual(["3起", "20 1/10万", "95%", "1.5"]);
  });
});

describe("rubric show in English", () => {
  it("separates groups as English does, groups thousands in amounts, and sets a veto's effect apart", () => {
    const lines = tree(TEXT, "en");
    expect(lines).toContain("  groups: 乡镇组 [乡镇, 镇, 乡]; 街道组 [街道]");
    expect(lines).toContain("    一等奖: rank 1, 50,000 yuan");
    expect(lines.find((l) => l.startsWith("    SH1 "))).toMatch(/and a veto \(still ranked when vetoed, no prize; /);
    expect(tree(TEXT).find((l) => l.startsWith("    SH1 "))).toContain("并否决(否决后仍排名、不得获奖;");
  });
});

describe("rubric show: a single-item award", () => {
  it("names its linked item only where a count makes it decide who wins (without one, every claimant wins)", () => {
    // The comprehensive rubric's DX1 has no count: 柳河镇 and 石桥镇 both win it (同级比 JJ5 得分 read as a contest).
    expect(tree(TEXT).find((l) => l.includes("单项奖 DX1"))).toBe("    单项奖 DX1 经济发展突出贡献奖,20,000 元");
    const counted = tree(TEXT.replace("linked_item: JJ5", "count: 1\n        linked_item: JJ5"));
    expect(counted.find((l) => l.includes("单项奖 DX1"))).toContain("同级比 JJ5 得分");
  });
});

describe("rubric show: relative kinds", () => {
  it("compare a unit within its group where its kind has groups, else among its kind, by name", () => {
    expect(tree(TEXT).find((l) => l.startsWith("    JJ3 "))).toContain("ZB3 本单位值与组内最高值相比 × 满分");
    const mini = readFileSync("test/fixtures/mini-rubric.yaml", "utf8").replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: rank-points\n        indicator: ZB2\n        per_place: 1\n");
    const { rubric } = loadRubric("mini.yaml", Buffer.from(mini), "test");
    if (!rubric) throw new Error("no rubric");
    const js2 = (lang: "zh-CN" | "en") => rubricTree(rubric, lang).split("\n").find((l) => l.startsWith("    JS2 "));
    expect(js2("zh-CN")).toContain("ZB2 镇街中排名:第 1 名满分,每降一名减 1 分");
    expect(js2("en")).toContain("ZB2 by place among 镇街: full marks for the first, 1 less for each place below");
  });
});

describe("rubric show: a gate of no points", () => {
  it("says it passes or vetoes, not that it earns full marks", () => {
    const text = TEXT.replace("      - code: SH1\n", "      - { code: SH8, name: 底线否决, max: 0, kind: gate, indicator: ZB5, target: 0 }\n      - code: SH1\n");
    expect(text).not.toBe(TEXT);
    // With no veto: block, what the veto does by default is said (the unit is not ranked).
    expect(tree(text).find((l) => l.startsWith("    SH8 "))).toBe("    SH8 底线否决  0  一票否决:ZB5 ≤ 0起 为达标(不计分),否则否决(否决后不参加排名)");
    expect(tree(text, "en").find((l) => l.startsWith("    SH8 "))).toMatch(/^ {4}SH8 底线否决 {2}0 {2}veto gate: ZB5 ≤ 0起 passes \(no points\), else a veto.*unranked when vetoed/);
    // One with points still earns them.
    expect(tree(text).find((l) => l.startsWith("    SH1 "))).toContain("一票否决:ZB5 ≤ 0起 得满分,否则 0 分并否决");
  });
});

describe("rubric show: a ratio against a target of 0 or less", () => {
  it("is said as the all or nothing it is, not as a division by the target", () => {
    const text = TEXT.replace("        indicator: ZB2\n        target: MB2\n", "        indicator: ZB2\n        target: 0\n");
    expect(text).not.toBe(TEXT);
    expect(tree(text)).toContain("    JJ2 一般公共预算收入  20  ZB2 ≥ 0万元 得满分,否则 0 分(目标不大于 0,不按比例计分)");
    // A unit's own target (MB2) may be anything: said as the ratio it is.
    expect(tree(TEXT)).toContain("    JJ2 一般公共预算收入  20  ZB2 ÷ MB2 × 满分,不超过满分");
  });
});

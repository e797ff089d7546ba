// assess rubric diff: what changed between two versions, field by field, with what each change affects.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRubric } from "../src/rubric/load.js";
import type { Rubric } from "../src/rubric/model.js";
import { diffRubrics } from "../src/rubric/diff.js";
import { diffLines, rubricWords } from "../src/report/rubric-text.js";
import { mini } from "./helpers/builders.js";

/** The comprehensive rubric's text, and a rubric loaded from a text made of it. */
function comprehensive(): { text: string; load: (t: string) => Rubric } {
  return { text: readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8"), load: (t) => loadRubric("r.yaml", Buffer.from(t), "test").rubric! };
}

describe("rubric diff", () => {
  const a = mini();
  const b = mini((t) =>
    t
      .replace("            name: 决策甲\n            max: 12.5", "            name: 决策甲(新)\n            max: 10")
      .replace("            name: 决策乙\n            max: 7.5", "            name: 决策乙\n            max: 10")
      .replace("      points: 20\n      once_per_year: true", "      points: 25\n      once_per_year: true")
      .replace("    below: 60", "    below: 65"),
  );

  it("lists every changed field of items, ledger codes and rankings, with its effect", () => {
    expect(diffRubrics(a, b, rubricWords("en")).map((c) => `${c.kind} ${c.area} ${c.code} ${c.field ?? ""}: ${c.old ?? ""} → ${c.new ?? ""} [${c.effect}]`)).toEqual([
      "changed item DZ2.1 name: 决策甲 → 决策甲(新) [words]",
      // Judged items: the points typed are the points; a new max only bounds what may be typed.
      "changed item DZ2.1 max: 12.5 → 10 [validation]",
      "changed item DZ2.2 max: 7.5 → 10 [validation]",
      "changed ledger JF1 points: 20 → 25 [scores]",
      "changed ranking overall yellow-card: 黄牌警告: last place, or a total below 60 → 黄牌警告: last place, or a total below 65 [awards]",
    ]);
    expect(diffRubrics(a, a)).toEqual([]);
  });

  it("names a ledger code added by its points, where it has points and a cap (its cap alone told a reviewer nothing of what a row gives)", () => {
    const added = mini((t) => t.replace("    - code: DX1\n", "    - { code: JF3, kind: bonus, name: 招商, points: 0.5, cap: 1 }\n    - code: DX1\n"));
    expect(diffLines(a, added, "zh-CN").lines).toEqual(["+ 新增 加扣分代码 JF3 招商(分值 0.5)  [改变得分;改变工作簿的填写与检查]"]);
    // By its levels' points, or its range, where it has those.
    const levels = mini((t) => t.replace("    - code: DX1\n", "    - { code: JF4, kind: bonus, name: 表彰, levels: { 市级: 0.5, 省级: 1 } }\n    - { code: KF9, kind: deduction, name: 区间, range: [1, 4] }\n    - code: DX1\n"));
    expect(diffLines(a, levels, "zh-CN").lines).toEqual(["+ 新增 加扣分代码 JF4 表彰(级别 省级 1, 市级 0.5)  [改变得分;改变工作簿的填写与检查]", "+ 新增 加扣分代码 KF9 区间(分值范围 1–4)  [改变得分;改变工作簿的填写与检查]"]);
  });

  it("says a ledger dropped by its codes alone: the statuses and flag words a scheme without one never reads are not changes", () => {
    const noLedger = (t: string): string => t.replace(/\nledger:\n[\s\S]*?\nrankings:/, "\nrankings:").replace(/\n {2}single:\n[\s\S]*?linked_item: JS1/, "");
    const lines = diffLines(a, mini(noLedger), "en").lines;
    expect(lines.filter((l) => !l.startsWith("− removed ledger code"))).toEqual([expect.stringMatching(/^~ ranking 综合排名 single-item awards: single-item award DX1 .* → \(none\)/)]);
    expect(lines.filter((l) => l.startsWith("− removed ledger code"))).toHaveLength(6);
    // And back: the codes added, no statuses "changed" from a default nobody wrote.
    expect(diffLines(mini(noLedger), a, "en").lines.filter((l) => !l.startsWith("+ added ledger code") && !l.includes("single-item awards"))).toEqual([]);
  });

  it("says each change in the reader's language", () => {
    expect(diffLines(a, b, "zh-CN").lines).toEqual([
      "~ 项目 DZ2.1 名称: 决策甲 → 决策甲(新)  [只改文字]",
      "~ 项目 DZ2.1 决策甲(新) 满分: 12.5 → 10  [改变工作簿的填写与检查]",
      "~ 项目 DZ2.2 决策乙 满分: 7.5 → 10  [改变工作簿的填写与检查]",
      "~ 加扣分代码 JF1 创新 分值: 20 → 25  [改变得分]",
      // A ranking by its name, its id after it.
      "~ 排名 综合排名 黄牌警告: 黄牌警告:末位,或总分低于 60 → 黄牌警告:末位,或总分低于 65  [改变奖惩]",
    ]);
  });

  it("sees a line's clause text, the scheme's source and a cap on all bonuses change", () => {
    const with1 = (t: string): string =>
      t
        .replace("title: 迷你方案\n", "title: 迷你方案\nsource: 迷政〔2026〕1号\n")
        .replace("  - code: DZ\n    name: 党政线\n    max: 40\n", "  - code: DZ\n    name: 党政线\n    max: 40\n    text: 党政线占 40 分。\n")
        .replace("  codes:\n    - code: JF1", "  caps:\n    - { kind: bonus, max: 5 }\n  codes:\n    - code: JF1");
    const one = mini(with1);
    const two = mini((t) => with1(t).replace("迷政〔2026〕1号", "迷政〔2026〕2号").replace("党政线占 40 分。", "党政线占 40 分,按权重 40% 计入总分。").replace("{ kind: bonus, max: 5 }", "{ kind: bonus, max: 6 }"));
    expect(diffLines(one, two, "zh-CN").lines).toEqual([
      "~ 方案 文件依据: 迷政〔2026〕1号 → 迷政〔2026〕2号  [只改文字]",
      "~ 考核线 DZ 党政线 条文: 党政线占 40 分。 → 党政线占 40 分,按权重 40% 计入总分。  [只改文字]",
      "~ 合计上限 加分: 5 → 6  [改变得分]",
    ]);
  });

  it("says what a grade's ties setting is about: the units tied at a quota's cut (read alone, 并列者均不入该等次 seemed any tie)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const at = text.indexOf("      ties: none\n");
    expect(at).toBeGreaterThan(0);
    const load = (t: string): Rubric => {
      const r = loadRubric("r.yaml", new TextEncoder().encode(t), "test").rubric;
      if (!r) throw new Error("rubric did not load");
      return r;
    };
    const lines = diffLines(load(text), load(text.slice(0, at) + "      ties: all\n" + text.slice(at + "      ties: none\n".length)), "zh-CN").lines;
    expect(lines).toEqual(["~ 排名 乡镇(街道)综合排名 等次: 名额线上:并列者均不入该等次 → 名额线上:并列者均入该等次  [改变奖惩]"]);
  });

  it("says a new date of taking effect changes what is checked, not words alone (a cover's year before it is warned; the newer version beside is chosen by it)", () => {
    const later = mini((t) => t.replace('effective: "2026-01-01"', 'effective: "2027-01-01"'));
    expect(diffLines(mini(), later, "zh-CN").lines).toEqual(["~ 方案 生效日期: 2026-01-01 → 2027-01-01  [改变工作簿的填写与检查]"]);
  });

  it("sees the report's name given, and its issuer change", () => {
    const one = mini((t) => t.replace("title: 迷你方案\n", "title: 迷你方案\nreport:\n  issuer: 迷你办\n"));
    const two = mini((t) => t.replace("title: 迷你方案\n", "title: 迷你方案\nreport:\n  name: 年度考核通报\n  issuer: 迷你考核办\n"));
    expect(diffLines(one, two, "zh-CN").lines).toEqual(["~ 报告 发文单位: 迷你办 → 迷你考核办  [只改文字]", "~ 报告 名称: (无) → 年度考核通报  [只改文字]"]);
  });

  it("says flag words that differ in case or width alone as words (Yes, YES dropped beside yes were said to change scores: a cell is read in any case)", () => {
    const with_ = mini((t) => t.replace("    yes: [是]\n", "    yes: [是, yes, Yes, YES]\n"));
    const without = mini((t) => t.replace("    yes: [是]\n", "    yes: [是, yes]\n"));
    expect(diffRubrics(with_, without).map((c) => `${c.field}: ${c.old} → ${c.new} [${c.effect}]`)).toEqual(["flag-yes: 是, yes, Yes, YES → 是, yes [words]"]);
    // A word taken out: it changes scores, as before.
    expect(diffRubrics(with_, mini()).map((c) => `${c.field} [${c.effect}]`)).toEqual(["flag-yes [scores]"]);
  });

  it("says a relative item compared across groups, as changing scores", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const load = (t: string): Rubric => {
      const r = loadRubric("r.yaml", new TextEncoder().encode(t), "r.yaml");
      if (!r.rubric) throw new Error(JSON.stringify(r.diagnostics));
      return r.rubric;
    };
    const across = load(text.replace("        kind: relative-best\n        indicator: ZB3\n", "        kind: relative-best\n        indicator: ZB3\n        across_groups: true\n"));
    expect(diffLines(load(text), across, "zh-CN").lines).toEqual(["~ 项目 JJ3 固定资产投资增长 各组单位一起比较: 否 → 是  [改变得分]"]);
  });

  it("names a single-item award's linked item changed where it has no count, as changing nothing (it said there was no difference)", () => {
    const other = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS2\n"));
    expect(diffRubrics(mini(), other, rubricWords("en")).map((c) => `${c.area} ${c.field}: ${c.old} → ${c.new} [${c.effect}]`)).toEqual(["ranking single: single-item award DX1 信息化单项奖, 3,000 yuan, units at the same level separated by their JS1 points → single-item award DX1 信息化单项奖, 3,000 yuan, units at the same level separated by their JS2 points [words]"]);
  });

  it("sees no change in the order of what has none: weights, a code's levels, statuses, flag words, a code's unit kinds", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("counted: [已认定]", "counted: [已认定, 已确认]");
    const load = (t: string): Rubric => {
      const r = loadRubric("x.yaml", new TextEncoder().encode(t), "x").rubric;
      if (!r) throw new Error("rubric did not load");
      return r;
    };
    const reordered = [
      ["weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { DJ: 25%, JJ: 40%, SH: 35% }"],
      ["levels: { 市级: 1, 省级: 2, 国家级: 3 }", "levels: { 国家级: 3, 市级: 1, 省级: 2 }"],
      ["levels: [市级, 省级, 国家级]", "levels: [国家级, 市级, 省级]"],
      ["unit_kinds: [town, department, enterprise]", "unit_kinds: [enterprise, town, department]"],
    ].reduce((t, [a, b]) => {
      expect(t).toContain(a);
      return t.replace(a ?? "", b ?? "");
    }, text);
    expect(diffRubrics(load(text), load(reordered))).toEqual([]);
    // The order of a kind's lines sets only where each is shown; the order of levels is a change of its own, and only that.
    const lines = text.replace("lines: [JJ, SH, DJ]", "lines: [SH, JJ, DJ]");
    expect(lines).not.toBe(text);
    expect(diffRubrics(load(text), load(lines))).toEqual([]);
    const levels = text.replace("level_order: [国家级, 省级, 市级]", "level_order: [省级, 国家级, 市级]");
    expect(levels).not.toBe(text);
    expect(diffRubrics(load(text), load(levels)).map((c) => `${c.area} ${c.field}`)).toEqual(["levels level-order"]);
    // Tiers written in another order are the same tiers; one added is said alone.
    const tiers = "tiers:\n      - { name: 一等奖, ranks: [1, 1], amount: 50000 }\n      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n";
    expect(text).toContain(tiers);
    const tiersSwapped = text.replace(tiers, "tiers:\n      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n      - { name: 一等奖, ranks: [1, 1], amount: 50000 }\n");
    expect(diffRubrics(load(text), load(tiersSwapped))).toEqual([]);
    const third = text.replace(tiers, `${tiers}      - { name: 三等奖, ranks: [4, 5], amount: 10000 }\n`);
    expect(diffLines(load(text), load(third), "zh-CN").lines).toEqual(["~ 排名 乡镇组排名 名次奖: (无) → 三等奖 第 4–5 名,10,000 元  [改变奖惩]"]);
    // The first counted status is the one the template names: said, as words alone.
    const swapped = text.replace("counted: [已认定, 已确认]", "counted: [已确认, 已认定]");
    expect(diffRubrics(load(text), load(swapped)).map((c) => `${c.field}: ${c.old} → ${c.new} [${c.effect}]`)).toEqual(["counted-word: 已认定 → 已确认 [words]"]);
    // A status taken out: the statuses shown as each version writes them (申报中, 待审核 read 待审核, 申报中).
    const fewer = text.replace("pending: [申报中, 待审核]", "pending: [申报中]").replace("counted: [已认定, 已确认]", "counted: [已确认, 已认定, 审定]");
    // (The template's word, the first counted, said with its list, not again on a line of its own;
    // a word dropped leaves last year's rows that wrote it unread: the workbook's checks change.)
    expect(diffRubrics(load(text), load(fewer)).map((c) => `${c.field}: ${c.old} → ${c.new}${c.workbook ? " [workbook]" : ""}`)).toEqual(["counted: 已认定, 已确认 → 已确认, 已认定, 审定", "pending: 申报中, 待审核 → 申报中 [workbook]"]);
    // A counted status renamed (已认定 → 审核通过): one change, to the scores and the workbook's rows.
    const renamed = text.replace("counted: [已认定, 已确认]", "counted: [审核通过, 已确认]");
    expect(diffLines(load(text), load(renamed), "zh-CN").lines).toEqual(["~ 加扣分状态与标记 计分的状态: 已认定, 已确认 → 审核通过, 已确认  [改变得分;改变工作簿的填写与检查]"]);
  });

  it("says things shown in another order as that alone: a line's block moved, two items swapped, kinds and rankings reordered (it said no difference)", () => {
    const { text, load } = comprehensive();
    const block = (from: string, to: string): string => text.slice(text.indexOf(from), text.indexOf(to));
    const dj = block("  - code: DJ\n", "  - code: BM\n");
    const moved = text.replace(dj, "").replace("  - code: SH\n", `${dj}  - code: SH\n`);
    expect(moved).not.toBe(text);
    expect(diffLines(load(text), load(moved), "zh-CN").lines).toEqual(["~ 单位类型 乡镇(街道) 考核线的顺序: JJ 经济发展 > SH 社会治理 > DJ 党的建设 → JJ 经济发展 > DJ 党的建设 > SH 社会治理  [只改排列顺序]"]);
    expect(diffLines(load(text), load(moved), "en").lines).toEqual(["~ unit kind 乡镇(街道) order of lines: JJ 经济发展 > SH 社会治理 > DJ 党的建设 → JJ 经济发展 > DJ 党的建设 > SH 社会治理  [order shown only]"]);
    // Weights changed with it: listed in the order the lines are shown, either side (the kind's own
    // `lines:` list, written in another order, sets nothing and was the order they were listed in).
    const weighted = moved.replace("lines: [JJ, SH, DJ]\n    weights: { JJ: 40%, SH: 35%, DJ: 25% }", "lines: [JJ, SH, DJ]\n    weights: { JJ: 45%, SH: 30%, DJ: 25% }");
    expect(weighted).not.toBe(moved);
    expect(diffLines(load(moved), load(weighted), "zh-CN").lines).toEqual(["~ 单位类型 乡镇(街道) 权重: JJ 经济发展 40%;DJ 党的建设 25%;SH 社会治理 35% → JJ 经济发展 45%;DJ 党的建设 25%;SH 社会治理 30%  [改变得分]"]);
    // Two items swapped within their line: its items' order.
    const sh6 = block("      - code: SH6\n", "      - code: SH7\n");
    const swapped = text.replace(sh6, "").replace("  - code: DJ\n", `${sh6}  - code: DJ\n`);
    expect(diffLines(load(text), load(swapped), "zh-CN").lines).toEqual(["~ 考核线 SH 社会治理 项目的顺序: SH1 > SH2 > SH3 > SH4 > SH5 > SH6 > SH7 → SH1 > SH2 > SH3 > SH4 > SH5 > SH7 > SH6  [只改排列顺序]"]);
    // An item added at the end, or one taken out, is said as that alone: the others keep their order.
    const added = text.replace("  - code: DJ\n", "      - code: SH8\n        name: 平安建设\n        max: 10\n  - code: DJ\n").replace("        name: 民生实事\n        max: 20", "        name: 民生实事\n        max: 10");
    expect(diffLines(load(text), load(added), "zh-CN").lines.filter((l) => l.includes("顺序"))).toEqual([]);
    // Kinds and rankings written in another order: the template's sheets, the results'.
    const town = block("  - id: town\n", "  - id: department\n");
    const kinds = text.replace(town, "").replace("\nindicators:\n", `${town}\nindicators:\n`.replace("\n\n", "\n"));
    const rural = block("  - id: rural\n    name: 乡镇组排名", "  - id: urban\n    name: 街道组排名");
    const rankings = text.replace(rural, "").replace("  - id: economy\n", `${rural}  - id: economy\n`);
    expect(diffLines(load(text), load(kinds), "zh-CN").lines).toEqual(["~ 方案 单位类型的顺序: 乡镇(街道) > 区直部门 > 区属国有企业 → 区直部门 > 区属国有企业 > 乡镇(街道)  [只改排列顺序]"]);
    expect(diffLines(load(text), load(rankings), "zh-CN").lines).toEqual([expect.stringMatching(/^~ 方案 排名的顺序: 乡镇\(街道\)综合排名 > 乡镇组排名 > 街道组排名 > .* → 乡镇\(街道\)综合排名 > 街道组排名 > 乡镇组排名 > .* {2}\[只改排列顺序\]$/)]);
  });

  it("says rankings reordered as moving the gaps to a better prize where the first with prizes changes, and indicators, targets and ledger codes reordered as the order shown; labels and groups reordered as no change", () => {
    const { text, load } = comprehensive();
    const block = (t: string, from: string, to: string): string => t.slice(t.indexOf(from), t.indexOf(to));
    // 经济发展单项排名 given prizes, then written before the groups' rankings: each town's gap is on it now.
    const prized = text.replace("    tie_breakers: [JJ4]\n    single:", "    tie_breakers: [JJ4]\n    tiers:\n      - { name: 一等奖, ranks: [1, 1], amount: 10000 }\n    single:");
    expect(prized).not.toBe(text);
    const economy = block(prized, "  - id: economy\n", "  - id: departments\n");
    const moved = prized.replace(economy, "").replace("  - id: rural\n    name: 乡镇组排名", `${economy}  - id: rural\n    name: 乡镇组排名`);
    expect(diffLines(load(prized), load(moved), "zh-CN").lines).toEqual([
      expect.stringMatching(/^~ 方案 排名的顺序: .* {2}\[只改排列顺序\]$/),
      "~ 单位类型 乡镇(街道) 距更高奖次所依据的排名: 乡镇组:乡镇组排名; 街道组:街道组排名 → 乡镇组:经济发展单项排名; 街道组:经济发展单项排名  [改变距更高奖次、等次的差距]",
    ]);
    // The groups' own rankings swapped: each group's first with prizes is its own as before.
    const rural = block(text, "  - id: rural\n    name: 乡镇组排名", "  - id: urban\n    name: 街道组排名");
    const swapped = text.replace(rural, "").replace("  - id: economy\n", `${rural}  - id: economy\n`);
    expect(diffLines(load(text), load(swapped), "zh-CN").lines).toEqual([expect.stringMatching(/^~ 方案 排名的顺序: .* {2}\[只改排列顺序\]$/)]);
    // The first two indicators, targets and ledger codes swapped: the template's columns and cover.
    const zb1 = block(text, "  - code: ZB1\n", "  - code: ZB2\n");
    const mb1 = block(text, "  - code: MB1\n", "  - code: MB2\n");
    const jf1 = block(text, "    - code: JF1\n", "    - code: JF2\n");
    const codes = text.replace(zb1, "").replace("  - code: ZB3\n", `${zb1}  - code: ZB3\n`).replace(mb1, "").replace("  - code: MB3\n", `${mb1}  - code: MB3\n`).replace(jf1, "").replace("    - code: KF1\n", `${jf1}    - code: KF1\n`);
    expect(diffLines(load(text), load(codes), "zh-CN").lines).toEqual([
      expect.stringMatching(/^~ 方案 指标的顺序: ZB1 > ZB2 > ZB3 > .* → ZB2 > ZB1 > ZB3 > .* {2}\[只改排列顺序\]$/),
      expect.stringMatching(/^~ 方案 目标的顺序: MB1 > MB2 > MB3 > .* → MB2 > MB1 > MB3 > .* {2}\[只改排列顺序\]$/),
      expect.stringMatching(/^~ 方案 加扣分代码的顺序: JF1 > JF2 > KF1 > .* → JF2 > JF1 > KF1 > .* {2}\[只改排列顺序\]$/),
    ]);
    // A kind's labels and its groups written in another order: no change.
    const labels = text.replace("labels: [乡镇, 镇, 乡, 街道]", "labels: [街道, 乡镇, 乡, 镇]");
    const groups = block(text, "      - id: rural\n", "  - id: department\n");
    const urban = groups.slice(groups.indexOf("      - id: urban\n"));
    const regrouped = labels.replace(groups, `${urban}${groups.slice(0, groups.indexOf("      - id: urban\n"))}`);
    expect(regrouped).not.toBe(labels);
    expect(diffLines(load(text), load(regrouped), "zh-CN").lines).toEqual([]);
  });

  it("says weights and tie-breakers with their lines' and items' names, and each band with ≥ or ≤ (a lower-is-better 2起→70% read as exactly 2)", () => {
    const file = "rubric/township-comprehensive-2026.1.yaml";
    const text = readFileSync(file, "utf8");
    const load = (t: string): Rubric => loadRubric(file, Buffer.from(t), "x").rubric!;
    const revised = text
      .replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 35%, SH: 40%, DJ: 25% }")
      .replace("tie_breakers: [BM1]", "tie_breakers: [BM1, BM2]")
      .replace("- { from: 2, share: 70% }", "- { from: 1, share: 70% }");
    expect(revised).not.toBe(text);
    const said = diffLines(load(text), load(revised), "zh-CN").lines;
    // Every line's weight either side (the reader checks they still make 100%), in the kind's order of lines.
    expect(said).toContain("~ 单位类型 乡镇(街道) 权重: JJ 经济发展 40%;SH 社会治理 35%;DJ 党的建设 25% → JJ 经济发展 35%;SH 社会治理 40%;DJ 党的建设 25%  [改变得分]");
    expect(said).toContain("~ 项目 SH2 一般生产安全事故控制 分档: ≤0起→100%, ≤2起→70%, ≤4起→40% → ≤0起→100%, ≤1起→70%, ≤4起→40%  [改变得分]");
    expect(said).toContain("~ 排名 区直部门排名 同分比较: BM1 重点工作任务 → BM1 重点工作任务, BM2 职能目标任务  [改变排名]");
  });

  it("says a veto's place left empty or passed on only where its kind's rankings give prize places, and no prize withheld where they give none (grades alone)", () => {
    const file = "rubric/township-comprehensive-2026.1.yaml";
    const text = readFileSync(file, "utf8");
    const load = (t: string): Rubric => loadRubric(file, Buffer.from(t), "x").rubric!;
    // QY4 is the enterprises': their ranking gives grades, no prize places.
    const revised = text.replace("        target: 0\n        text: 发生较大及以上生产安全事故的,实行一票否决,不参加排名和等次评定。", "        target: 0\n        veto: { ranked: true, grade: 不合格 }\n        text: 发生较大及以上生产安全事故的,实行一票否决,不参加排名和等次评定。");
    expect(revised).not.toBe(text);
    expect(diffLines(load(text), load(revised), "zh-CN").lines).toEqual(["~ 项目 QY4 安全生产 否决效果: 否决后不参加排名 → 否决后仍排名;直接定为不合格  [改变排名]"]);
  });

  it("lists a code's levels highest first, as 办法 do, under either version (国家级 10, 市级 5, 省级 7 read as jumbled)", () => {
    const text = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8");
    const load = (t: string): Rubric => loadRubric("r.yaml", Buffer.from(t), "test").rubric!;
    const revised = text.replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }", "      levels: { 市级: 5, 省级: 8, 国家级: 12 }");
    expect(revised).not.toBe(text);
    expect(diffLines(load(text), load(revised), "en").lines).toEqual(["~ ledger code JF2 经验介绍、获奖 levels: 国家级 10, 省级 7, 市级 5 → 国家级 12, 省级 8, 市级 5  [changes scores]"]);
  });

  it("says a switch turned off as no, not as none (once a year, whole numbers)", () => {
    const two = mini((t) => t.replace("      points: 20\n      once_per_year: true", "      points: 20"));
    expect(diffLines(a, two, "en").lines).toEqual(["~ ledger code JF1 创新 once a year: yes → no  [changes scores]"]);
  });

  it("sees an item removed and another added", () => {
    const c = mini((t) => t.replace("code: BM1\n        name: 职责", "code: BM2\n        name: 职责"));
    expect(diffRubrics(mini(), c).map((x) => `${x.kind} ${x.code}`)).toEqual(["removed BM1", "added BM2"]);
    // Each by its name and max: the other side has no line of it to read them in.
    // Of one name: said to be one item whose code changed, likely (last year's header names the old code).
    expect(diffLines(mini(), c, "zh-CN").lines.map((l) => l.replace(/ {2}\[.*\]$/, ""))).toEqual(["− 删除 项目 BM1 职责(满分 10),与新增的 BM2 同名:可能只是改了代码", "+ 新增 项目 BM2 职责(满分 10),与删除的 BM1 同名:如只是改了代码,工作簿中 BM1 的列头要改成新代码"]);
    // A ledger code renumbered: its rows in the ledger take the new code (it heads no column).
    const ledger = mini((t) => t.replace("    - code: KF1\n      kind: deduction\n      name: 问题\n", "    - code: KF2\n      kind: deduction\n      name: 问题\n"));
    expect(diffLines(mini(), ledger, "zh-CN").lines.map((l) => l.replace(/ {2}\[.*\]$/, ""))).toEqual(["− 删除 加扣分代码 KF1 问题(分值 20),与新增的 KF2 同名:可能只是改了代码", "+ 新增 加扣分代码 KF2 问题(分值 20),与删除的 KF1 同名:如只是改了代码,加扣分表中代码为 KF1 的行要改成新代码"]);
    // Two items of one name in two lines (满意率 in JS and in BM), both renumbered: each paired within its line.
    const twice = (t: string): string => t.replace("code: BM1\n        name: 职责", "code: BM1\n        name: 满意率");
    const both = mini((t) => twice(t).replace("code: BM1\n", "code: BM2\n").replace("      - code: JS2\n", "      - code: JS9\n"));
    const lines2 = diffLines(mini(twice), both, "zh-CN").lines.map((l) => l.replace(/ {2}\[.*\]$/, ""));
    expect(lines2.filter((l) => l.startsWith("+"))).toEqual([expect.stringMatching(/^\+ 新增 项目 JS9 满意率.*与删除的 JS2 同名/), expect.stringMatching(/^\+ 新增 项目 BM2 满意率.*与删除的 BM1 同名/)]);
    // An item moved to another line takes that line's code: paired across lines where its name is alone.
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const sh7 = "      - code: SH7\n        name: 民生实事\n        max: 20\n        text: 由区政府督查室对照年度民生实事项目评定,以0.5分为单位。\n";
    expect(text).toContain(sh7);
    const load = (t: string): Rubric => loadRubric("r.yaml", Buffer.from(t), "test").rubric!;
    const movedText = text
      .replace(sh7, "")
      .replace("      - code: SH6\n        name: 生态环境保护\n        max: 20\n", "      - code: SH6\n        name: 生态环境保护\n        max: 40\n")
      .replace("      - code: DJ1\n        name: 党建工作责任制\n        max: 30\n", "      - code: DJ1\n        name: 党建工作责任制\n        max: 10\n")
      .replace("  - code: BM\n", `${sh7.replace("SH7", "DJ5")}  - code: BM\n`);
    const movedLines = diffLines(load(text), load(movedText), "zh-CN").lines;
    expect(movedLines.filter((l) => /^[+−]/.test(l))).toEqual([expect.stringMatching(/^− 删除 项目 SH7 民生实事.*与新增的 DJ5 同名/), expect.stringMatching(/^\+ 新增 项目 DJ5 民生实事.*与删除的 SH7 同名/)]);
    // Named otherwise: two items.
    const other = mini((t) => t.replace("code: BM1\n        name: 职责", "code: BM2\n        name: 履职"));
    expect(diffLines(mini(), other, "zh-CN").lines.map((l) => l.replace(/ {2}\[.*\]$/, ""))).toEqual(["− 删除 项目 BM1 职责(满分 10)", "+ 新增 项目 BM2 履职(满分 10)"]);
  });

  it("says a judged item or a ledger code added or removed changes what the workbook holds, as well as the scores", () => {
    const c = mini((t) => t.replace("code: BM1\n        name: 职责", "code: BM2\n        name: 职责"));
    expect(diffLines(mini(), c, "zh-CN").lines.map((l) => l.replace(/^.* {2}\[/, "["))).toEqual(["[改变得分;改变工作簿的填写与检查]", "[改变得分;改变工作簿的填写与检查]"]);
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const start = text.indexOf("    - code: KF2\n");
    const end = text.indexOf("    - code: ", start + 1);
    const load = (t: string): Rubric => loadRubric("r.yaml", Buffer.from(t), "test").rubric!;
    const without = load(text.slice(0, start) + text.slice(end));
    expect(diffLines(load(text), without, "en").lines.filter((l) => l.includes("KF2"))).toEqual([expect.stringMatching(/^− removed ledger code KF2 .* {2}\[changes scores; changes what the workbook must hold\]$/)]);
    // An indicator added that no item reads yet: what the workbook must hold, and no more.
    const more = load(text.replace("indicators:\n", "indicators:\n  - { code: ZB99, name: 新增指标 }\n"));
    expect(diffLines(load(text), more, "zh-CN").lines).toEqual([expect.stringMatching(/^\+ 新增 指标 ZB99 .* {2}\[改变工作簿的填写与检查\]$/)]);
  });
  it("says an item turned from 扣分制 to judged (or back) as changing the workbook too: last year's column is read as its opposite", () => {
    const { text, load } = comprehensive();
    const deducted = "        max: 15\n        kind: deducted\n        step: 0.1\n";
    expect(text).toContain(deducted);
    const judged = load(text.replace(deducted, "        max: 15\n        step: 0.1\n"));
    expect(diffLines(load(text), judged, "zh-CN").lines).toEqual(["~ 项目 SH3 信访稳定 计分方式: 扣分制 → 评定  [改变得分;改变工作簿的填写与检查]"]);
    expect(diffLines(judged, load(text), "zh-CN").lines).toEqual(["~ 项目 SH3 信访稳定 计分方式: 评定 → 扣分制  [改变得分;改变工作簿的填写与检查]"]);
  });
  it("says a gate of no points added as what its veto moves, and one that holds the grade alone as no veto (限定等次, 改变奖惩)", () => {
    const { text, load } = comprehensive();
    const at = "      - code: SH3\n";
    expect(text).toContain(at);
    const gate = (veto: string): string => text.replace(at, `      - { code: SH8, name: 一般生产安全事故(不得评为优秀), max: 0, kind: gate, indicator: ZB6, target: 0, veto: ${veto} }\n${at}`);
    expect(diffLines(load(text), load(gate("{ grade_only: true, grade_at_most: 良好 }")), "zh-CN").lines).toEqual(["+ 新增 项目 SH8 一般生产安全事故(不得评为优秀)(满分 0;限定等次,读 ZB6)  [改变奖惩]"]);
    // A veto added where items compare units leaving the vetoed out (JJ3's best value): their scores move.
    expect(diffLines(load(text), load(gate("{ ranked: false }")), "zh-CN").lines).toEqual(["+ 新增 项目 SH8 一般生产安全事故(不得评为优秀)(满分 0;一票否决,读 ZB6)  [改变得分]"]);
    // One that held the grade alone made a veto: [改变得分] (it was [改变奖惩], and eight units' totals moved).
    const held = load(gate("{ grade_only: true, grade_at_most: 良好 }"));
    expect(diffLines(held, load(gate("{ ranked: true, grade_at_most: 良好 }")), "zh-CN").lines).toContainEqual(expect.stringMatching(/^~ 项目 SH8 \S+ 计分方式: 限定等次 → 一票否决 {2}\[改变得分\]$/));
  });

  it("names a ranking's key and a ledger code's line or item by code and name, as the tie-breakers are (JJ → JJ5 said nothing a clerk reads)", () => {
    const { text, load } = comprehensive();
    expect(text).toContain("    by: JJ\n");
    expect(text).toContain("      charge: SH\n");
    const changed = load(text.replace("    by: JJ\n", "    by: JJ5\n").replace("      charge: SH\n", "      charge: SH6\n"));
    const lines = diffLines(load(text), changed, "zh-CN").lines;
    expect(lines.filter((l) => l.includes("JJ5") || l.includes("SH6"))).toEqual([
      expect.stringMatching(/ 计入: SH 社会治理 → SH6 生态环境保护 {2}\[改变得分\]$/),
      expect.stringMatching(/ 排名依据: JJ 经济发展 → JJ5 重点项目建设 {2}\[改变排名\]$/),
    ]);
    // A ranking added says what it ranks by (it was named alone: a clerk could not tell what it ranks).
    const added = load(text.replace("  - id: economy\n", "  - id: ecology\n    name: 生态环境保护单项排名\n    unit_kind: town\n    by: SH6\n  - id: economy\n"));
    expect(diffLines(load(text), added, "zh-CN").lines).toEqual(["+ 新增 排名 生态环境保护单项排名(排名依据 SH6 生态环境保护)  [改变排名]"]);
    // Renamed, the line a code is charged to is not said again there.
    expect(diffLines(load(text), load(text.replace("name: 社会治理", "name: 社会治理与平安建设")), "zh-CN").lines.filter((l) => l.includes("计入"))).toEqual([]);
  });
  it("says a ranking moved to another group once, as moving ranks (分组编号 and 分组 were two lines, the second tagged words only)", () => {
    const { text, load } = comprehensive();
    const economy = "  - id: economy\n    name: 经济发展单项排名\n    unit_kind: town\n";
    expect(text).toContain(economy);
    expect(diffLines(load(text), load(text.replace(economy, `${economy}    group: rural\n`)), "zh-CN").lines).toEqual(["~ 排名 经济发展单项排名 分组: (无) → 乡镇组  [改变排名]"]);
  });
  it("says a group renamed once, as what the 分组 column takes, not as moving ranks (nor again as its ranking's group)", () => {
    const { text, load } = comprehensive();
    const group = "      - id: urban\n        name: 街道组\n";
    expect(text).toContain(group);
    const renamed = load(text.replace(group, "      - id: urban\n        name: 城区组\n"));
    expect(diffLines(load(text), renamed, "zh-CN").lines).toEqual([
      expect.stringMatching(/^~ 单位类型 乡镇\(街道\) 分组: .*街道组 \[街道\] → .*城区组 \[街道\] {2}\[改变工作簿的填写与检查\]$/),
    ]);
  });
  it("says a unit kind, a line or a tie-breaker's item renamed, or a line's sheet, as words alone and once, where renamed (not again in every field naming it: a kind's ledger codes and rankings, a line's weight)", () => {
    const { text, load } = comprehensive();
    const kind = "    name: 区直部门\n";
    const line = "  - code: DJ\n    name: 党的建设\n";
    expect(text).toContain(kind);
    expect(text).toContain(line);
    const renamed = load(text.replace(kind, "    name: 区直机关部门\n").replace(line, "  - code: DJ\n    name: 党建引领\n    sheet: 党建引领\n"));
    const said = diffLines(load(text), renamed, "zh-CN").lines;
    // Each said where it is renamed (the kind's name; the line's name and sheet), none as more than words.
    expect(said).toEqual([
      "~ 单位类型 区直机关部门 名称: 区直部门 → 区直机关部门  [只改文字]",
      "~ 考核线 DJ 名称: 党的建设 → 党建引领  [只改文字]",
      "~ 考核线 DJ 党建引领 工作表名: 党的建设 → 党建引领  [只改文字]",
    ]);
    // An item given another's old name (two swapped): last year's header names the other code, what the workbook holds.
    const swapped = load(text.replace("name: 重点工作任务", "name: 中心工作任务").replace("name: 职能目标任务", "name: 重点工作任务"));
    expect(diffLines(load(text), swapped, "zh-CN").lines.filter((l) => l.startsWith("~ 项目"))).toEqual(["~ 项目 BM1 名称: 重点工作任务 → 中心工作任务  [只改文字]", "~ 项目 BM2 名称: 职能目标任务 → 重点工作任务  [改变工作簿的填写与检查]"]);
    // Swapped with an item of another line (another sheet, whose headers are checked apart): no
    // other column's name taken, but each name unlike its old one, as last year's header is warned of.
    const across = load(text.replace("name: 重点工作任务", "name: 民生实事").replace("name: 民生实事\n        max: 20\n        text: 由区政府督查室", "name: 重点工作任务\n        max: 20\n        text: 由区政府督查室"));
    expect(diffLines(load(text), across, "zh-CN").lines.filter((l) => l.startsWith("~ 项目"))).toEqual(["~ 项目 SH7 名称: 民生实事 → 重点工作任务  [改变工作簿的填写与检查]", "~ 项目 BM1 名称: 重点工作任务 → 民生实事  [改变工作簿的填写与检查]"]);
    // An indicator's name reworded (增长率 → 增速) is words; another indicator under its code is not.
    const indicator = (name: string): Rubric => load(text.replace("name: 固定资产投资增长率", `name: ${name}`));
    expect(diffLines(load(text), indicator("固定资产投资增速"), "zh-CN").lines).toEqual(["~ 指标 ZB3 名称: 固定资产投资增长率 → 固定资产投资增速  [只改文字]"]);
    expect(diffLines(load(text), indicator("城镇新增就业完成率"), "zh-CN").lines).toEqual(["~ 指标 ZB3 名称: 固定资产投资增长率 → 城镇新增就业完成率  [改变工作簿的填写与检查]"]);
    // A measured item has no column of its own (it reads 指标数据): its name unlike is words alone.
    expect(text).toContain("name: 地区生产总值增长\n");
    expect(diffLines(load(text), load(text.replace("name: 地区生产总值增长\n", "name: 城镇新增就业\n")), "zh-CN").lines).toEqual(["~ 项目 JJ1 名称: 地区生产总值增长 → 城镇新增就业  [只改文字]"]);
    // A ranking's kind changed, or a tie-breaker, still moves ranks.
    const moved = load(text.replace("tie_breakers: [BM1]", "tie_breakers: [BM2]"));
    expect(diffLines(load(text), moved, "zh-CN").lines).toEqual(["~ 排名 区直部门排名 同分比较: BM1 重点工作任务 → BM2 职能目标任务  [改变排名]"]);
  });
});

// Award words for the award lists: what was given, briefly, in either language.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { awardContent, awardText, totalsMoving, weightsNote } from "../../src/report/labels.js";
import { message } from "../../src/messages/index.js";
import { loadRubric } from "../../src/rubric/load.js";
import type { Rubric } from "../../src/rubric/model.js";
import type { Award, UnitResult } from "../../src/model/results.js";

const grade = (cut: { quota: number; given?: number; tied?: boolean; unused?: number; tiedWith?: number }): Award => ({ kind: "grade", ranking: "departments", rankingName: "区直部门排名", grade: "良好", held: false, cut: { grade: "优秀", ...cut } });

describe("a yellow card", () => {
  it("says it is one in English, where its name is the rubric's Chinese (the other awards' kinds were said, the card's not)", () => {
    const card: Award = { kind: "warning", ranking: "overall", rankingName: "综合排名", name: "黄牌警告(下年度重点管理)", reasons: ["last", "below"], below: 60000 };
    expect(awardText(card, "en")).toBe("yellow card 黄牌警告(下年度重点管理): last in 综合排名 and total below 600");
    expect(awardText(card, "zh-CN")).toBe("黄牌警告(下年度重点管理):综合排名末位,且总分低于 600");
  });
});

describe("a grade short of the band its score reached", () => {
  it("says the band is full, in English without a plural to get wrong", () => {
    expect(awardContent(grade({ quota: 1 }), "en")).toBe("良好 (reached the 优秀 mark; 优秀's quota of 1 is filled)");
    expect(awardContent(grade({ quota: 1, given: 2 }), "en")).toBe("良好 (reached the 优秀 mark; 优秀's quota of 1 is filled, and the units tied at its last place all got it: 2 units)");
    expect(awardContent(grade({ quota: 2 }), "zh-CN")).toBe("良好(达到优秀分数线,但优秀名额 2 个已满)");
    // 20% of a single unit, rounded down: no place at all, not a full band.
    expect(awardContent(grade({ quota: 0 }), "zh-CN")).toBe("良好(达到优秀分数线,但按比例优秀名额为 0,向下取整)");
    expect(awardContent(grade({ quota: 0 }), "en")).toBe("良好 (reached the 优秀 mark, but its quota rounds down to no 优秀 place)");
    expect(awardContent(grade({ quota: 1, tied: true }), "zh-CN")).toBe("良好(达到优秀分数线,但并列于优秀名额线上,名额 1 个,按方案并列单位均不评为优秀)");
    // With how many it was tied, for the places left at the tie: the whole quota, or what those above it left.
    expect(awardContent(grade({ quota: 1, tied: true, unused: 1, tiedWith: 1 }), "zh-CN")).toBe("良好(达到优秀分数线,但与其他 1 个单位并列争优秀的 1 个名额,按方案并列单位均不评为优秀)");
    expect(awardContent(grade({ quota: 2, tied: true, unused: 1, tiedWith: 2 }), "zh-CN")).toBe("良好(达到优秀分数线,但与其他 2 个单位并列争优秀名额 2 个中余下的 1 个,按方案并列单位均不评为优秀)");
    expect(awardContent(grade({ quota: 2, tied: true, unused: 1, tiedWith: 1 }), "en")).toBe("良好 (reached the 优秀 mark, but tied with 1 other unit for the 1 优秀 place left of its quota of 2: the rubric gives it to none of those tied)");
    // Behind a tie that got none (ties: none), the band is not full: its place is left empty.
    expect(awardContent(grade({ quota: 1, unused: 1 }), "zh-CN")).toBe("良好(达到优秀分数线,但优秀名额 1 个排到名额线时遇到分数并列的单位,按方案并列单位均不评优秀,余下的名额空出,不顺延给其后的单位)");
  });
});

describe("a grade given past its quota to units tied at its last place (ties: all)", () => {
  it("says how many were graded against the quota, not that so many were tied", () => {
    const over: Award = { kind: "grade", ranking: "departments", rankingName: "区直部门排名", grade: "优秀", held: false, over: { quota: 3, given: 4 } };
    expect(awardContent(over, "en")).toBe("优秀 (tied for the last 优秀 place; the rubric grades all tied units 优秀: 4 graded 优秀 against a quota of 3)");
    expect(awardContent(over, "zh-CN")).toBe("优秀(并列于优秀名额线上,按方案均评为优秀:名额 3 个,共评 4 个)");
  });
});

describe("totals pending claims may move where no rank can", () => {
  // Units as results give them: a name, and a certainty whose total may or may not move; no rank range.
  const unit = (name: string, total: [number, number]): UnitResult => ({ name, certainty: { total, ranks: {} } }) as unknown as UnitResult;
  const ranking = (n: number) => ({ id: "overall", by: "total", entries: Array.from({ length: n }, (_, unit) => ({ unit })) });

  it("names at most five, with where each may end, and counts the rest", () => {
    const units = Array.from({ length: 7 }, (_, i) => unit(`${i + 1}镇`, [9000 + i * 100, 9100 + i * 100]));
    expect(totalsMoving({ units }, ranking(7), "zh-CN")).toEqual({ units: "1镇(90–91)、2镇(91–92)、3镇(92–93)、4镇(93–94)、5镇(94–95) 等 2 个单位", first: "1镇", n: 7 });
    expect(totalsMoving({ units }, ranking(7), "en")?.units).toBe("1镇 (90–91), 2镇 (91–92), 3镇 (92–93), 4镇 (93–94), 5镇 (94–95) and 2 more");
    // One unit's total: said as one in English (the totals of 青石镇 may move), as many in Chinese.
    const one = totalsMoving({ units: units.slice(0, 1) }, ranking(1), "en");
    expect(one && message("en", "web.pending-totals", { ...one, what: "awards" })).toBe("Claims are pending: the total of 1镇 (90–91) may move, but no rank or award in this table can.");
    const all = totalsMoving({ units }, ranking(7), "en");
    expect(all && message("en", "web.pending-totals", { ...all, what: "awards" })).toMatch(/^Claims are pending: the totals of 1镇/);
    const zh = totalsMoving({ units: units.slice(0, 1) }, ranking(1), "zh-CN");
    expect(zh && message("zh-CN", "web.pending-totals", { ...zh, what: "awards" })).toBe("加扣分尚有待认定:1镇(90–91) 的总分可能变动,本表名次和奖惩均不变。");
    // A table of grades alone: its grades (等次), not 奖惩.
    expect(zh && message("zh-CN", "web.pending-totals", { ...zh, what: "grades" })).toBe("加扣分尚有待认定:1镇(90–91) 的总分可能变动,本表名次和等次均不变。");
    expect(one && message("en", "web.pending-totals", { ...one, what: "grades" })).toBe("Claims are pending: the total of 1镇 (90–91) may move, but no rank or grade in this table can.");
  });

  it("says nothing where no total moves, a rank can, or the ranking is by a line", () => {
    expect(totalsMoving({ units: [unit("甲镇", [9000, 9000])] }, ranking(1), "zh-CN")).toBeUndefined();
    const ranked = { name: "乙镇", certainty: { total: [9000, 9100], ranks: { overall: [1, 2] } } } as unknown as UnitResult;
    expect(totalsMoving({ units: [ranked] }, ranking(1), "zh-CN")).toBeUndefined();
    expect(totalsMoving({ units: [unit("丙镇", [9000, 9100])] }, { ...ranking(1), by: "DZ" }, "zh-CN")).toBeUndefined();
  });
});

describe("a prize place passed on by a vetoed unit ahead", () => {
  it("says the place it holds and why, not that the unit moved up (its rank beside it did not)", () => {
    const passed: Award = { kind: "rank", ranking: "rural", rankingName: "乡镇组排名", tier: "二等奖", amount: 30000, place: 3 };
    expect(awardText(passed, "zh-CN")).toBe("名次奖:二等奖(递补为第 3 名),30,000元");
    // In English after the prize and its money, not between 二等奖 and "in 乡镇组排名" (a tester's find).
    expect(awardText(passed, "en")).toBe("rank prize: 二等奖, 30,000 yuan (moved up to prize place 3: vetoed units above win nothing)");
    expect(awardText({ ...passed, amount: undefined }, "en")).toBe("rank prize: 二等奖 (moved up to prize place 3: vetoed units above win nothing)");
  });
});


describe("how a weighted kind's total is made, under its ranking", () => {
  const comprehensive = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const rubricOf = (text: string): Rubric => {
    const r = loadRubric("township-comprehensive-2026.1.yaml", new TextEncoder().encode(text), "test").rubric;
    if (!r) throw new Error("rubric refused");
    return r;
  };
  it("names the ledger's columns where a code of theirs is charged to the total, and none where every one is charged to a line", () => {
    expect(weightsNote(rubricOf(comprehensive), "town", "zh-CN")).toBe("(总分 = 经济发展 × 40% + 社会治理 × 35% + 党的建设 × 25% + 加分 − 扣分(计入总分);各线一栏为乘权重前的得分,加权合计在相加后四舍五入到 0.01)");
    // The towns' bonuses charged to 经济发展, their deductions to their items: the total gets none (加分 0 always, said added).
    const lines = comprehensive
      .replace("      unit_kinds: [town, department]\n      text: 工作创新", "      unit_kinds: [department]\n      text: 工作创新")
      .replace("      cap: 2\n      unit_kinds: [town]\n", "      cap: 2\n      unit_kinds: [town]\n      charge: JJ\n")
      .replace("      points: 1\n      unit_kinds: [town, department, enterprise]\n", "      points: 1\n      unit_kinds: [department, enterprise]\n");
    expect(lines).not.toBe(comprehensive);
    expect(weightsNote(rubricOf(lines), "town", "zh-CN")).toBe("(总分 = 经济发展 × 40% + 社会治理 × 35% + 党的建设 × 25%;各线一栏为乘权重前的得分,加权合计在相加后四舍五入到 0.01)");
    // A kind without weights: nothing to say.
    expect(weightsNote(rubricOf(comprehensive), "department", "zh-CN")).toBe("");
  });
});

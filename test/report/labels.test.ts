// Award words for the award lists: what was given, briefly, in either language.
import { describe, expect, it } from "vitest";
import { awardContent } from "../../src/report/labels.js";
import type { Award } from "../../src/model/results.js";

const grade = (cut: { quota: number; given?: number; tied?: boolean; unused?: number }): Award => ({ kind: "grade", ranking: "departments", rankingName: "区直部门排名", grade: "良好", held: false, cut: { grade: "优秀", ...cut } });

describe("a grade short of the band its score reached", () => {
  it("says the band is full, in English without a plural to get wrong", () => {
    expect(awardContent(grade({ quota: 1 }), "en")).toBe("良好 (reached the 优秀 line; 优秀's quota of 1 is filled)");
    expect(awardContent(grade({ quota: 1, given: 2 }), "en")).toBe("良好 (reached the 优秀 line; 优秀's quota of 1 is filled, and the units tied at its last place all got it: 2 units)");
    expect(awardContent(grade({ quota: 2 }), "zh-CN")).toBe("良好(达到优秀分数线,但优秀名额 2 个已满)");
    // 20% of a single unit, rounded down: no place at all, not a full band.
    expect(awardContent(grade({ quota: 0 }), "zh-CN")).toBe("良好(达到优秀分数线,但按比例优秀名额为 0,向下取整)");
    expect(awardContent(grade({ quota: 0 }), "en")).toBe("良好 (reached the 优秀 line, but 优秀's quota comes to none, rounded down)");
    expect(awardContent(grade({ quota: 1, tied: true }), "zh-CN")).toBe("良好(达到优秀分数线,但与其他单位并列于优秀名额线上(名额 1 个),按方案并列单位均不评为优秀)");
    // Behind a tie that got none (ties: none), the band is not full: its place is left empty.
    expect(awardContent(grade({ quota: 1, unused: 1 }), "zh-CN")).toBe("良好(达到优秀分数线,但优秀名额(1 个)排到名额线时遇到分数并列的单位,按方案并列单位均不评优秀,余下的名额空出,不顺延给其后的单位)");
  });
});

describe("a grade given past its quota to units tied at its last place (ties: all)", () => {
  it("says how many were graded against the quota, not that so many were tied", () => {
    const over: Award = { kind: "grade", ranking: "departments", rankingName: "区直部门排名", grade: "优秀", held: false, over: { quota: 3, given: 4 } };
    expect(awardContent(over, "en")).toBe("优秀 (tied for the last 优秀 place; the rubric grades all tied units 优秀: 4 graded 优秀 against a quota of 3)");
    expect(awardContent(over, "zh-CN")).toBe("优秀(与其他单位并列于优秀名额线上,按方案均评为优秀:名额 3 个,共评 4 个)");
  });
});

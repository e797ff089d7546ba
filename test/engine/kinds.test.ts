// Each measured kind, in both directions, with the worked examples of docs/rules.md: one item K1
// (max 20) under test in a small rubric, the rest of the line judged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quotaOf } from "../../src/rubric/quota.js";
import { score } from "../../src/engine/index.js";
import type { Rubric } from "../../src/rubric/model.js";
import { rubricFrom, submission, type UnitSpec } from "../helpers/builders.js";
import { pointsOf, unitNamed } from "../helpers/results.js";
import { explainUnit, whyText } from "../../src/report/explain.js";
import { loadRubric } from "../../src/rubric/load.js";
import { ruleText } from "../../src/report/rubric-text.js";

/** A rubric whose line K holds the item under test (K1, max 20) and a judged K2 (max 80). */
function withItem(item: string, rest = "- { code: K2, name: 其余, max: 80 }", max = 20): Rubric {
  return rubricFrom(itemText(item, rest, max));
}

function itemText(item: string, rest = "- { code: K2, name: 其余, max: 80 }", max = 20): string {
  return `id: kinds
version: "1"
effective: "2026-01-01"
title: 计分方式测试
unit_kinds:
  - id: town
    name: 乡镇
    labels: [镇, 乡, 街道]
    scale: 100
    lines: [K]
    groups:
      - { id: rural, name: 乡镇组, labels: [镇, 乡] }
      - { id: urban, name: 街道组, labels: [街道] }
indicators:
  - { code: ZB1, name: 达标率 }
  - { code: ZB2, name: 事故, unit: number, display: 起, direction: lower }
  - { code: ZB3, name: 收入, unit: amount, display: 万元 }
  - { code: ZB4, name: 增长率, min: -50% }
  - { code: ZB5, name: 重大事故, unit: number, display: 起, direction: lower }
  - { code: ZB6, name: 能耗增长率, min: -50%, direction: lower }
targets:
  - { code: MB1, name: 达标率目标 }
  - { code: MB2, name: 收入目标, unit: amount, display: 万元 }
  - { code: MB3, name: 收入保底, unit: amount, display: 万元 }
lines:
  - code: K
    name: 考核
    max: 100
    items:
      - { code: K1, name: 被测项, max: ${max}, ${item} }
      ${rest}
ledger:
  statuses: { counted: [已认定], pending: [], rejected: [] }
  flag_words: { yes: [是], no: [否] }
  codes: []
rankings:
  - { id: all, name: 综合排名, unit_kind: town, by: total }
`;
}

/** Why K1 has its points for one unit, as explain says it. */
function k1Why(item: string, units: UnitSpec[], name: string, rest?: string, lang: "zh-CN" | "en" = "zh-CN"): string | undefined {
  const rubric = withItem(item, rest);
  const sub = submission(rubric, units);
  const r = score(rubric, sub);
  const unit = unitNamed(r, name);
  const view = explainUnit(rubric, sub, unit, r.units.indexOf(unit))
    .flatMap((l) => l.children)
    .find((i) => i.code === "K1");
  return view && whyText(lang, view);
}

/** K1's points for each unit, in hundredths. */
function k1(item: string, units: UnitSpec[], rest?: string): Record<string, number> {
  const rubric = withItem(item, rest);
  const r = score(rubric, submission(rubric, units));
  return Object.fromEntries(units.map((u) => [u.name, pointsOf(rubric, unitNamed(r, u.name), "K1")]));
}

describe("threshold and gate", () => {
  it("threshold: the max when the value reaches the target, else 0 — higher or lower being better", () => {
    expect(k1("kind: threshold, indicator: ZB1, target: 90%", [{ name: "甲", measures: { ZB1: "90%" } }, { name: "乙", measures: { ZB1: "89.99%" } }])).toEqual({ 甲: 2000, 乙: 0 });
    expect(k1("kind: threshold, indicator: ZB2, target: 2", [{ name: "甲", measures: { ZB2: 2 } }, { name: "乙", measures: { ZB2: 3 } }])).toEqual({ 甲: 2000, 乙: 0 });
  });
});

describe("a gate that could never veto", () => {
  it("is refused where every value reaches its target (a count of cases without direction: lower), at its target", () => {
    const text = itemText("kind: gate, indicator: ZB3, target: 0");
    const r = loadRubric("kinds.yaml", new TextEncoder().encode(text), "test");
    expect(r.diagnostics.map((d) => `${d.code} ${d.location && "line" in d.location ? d.location.line : ""}`)).toEqual([`rubric.gate-never-fails ${text.split("\n").findIndex((l) => l.includes("code: K1")) + 1}`]);
    // Lower being better (事故 0 起), the same target vetoes any accident: no error.
    expect(loadRubric("kinds.yaml", new TextEncoder().encode(itemText("kind: gate, indicator: ZB5, target: 0")), "test").diagnostics).toEqual([]);
  });
});

describe("a gate of no points: a veto alone", () => {
  it("vetoes a unit short of its target and scores 0 for every unit; 0 is the max for one that meets it", () => {
    const rubric = withItem("kind: gate, indicator: ZB5, target: 0", "- { code: K2, name: 其余, max: 100 }", 0);
    const sub = submission(rubric, [
      { name: "甲", measures: { ZB5: 0 }, scores: { K2: 90 } },
      { name: "乙", measures: { ZB5: 1 }, scores: { K2: 95 } },
      { name: "丙", measures: { ZB5: 0 }, scores: { K2: 80 } },
    ]);
    const r = score(rubric, sub);
    expect(["甲", "乙", "丙"].map((n) => [unitNamed(r, n).total, unitNamed(r, n).vetoed, unitNamed(r, n).ranks.all])).toEqual([
      [9000, false, 1],
      [9500, true, null],
      [8000, false, 2],
    ]);
    const why = (n: string): string | undefined => {
      const unit = unitNamed(r, n);
      const view = explainUnit(rubric, sub, unit, r.units.indexOf(unit))
        .flatMap((l) => l.children)
        .find((i) => i.code === "K1");
      return view && `${view.points}/${view.max} ${whyText("zh-CN", view)}`;
    };
    expect([why("乙"), why("甲")]).toEqual(["0/0 ZB5 1起 > 0起,完不成指标:一票否决", "0/0 ZB5 0起 ≤ 0起,完成指标,不否决(本项不计分)"]);
  });
});

describe("linear (按比例计分)", () => {
  it("between the floor and the target: max × (value − floor) ÷ (target − floor)", () => {
    // 20 × (75 − 60) ÷ (90 − 60) = 10; at or past the target 20; at or below the floor 0.
    const item = "kind: linear, indicator: ZB1, target: MB1, floor: 60%";
    expect(k1(item, [
      { name: "甲", measures: { ZB1: "75%", MB1: "90%" } },
      { name: "乙", measures: { ZB1: "95%", MB1: "90%" } },
      { name: "丙", measures: { ZB1: "60%", MB1: "90%" } },
      { name: "丁", measures: { ZB1: "72.5%", MB1: "80%" } }, // 20 × 12.5 ÷ 20 = 12.5
    ])).toEqual({ 甲: 1000, 乙: 2000, 丙: 0, 丁: 1250 });
    // The sum said to redo (a town head could not, from "按比例得 18.46"), ≈ where it was rounded.
    expect(k1Why(item, [{ name: "甲", measures: { ZB1: "70%", MB1: "90%" } }], "甲")).toBe("ZB1 70% 介于 60%(0 分)与 90%(满分 20)之间,按比例得 (70% − 60%) ÷ (90% − 60%) × 20 ≈ 6.67");
    expect(k1Why("kind: linear, indicator: ZB1, target: MB1, floor: 0%", [{ name: "甲", measures: { ZB1: "6%", MB1: "6.5%" } }], "甲", undefined, "en")).toBe("ZB1 6% is between 0% (0 points) and 6.5% (full marks, 20): pro rata, 6% ÷ 6.5% × 20 ≈ 18.46");
  });

  it("lower is better: the floor is the worst value, above the target", () => {
    // 20 × (10 − 7) ÷ (10 − 2) = 7.5
    const item = "kind: linear, indicator: ZB2, target: 2, floor: 10";
    expect(k1(item, [{ name: "甲", measures: { ZB2: 7 } }, { name: "乙", measures: { ZB2: 1 } }, { name: "丙", measures: { ZB2: 12 } }])).toEqual({ 甲: 750, 乙: 2000, 丙: 0 });
    // The sum said to redo, the way from the floor: = where it comes out whole.
    expect(k1Why(item, [{ name: "甲", measures: { ZB2: 7 } }], "甲")).toBe("ZB2 7起 介于 10起(0 分)与 2起(满分 20)之间,按比例得 (10起 − 7起) ÷ (10起 − 2起) × 20 = 7.5");
    // At or past the floor the explanation says no better than it, in either direction (12 is
    // worse than 10 here; it does "exceed" it).
    expect(k1Why(item, [{ name: "丙", measures: { ZB2: 12 } }], "丙")).toBe("ZB2 12起,未优于计分起点 10起,得 0");
    expect(k1Why(item, [{ name: "丙", measures: { ZB2: 12 } }], "丙", undefined, "en")).toBe("ZB2 12起 is no better than 10起, where scoring starts: 0");
    expect(k1Why("kind: linear, indicator: ZB1, target: MB1, floor: 60%", [{ name: "丁", measures: { ZB1: "55%", MB1: "90%" } }], "丁")).toBe("ZB1 55%,未优于计分起点 60%,得 0");
  });

  it("a floor per unit from a target column, amounts in 万元", () => {
    // 20 × (900 − 500) ÷ (1000 − 500) = 16
    expect(k1("kind: linear, indicator: ZB3, target: MB2, floor: MB3", [{ name: "甲", measures: { ZB3: 900, MB2: 1000, MB3: 500 } }])).toEqual({ 甲: 1600 });
  });
});

describe("ratio (实际 ÷ 目标 × 满分)", () => {
  it("higher is better: max × value ÷ target, at most the max; a value of 0 or less earns 0", () => {
    expect(k1("kind: ratio, indicator: ZB3, target: MB2", [
      { name: "甲", measures: { ZB3: 850, MB2: 1000 } },
      { name: "乙", measures: { ZB3: 1200, MB2: 1000 } },
      { name: "丙", measures: { ZB3: 666.66, MB2: 1000 } }, // 20 × 0.66666 = 13.3332 → 13.33
    ])).toEqual({ 甲: 1700, 乙: 2000, 丙: 1333 });
    expect(k1("kind: ratio, indicator: ZB4, target: 5%", [{ name: "负增长", measures: { ZB4: "-2%" } }])).toEqual({ 负增长: 0 });
  });

  it("lower is better: max × target ÷ value", () => {
    // 20 × 2 ÷ 3 = 13.33; 0 起 is the best there is.
    expect(k1("kind: ratio, indicator: ZB2, target: 2", [{ name: "甲", measures: { ZB2: 3 } }, { name: "乙", measures: { ZB2: 0 } }])).toEqual({ 甲: 1333, 乙: 2000 });
  });

  it("a target of 0 or less is all or nothing, lower being better too (never below 0, never the max short of it)", () => {
    // 能耗下降至少 2%: −3% reaches it; −1%, 0% and 1% fall short (were 20, 20 and −40).
    expect(k1("kind: ratio, indicator: ZB6, target: -2%", [
      { name: "甲", measures: { ZB6: "-3%" } },
      { name: "乙", measures: { ZB6: "-1%" } },
      { name: "丙", measures: { ZB6: "0%" } },
      { name: "丁", measures: { ZB6: "1%" } },
    ])).toEqual({ 甲: 2000, 乙: 0, 丙: 0, 丁: 0 });
    expect(k1("kind: ratio, indicator: ZB2, target: 0", [{ name: "甲", measures: { ZB2: 0 } }, { name: "乙", measures: { ZB2: 1 } }])).toEqual({ 甲: 2000, 乙: 0 });
    expect(k1Why("kind: ratio, indicator: ZB6, target: -2%", [{ name: "乙", measures: { ZB6: "-1%" } }], "乙")).toBe("ZB6 -1% > -2%:目标不大于 0,无法按比例计分,未达目标得 0(越低越好)");
  });
});

describe("bands (分档计分)", () => {
  it("the first band reached, best first: a share of the max or fixed points", () => {
    const item = "kind: bands, indicator: ZB1, bands: [{ from: 98%, share: 100% }, { from: 95%, share: 80% }, { from: 90%, points: 5 }]";
    expect(k1(item, [
      { name: "甲", measures: { ZB1: "99%" } },
      { name: "乙", measures: { ZB1: "95%" } },
      { name: "丙", measures: { ZB1: "92%" } },
      { name: "丁", measures: { ZB1: "89.99%" } },
    ])).toEqual({ 甲: 2000, 乙: 1600, 丙: 500, 丁: 0 });
    // A band of points is said in points (得该档 5,计 5 lacked its 分); a share's, as a share and its points.
    expect(k1Why(item, [{ name: "丙", measures: { ZB1: "92%" } }], "丙")).toBe("ZB1 92% ≥ 90%,得该档 5 分");
    expect(k1Why(item, [{ name: "乙", measures: { ZB1: "95%" } }], "乙")).toBe("ZB1 95% ≥ 95%,得该档 80%,计 16");
  });

  it("lower is better: each band is the most a unit may have", () => {
    const item = "kind: bands, indicator: ZB2, bands: [{ from: 0, share: 100% }, { from: 2, share: 70% }, { from: 4, share: 40% }]";
    expect(k1(item, [0, 1, 2, 3, 5].map((n) => ({ name: `${n}起`, measures: { ZB2: n } })))).toEqual({ "0起": 2000, "1起": 1400, "2起": 1400, "3起": 800, "5起": 0 });
    // Past the last band's limit, not short of it (未达到最低一档 read as too few 起).
    expect(k1Why(item, [{ name: "甲", measures: { ZB2: 5 } }], "甲")).toBe("ZB2 5起 超过最末一档的上限 4起,不得分");
    expect(k1Why(item, [{ name: "甲", measures: { ZB2: 5 } }], "甲", undefined, "en")).toBe("ZB2 5起 is past the last band's limit 4起: 0");
    expect(k1Why("kind: bands, indicator: ZB1, bands: [{ from: 98%, share: 100% }]", [{ name: "甲", measures: { ZB1: "90%" } }], "甲")).toBe("ZB1 90% 未达到最低一档 98%,不得分");
  });
});

describe("shortfall (每低 1 个百分点扣 2 分,扣完为止)", () => {
  it("whole steps only: 92.5% against 95% is two whole points short, 4 off", () => {
    const item = "kind: shortfall, indicator: ZB1, target: 95%, per: 1%, deduct: 2, whole_steps: true";
    expect(k1(item, [{ name: "甲", measures: { ZB1: "92.5%" } }, { name: "乙", measures: { ZB1: "95.5%" } }, { name: "丙", measures: { ZB1: "80%" } }])).toEqual({ 甲: 1600, 乙: 2000, 丙: 0 });
    // The part of a step left over is said not to count (扣 4 for 2.5 short reads as a slip otherwise).
    expect(k1Why(item, [{ name: "甲", measures: { ZB1: "92.5%" } }], "甲")).toBe("ZB1 92.5% 比目标 95% 低 2.5 个百分点,每低 1 个百分点扣 2,不足 1 个百分点的部分不扣,扣 4,得 16");
    expect(k1Why(item, [{ name: "甲", measures: { ZB1: "93%" } }], "甲")).toBe("ZB1 93% 比目标 95% 低 2 个百分点,每低 1 个百分点扣 2,扣 4,得 16");
  });

  it("in proportion without whole steps: 2.5 points short, 5 off; lower is better counts the excess", () => {
    expect(k1("kind: shortfall, indicator: ZB1, target: 95%, per: 1%, deduct: 2", [{ name: "甲", measures: { ZB1: "92.5%" } }])).toEqual({ 甲: 1500 });
    // 5 起 against a target of 2: 3 too many, 3 × 3 = 9 off.
    expect(k1("kind: shortfall, indicator: ZB2, target: 2, per: 1, deduct: 3", [{ name: "甲", measures: { ZB2: 5 } }])).toEqual({ 甲: 1100 });
  });

  it("says a percentage's shortfall in percentage points, a count's in its unit", () => {
    const short = [{ name: "甲", measures: { ZB1: "92.5%", ZB2: 5 } }];
    const pp = "kind: shortfall, indicator: ZB1, target: 95%, per: 1%, deduct: 2";
    expect(k1Why(pp, short, "甲")).toBe("ZB1 92.5% 比目标 95% 低 2.5 个百分点,每低 1 个百分点扣 2,扣 5,得 15");
    expect(k1Why(pp, short, "甲", undefined, "en")).toBe("ZB1 92.5% is 2.5 percentage points below the target 95%; 2 off per 1 percentage point: 5 off, 15");
    expect(k1Why("kind: shortfall, indicator: ZB2, target: 2, per: 1, deduct: 3", short, "甲")).toBe("ZB2 5起 比目标 2起 多 3起,每多 1起 扣 3,扣 9,得 11");
  });

  it("says a count's rule as more or fewer (每多 1起), a percentage's as higher or lower (每低 1 个百分点)", () => {
    const rule = (item: string): string => {
      const rubric = withItem(item);
      const k1 = rubric.lines[0]?.items.find((i) => i.code === "K1");
      return k1 ? ruleText(rubric, k1, "zh-CN") : "";
    };
    expect(rule("kind: shortfall, indicator: ZB2, target: 2, per: 1, deduct: 3")).toBe("ZB2 目标 2起,每多 1起 扣 3 分,扣完为止");
    expect(rule("kind: shortfall, indicator: ZB3, target: MB2, per: 100, deduct: 1")).toBe("ZB3 目标 MB2,每少 100万元 扣 1 分,扣完为止");
    expect(rule("kind: shortfall, indicator: ZB1, target: 95%, per: 1%, deduct: 2")).toBe("ZB1 目标 95%,每低 1 个百分点 扣 2 分,扣完为止");
  });

  it("says more due than the max as due, then 扣完为止 (扣 20 for 11 起 × 3 read as a slip)", () => {
    const many = [{ name: "甲", measures: { ZB2: 13 } }];
    const item = "kind: shortfall, indicator: ZB2, target: 2, per: 1, deduct: 3";
    expect(k1(item, many)).toEqual({ 甲: 0 });
    expect(k1Why(item, many, "甲")).toBe("ZB2 13起 比目标 2起 多 11起,每多 1起 扣 3,应扣 33,扣完为止,得 0");
    expect(k1Why(item, many, "甲", undefined, "en")).toBe("ZB2 13起 is 11起 above the target 2起; 3 off for each 1起: 33 due, down to 0");
    // Exactly the max: no more was due than was taken.
    expect(k1Why("kind: shortfall, indicator: ZB1, target: 95%, per: 1%, deduct: 2", [{ name: "甲", measures: { ZB1: "85%" } }], "甲")).toBe("ZB1 85% 比目标 95% 低 10 个百分点,每低 1 个百分点扣 2,扣 20,得 0");
  });
});

describe("ratio's quotient said as it is: = where exact, ≈ where rounded to 0.01", () => {
  it("1500 ÷ 3000 × 20 = 10; 3333 ÷ 4000 × 30 ≈ 25 (24.9975)", () => {
    expect(k1Why("kind: ratio, indicator: ZB3, target: MB2", [{ name: "甲", measures: { ZB3: 1500, MB2: 3000 } }], "甲")).toMatch(/ × 20 = 10$/);
    expect(k1Why("kind: ratio, indicator: ZB3, target: MB2", [{ name: "甲", measures: { ZB3: 3333, MB2: 4000 } }], "甲")).toMatch(/ × 20 ≈ 16\.67$/);
    expect(k1Why("kind: ratio, indicator: ZB2, target: 2", [{ name: "甲", measures: { ZB2: 3 } }], "甲")).toMatch(/ × 20 ≈ 13\.33\(越低越好\)$/);
  });
});

describe("relative kinds: against the others of the ranking group", () => {
  it("relative-best: max × value ÷ the group's best; groups apart", () => {
    const units: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB1: "80%" } },
      { name: "乙镇", group: "rural", measures: { ZB1: "100%" } },
      { name: "丙镇", group: "rural", measures: { ZB1: "90%" } },
      { name: "丁街道", group: "urban", measures: { ZB1: "50%" } },
    ];
    // 20 × 80 ÷ 100 = 16; 20 × 90 ÷ 100 = 18; 丁街道 is the best of its own group.
    expect(k1("kind: relative-best, indicator: ZB1", units)).toEqual({ 甲镇: 1600, 乙镇: 2000, 丙镇: 1800, 丁街道: 2000 });
  });

  it("across_groups: against the best, or by places, of every unit of the kind, its groups together (以全区最优值为基准)", () => {
    const units: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB1: "80%", ZB3: 300 } },
      { name: "乙镇", group: "rural", measures: { ZB1: "100%", ZB3: 500 } },
      { name: "丙镇", group: "rural", measures: { ZB1: "90%", ZB3: 400 } },
      { name: "丁街道", group: "urban", measures: { ZB1: "50%", ZB3: 600 } },
    ];
    // The best of all four is 乙镇's 100%: 丁街道 20 × 50 ÷ 100 = 10 (the best of its own group alone, it had 20).
    expect(k1("kind: relative-best, indicator: ZB1, across_groups: true", units)).toEqual({ 甲镇: 1600, 乙镇: 2000, 丙镇: 1800, 丁街道: 1000 });
    expect(k1Why("kind: relative-best, indicator: ZB1, across_groups: true", units, "丁街道")).toBe("ZB1 50% ÷ 乡镇最优值 100%(乙镇) × 20 = 10");
    // Places among all four by ZB3: 丁街道 600 first, 乙镇 second, 丙镇 third, 甲镇 fourth (within groups 乙镇 was first).
    expect(k1("kind: rank-points, indicator: ZB3, per_place: 1.5, across_groups: true", units)).toEqual({ 丁街道: 2000, 乙镇: 1850, 丙镇: 1700, 甲镇: 1550 });
    expect(k1("kind: rank-points, indicator: ZB3, per_place: 1.5", units)).toEqual({ 丁街道: 2000, 乙镇: 2000, 丙镇: 1850, 甲镇: 1700 });
    // On a kind that compares with no one, it is refused at the key.
    const text = itemText("kind: ratio, indicator: ZB1, target: 90%, across_groups: true");
    const errors = loadRubric("kinds.yaml", new TextEncoder().encode(text), "test").diagnostics.filter((d) => d.severity === "error");
    const line = text.split("\n").findIndex((l) => l.includes("across_groups")) + 1;
    expect(errors.map((d) => `${d.code} ${d.location && "line" in d.location ? d.location.line : 0}`)).toEqual([`rubric.key-not-for-kind ${line}`]);
  });

  it("relative-best, lower is better, is refused on an indicator that may go below 0 (0 is the best there is)", () => {
    const r = loadRubric("kinds.yaml", new TextEncoder().encode(itemText("kind: relative-best, indicator: ZB6")), "test");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["rubric.best-lower-negative"]);
  });

  it("relative-best, lower is better: max × best ÷ value", () => {
    const units: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB2: 2 } },
      { name: "乙镇", group: "rural", measures: { ZB2: 3 } },
    ];
    expect(k1("kind: relative-best, indicator: ZB2", units)).toEqual({ 甲镇: 2000, 乙镇: 1333 });
    // 20 × 2 ÷ 3 is 13.333…: said ≈, not =.
    // The best's unit named (a town disputing it searched the sheet for it); the best itself said so.
    expect(k1Why("kind: relative-best, indicator: ZB2", units, "乙镇")).toBe("ZB2 乡镇组最优值 2起(甲镇) ÷ 3起 × 20 ≈ 13.33(越低越好)");
    expect(k1Why("kind: relative-best, indicator: ZB2", units, "甲镇")).toBe("ZB2 2起 即乡镇组最优值,得满分 20");
    // A best of 0 起: the unit at it has full marks, said without a 0 ÷ 0.
    const none: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB2: 0 } },
      { name: "乙镇", group: "rural", measures: { ZB2: 1 } },
    ];
    expect(k1("kind: relative-best, indicator: ZB2", none)).toEqual({ 甲镇: 2000, 乙镇: 0 });
    expect(k1Why("kind: relative-best, indicator: ZB2", none, "甲镇")).toBe("ZB2 0起 即乡镇组最优值,得满分 20");
  });

  it("rank-points: the max for first place, less per place, ties sharing a place", () => {
    const units: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB3: 500 } },
      { name: "乙镇", group: "rural", measures: { ZB3: 300 } },
      { name: "丙镇", group: "rural", measures: { ZB3: 300 } },
      { name: "丁镇", group: "rural", measures: { ZB3: 100 } },
    ];
    // Places 1, 2, 2, 4: 20, 18.5, 18.5, 15.5.
    expect(k1("kind: rank-points, indicator: ZB3, per_place: 1.5", units)).toEqual({ 甲镇: 2000, 乙镇: 1850, 丙镇: 1850, 丁镇: 1550 });
    // A shared place said shared (乙镇 told 第 2 名 asked who else was 2nd; 丁镇 4th of 4 read as a slip).
    const item = "kind: rank-points, indicator: ZB3, per_place: 1.5";
    expect(k1Why(item, units, "乙镇")).toBe("ZB3 300万元 在乡镇组中并列第 2 名,第 1 名 20,每降一名减 1.5,得 18.5");
    expect(k1Why(item, units, "丙镇", undefined, "en")).toBe("ZB3 300万元 is placed joint 2nd in 乡镇组: 20 for first place, 1.5 less for each place below, 18.5");
    expect(k1Why(item, units, "甲镇")).toBe("ZB3 500万元 在乡镇组中排第 1 名,第 1 名 20,每降一名减 1.5,得 20");
    expect(k1Why(item, units, "丁镇")).toBe("ZB3 100万元 在乡镇组中排第 4 名,第 1 名 20,每降一名减 1.5,得 15.5");
  });

  it("a vetoed unit sets no best value unless the rubric says so, and is still scored against the others", () => {
    const gate = "- { code: K2, name: 其余, max: 70 }\n      - { code: K3, name: 底线, max: 10, kind: gate, indicator: ZB5, target: 0 }";
    const units: UnitSpec[] = [
      { name: "否决镇", group: "rural", measures: { ZB1: "100%", ZB5: 1 } },
      { name: "甲镇", group: "rural", measures: { ZB1: "80%", ZB5: 0 } },
      { name: "乙镇", group: "rural", measures: { ZB1: "40%", ZB5: 0 } },
    ];
    // Without: the best is 甲镇's 80% — 否决镇 at 100% is past it (20), 乙镇 20 × 40 ÷ 80 = 10.
    expect(k1("kind: relative-best, indicator: ZB1", units, gate)).toEqual({ 否决镇: 2000, 甲镇: 2000, 乙镇: 1000 });
    // With: the best is 100%: 20 × 80 ÷ 100 = 16, 20 × 40 ÷ 100 = 8.
    expect(k1("kind: relative-best, indicator: ZB1, include_vetoed: true", units, gate)).toEqual({ 否决镇: 2000, 甲镇: 1600, 乙镇: 800 });
    // Its full marks are said as what they are, not as 100% ÷ 80% × 20 = 20.
    expect(k1Why("kind: relative-best, indicator: ZB1", units, "否决镇", gate)).toBe("ZB1 100% 优于乡镇组最优值 80%(本单位被一票否决,按方案不参与确定最优值),得满分 20");
  });

  it("rank-points says whether vetoed units take places: a vetoed unit left out takes none, one counted in takes its own", () => {
    const gate = "- { code: K2, name: 其余, max: 70 }\n      - { code: K3, name: 底线, max: 10, kind: gate, indicator: ZB5, target: 0 }";
    const units: UnitSpec[] = [
      { name: "否决镇", group: "rural", measures: { ZB3: 500, ZB5: 1 } },
      { name: "甲镇", group: "rural", measures: { ZB3: 300, ZB5: 0 } },
      { name: "乙镇", group: "rural", measures: { ZB3: 100, ZB5: 0 } },
    ];
    // Left out: 否决镇 stands 1st by its value without moving 甲镇 from 1st (20, 20, 18.5).
    expect(k1("kind: rank-points, indicator: ZB3, per_place: 1.5", units, gate)).toEqual({ 否决镇: 2000, 甲镇: 2000, 乙镇: 1850 });
    expect(k1Why("kind: rank-points, indicator: ZB3, per_place: 1.5", units, "否决镇", gate)).toBe("ZB3 500万元 按其值在乡镇组中应排第 1 名,第 1 名 20,每降一名减 1.5,得 20(本单位被一票否决,按方案不占名次,其他单位的名次不因它改变)");
    // 甲镇 is 1st with 300 though 否决镇 has 500: said, or the place reads as a slip to whoever sorts the column.
    expect(k1Why("kind: rank-points, indicator: ZB3, per_place: 1.5", units, "甲镇", gate)).toBe("ZB3 300万元 在乡镇组中排第 1 名,第 1 名 20,每降一名减 1.5,得 20(一票否决的否决镇 500万元 按方案不占名次)");
    // Counted in: 甲镇 is 2nd behind the vetoed unit, and says why.
    expect(k1("kind: rank-points, indicator: ZB3, per_place: 1.5, include_vetoed: true", units, gate)).toEqual({ 否决镇: 2000, 甲镇: 1850, 乙镇: 1700 });
    expect(k1Why("kind: rank-points, indicator: ZB3, per_place: 1.5, include_vetoed: true", units, "甲镇", gate)).toBe("ZB3 300万元 在乡镇组中排第 2 名(名次含被一票否决的单位),第 1 名 20,每降一名减 1.5,得 18.5");
  });

  it("says which vetoed units, left out, are better than a unit's best or place (none where they are worse)", () => {
    const gate = "- { code: K2, name: 其余, max: 70 }\n      - { code: K3, name: 底线, max: 10, kind: gate, indicator: ZB5, target: 0 }";
    const units: UnitSpec[] = [
      { name: "否决镇", group: "rural", measures: { ZB3: 500, ZB4: "16%", ZB5: 1 } },
      { name: "又否镇", group: "rural", measures: { ZB3: 400, ZB4: "1%", ZB5: 2 } },
      { name: "甲镇", group: "rural", measures: { ZB3: 300, ZB4: "8%", ZB5: 0 } },
      { name: "乙镇", group: "rural", measures: { ZB3: 100, ZB4: "4%", ZB5: 0 } },
      { name: "丙街道", group: "urban", measures: { ZB3: 50, ZB4: "2%", ZB5: 0 } },
    ];
    const rank = "kind: rank-points, indicator: ZB3, per_place: 1.5";
    expect(k1Why(rank, units, "甲镇", gate)).toBe("ZB3 300万元 在乡镇组中排第 1 名,第 1 名 20,每降一名减 1.5,得 20(一票否决的否决镇 500万元 等 2 个值更好的单位按方案不占名次)");
    expect(k1Why(rank, units, "甲镇", gate, "en")).toBe("ZB3 300万元 is placed 1st in 乡镇组: 20 for first place, 1.5 less for each place below, 20 (2 better vetoed units, 否决镇's 500万元 the best, take no place, as the rubric says)");
    // Another group's vetoed units are not its own: alone in its group, it is said to have no other to be placed against.
    expect(k1Why(rank, units, "丙街道", gate)).toBe("ZB3 50万元:本项与街道组的其他单位比较计分,而工作簿中街道组只有本单位,按最优计 20");
    expect(k1Why("kind: relative-best, indicator: ZB4", units, "丙街道", gate, "en")).toBe("ZB4 2%: this item is scored against the other units of 街道组, and the workbook has no other: counted as the best, 20");
    // The best is 甲镇's 8%, not 否决镇's 16%; 又否镇's 1% is worse and not said.
    expect(k1Why("kind: relative-best, indicator: ZB4", units, "乙镇", gate)).toBe("ZB4 4% ÷ 乡镇组最优值 8%(甲镇) × 20 = 10(一票否决的否决镇 16% 按方案不作为最优值)");
    expect(k1Why("kind: relative-best, indicator: ZB4", units, "乙镇", gate, "en")).toBe("ZB4 4% ÷ 8% (best in 乡镇组, held by 甲镇) × 20 = 10 (否决镇's 16% does not set the best: vetoed, as the rubric says)");
    // 甲镇, at the best, is told so, with the vetoed unit better than it (it read 8% ÷ 最优值 8%(甲镇)).
    expect(k1Why("kind: relative-best, indicator: ZB4", units, "甲镇", gate)).toBe("ZB4 8% 即乡镇组最优值,得满分 20(一票否决的否决镇 16% 按方案不作为最优值)");
    // Two vetoed units better than the best: both counted (又否镇 at 9% too).
    const two = units.map((x) => (x.name === "又否镇" ? { ...x, measures: { ...x.measures, ZB4: "9%" } } : x));
    expect(k1Why("kind: relative-best, indicator: ZB4", two, "乙镇", gate)).toBe("ZB4 4% ÷ 乡镇组最优值 8%(甲镇) × 20 = 10(一票否决的否决镇 16% 等 2 个值更好的单位按方案不作为最优值)");
    // Counted in, they set the best: nothing to say.
    expect(k1Why("kind: relative-best, indicator: ZB4, include_vetoed: true", units, "乙镇", gate)).toBe("ZB4 4% ÷ 乡镇组最优值 16%(否决镇) × 20 = 5");
  });

  it("relative-best gives nothing for a value of 0 or less where higher is better, the group's best's included", () => {
    const units: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB4: "-1%" } },
      { name: "乙镇", group: "rural", measures: { ZB4: "-3%" } },
      { name: "丙街道", group: "urban", measures: { ZB4: "0%" } },
      { name: "丁街道", group: "urban", measures: { ZB4: "0%" } },
    ];
    // −1% is 乡镇组's best, and still no growth: no ratio can be taken, 0 (it scored 20).
    expect(k1("kind: relative-best, indicator: ZB4", units)).toEqual({ 甲镇: 0, 乙镇: 0, 丙街道: 0, 丁街道: 0 });
    expect(k1Why("kind: relative-best, indicator: ZB4", units, "甲镇")).toBe("ZB4 -1%,不大于 0,不得分(乡镇组最优值 -1%)");
  });

  it("a vetoed unit past a best of 0 or less earns the max, as past any best", () => {
    const gate = "- { code: K2, name: 其余, max: 70 }\n      - { code: K3, name: 底线, max: 10, kind: gate, indicator: ZB5, target: 0 }";
    const units: UnitSpec[] = [
      { name: "否决镇", group: "rural", measures: { ZB4: "16%", ZB5: 1 } },
      { name: "甲镇", group: "rural", measures: { ZB4: "0%", ZB5: 0 } },
      { name: "乙镇", group: "rural", measures: { ZB4: "-2%", ZB5: 0 } },
    ];
    // The best is 甲镇's 0%: no ratio for the others (0), the vetoed unit past it 20 (it scored 0, said full marks).
    expect(k1("kind: relative-best, indicator: ZB4", units, gate)).toEqual({ 否决镇: 2000, 甲镇: 0, 乙镇: 0 });
  });

  it("where every unit of a group is vetoed, they set the best and take the places among themselves", () => {
    const gate = "- { code: K2, name: 其余, max: 70 }\n      - { code: K3, name: 底线, max: 10, kind: gate, indicator: ZB5, target: 0 }";
    const units: UnitSpec[] = [
      { name: "甲镇", group: "rural", measures: { ZB1: "80%", ZB3: 300, ZB5: 1 } },
      { name: "乙镇", group: "rural", measures: { ZB1: "40%", ZB3: 100, ZB5: 2 } },
      { name: "丙街道", group: "urban", measures: { ZB1: "20%", ZB3: 50, ZB5: 0 } },
    ];
    // 乡镇组 all vetoed: 80% is its best, 20 × 40 ÷ 80 = 10 (it scored 0 against a best of none);
    // 街道组's unit is its own best.
    expect(k1("kind: relative-best, indicator: ZB1", units, gate)).toEqual({ 甲镇: 2000, 乙镇: 1000, 丙街道: 2000 });
    expect(k1Why("kind: relative-best, indicator: ZB1", units, "乙镇", gate)).toBe("ZB1 40% ÷ 乡镇组最优值 80%(甲镇) × 20 = 10(乡镇组单位均被一票否决,最优值在被否决的单位中取)");
    expect(k1Why("kind: relative-best, indicator: ZB1", units, "甲镇", gate)).toBe("ZB1 80% 即乡镇组最优值,得满分 20(乡镇组单位均被一票否决,最优值在被否决的单位中取)");
    // Places 1 and 2 among the two (each was placed 1st against nobody).
    expect(k1("kind: rank-points, indicator: ZB3, per_place: 1.5", units, gate)).toEqual({ 甲镇: 2000, 乙镇: 1850, 丙街道: 2000 });
    expect(k1Why("kind: rank-points, indicator: ZB3, per_place: 1.5", units, "乙镇", gate, "en")).toBe(
      "ZB3 100万元 is placed 2nd in 乡镇组: 20 for first place, 1.5 less for each place below, 18.5 (every unit of 乡镇组 is vetoed: placed among them)",
    );
  });
});

describe("a grade's quota", () => {
  it("is a share rounded down, at least its quota_min but never more than the units, or a count (property)", () => {
    expect(quotaOf({ quotaShare: 2000 }, 11)).toBe(2);
    expect(quotaOf({ quotaShare: 2000 }, 3)).toBe(0);
    expect(quotaOf({ quotaShare: 2000, quotaMin: 1 }, 3)).toBe(1);
    expect(quotaOf({ quotaShare: 2000, quotaMin: 5 }, 3)).toBe(3);
    expect(quotaOf({ quotaCount: 3 }, 11)).toBe(3);
    expect(quotaOf({}, 11)).toBe(Number.POSITIVE_INFINITY);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 500 }), (share, min, n) => {
        const q = quotaOf({ quotaShare: share, quotaMin: min }, n);
        return q === Math.max(Math.floor((n * share) / 10000), Math.min(min, n)) && q <= n && q >= Math.min(min, n);
      }),
    );
  });

  it("is rounded half up (四舍五入) or up (进一) where the rubric says, never past the units (property)", () => {
    // 20% of 8 is 1.6 places, 20% of 7 is 1.4, 25% of 2 is 0.5, 30% of 5 is 1.5.
    expect([8, 7, 2].map((n) => quotaOf({ quotaShare: 2000 }, n))).toEqual([1, 1, 0]);
    expect([8, 7, 2].map((n) => quotaOf({ quotaShare: 2000, quotaRound: "nearest" }, n))).toEqual([2, 1, 0]);
    expect(quotaOf({ quotaShare: 2500, quotaRound: "nearest" }, 2)).toBe(1);
    expect(quotaOf({ quotaShare: 3000, quotaRound: "nearest" }, 5)).toBe(2);
    expect([8, 7, 2, 5].map((n) => quotaOf({ quotaShare: 2000, quotaRound: "up" }, n))).toEqual([2, 2, 1, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 500 }), (share, n) => {
        const down = quotaOf({ quotaShare: share }, n);
        const nearest = quotaOf({ quotaShare: share, quotaRound: "nearest" }, n);
        const up = quotaOf({ quotaShare: share, quotaRound: "up" }, n);
        const exact = (n * share) / 10000;
        // Each within a place of the exact share, in order, up never past the units; half up as a clerk rounds it.
        return down <= nearest && nearest <= up && up - down <= 1 && up <= n && nearest === (exact - down >= 0.5 ? down + 1 : down) && (up === down) === (exact === down);
      }),
    );
  });
});

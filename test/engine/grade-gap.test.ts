// What a unit lacks for a better grade (docs/rules.md, "The gap to a better grade"): the grade's
// mark, or past the last of as many others as its quota where they reach it; a veto's grade has none.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import type { Results } from "../../src/model/results.js";
import { rubricFrom, submission, type UnitSpec } from "../helpers/builders.js";

/** One judged item K1 (max 100) decides the total; 优秀 ≥ 90 (at most `quota`), 良好 ≥ 80, else 合格. */
function graded(quota: string, ties: "all" | "none" = "none", more = "", split = false, otherwise = true, goodFrom = 80): ReturnType<typeof rubricFrom> {
  // Split: K1 (60) and K3 (40), a tie-breaker to rank by.
  const work = split ? "      - { code: K1, name: 工作, max: 60, step: 0.01 }\n      - { code: K3, name: 作风, max: 40, step: 0.01 }" : "      - { code: K1, name: 工作, max: 100, step: 0.01 }";
  return rubricFrom(`id: gaps
version: "1"
effective: "2026-01-01"
title: 等次差距
unit_kinds:
  - { id: town, name: 乡镇, labels: [镇, 乡], scale: 100, lines: [K] }
indicators:
  - { code: ZB1, name: 安全事故, unit: number, display: 起, direction: lower }
lines:
  - code: K
    name: 考核
    max: 100
    items:
${work}
      - { code: K2, name: 安全, max: 0, kind: gate, indicator: ZB1, target: 0, veto: { ranked: true, grade_at_most: 良好 } }
ledger:
  statuses: { counted: [已认定], pending: [], rejected: [] }
  flag_words: { yes: [是], no: [否] }
  codes: []
rankings:
  - id: all
    name: 综合排名
    unit_kind: town
    by: total${more}
    grades:
      bands:
        - { name: 优秀, from: 90${quota} }
        - { name: 良好, from: ${goodFrom} }
${otherwise ? "      otherwise: 合格\n" : ""}      ties: ${ties}
`);
}

/** Each unit's grade and gap (points, grade, and where a quota is taken the score to pass or reach, and how many others reach the grade). */
function gaps(r: Results): Record<string, string> {
  return Object.fromEntries(
    r.units.map((u) => {
      const g = u.gradeGap;
      const said = g ? `${g.grade} +${g.points / 100}${g.quota ? ` ${g.quota.pass ? ">" : "="}${g.quota.score / 100} of ${g.quota.others}` : ""}` : String(g);
      return [u.name, `${u.grades.all ?? "-"} ${said}`];
    }),
  );
}

/** A town with its K1 (and K3) points, and ZB1 accidents (0: no veto). */
function town(name: string, k1: number, o: { k3?: number; accidents?: number } = {}): UnitSpec {
  return { name, scores: { K1: k1, ...(o.k3 !== undefined ? { K3: o.k3 } : {}) }, measures: { ZB1: o.accidents ?? 0 } };
}

describe("the gap to a better grade", () => {
  it("is the mark where the grade has no quota, or its quota has room", () => {
    const R = graded("");
    const r = score(R, submission(R, [town("甲镇", 95), town("乙镇", 85.5), town("丙镇", 61)]));
    // 乙 85.5 needs 4.5 for 优秀; 丙 61 needs 19 for 良好 (the next; 优秀 needs more).
    expect(gaps(r)).toEqual({ 甲镇: "优秀 null", 乙镇: "良好 优秀 +4.5", 丙镇: "合格 良好 +19" });
  });

  it("is past the last of as many others as the quota where they reach it (0.01 past level, ties at the cut given to none)", () => {
    // 优秀 at most 1: 甲 95 holds it. 乙 92 reaches 90 but is cut: it needs 95.01 − 92 = 3.01.
    const R = graded(", quota: 1");
    const r = score(R, submission(R, [town("甲镇", 95), town("乙镇", 92), town("丙镇", 85)]));
    expect(gaps(r)).toEqual({ 甲镇: "优秀 null", 乙镇: "良好 优秀 +3.01 >95 of 1", 丙镇: "良好 优秀 +10.01 >95 of 2" });
  });

  it("gives the next grade at the same mark to those a quota leaves out (前 1 名为优秀,其余 90 分以上为良好)", () => {
    const R = graded(", quota: 1", "none", "", false, true, 90);
    const r = score(R, submission(R, [town("甲镇", 95), town("乙镇", 92), town("丙镇", 89.5)]));
    // 乙 92 reaches 90, past the quota: 良好, and 3.01 short of 优秀; 丙 89.5 below 90: 合格, 0.5 short of 良好.
    expect(gaps(r)).toEqual({ 甲镇: "优秀 null", 乙镇: "良好 优秀 +3.01 >95 of 1", 丙镇: "合格 良好 +0.5" });
  });

  it("is level with the last of them where a tie at the cut is given to all", () => {
    const R = graded(", quota: 1", "all");
    const r = score(R, submission(R, [town("甲镇", 95), town("乙镇", 92)]));
    expect(gaps(r)["乙镇"]).toBe("良好 优秀 +3 =95 of 1");
  });

  it("is level where the tie-breakers put it ahead at that level, and 0.01 past where they put it behind", () => {
    const R = graded(", quota: 1", "none", "\n    tie_breakers: [K3]", true);
    // 甲 95 (K3 35) holds 优秀; 乙 92 with K3 40 is ahead of it at 95: 3 is enough.
    const ahead = score(R, submission(R, [town("甲镇", 60, { k3: 35 }), town("乙镇", 52, { k3: 40 })]));
    expect(gaps(ahead)["乙镇"]).toBe("良好 优秀 +3 =95 of 1");
    // 乙 92 with K3 32 against 甲's 40: behind at 95, 0.01 past.
    const behind = score(R, submission(R, [town("甲镇", 55, { k3: 40 }), town("乙镇", 60, { k3: 32 })]));
    expect(gaps(behind)["乙镇"]).toBe("良好 优秀 +3.01 >95 of 1");
  });

  it("counts a unit cut at the quota by a tie given to none, and passes the one it was level with", () => {
    // 优秀 at most 2: 甲 96; 乙 and 丙 level at 93 at the cut, neither gets it. 乙 needs 93.01.
    const R = graded(", quota: 2");
    const r = score(R, submission(R, [town("甲镇", 96), town("乙镇", 93), town("丙镇", 93)]));
    expect(gaps(r)).toEqual({ 甲镇: "优秀 null", 乙镇: "良好 优秀 +0.01 >93 of 2", 丙镇: "良好 优秀 +0.01 >93 of 2" });
  });

  it("is none where a veto holds the unit at the grade it has; others' counts leave it out", () => {
    // 乙 vetoed (an accident), held at 良好 at most: no gap. 丙 needs only the mark: 乙 takes no 优秀 place.
    const R = graded(", quota: 1");
    const r = score(R, submission(R, [town("甲镇", 89), town("乙镇", 97, { accidents: 1 }), town("丙镇", 80)]));
    expect(gaps(r)).toEqual({ 甲镇: "良好 优秀 +1", 乙镇: "良好 null", 丙镇: "良好 优秀 +10" });
  });

  it("is a band's mark for a unit below every band where the rubric gives the rest no grade", () => {
    const R = graded(", quota: 1", "none", "", false, false);
    const r = score(R, submission(R, [town("甲镇", 95), town("乙镇", 70)]));
    expect(gaps(r)).toEqual({ 甲镇: "优秀 null", 乙镇: "- 良好 +10" });
  });

  it("raises the unit to the grade it names, others unchanged (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 6000, max: 10000 }), { minLength: 2, maxLength: 9 }), fc.constantFrom("", ", quota: 1", ", quota: 2", ", quota: 40%"), fc.constantFrom("all" as const, "none" as const), fc.boolean(), (hundredths, quota, ties, otherwise) => {
        const R = graded(quota, ties, "", false, otherwise);
        const units = hundredths.map((h, i) => town(`镇${i}`, h / 100));
        const r = score(R, submission(R, units));
        r.units.forEach((u, i) => {
          const g = u.gradeGap;
          if (!g) return;
          const raised = units.map((x, j) => (j === i ? { ...x, scores: { K1: (hundredths[i]! + g.points) / 100 } } : x));
          if ((hundredths[i]! + g.points) > 10000) return; // past the item's max: not to be typed
          const again = score(R, submission(R, raised));
          expect(again.units[i]?.grades.all).toBe(g.grade);
          // And not a hundredth less.
          if (g.points > 0) {
            const short = units.map((x, j) => (j === i ? { ...x, scores: { K1: (hundredths[i]! + g.points - 1) / 100 } } : x));
            expect(score(R, submission(R, short)).units[i]?.grades.all).not.toBe(g.grade);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

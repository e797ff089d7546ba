// A gate that holds the grade alone (veto: { grade_only: true }, 不得评为优秀 with no one-vote veto):
// docs/rules.md, "Gates". Worked by hand: 甲 95 with an accident is first, keeps its 一等奖 and
// is held to 良好; 乙 92 is 优秀, 丙 85 良好. Under a veto that keeps the rank (no grade_only), 甲
// is vetoed instead: its prize passes to 乙.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { message } from "../../src/messages/index.js";
import { awardText } from "../../src/report/labels.js";
import { resultsJson } from "../../src/report/json.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { loadRubric } from "../../src/rubric/load.js";
import { rubricFrom, submission, type UnitSpec } from "../helpers/builders.js";
import { unitNamed } from "../helpers/results.js";

const text = (veto: string, more = ""): string => `id: holds
version: "1"
effective: "2026-01-01"
title: 只限等次
unit_kinds:
  - { id: town, name: 乡镇, labels: [镇, 乡], scale: 100, lines: [K] }
indicators:
  - { code: ZB1, name: 安全事故, unit: number, display: 起, direction: lower, whole: true }
  - { code: ZB2, name: 舆情事件, unit: number, display: 起, direction: lower, whole: true }
lines:
  - code: K
    name: 考核
    max: 100
    items:
      - { code: K1, name: 工作, max: 100, step: 0.5 }
      - { code: K2, name: 安全生产, max: 0, kind: gate, indicator: ZB1, target: 0, veto: ${veto} }
${more}ledger:
  statuses: { counted: [已认定], pending: [], rejected: [] }
  flag_words: { yes: [是], no: [否] }
  codes: []
rankings:
  - id: all
    name: 综合排名
    unit_kind: town
    by: total
    tiers:
      - { name: 一等奖, ranks: [1, 1], amount: 1000 }
    grades:
      bands:
        - { name: 优秀, from: 90 }
        - { name: 良好, from: 80 }
        - { name: 合格, from: 60 }
      otherwise: 不合格
`;

const units: UnitSpec[] = [
  { name: "甲镇", scores: { K1: 95 }, measures: { ZB1: 1 } },
  { name: "乙镇", scores: { K1: 92 }, measures: { ZB1: 0 } },
  { name: "丙镇", scores: { K1: 85 }, measures: { ZB1: 0 } },
];

describe("a gate that holds the grade alone (grade_only)", () => {
  const R = rubricFrom(text("{ grade_only: true, grade_at_most: 良好 }"));
  const r = score(R, submission(R, units));
  const jia = unitNamed(r, "甲镇");

  it("keeps the unit ranked, unvetoed, with its prize, its grade held", () => {
    expect([jia.vetoed, jia.ranks.all, jia.total]).toEqual([false, 1, 9500]);
    expect(jia.awards).toEqual([
      { kind: "rank", ranking: "all", rankingName: "综合排名", tier: "一等奖", amount: 1000 },
      { kind: "grade", ranking: "all", rankingName: "综合排名", grade: "良好", held: true, atMost: true, by: { gate: "K2", gateName: "安全生产" } },
    ]);
    expect([unitNamed(r, "乙镇").grades.all, unitNamed(r, "丙镇").grades.all]).toEqual(["优秀", "良好"]);
    // Its grade said with the gate that held it, not as a veto.
    const grade = jia.awards[1]!;
    expect(awardText(grade, "zh-CN")).toBe("等次:良好(K2 安全生产未达标,至多评为良好)");
    expect(awardText(grade, "en")).toBe("grade: 良好 (K2 安全生产 missed: no better)");
    const json = JSON.parse(resultsJson(r, { rubric: R })) as { units: { name: string; vetoed: boolean; awards: Record<string, unknown>[] }[] };
    const j = json.units.find((u) => u.name === "甲镇");
    expect(j?.vetoed).toBe(false);
    expect(j?.awards).toContainEqual({ kind: "grade", ranking: "all", grade: "良好", held: true, heldBy: "K2" });
  });

  it("says the gate's miss as holding the grade, in explain, not as a veto", () => {
    const said = renderExplain({ lang: "zh-CN", t: (k, d) => message("zh-CN", k, d) }, PLAIN, R, submission(R, units), r, r.units.indexOf(jia));
    expect(said).toContain("K2 安全生产  0/0  ZB1 1起 > 0起,完不成指标:等次不得高于良好(本项只限等次,不是一票否决)");
    expect(said).not.toContain("一票否决:");
  });

  it("shows the 0-point gate's miss and pass in 得分明细 in words (0 alone read as a pass; 0.00 beside 未达标, as a fail)", () => {
    for (const [veto, word] of [["{ grade_only: true, grade_at_most: 良好 }", "未达标"], ["{ ranked: true, grade_at_most: 合格 }", "未达标"]] as const) {
      const V = rubricFrom(text(veto));
      const v = score(V, submission(V, units));
      for (const lang of ["zh-CN", "en"] as const) {
        const detail = resultTables(V, submission(V, units), v, lang, "t").find((s) => s.sheet.kind === "detail");
        const heads = detail?.columns.map((c) => c.header) ?? [];
        const at = heads.findIndex((h) => h.startsWith("K2 安全生产"));
        const rows: Record<string, unknown> = {};
        for (const r of detail?.rows ?? []) rows[String(r.cells[0])] = r.cells[at];
        const met = lang === "en" ? "met" : "达标";
        expect([at > 0, rows]).toEqual([true, { 甲镇: lang === "en" ? "missed" : word, 乙镇: met, 丙镇: met }]);
      }
    }
  });

  it("differs from a veto that keeps the rank: that unit is vetoed and its prize passes on", () => {
    const V = rubricFrom(text("{ ranked: true, grade_at_most: 良好 }"));
    const v = score(V, submission(V, units));
    expect(unitNamed(v, "甲镇").vetoed).toBe(true);
    expect(unitNamed(v, "甲镇").awards.some((a) => a.kind === "rank")).toBe(false);
    expect(unitNamed(v, "乙镇").awards).toContainEqual(expect.objectContaining({ kind: "rank", tier: "一等奖" }));
  });

  it("holds a unit failing several gates to the strictest grade, whatever their order, said by the gate that set it", () => {
    const second = (veto: string): string => `      - { code: K3, name: 舆情, max: 0, kind: gate, indicator: ZB2, target: 0, veto: ${veto} }\n`;
    const failing: UnitSpec[] = [{ name: "甲镇", scores: { K1: 95 }, measures: { ZB1: 1, ZB2: 1 } }, ...units.slice(1)];
    const grade = (R: ReturnType<typeof rubricFrom>): string => {
      const a = unitNamed(score(R, submission(R, failing)), "甲镇").awards.find((x) => x.kind === "grade");
      return a ? awardText(a, "zh-CN") : "";
    };
    // A grade-only gate to 良好 first, a veto to 合格 after it: 合格, by the veto (the first gate's 良好 was taken).
    expect(grade(rubricFrom(text("{ grade_only: true, grade_at_most: 良好 }", second("{ ranked: true, grade_at_most: 合格 }"))))).toBe("等次:合格(一票否决,至多评为合格)");
    // Two grade-only gates, 良好 and 合格, either way round: 合格, by the gate that holds it there.
    expect(grade(rubricFrom(text("{ grade_only: true, grade_at_most: 良好 }", second("{ grade_only: true, grade_at_most: 合格 }"))))).toBe("等次:合格(K3 舆情未达标,至多评为合格)");
    expect(grade(rubricFrom(text("{ grade_only: true, grade_at_most: 合格 }", second("{ grade_only: true, grade_at_most: 良好 }"))))).toBe("等次:合格(K2 安全生产未达标,至多评为合格)");
  });

  it("says a grade below the one a gate holds to as its quota's, not the gate's (至多评为合格 was said of a unit held to 良好)", () => {
    const quotas = text("{ grade_only: true, grade_at_most: 良好 }").replace("        - { name: 优秀, from: 90 }\n        - { name: 良好, from: 80 }\n", "        - { name: 优秀, from: 90, quota: 1 }\n        - { name: 良好, from: 90, quota: 1 }\n");
    const R = rubricFrom(quotas);
    const r = score(R, submission(R, [{ name: "乙镇", scores: { K1: 98 }, measures: { ZB1: 0 } }, { name: "丙镇", scores: { K1: 96 }, measures: { ZB1: 0 } }, { name: "甲镇", scores: { K1: 95 }, measures: { ZB1: 1 } }]));
    // 乙 优秀; 丙 the one 良好; 甲, kept from 优秀 by K2, reaches 良好's 90 with its one place taken: 合格.
    expect(["乙镇", "丙镇", "甲镇"].map((n) => unitNamed(r, n).grades.all)).toEqual(["优秀", "良好", "合格"]);
    const a = unitNamed(r, "甲镇").awards.find((x) => x.kind === "grade");
    expect(a && awardText(a, "zh-CN")).not.toContain("至多评为合格");
    expect(a).toMatchObject({ grade: "合格", cut: { grade: "良好", quota: 1 } });
  });

  it("is an error at the key where it contradicts itself or holds nothing", () => {
    const check = (veto: string): string[] => {
      const t = text(veto);
      const line = t.split("\n").findIndex((l) => l.includes("code: K2")) + 1;
      return loadRubric("r.yaml", new TextEncoder().encode(t), "r.yaml").diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.location && "line" in d.location ? d.location.line === line : false}`);
    };
    expect(check("{ grade_only: true, ranked: false, grade_at_most: 良好 }")).toEqual(["rubric.veto-grade-only-unranked true"]);
    expect(check("{ grade_only: true }")).toEqual(["rubric.veto-grade-only-no-grade true"]);
    expect(check("{ grade_only: true, grade_at_most: 良好, place: empty }")).toEqual(["rubric.veto-grade-only-place true"]);
    // A grade set that is not the lowest raises a lower scorer to it: warned, with grade_at_most offered.
    const said = (veto: string) => (loadRubric("r.yaml", new TextEncoder().encode(text(veto)), "r.yaml").advice ?? []).filter((d) => d.code !== "rubric.indicator-unread");
    const raised = said("{ grade_only: true, grade: 良好 }");
    expect(raised.map((d) => `${d.severity} ${d.code} ${message("zh-CN", d.code, d.data)}`)).toEqual(["warning rubric.veto-grade-raises K2 的 grade: 良好 直接定等次,不是最低的等次:未达标而得分更低的单位也会评为良好;办法如是“不得评为优秀”之类(至多某等次),请写 grade_at_most: 良好"]);
    expect(said("{ grade_only: true, grade: 不合格 }")).toEqual([]);
  });
});

// What a grade's share quota is of (docs/rules.md, "Grades"): the units the ranking ranks, or with
// `quota_of: assessed` every unit of it (a 办法's 参评单位总数), those a veto takes out of the
// ranking counted too, though they take no place.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import type { Results } from "../../src/model/results.js";
import { loadRubric } from "../../src/rubric/load.js";
import { diffLines, rubricTree } from "../../src/report/rubric-text.js";
import { rubricFrom, submission, type UnitSpec } from "../helpers/builders.js";

/** Departments judged on K1 (max 100), an accident (ZB1 ≥ 1) vetoes one out of the ranking; 优秀 ≥ 90 at most 30%. */
function text(quotaOf: string, quota = "30%", pending = false): string {
  return `id: quota-of
version: "1"
effective: "2026-01-01"
title: 名额基数
unit_kinds:
  - { id: dept, name: 市直单位, labels: [局, 办, 委], scale: 100, lines: [K] }
indicators:
  - { code: ZB1, name: 较大安全事故, unit: number, display: 起, direction: lower }
lines:
  - code: K
    name: 考核
    max: 100
    items:
      - { code: K1, name: 职能目标, max: 100, step: 0.5 }
      - { code: K2, name: 安全稳定, max: 0, kind: gate, indicator: ZB1, target: 0 }
ledger:
  statuses: { counted: [已认定], pending: [${pending ? "申报中" : ""}], rejected: [] }
  flag_words: { yes: [是], no: [否] }
  codes:
    - { code: JF1, kind: bonus, name: 表彰, points: 2, unit_kinds: [dept] }
rankings:
  - id: all
    name: 综合部门组排名
    unit_kind: dept
    by: total
    grades:
      bands:
        - { name: 优秀, from: 90, quota: ${quota} }
        - { name: 良好, from: 80 }
      otherwise: 合格
      ties: none${quotaOf}
`;
}

function dept(name: string, k1: number, accidents = 0): UnitSpec {
  return { name, kind: "dept", scores: { K1: k1 }, measures: { ZB1: accidents } };
}

const units = [dept("市委办", 98.5), dept("市政府办", 86), dept("市财政局", 84), dept("市委组织部", 92, 1)];

function grades(r: Results): Record<string, string> {
  return Object.fromEntries(r.units.map((u) => [u.name, u.grades.all ?? "-"]));
}

describe("a share quota's base", () => {
  it("is the units ranked by default: 30% of the 3 left after a veto is no 优秀", () => {
    const rubric = rubricFrom(text(""));
    const r = score(rubric, submission(rubric, units));
    expect(r.units.find((u) => u.name === "市委组织部")?.ranks.all).toBeNull();
    expect(grades(r)).toEqual({ 市委办: "良好", 市政府办: "良好", 市财政局: "良好", 市委组织部: "-" });
  });

  it("is every unit assessed with quota_of: assessed: 30% of 4 is one 优秀, and the vetoed unit takes no place", () => {
    const rubric = rubricFrom(text("\n      quota_of: assessed"));
    const r = score(rubric, submission(rubric, units));
    expect(grades(r)).toEqual({ 市委办: "优秀", 市政府办: "良好", 市财政局: "良好", 市委组织部: "-" });
    // Written but the same where nobody is vetoed out (30% of 3 is none either way).
    const three = units.slice(0, 3);
    expect(grades(score(rubric, submission(rubric, three)))).toEqual({ 市委办: "良好", 市政府办: "良好", 市财政局: "良好" });
    // quota_of: ranked is the default written out.
    const ranked = rubricFrom(text("\n      quota_of: ranked"));
    expect(grades(score(ranked, submission(ranked, units)))).toEqual({ 市委办: "良好", 市政府办: "良好", 市财政局: "良好", 市委组织部: "-" });
  });

  it("sets the gap to 优秀 and what pending claims may do, as it sets the grades", () => {
    // 市政府办 at 89 with a pending +2 (申报中): confirmed, it passes 90; the one place is 市委办's (98.5).
    const rubric = rubricFrom(text("\n      quota_of: assessed", "30%", true));
    const sub = submission(rubric, [dept("市委办", 98.5), dept("市政府办", 89), dept("市财政局", 84), dept("市委组织部", 92, 1)], [{ unit: "市政府办", code: "JF1", status: "申报中" }]);
    const r = score(rubric, sub);
    const gov = r.units.find((u) => u.name === "市政府办");
    // The one place is taken by 市委办: to pass it, more than 98.5.
    expect(gov?.gradeGap).toMatchObject({ grade: "优秀", quota: { count: 1, score: 9850, pass: true } });
    // Its claim cannot move its grade past the place taken (by the ranked units, no place at all: nothing to win either way).
    expect(gov?.certainty?.open.some((o) => o.kind === "grade")).toBe(false);
    // 市委办 holds the one place; under the ranked base there was none, and its gap was the place itself.
    const byRanked = rubricFrom(text("", "30%", true));
    const rr = score(byRanked, submission(byRanked, [dept("市委办", 98.5), dept("市政府办", 89), dept("市财政局", 84), dept("市委组织部", 92, 1)], [{ unit: "市政府办", code: "JF1", status: "申报中" }]));
    expect(grades(rr).市委办).toBe("良好");
    expect(grades(r).市委办).toBe("优秀");
  });

  it("is shown by rubric show and told apart by rubric diff; written without a share quota, warned of at the key", () => {
    const rubric = rubricFrom(text("\n      quota_of: assessed"));
    expect(rubricTree(rubric, "zh-CN")).toContain("优秀 ≥ 90(至多参评单位的 30%)");
    expect(rubricTree(rubricFrom(text("")), "zh-CN")).toContain("优秀 ≥ 90(至多 30%)");
    const { lines } = diffLines(rubricFrom(text("")), rubric, "zh-CN");
    expect(lines.join("\n")).toContain("优秀 ≥ 90(至多参评单位的 30%)");
    const counted = loadRubric("q.yaml", new TextEncoder().encode(text("\n      quota_of: assessed", "1")), "test");
    expect(counted.rubric).toBeDefined();
    const line = text("\n      quota_of: assessed", "1").split("\n").findIndex((l) => l.includes("quota_of")) + 1;
    expect((counted.advice ?? []).map((d) => [d.code, d.location?.file, d.location && "line" in d.location ? d.location.line : 0])).toContainEqual(["rubric.quota-of-without-share", "q.yaml", line]);
  });
});

describe("a grade pending claims cannot move", () => {
  it("is not said pending: two tied at the cut, neither given it, either way another's claim is decided", () => {
    // 优秀 at most 2 (ties: none): 市委办 98; 市政府办 and 市财政局 tied at 95 at the cut, neither 优秀;
    // 市商务局 94 with a pending +2: confirmed, 96 takes the second place; either way the tied two are 良好.
    // Nine more, far below, each with a claim of its own: too many ways to grade every one (512), so
    // each is judged at its best and its worst.
    const rubric = rubricFrom(text("", "2", true));
    const far = Array.from({ length: 9 }, (_, i) => `第${i + 1}局`);
    const sub = submission(
      rubric,
      [dept("市委办", 98), dept("市政府办", 95), dept("市财政局", 95), dept("市商务局", 94), ...far.map((n) => dept(n, 70))],
      [{ unit: "市商务局", code: "JF1", status: "申报中" }, ...far.map((unit) => ({ unit, code: "JF1", status: "申报中" }))],
    );
    const r = score(rubric, sub);
    expect(Object.fromEntries(Object.entries(grades(r)).filter(([n]) => !far.includes(n)))).toEqual({ 市委办: "优秀", 市政府办: "良好", 市财政局: "良好", 市商务局: "良好" });
    const open = (name: string): string[] => r.units.find((u) => u.name === name)?.certainty?.open.filter((o) => o.kind === "grade").map((o) => (o.grades ?? []).join("/")) ?? [];
    expect(open("市政府办")).toEqual([]);
    expect(open("市财政局")).toEqual([]);
    // Its own claim may: 优秀 or 良好.
    expect(open("市商务局")).toEqual(["优秀/良好"]);
  });
});


// The second bundled rubric (乡镇(街道)和区直部门综合考核办法), scored from plain numbers with results
// worked by hand from docs/rules.md: weights, deducted items, ranking groups, tie-breakers on a line
// and an item, grades with quotas and ties, vetoes held to a grade, ledger charges and caps.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import type { Results } from "../../src/model/results.js";
import type { Submission } from "../../src/model/submission.js";
import { explainUnit, ledgerWhy, whyText } from "../../src/report/explain.js";
import { message } from "../../src/messages/index.js";
import { awardsCell } from "../../src/report/labels.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { rubricFrom, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";
import { loadRubric } from "../../src/rubric/load.js";
import { rubricTree } from "../../src/report/rubric-text.js";
import { adviceWhenUsed } from "../../src/load/rubrics.js";
import { pointsOf, unitNamed } from "../helpers/results.js";

const R = rubricFrom(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8"));

/** Measures that give a town full marks on every measured item. */
const TOWN_FULL = { ZB1: "8%", MB1: "6%", ZB2: 1000, MB2: 1000, ZB3: "10%", ZB4: 100, ZB5: 0, ZB6: 0, ZB7: "96%", ZB8: 5, ZB9: 0 };
const town = (name: string, group: "rural" | "urban", o: { scores?: Record<string, number>; measures?: Record<string, number | string> } = {}): UnitSpec => ({
  name,
  kind: "town",
  group,
  scores: o.scores ?? {},
  measures: { ...TOWN_FULL, ...o.measures },
});
/** A town that loses `lost` points of JJ5 (重点项目建设, weight 40%): its total is 100 − 0.4 × lost. */
const losing = (name: string, group: "rural" | "urban", lost: number, o: { measures?: Record<string, number | string> } = {}): UnitSpec => town(name, group, { scores: { JJ5: 30 - lost }, ...o });
const dept = (name: string, scores: Record<string, number> = {}): UnitSpec => ({ name, kind: "department", scores, measures: { ZB10: "96%" } });

/** The submission the last run scored (for its explanation). */
let scored: Submission | undefined;
function run(units: UnitSpec[], entries: EntrySpec[] = []): Results {
  scored = submission(R, units, entries);
  return score(R, scored);
}
const ranks = (r: Results, id: string): [string, number | null][] =>
  (r.rankings.find((x) => x.id === id)?.entries ?? []).map((e) => [r.units[e.unit]?.name ?? "?", e.rank]);
const awardsOf = (r: Results, name: string): string[] =>
  unitNamed(r, name).awards.map((a) => (a.kind === "rank" ? `${a.ranking}:${a.tier}${a.amount !== undefined ? `:${a.amount}` : ""}` : a.kind === "grade" ? `${a.ranking}:${a.grade}${a.held ? "(held)" : ""}` : a.kind === "warning" ? `${a.ranking}:${a.name}` : a.kind === "single" ? `${a.ranking}:${a.code}` : `veto:${a.gate}`));

describe("weights and deducted items", () => {
  it("a town's total is 40% of 经济发展 + 35% of 社会治理 + 25% of 党的建设, rounded once to 0.01", () => {
    // JJ 85.5, SH 90, DJ 77.5: 34.2 + 31.5 + 19.375 = 85.075 → 85.08 (half away from zero).
    const r = run([town("甲镇", "rural", { scores: { JJ5: 15.5, SH6: 10, DJ1: 7.5 } })]);
    const u = unitNamed(r, "甲镇");
    expect(u.subtotals).toEqual({ JJ: 8550, SH: 9000, DJ: 7750 });
    expect(u.total).toBe(8508);
  });

  it("a deducted item scores its max less what the workbook says was taken off, never below 0", () => {
    const r = run([town("甲镇", "rural", { scores: { SH3: 2.3 } }), town("乙镇", "rural", { scores: { SH3: 15 } })]);
    expect(pointsOf(R, unitNamed(r, "甲镇"), "SH3")).toBe(1270);
    expect(pointsOf(R, unitNamed(r, "乙镇"), "SH3")).toBe(0);
  });
});

describe("rankings by group, by a line, with tie-breakers", () => {
  const units = [
    losing("甲镇", "rural", 0), // 100
    losing("乙镇", "rural", 10), // 96
    town("丙镇", "rural", { scores: { DJ1: 14 } }), // DJ 84: 100 − 0.25 × 16 = 96, behind 乙镇 on DJ
    losing("丁街道", "urban", 25), // 90
    losing("戊街道", "urban", 5), // 98
  ];
  const r = run(units);

  it("ranks each group apart, ties broken by 党的建设 then 经济发展", () => {
    expect(ranks(r, "rural")).toEqual([["甲镇", 1], ["乙镇", 2], ["丙镇", 3]]);
    expect(ranks(r, "urban")).toEqual([["戊街道", 1], ["丁街道", 2]]);
    expect(ranks(r, "towns")).toEqual([["甲镇", 1], ["戊街道", 2], ["乙镇", 3], ["丙镇", 4], ["丁街道", 5]]);
  });

  it("ranks by a line, its tie-breaker an item", () => {
    // JJ: 甲镇 and 丙镇 100 (JJ4 equal: one place), 戊街道 98, 乙镇 96, 丁街道 90 — in points of the line.
    expect(ranks(r, "economy")).toEqual([["丙镇", 1], ["甲镇", 1], ["戊街道", 3], ["乙镇", 4], ["丁街道", 5]]);
  });

  it("gives each group its own prizes with their amounts, and grades over all towns with the quota", () => {
    expect(awardsOf(r, "甲镇")).toEqual(["towns:优秀", "rural:一等奖:50000"]);
    expect(awardsOf(r, "乙镇")).toEqual(["towns:良好", "rural:二等奖:30000"]);
    expect(awardsOf(r, "丙镇")).toEqual(["towns:良好", "rural:二等奖:30000"]);
    // 戊街道 reaches 90 but 20% of 5 ranked towns is 1 优秀: its 良好 says so.
    expect(awardsOf(r, "戊街道")).toEqual(["towns:良好", "urban:一等奖:50000"]);
    expect(unitNamed(r, "戊街道").awards.find((a) => a.kind === "grade")).toMatchObject({ grade: "良好", cut: { grade: "优秀", quota: 1 } });
    expect(unitNamed(r, "戊街道").awards.find((a) => a.kind === "grade")).not.toHaveProperty("cut.tied");
    // 丁街道 at 90 exactly reaches the line too.
    expect(unitNamed(r, "丁街道").awards.find((a) => a.kind === "grade")).toMatchObject({ grade: "良好", cut: { grade: "优秀", quota: 1 } });
    expect(awardsOf(r, "丁街道")).toEqual(["towns:良好", "urban:二等奖:30000"]);
  });
});

describe("grades: quotas while claims are pending", () => {
  it("a quota's cut moved by another's claim unsettles the units it could push out (30% of 4 departments: one 优秀)", () => {
    const units = [dept("甲局"), dept("乙局"), dept("丙局", { BM2: 28 }), dept("丁局", { BM2: 20 })];
    // 甲局 and 乙局 level at 100 (and on BM1): both 优秀 (ties: all). 丙局's pending 国家级 JF1 (+3)
    // would put it alone at 101, the one 优秀, and both of them at 良好.
    const pending = run(units, [{ unit: "丙局", code: "JF1", level: "国家级", status: "待审核" }]);
    expect(["甲局", "乙局", "丙局"].map((n) => unitNamed(pending, n).grades.departments)).toEqual(["优秀", "优秀", "良好"]);
    const counted = run(units, [{ unit: "丙局", code: "JF1", level: "国家级", status: "已认定" }]);
    expect(["甲局", "乙局", "丙局"].map((n) => unitNamed(counted, n).grades.departments)).toEqual(["良好", "良好", "优秀"]);
    // Neither is settled, though its own total and band are; the claim that could move them is named.
    for (const n of ["甲局", "乙局"]) expect(unitNamed(pending, n).certainty).toMatchObject({ total: [10000, 10000], settled: false, pending: [{ cell: "B2" }] });
    // 丁局 at 90 reaches 优秀's line but three are surely ahead of it: 良好 whatever is decided.
    expect(unitNamed(pending, "丁局").certainty?.settled ?? true).toBe(true);
  });

  it("a unit's own claim that lifts it past a band's line moves nothing where that band's places are surely taken ahead of it", () => {
    // One 优秀 place (30% of 4), held by 甲局 and 乙局 at 100 (ties: all). 丙局 at 88 with a pending
    // 国家级 JF1 (+3) would reach 91, 优秀's line, still behind both: 良好 either way, not pending.
    const units = [dept("甲局"), dept("乙局"), dept("丙局", { BM2: 18 }), dept("丁局", { BM2: 10 })];
    const pending = run(units, [{ unit: "丙局", code: "JF1", level: "国家级", status: "待审核" }]);
    expect(unitNamed(pending, "丙局").certainty).toMatchObject({ total: [8800, 9100], settled: true, open: [] });
    for (const status of ["已认定", "不予认定"]) expect(unitNamed(run(units, [{ unit: "丙局", code: "JF1", level: "国家级", status }]), "丙局").grades.departments).toBe("良好");
  });
});

describe("pending claims: which of a unit's awards they could change", () => {
  it("says of a ranking sheet with no awards, where pending claims move its ranks, what the range means and nothing of awards", () => {
    // 经济发展单项排名 made a ranking by SH with no award: its sheet has no 奖惩 column, and
    // "本表各单位的奖惩均不变" was said of awards it never shows.
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace(/ {4}by: JJ\n {4}tie_breakers: \[JJ4\]\n {4}single:\n(?: {6}.*\n)+?(?= {2}- id: departments)/, "    by: SH\n");
    const plain = rubricFrom(text);
    expect(plain.rankings.find((x) => x.id === "economy")).toMatchObject({ by: "SH", single: [] });
    // 乙镇 pending KF2 (−2 on SH) may fall past 丙镇 on SH.
    const sub = submission(plain, [town("甲镇", "rural"), town("乙镇", "rural"), town("丙镇", "rural", { scores: { SH7: 19 } })], [{ unit: "乙镇", code: "KF2", status: "待审核" }]);
    const results = score(plain, sub);
    const sheet = resultTables(plain, sub, results, "zh-CN", "t").find((t) => t.sheet.kind === "ranking" && t.sheet.id === "economy");
    // (No unit of it vetoed: no 备注 column either, empty on every row.)
    expect(sheet?.columns.filter((c) => c.header === "奖惩" || c.header === "备注")).toEqual([]);
    expect(sheet?.subtitle.split("\n")[1]).toBe("加扣分尚有待认定:名次区间是各单位可能的名次;待认定的记录见 计分说明 表");
  });

  it("marks the grade another's claim could take, not the group's prize no claim can", () => {
    // 优秀 at most 20% of five towns: one place. 甲镇 100 is 优秀 and 乡镇组's 一等奖 (乙镇 96 next);
    // 丙街道 at 98.8 with a pending 国家级 JF1 (+3) would take 优秀, and keeps 街道组's 一等奖 either way.
    const units = [losing("甲镇", "rural", 0), losing("乙镇", "rural", 10), losing("丙街道", "urban", 3), losing("丁街道", "urban", 40), losing("戊镇", "rural", 50)];
    const r = run(units, [{ unit: "丙街道", code: "JF1", level: "国家级", status: "待审核" }]);
    const pendingSub = scored as Submission;
    expect(awardsOf(r, "甲镇")).toEqual(["towns:优秀", "rural:一等奖:50000"]);
    expect(unitNamed(r, "甲镇").certainty).toMatchObject({ settled: false, open: [{ ranking: "towns", kind: "grade", rankingName: "乡镇(街道)综合排名" }] });
    // Each says which other grade it may end with: 丙街道 优秀 (it said 良好 (待定) alone), 甲镇 良好.
    expect(unitNamed(r, "丙街道").certainty?.open).toEqual([{ ranking: "towns", kind: "grade", rankingName: "乡镇(街道)综合排名", grades: ["优秀", "良好"] }]);
    expect(unitNamed(r, "甲镇").certainty?.open).toEqual([{ ranking: "towns", kind: "grade", rankingName: "乡镇(街道)综合排名", grades: ["优秀", "良好"] }]);
    // Within the note its grade has (a second bracket after it read as two asides).
    expect(awardsCell(unitNamed(r, "丙街道"), "zh-CN", "towns")).toBe("(待定)等次:良好(达到优秀分数线,但优秀名额 1 个已满;视待定加扣分的认定,也可能为优秀);名次奖:街道组排名一等奖,50,000元");
    expect(awardsCell(unitNamed(r, "丙街道"), "en", "towns")).toBe("(pending) grade: 良好 (reached the 优秀 mark; 优秀's quota of 1 is filled; may be 优秀 once the pending claims are decided); rank prize: 一等奖 in 街道组排名, 50,000 yuan");
    // Decided, 甲镇 loses 优秀 and keeps its prize, as said.
    const counted = run(units, [{ unit: "丙街道", code: "JF1", level: "国家级", status: "已认定" }]);
    expect(awardsOf(counted, "甲镇")).toEqual(["towns:良好", "rural:一等奖:50000"]);
    expect(awardsOf(counted, "丙街道")).toEqual(["towns:优秀", "urban:一等奖:50000"]);
    // The awards cell marks that grade alone, first; the prize stands unmarked.
    expect(awardsCell(unitNamed(r, "甲镇"), "zh-CN", "towns")).toBe("(待定)等次:优秀(视待定加扣分的认定,也可能为良好);名次奖:乡镇组排名一等奖,50,000元");
    // On 乡镇组排名's own table (its awards only), nothing is pending.
    expect(awardsCell(unitNamed(r, "甲镇"), "zh-CN", "rural", true)).toBe("名次奖:一等奖,50,000元");
    // 奖惩名单 likewise: the grade's row marked, the prize's not.
    const list = resultTables(R, pendingSub, r, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    const rows: string[] = [];
    for (const row of list?.rows ?? []) if (row.cells[1] === "甲镇") rows.push(`${String(row.cells[0])} ${String(row.cells[2])}`);
    expect(rows).toEqual(["名次奖 一等奖", "等次 (待定)优秀(视待定加扣分的认定,也可能为良好)"]);
    // And its title says what (待定) means (it has no 名次区间 to explain).
    expect(list?.subtitle.split("\n")[1]).toBe("加扣分尚有待认定:标“待定”的奖惩可能随认定改变;待认定的记录见 计分说明 表");
  });

  it("names a unit's own pending row only where it could move the unit (not one past its caps)", () => {
    // 甲镇 99.6 + 5 (its bonuses at the cap of 5; JF2 at its own cap of 2) = 104.6, with one more
    // JF2 pending that can add nothing; 乙镇 100 + 3, with a pending JF2 of 2 that would pass it.
    const r = run([losing("甲镇", "rural", 1), losing("乙镇", "rural", 0)], [
      { unit: "甲镇", code: "JF1", level: "国家级" },
      { unit: "甲镇", code: "JF2", count: 5 },
      { unit: "甲镇", code: "JF2", status: "待审核" },
      { unit: "乙镇", code: "JF1", level: "国家级" },
      { unit: "乙镇", code: "JF2", count: 4, status: "待审核" },
    ]);
    const a = unitNamed(r, "甲镇");
    expect([a.total, a.certainty?.total, a.certainty?.ranks.towns]).toEqual([10460, [10460, 10460], [1, 2]]);
    // Only 乙镇's claim (the 5th row) can move 甲镇; its own (the 3rd) moves nothing.
    const rowOf = (u: typeof a): string[] => (u.certainty?.pending ?? []).map((c) => c.cell);
    expect(rowOf(a)).toEqual([r.units[1]!.ledger[1]!.entry.at.cell]);
    expect(rowOf(a)).not.toContain(a.ledger[2]!.entry.at.cell);
  });

  it("marks no grade a veto sets, whatever a claim does to the score", () => {
    // 甲镇 fails SH1 (ranked, set to 不合格): 96.5, with a pending −3 that would take it from 优秀's
    // line to 良好's. Its grade is 不合格 either way: nothing pending about it.
    const units = [town("甲镇", "rural", { measures: { ZB5: 1 } }), losing("乙镇", "rural", 50), losing("丙镇", "rural", 55), losing("丁镇", "rural", 60), losing("戊镇", "rural", 65)];
    const r = run(units, [{ unit: "甲镇", code: "KF1", count: 7, status: "待审核" }]);
    const a = unitNamed(r, "甲镇");
    expect([a.vetoed, awardsOf(r, "甲镇")]).toEqual([true, ["veto:SH1", "towns:不合格(held)"]]);
    expect(a.certainty?.total).toEqual([8950, 9650]);
    expect(a.certainty?.open.filter((o) => o.kind === "grade")).toEqual([]);
  });

  it("names no other unit's single-item recognition among the claims that could move a unit (it moves no one)", () => {
    // 丁街道 84, 戊街道 82 with a pending +3 that could pass it; 己街道 at 84.4, within their range,
    // claims a recognition alone.
    const units = [losing("甲镇", "rural", 0), losing("丙街道", "urban", 0), losing("丁街道", "urban", 40), losing("戊街道", "urban", 45), losing("己街道", "urban", 39)];
    const r = run(units, [
      { unit: "戊街道", code: "JF1", level: "国家级", status: "待审核" },
      { unit: "己街道", code: "DX1", level: "市级", status: "待审核" },
    ]);
    // Rows: B2 is 戊街道's claim, B3 己街道's recognition.
    // 戊街道 may end anywhere in 82–85: its own claim alone decides where (己街道's stays at 84.4).
    expect(unitNamed(r, "戊街道").certainty?.pending.map((c) => c.cell)).toEqual(["B2"]);
    expect(unitNamed(r, "丁街道").certainty?.pending.map((c) => c.cell)).toEqual(["B2"]);
  });

  it("names of another unit's claims only those that score, not its single-item recognition beside them (it passes no one)", () => {
    // As above, 己街道 at 82.8 with a +3 claim of its own too: that claim can pass 丁街道 (84), its recognition cannot.
    const units = [losing("甲镇", "rural", 0), losing("丙街道", "urban", 0), losing("丁街道", "urban", 40), losing("戊街道", "urban", 45), losing("己街道", "urban", 43)];
    const r = run(units, [
      { unit: "戊街道", code: "JF1", level: "国家级", status: "待审核" },
      { unit: "己街道", code: "JF1", level: "国家级", status: "待审核" },
      { unit: "己街道", code: "DX1", level: "市级", status: "待审核" },
    ]);
    // Rows: B2 戊街道's claim, B3 己街道's, B4 己街道's recognition.
    expect(unitNamed(r, "丁街道").certainty?.pending.map((c) => c.cell)).toEqual(["B2", "B3"]);
    expect(unitNamed(r, "戊街道").certainty?.pending.map((c) => c.cell)).toEqual(["B2", "B3"]);
    // Its own recognition is its own to wait on.
    expect(unitNamed(r, "己街道").certainty?.pending.map((c) => c.cell)).toEqual(["B2", "B3", "B4"]);
  });

  it("explain names another's claim that could move a unit's rank where its own could too and no award of its can change", () => {
    // 庚街道 76 (+1 pending), 辛街道 75.6 (+3 pending, passing it): both 合格 either way. 庚街道's 4–5
    // comes of 辛街道's claim as much as its own: both named (its own alone was left to be guessed).
    const units = [losing("甲镇", "rural", 0), losing("丙街道", "urban", 0), losing("丁街道", "urban", 40), losing("庚街道", "urban", 60), losing("辛街道", "urban", 61)];
    const r = run(units, [
      { unit: "庚街道", code: "JF1", level: "市级", status: "待审核" },
      { unit: "辛街道", code: "JF1", level: "国家级", status: "待审核" },
    ]);
    const g = unitNamed(r, "庚街道");
    expect([g.certainty?.settled, g.certainty?.pending.map((c) => c.cell)]).toEqual([true, ["B2", "B3"]]);
    const text = renderExplain({ lang: "zh-CN", t: (k, d) => message("zh-CN", k, d) }, PLAIN, R, scored as Submission, r, r.units.indexOf(g));
    expect(text).toContain("视 L!B2、L!B3(辛街道 JF1) 的认定,名次可能为 乡镇(街道)综合排名 4–5 · 街道组排名 3–4(其他名次不变);无论如何认定,奖惩不变\n");
  });

  it("says what a unit could win that it does not hold", () => {
    // 乙镇 96, second in 乡镇组 (二等奖 is 2nd–3rd): its pending +3 cannot pass 甲镇's 100. 丁街道 at 84,
    // second in 街道组 (二等奖 is 2nd alone there) holds it; 戊街道 at 82 with a pending +3 could take it.
    const units = [losing("甲镇", "rural", 0), losing("乙镇", "rural", 10), losing("丙街道", "urban", 0), losing("丁街道", "urban", 40), losing("戊街道", "urban", 45)];
    const r = run(units, [{ unit: "戊街道", code: "JF1", level: "国家级", status: "待审核" }]);
    expect(awardsOf(r, "戊街道")).not.toContain("urban:二等奖:30000");
    expect(unitNamed(r, "戊街道").certainty?.open).toContainEqual({ ranking: "urban", kind: "rank", rankingName: "街道组排名", tier: "二等奖", worst: null });
    // The tier within its reach, and its money (it said 名次奖 alone, no tier, no amount).
    expect(awardsCell(unitNamed(r, "戊街道"), "zh-CN", "urban", true)).toBe("(待定)可能获街道组排名二等奖");
    // The holder says it may lose it (a leader could not tell a prize that may be lost from one that may be gained).
    expect(awardsCell(unitNamed(r, "丁街道"), "zh-CN", "urban", true)).toBe("(待定)名次奖:二等奖,30,000元(视待定加扣分的认定,也可能不获名次奖)");
    expect(awardsCell(unitNamed(r, "丁街道"), "en", "urban", true)).toBe("(pending) rank prize: 二等奖, 30,000 yuan (may win no prize once the pending claims are decided)");
    expect(awardsCell(unitNamed(r, "戊街道"), "en", "urban", true)).toBe("(pending) may win 二等奖 in 街道组排名");
    // explain says it too, with the ranking, where the unit holds no award to mark.
    const text = renderExplain({ lang: "zh-CN", t: (k, d) => message("zh-CN", k, d) }, PLAIN, R, scored as Submission, r, r.units.indexOf(unitNamed(r, "戊街道")));
    expect(text).toContain("奖惩:\n  (待定)可能获街道组排名二等奖\n  等次:良好\n");
    // And in 奖惩名单, among the rank prizes: a leader signing the list sees what may still come.
    const list = resultTables(R, scored as Submission, r, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    const rows: string[] = [];
    for (const row of list?.rows ?? []) if (row.cells[1] === "戊街道") rows.push(row.cells.map((c) => String(c ?? "")).join("|"));
    // Its basis, its place now and the best it may reach (the ranking's name alone read as unfinished).
    expect(rows).toContain("名次奖|戊街道|(待定)可能获街道组排名二等奖|待定 30,000|街道组排名第 3 名,视待定加扣分的认定可至第 2 名");
  });
});

describe("grades: quotas and ties at the cut", () => {
  it("towns tied at the quota's cut get none of that grade (ties: none); below 60 is 不合格 and a yellow card", () => {
    const r = run([losing("甲镇", "rural", 5), losing("乙镇", "rural", 5), losing("丙镇", "rural", 30, { measures: { ZB7: "93%" } }), town("丁镇", "rural", { scores: { JJ5: 0, DJ1: 0, DJ2: 18 } }), town("戊镇", "rural", { scores: { JJ5: 0, SH6: 0, SH7: 0, DJ1: 0, DJ2: 0 } }), losing("己镇", "rural", 12)]);
    // 甲镇, 乙镇 98 and tied on DJ and JJ: one 优秀 place (20% of 6), both at its cut → neither,
    // and their 良好 says why; 己镇 at 95.2 reaches 90 too, but is not within the one place: it is
    // left empty by the tie, not passed on, and 己镇's 良好 says so (not that 优秀 is full).
    expect(unitNamed(r, "甲镇").grades).toEqual({ towns: "良好" });
    expect(unitNamed(r, "乙镇").grades).toEqual({ towns: "良好" });
    // Tied with one other for the one place (none given above the tie).
    expect(unitNamed(r, "甲镇").awards.find((a) => a.kind === "grade")).toMatchObject({ cut: { grade: "优秀", quota: 1, tied: true, unused: 1, tiedWith: 1 } });
    expect(unitNamed(r, "己镇").total).toBe(9520);
    const own = unitNamed(r, "己镇").awards.find((a) => a.kind === "grade");
    expect(own).toMatchObject({ grade: "良好", cut: { grade: "优秀", quota: 1, unused: 1 } });
    expect(own).not.toHaveProperty("cut.tied");
    expect(r.units.filter((u) => u.grades.towns === "优秀")).toEqual([]);
    // 丙镇: JJ 70, SH 96 (参保率 93%: two whole points short, 4 off) → 28 + 33.6 + 25 = 86.6.
    expect(unitNamed(r, "丙镇").total).toBe(8660);
    expect(unitNamed(r, "丙镇").grades).toEqual({ towns: "良好" });
    // Below 优秀's line: its 良好 is its band, no quota said.
    expect(unitNamed(r, "丙镇").awards.find((a) => a.kind === "grade")).not.toHaveProperty("cut");
    // 丁镇: JJ 70, SH 100, DJ 58 → 28 + 35 + 14.5 = 77.5.
    expect(unitNamed(r, "丁镇").total).toBe(7750);
    expect(unitNamed(r, "丁镇").grades).toEqual({ towns: "合格" });
    // 戊镇: JJ 70, SH 60, DJ 40 → 28 + 21 + 10 = 59: 不合格 and 黄牌警告 (below 60).
    expect(unitNamed(r, "戊镇").total).toBe(5900);
    expect(awardsOf(r, "戊镇")).toEqual(["towns:不合格", "towns:黄牌警告"]);
  });

  it("departments tied at the cut all get the grade (ties: all); last place gets the yellow card", () => {
    const r = run([dept("甲局"), dept("乙局"), dept("丙局", { BM2: 25 }), dept("丁局", { BM1: 25 }), dept("戊局", { BM1: 10 }), dept("己局", { BM1: 5, BM2: 20 })]);
    expect(ranks(r, "departments").map(([n, k]) => `${n}${k}`)).toEqual(["甲局1", "乙局1", "丙局3", "丁局4", "戊局5", "己局6"]);
    // 30% of 6 is 1 优秀, but 甲局 and 乙局 are tied on the total and BM1.
    expect(awardsOf(r, "甲局")).toEqual(["departments:优秀"]);
    expect(awardsOf(r, "乙局")).toEqual(["departments:优秀"]);
    expect(awardsOf(r, "丙局")).toEqual(["departments:良好"]); // 95
    expect(awardsOf(r, "丁局")).toEqual(["departments:良好"]); // 85
    expect(awardsOf(r, "戊局")).toEqual(["departments:合格"]); // 70
    expect(awardsOf(r, "己局")).toEqual(["departments:不合格", "departments:黄牌警告"]); // 55
  });
});

describe("a yellow card for the last place below a mark (末位且低于 80 分: both: true)", () => {
  it("goes to the last place below the mark alone: one below it but not last has none, as one last but not below it would not", () => {
    const card = "    yellow_card:\n      name: 黄牌警告\n      last_place: true\n  - id: enterprises";
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain(card);
    const units = [dept("甲局"), dept("乙局"), dept("丙局", { BM2: 25 }), dept("丁局", { BM1: 25 }), dept("戊局", { BM1: 10 }), dept("己局", { BM1: 5, BM2: 20 })];
    const cards = (yellow: string): string[] => {
      const rubric = rubricFrom(text.replace(card, `    yellow_card:\n      name: 黄牌警告\n${yellow}  - id: enterprises`));
      const r = score(rubric, submission(rubric, units));
      return r.units.filter((u) => u.awards.some((a) => a.kind === "warning")).map((u) => u.name);
    };
    // 戊局 70 and 己局 55 (last) are below 80: either gives the card to both; both at once, to 己局 alone.
    expect(cards("      last_place: true\n      below: 80\n")).toEqual(["戊局", "己局"]);
    expect(cards("      last_place: true\n      below: 80\n      both: true\n")).toEqual(["己局"]);
    // The last place above the mark (55 < 50 is not): none.
    expect(cards("      last_place: true\n      below: 50\n      both: true\n")).toEqual([]);
  });

  it("needs last_place and below both written, and says the two together in rubric show", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const load = (yellow: string): ReturnType<typeof loadRubric> => loadRubric("c.yaml", new TextEncoder().encode(text.replace("    yellow_card:\n      name: 黄牌警告\n      last_place: true\n  - id: enterprises", `    yellow_card:\n      name: 黄牌警告\n${yellow}  - id: enterprises`)), "test");
    expect(load("      last_place: true\n      both: true\n").diagnostics.map((d) => d.code)).toEqual(["rubric.yellow-both-needs-two"]);
    const both = load("      last_place: true\n      below: 80\n      both: true\n").rubric;
    const ranking = both?.rankings.find((x) => x.id === "departments");
    expect(ranking?.yellowCard).toEqual({ name: "黄牌警告", lastPlace: true, below: 8000, both: true });
    expect(rubricTree(both!, "zh-CN")).toContain("黄牌警告:末位,且总分低于 80");
  });
});

describe("a single-item award a kind may claim that no ranking of the kind gives", () => {
  /** What each of its single-item rows says, for the unit named. */
  const saysOf = (r: Results) => (name: string): string => {
    const u = unitNamed(r, name);
    return u.ledger.map((x) => ledgerWhy("zh-CN", x, u)).join("");
  };

  it("is warned of where the rubric is used, and a unit's recognized claim says it wins nothing (it said 参评单项奖)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("      unit_kinds: [town]\n      text: 经济发展工作受到", "      unit_kinds: [town, department]\n      text: 经济发展工作受到");
    const loaded = loadRubric("c.yaml", new TextEncoder().encode(text), "test");
    expect(loaded.diagnostics).toEqual([]);
    const advice = (loaded.advice ?? []).filter((d) => d.code === "rubric.single-not-given");
    expect(advice.map((d) => message("zh-CN", d.code, d.data))).toEqual(["DX1 经济发展突出贡献 可由区直部门申报,但区直部门的排名都不颁发它:认定了也不会得奖;请在其排名的 single 中加上 DX1,或从 unit_kinds 中删去区直部门"]);
    expect(adviceWhenUsed(loaded).map((d) => d.code)).toEqual(["rubric.single-not-given"]);
    const L = rubricFrom(text);
    const why = saysOf(score(L, submission(L, [town("甲镇", "rural"), dept("甲局"), dept("乙局")], [{ unit: "甲局", code: "DX1", level: "省级" }, { unit: "乙局", code: "DX1", level: "省级", status: "申报中" }])));
    expect(why("甲局")).toBe("经济发展突出贡献(省级),但本单位参加的排名都不颁发此奖,不得获奖");
    expect(why("乙局")).toBe("状态为“申报中”,尚未认定,不计分;本单位参加的排名也都不颁发此奖");
  });

  it("given on one group's ranking alone (乡镇组), says so to a unit of the other group (a 街道 was told it was entered for it)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const single = "    single:\n      - code: DX1\n        name: 经济发展突出贡献奖\n        amount: 20000\n        linked_item: JJ5\n";
    expect(text).toContain(single);
    const L = rubricFrom(text.replace(single, "").replace("    group: rural\n    by: total\n    tie_breakers: [DJ, JJ]\n", `    group: rural\n    by: total\n    tie_breakers: [DJ, JJ]\n${single}`));
    const why = saysOf(score(L, submission(L, [town("甲镇", "rural"), town("甲街道", "urban")], [{ unit: "甲镇", code: "DX1", level: "省级" }, { unit: "甲街道", code: "DX1", level: "省级" }])));
    expect(why("甲镇")).toBe("经济发展突出贡献(省级),参评单项奖");
    expect(why("甲街道")).toBe("经济发展突出贡献(省级),但本单位参加的排名都不颁发此奖,不得获奖");
  });
});

describe("a yellow card on a ranking by a line", () => {
  it("says the line's score was below the mark, not the total", () => {
    const L = rubricFrom(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("        linked_item: JJ5\n", "        linked_item: JJ5\n    yellow_card: { name: 经济黄牌, below: 80 }\n"));
    // 乙镇 loses 25 of JJ5: 经济发展 75 (below 80), total 100 − 0.4 × 25 = 90.
    const sub = submission(L, [town("甲镇", "rural"), losing("乙镇", "rural", 25)]);
    const r = score(L, sub);
    const card = unitNamed(r, "乙镇").awards.find((a) => a.kind === "warning");
    expect(card).toMatchObject({ ranking: "economy", reasons: ["below"], of: "JJ 经济发展", score: 7500 });
    expect(awardsCell(unitNamed(r, "乙镇"), "zh-CN")).toContain("经济黄牌:JJ 经济发展 得分低于 80");
    const awards = resultTables(L, sub, r, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    const row = [...(awards?.rows ?? [])].find((x) => x.cells[1] === "乙镇" && String(x.cells[2]).includes("经济黄牌"));
    expect(row?.cells.slice(2)).toEqual(["经济黄牌:JJ 经济发展 得分低于 80", null, "经济发展单项排名第 2 名,JJ 经济发展 得分 75.00"]);
  });
});

describe("vetoes that keep the rank and hold the grade", () => {
  const r = run([
    town("甲镇", "rural", { measures: { ZB5: 1 } }), // SH1 fails: 96.5, ranked, 不合格, its prize passed on
    losing("乙镇", "rural", 10), // 96
    losing("丙镇", "rural", 20), // 92
    losing("丁镇", "rural", 30), // 88
    town("戊街道", "urban", { measures: { ZB9: 1 } }), // DJ4 fails: 95, ranked, at most 合格, its prize left empty
    losing("己街道", "urban", 15), // 94
    losing("庚街道", "urban", 25), // 90
  ]);

  it("keeps vetoed units in the ranking where the gate says so", () => {
    expect(unitNamed(r, "甲镇").total).toBe(9650);
    expect(ranks(r, "rural")).toEqual([["甲镇", 1], ["乙镇", 2], ["丙镇", 3], ["丁镇", 4]]);
    expect(ranks(r, "urban")).toEqual([["戊街道", 1], ["己街道", 2], ["庚街道", 3]]);
  });

  it("passes a vetoed unit's prize to the next, or leaves it empty", () => {
    // 乡镇组: 甲镇's 一等奖 passes to 乙镇, 二等奖 (2nd–3rd prize places) to 丙镇 and 丁镇.
    expect(awardsOf(r, "乙镇")).toContain("rural:一等奖:50000");
    expect(awardsOf(r, "丙镇")).toContain("rural:二等奖:30000");
    expect(awardsOf(r, "丁镇")).toContain("rural:二等奖:30000");
    // 街道组: 戊街道's 一等奖 stays empty; 己街道 is second: 二等奖; 庚街道 third: nothing.
    expect(awardsOf(r, "己街道")).toContain("urban:二等奖:30000");
    expect(awardsOf(r, "庚街道").filter((a) => a.startsWith("urban"))).toEqual([]);
  });

  it("holds the vetoed units' grades: set to 不合格, or at most 合格", () => {
    // 7 ranked towns: 20% is 1 优秀 — 乙镇, the best that may have it.
    expect(awardsOf(r, "甲镇")).toEqual(["veto:SH1", "towns:不合格(held)"]);
    expect(awardsOf(r, "戊街道")).toEqual(["veto:DJ4", "towns:合格(held)"]);
    expect(unitNamed(r, "乙镇").grades).toEqual({ towns: "优秀" });
    for (const n of ["己街道", "丙镇", "庚街道", "丁镇"]) expect(unitNamed(r, n).grades).toEqual({ towns: "良好" });
  });
});

describe("an enterprise's default veto, amounts and a loss", () => {
  const ent = (name: string, m: Record<string, number | string>): UnitSpec => ({ name, kind: "enterprise", measures: { ZB11: 1000, MB3: 1000, MB4: 600, ZB12: 200, MB5: 200, ZB13: "112%", ZB5: 0, ...m } });
  const r = run([ent("甲公司", {}), ent("乙公司", { ZB11: 800, ZB12: -50, ZB13: "106%" }), ent("丙公司", { ZB5: 1 })]);

  it("scores linear between a per-unit floor and target, a loss as 0, and bands", () => {
    // 30 × (800 − 600) ÷ (1000 − 600) = 15; −50 万元 → 0; 106% → 80% of 20 = 16; 安全生产 20.
    const u = unitNamed(r, "乙公司");
    expect(["QY1", "QY2", "QY3", "QY4"].map((c) => pointsOf(R, u, c))).toEqual([1500, 0, 1600, 2000]);
    expect(u.total).toBe(5100);
  });

  it("leaves the vetoed enterprise unranked and ungraded; a quota of one", () => {
    expect(ranks(r, "enterprises")).toEqual([["甲公司", 1], ["乙公司", 2], ["丙公司", null]]);
    expect(awardsOf(r, "甲公司")).toEqual(["enterprises:优秀"]);
    expect(awardsOf(r, "乙公司")).toEqual(["enterprises:不合格"]);
    expect(awardsOf(r, "丙公司")).toEqual(["veto:QY4"]);
  });
});

describe("the ledger: any unit kind, charged to a line or an item, caps over codes", () => {
  it("charges KF2 to 社会治理 and KF3 to SH2 (weighted with their line); caps JF2 at 2 and all bonuses at 5", () => {
    const r = run(
      [town("甲镇", "rural"), town("乙镇", "rural", { measures: { ZB6: 3 } }), dept("甲局"), { name: "甲公司", kind: "enterprise", measures: { ZB11: 1000, MB3: 1000, MB4: 600, ZB12: 200, MB5: 200, ZB13: "112%", ZB5: 0 } }],
      [
        { unit: "甲镇", code: "KF2" }, // SH −2
        { unit: "甲镇", code: "KF3", points: 3 }, // SH2 15 → 12, SH −3
        { unit: "甲镇", code: "JF2", count: 5 }, // 2.5, capped at 2
        { unit: "甲镇", code: "JF1", level: "国家级" }, // 3: bonuses 5
        { unit: "甲镇", code: "JF1", level: "省级" }, // over the cap of 5: nothing
        { unit: "乙镇", code: "KF3", points: 3 }, // SH2 6 → 3
        { unit: "乙镇", code: "KF3", points: 3 }, // 3 → 0
        { unit: "乙镇", code: "KF3", points: 3 }, // SH2 stays 0
        { unit: "甲局", code: "KF1", count: 2 },
        { unit: "甲局", code: "JF1", level: "市级" },
        { unit: "甲公司", code: "KF1" },
      ],
    );
    const a = unitNamed(r, "甲镇");
    // SH 95: 40 + 33.25 + 25 = 98.25, + 5 bonus = 103.25.
    expect([pointsOf(R, a, "SH2"), a.subtotals.SH, a.bonus, a.deduction, a.total]).toEqual([1200, 9500, 500, 0, 10325]);
    expect(a.ledger.map((l) => `${l.entry.code} ${l.counted ? l.points : "—"}`)).toEqual(["KF2 200", "KF3 300", "JF2 0", "JF1 300", "JF1 200"]);
    // Rows of equal weight fill a cap in the order of what they are (code, points), not of where they
    // stand: the two JF1 first (3 + 2), JF2 (2.5, held to its own cap of 2) finds the cap of 5 full.
    // A cap holds what a row asked: said as the cap's doing, not as a cap reached before the row.
    expect(a.ledger.filter((l) => l.entry.code === "JF2").map((l) => message("zh-CN", l.reason.code, l.reason.data))).toEqual(["0.5 × 5 = 加 2.5,受 JF2 年度上限 2 及加分合计上限 5 所限,本行只计加 0"]);
    const b = unitNamed(r, "乙镇");
    // SH2 6 (3 起: 40%) taken to 0; SH 100 − 9 − 6 = 85: 40 + 29.75 + 25 = 94.75.
    expect([pointsOf(R, b, "SH2"), b.subtotals.SH, b.total]).toEqual([0, 8500, 9475]);
    // Three rows of 3 asked of SH2, which had 6: the third counts nothing (nor fills a cap), and says why.
    expect(b.charges).toEqual({ SH2: -600 });
    expect(b.ledger.map((l) => l.points)).toEqual([300, 300, 0]);
    const sh2 = explainUnit(R, scored as Submission, b, r.units.indexOf(b)).flatMap((l) => l.children).find((i) => i.code === "SH2");
    expect(sh2 && whyText("zh-CN", sh2)).toMatch(/计 6;加扣分 −6,得 0$/);
    const third = b.ledger[2];
    expect(third && ledgerWhy("zh-CN", third, b)).toBe("3 × 1 = 扣 3,但 SH2 得分不能低于 0,本行只计扣 0,计入 SH2 一般生产安全事故控制");
    expect([unitNamed(r, "甲局").total, unitNamed(r, "甲公司").total]).toEqual([9900, 9900]);
  });

  it("fills a cap with the rows that weigh most on the total first, and counts a once-a-year code's best row, whatever their order", () => {
    // JF2 charged to 经济发展 (40%) at 2.5 a row; JF1 once a year; bonuses capped at 5 (docs/rules.md).
    const L = rubricFrom(
      readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8")
        .replace("      levels: { 市级: 1, 省级: 2, 国家级: 3 }\n", "      levels: { 市级: 1, 省级: 2, 国家级: 3 }\n      once_per_year: true\n")
        .replace("      points: 0.5\n      cap: 2\n", "      points: 2.5\n      cap: 5\n      charge: JJ\n"),
    );
    const rows: EntrySpec[] = [
      { unit: "甲镇", code: "JF2" },
      { unit: "甲镇", code: "JF2" },
      { unit: "甲镇", code: "JF1", level: "市级" },
      { unit: "甲镇", code: "JF1", level: "国家级" },
    ];
    // JJ 100 (the line may go past its max with a bonus); the JF1 国家级 row takes 3 of the cap on the
    // total, the first JF2 the 2 left (0.8 on the total), the second nothing; the 市级 JF1 is not the
    // year's one. Total 100 + 0.8 + 3 = 103.8, in either order.
    for (const order of [rows, [...rows].reverse()]) {
      const r = score(L, submission(L, [town("甲镇", "rural")], order));
      const u = unitNamed(r, "甲镇");
      expect([u.bonus, u.charges.JJ, u.total]).toEqual([300, 200, 10380]);
      expect(u.ledger.filter((l) => l.entry.level === "市级").map((l) => message("zh-CN", l.reason.code, l.reason.data))).toEqual([`JF1 每年至多计一次,计入分值最高的 L!B${order === rows ? 5 : 2}`]);
    }
  });
});

// The engine, rule by rule (RULES.md §2–§8), on small in-memory submissions.
import { describe, expect, it } from "vitest";
import { awardAmount, awardContent, awardText } from "../../src/report/labels.js";
import { resultsJson } from "../../src/report/json.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { message } from "../../src/messages/index.js";
import { formatPoints } from "../../src/model/numbers.js";
import { score } from "../../src/engine/index.js";
import type { Results, UnitResult } from "../../src/model/results.js";
import { mini, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";
import { order, pointsOf, tree, unitNamed as unit } from "../helpers/results.js";

const R = mini();

function run(units: UnitSpec[], entries: EntrySpec[] = [], rubric = R): Results {
  return score(rubric, submission(rubric, units, entries));
}
const kinds = (u: UnitResult) => u.awards.map((a) => (a.kind === "rank" ? `rank:${a.tier}` : a.kind === "single" ? `single:${a.code}:${a.level}` : a.kind === "veto" ? `veto:${a.gate}` : a.kind === "grade" ? `grade:${a.grade}` : `warning:${a.reasons.join("+")}`));

describe("items and lines (§2, §6)", () => {
  it("sums judged points exactly into groups, lines and the total", () => {
    const units = [{ name: "甲", scores: { "DZ2.1": 10.5, "DZ2.2": 7, JS1: 49.5 } }];
    const sub = submission(R, units);
    const r = score(R, sub);
    const u = unit(r, "甲");
    expect(u.subtotals).toEqual({ DZ: 3750, JS: 5950 });
    expect(u.total).toBe(9700);
    const dz2 = tree(R, sub, r, "甲")[0]?.children[1];
    expect(dz2?.kind === "group" && [dz2.points, dz2.lost]).toEqual([1750, 250]);
  });

  it("scores a threshold: max at or above the target, 0 below", () => {
    const r = run([
      { name: "达标", rates: { ZB2: 0.9 } },
      { name: "未达标", rates: { ZB2: 0.8999 } },
    ]);
    expect(unit(r, "达标").subtotals.JS).toBe(6000);
    expect(unit(r, "未达标").subtotals.JS).toBe(5000);
    expect(unit(r, "未达标").vetoed).toBe(false);
  });

  it("compares rates after rounding to 0.01 percentage point (0.9499999999 counts as 95%)", () => {
    const r = run([{ name: "甲", rates: { ZB1: 0.9499999999, MB1: 0.95 } }, { name: "乙", rates: { ZB1: 0.94994, MB1: 0.95 } }]);
    expect(unit(r, "甲").vetoed).toBe(false);
    expect(unit(r, "乙").vetoed).toBe(true);
  });

  it("supports linear and ratio items with exact rounding", () => {
    const rubric = mini((t) =>
      t.replace("        kind: threshold\n        indicator: ZB2\n        target: 90%", "        kind: linear\n        indicator: ZB2\n        target: 90%\n        floor: 60%"),
    );
    const r = run([{ name: "线", rates: { ZB2: 0.75 } }, { name: "低", rates: { ZB2: 0.5 } }], [], rubric);
    const js2 = rubric.lines[1]?.items[1]?.code ?? "";
    expect(pointsOf(rubric, unit(r, "线"), js2)).toBe(500); // 10 × (75−60)/(90−60) = 5
    expect(pointsOf(rubric, unit(r, "低"), js2)).toBe(0);
    const ratio = mini((t) => t.replace("        kind: threshold", "        kind: ratio"));
    const r2 = run([{ name: "比", rates: { ZB2: 0.6 } }], [], ratio);
    expect(pointsOf(ratio, unit(r2, "比"), js2)).toBe(667); // 10 × 60/90 = 6.67
  });
});

describe("veto (§4)", () => {
  it("a failed gate vetoes the unit: points shown, no rank, listed last, no award but the veto", () => {
    const r = run([
      { name: "否决镇", rates: { ZB1: 0.93, MB1: 0.95 } },
      { name: "乙", scores: { JS1: 40 } },
      { name: "丙", scores: { JS1: 30 } },
    ], [{ unit: "否决镇", code: "DX1", level: "国家级" }]);
    const v = unit(r, "否决镇");
    expect(v.vetoed).toBe(true);
    expect(v.total).toBe(8000); // 0 for DZ1, everything else full
    expect(v.ranks).toEqual({ overall: null, DZ: null, JS: null });
    expect(kinds(v)).toEqual(["veto:DZ1"]);
    expect(v.vetoes[0]).toMatchObject({ gate: "DZ1", indicator: "ZB1", value: 9300, target: 9500 });
    expect(order(r)).toEqual([["乙", 1], ["丙", 2], ["否决镇", null]]);
  });
});

describe("ledger (§5)", () => {
  const base: UnitSpec[] = [{ name: "甲" }, { name: "乙" }];
  it("counts an item's deduction before its line's, so that the line's is held to what the item left, in either order", () => {
    // 甲's 党政线 at 5 (DZ2.1 5, all else 0); −3 on DZ2.1, −10 on the line, −5 on 计生线, all
    // deductions capped at 8: DZ2.1 takes 3, the line the 2 left of it, 计生线 the 3 left of the cap.
    const R = mini((t) =>
      t.replace("  codes:\n", "  caps:\n    - { kind: deduction, max: 8 }\n  codes:\n    - { code: KF7, kind: deduction, name: 扣到计生线, points: 5, charge: JS }\n    - { code: KF8, kind: deduction, name: 扣到项目, points: 3, charge: DZ2.1 }\n    - { code: KF9, kind: deduction, name: 扣到线, points: 10, charge: DZ }\n"),
    );
    const units: UnitSpec[] = [{ name: "甲", rates: { ZB1: 0.5 }, scores: { "DZ2.1": 5, "DZ2.2": 0 } }];
    const rows: EntrySpec[] = [
      { unit: "甲", code: "KF9" },
      { unit: "甲", code: "KF8" },
      { unit: "甲", code: "KF7" },
    ];
    // The lines weigh alike here: which of them the cap's rest goes to follows the rows' order, the
    // total not; no row counts more than it moved (it counted 5 of the line's −10, which moved 2).
    const totals = [rows, [...rows].reverse()].map((order) => {
      const u = unit(score(R, submission(R, units, order)), "甲");
      expect(u.ledger.find((l) => l.entry.code === "KF8")?.points).toBe(300);
      const counted = u.ledger.reduce((n, l) => n + l.points, 0);
      const moved = Object.values(u.charges).reduce((n, c) => n - c, 0);
      expect([counted, moved]).toEqual([800, 800]);
      return u.total;
    });
    expect(totals[0]).toBe(totals[1]);
  });

  it("fills a cap with rows on the total first, then by what the rows are, never by where they stand", () => {
    // Unweighted lines weigh as the total does: the total's +3 first (加分 3), the lines' none; of
    // the two lines' rows alike in weight, the lower code (JF6, on 计生线) first.
    const R = mini((t) =>
      t.replace("  codes:\n", "  caps:\n    - { kind: bonus, max: 3 }\n  codes:\n    - { code: JF6, kind: bonus, name: 加到计生线, points: 3, charge: JS }\n    - { code: JF7, kind: bonus, name: 加到总分, points: 3 }\n    - { code: JF8, kind: bonus, name: 加到党政线, points: 3, charge: DZ }\n"),
    );
    const units: UnitSpec[] = [{ name: "甲", scores: { "DZ2.1": 10 } }];
    const rows: EntrySpec[] = [
      { unit: "甲", code: "JF8" },
      { unit: "甲", code: "JF6" },
      { unit: "甲", code: "JF7" },
    ];
    for (const order of [rows, [...rows].reverse(), [rows[1]!, rows[0]!, rows[2]!]]) {
      const u = unit(score(R, submission(R, units, order)), "甲");
      expect([u.bonus, u.charges]).toEqual([300, { JS: 0, DZ: 0 }]);
    }
    const lines = [rows[0]!, rows[1]!];
    for (const order of [lines, [...lines].reverse()]) {
      const u = unit(score(R, submission(R, units, order)), "甲");
      expect([u.bonus, u.charges, u.subtotals.DZ]).toEqual([0, { JS: 300, DZ: 0 }, 3750]);
    }
  });

  it("holds a line's bonuses and deductions each against what it scored, whatever the rows' order", () => {
    // 甲's 党政线 at 2 (its gate failed, DZ2.1 2, DZ2.2 0); −3 charged to it takes the 2 it had,
    // +2.5 adds 2.5: 2.5 (a deduction never takes what a bonus added, nor a bonus fills what a
    // deduction took).
    const R = mini((t) => t.replace("  codes:\n", "  codes:\n    - { code: JF9, kind: bonus, name: 加到线, points: 2.5, charge: DZ }\n    - { code: KF9, kind: deduction, name: 扣到线, points: 3, charge: DZ }\n"));
    const units: UnitSpec[] = [{ name: "甲", rates: { ZB1: 0.5 }, scores: { "DZ2.1": 2, "DZ2.2": 0 } }];
    const rows: EntrySpec[] = [
      { unit: "甲", code: "KF9" },
      { unit: "甲", code: "JF9" },
    ];
    for (const order of [rows, [...rows].reverse()]) {
      const u = unit(score(R, submission(R, units, order)), "甲");
      expect([u.subtotals.DZ, u.charges.DZ]).toEqual([250, 50]);
      expect(u.ledger.map((l) => `${l.entry.code} ${l.points}`).sort()).toEqual(["JF9 250", "KF9 200"]);
    }
  });

  it("counts only approved rows; pending and rejected are listed, not counted", () => {
    const r = run(base, [
      { unit: "甲", code: "KF1", status: "已认定" },
      { unit: "甲", code: "KF1", status: "申报中" },
      { unit: "甲", code: "KF1", status: "不予认定" },
    ]);
    const u = unit(r, "甲");
    expect(u.deduction).toBe(2000);
    expect(u.ledger.map((l) => [l.counted, l.reason.code])).toEqual([
      [true, "why.ledger-counted-deduction"],
      [false, "why.ledger-pending-deduction"],
      [false, "why.ledger-rejected"],
    ]);
    // A pending row says what it would take off once approved (at most that, where a cap may hold it).
    expect(message("zh-CN", u.ledger[1]!.reason.code, u.ledger[1]!.reason.data)).toBe("状态为“申报中”,尚未认定,不计分;认定后按 20 × 1 扣 20");
  });

  it("JF2 by level per count, KF3 as entered per count, KF5 doubled when flagged", () => {
    const r = run(base, [
      { unit: "甲", code: "JF2", level: "市级" },
      { unit: "甲", code: "JF2", level: "省级", count: 2 },
      { unit: "甲", code: "JF2", level: "国家级" },
      { unit: "乙", code: "KF3", points: 12.5, count: 2 },
      { unit: "乙", code: "KF5", count: 1, flagged: true },
      { unit: "乙", code: "KF5", count: 2, flagged: false },
    ]);
    expect(unit(r, "甲").bonus).toBe(500 + 1400 + 1000);
    expect(unit(r, "乙").deduction).toBe(2500 + 1000 + 1000);
    expect(unit(r, "乙").total).toBe(10000 - 4500);
  });

  it("JF1 counts at most once a year, whatever the rows or counts", () => {
    const r = run(base, [
      { unit: "甲", code: "JF1", count: 3 },
      { unit: "甲", code: "JF1" },
      { unit: "乙", code: "JF1" },
    ]);
    expect(unit(r, "甲").bonus).toBe(2000);
    expect(unit(r, "甲").ledger.map((l) => l.reason.code)).toEqual(["why.ledger-once-count-bonus", "why.ledger-once"]);
    expect(unit(r, "乙").bonus).toBe(2000);
    // Pending beside one counted: approved, it would count in place of it, for nothing more.
    const p = run(base, [{ unit: "甲", code: "JF1" }, { unit: "甲", code: "JF1", status: "申报中" }]);
    expect(message("zh-CN", unit(p, "甲").ledger[1]!.reason.code, unit(p, "甲").ledger[1]!.reason.data)).toBe("状态为“申报中”,尚未认定,不计分;JF1 每年至多计一次,认定后按 20 × 1 = 加 20,替代已计的一行,只多计加 0");
  });

  it("applies an optional cap per code", () => {
    const capped = mini((t) => t.replace("      name: 问题\n      points: 20", "      name: 问题\n      points: 20\n      cap: 30"));
    const r = run(base, [{ unit: "甲", code: "KF1" }, { unit: "甲", code: "KF1" }, { unit: "甲", code: "KF1" }], capped);
    expect(unit(r, "甲").deduction).toBe(3000);
    expect(unit(r, "甲").ledger.map((l) => l.points)).toEqual([2000, 1000, 0]);
    // A pending row says what it would bring approved, the counted rows as they are: here nothing
    // (the cap of 30 is full), said with what it asked.
    const pending = run(base, [{ unit: "甲", code: "KF1" }, { unit: "甲", code: "KF1" }, { unit: "甲", code: "KF1", status: "申报中" }], capped);
    expect(unit(pending, "甲").ledger.map((l) => message("zh-CN", l.reason.code, l.reason.data))[2]).toBe("状态为“申报中”,尚未认定,不计分;认定后按 20 × 1 = 扣 20,但受上限或得分不低于 0 所限,所计扣分只增加 0");
    // What a held row asked is said, and doubled where it was (the 8 taken off is 5 × 2 held at 8).
    const held = mini((t) => t.replace("      points: 5\n      double_when_flagged: true", "      points: 5\n      double_when_flagged: true\n      cap: 8"));
    const k = run(base, [{ unit: "甲", code: "KF5", count: 1, flagged: true }], held);
    expect(unit(k, "甲").ledger.map((l) => message("zh-CN", l.reason.code, l.reason.data))).toEqual(["未如实上报,加倍:5 × 2 × 1 = 扣 10,受 KF5 年度上限 8 所限,本行只计扣 8"]);
    expect(unit(k, "甲").ledger.map((l) => message("en", l.reason.code, l.reason.data))).toEqual(["not reported truthfully, doubled: 5 × 2 × 1 = −10, held by KF5's yearly cap 8: this row removes 8"]);
    // Pending and flagged: doubled, and held by the cap it would meet.
    const p = run(base, [{ unit: "甲", code: "KF5", count: 1, flagged: true, status: "申报中" }], held);
    expect(unit(p, "甲").ledger.map((l) => message("zh-CN", l.reason.code, l.reason.data))).toEqual(["状态为“申报中”,尚未认定,不计分;未如实上报,加倍:认定后按 5 × 2 × 1 = 扣 10,但受上限或得分不低于 0 所限,所计扣分只增加 8"]);
  });

  it("says what a pending row under a shared cap adds to the bonuses counted, not to itself (the cap is filled in code order)", () => {
    const capped = mini((t) => t.replace("  codes:\n", "  caps:\n    - { codes: [JF7, JF8], max: 3 }\n  codes:\n    - { code: JF7, kind: bonus, name: 经验推广, points: 2 }\n    - { code: JF8, kind: bonus, name: 项目资金, points: 2 }\n"));
    const pending = run(base, [{ unit: "甲", code: "JF7", status: "申报中" }, { unit: "甲", code: "JF8" }], capped);
    const said = (r: Results, lang: "zh-CN" | "en") => unit(r, "甲").ledger.map((l) => message(lang, l.reason.code, l.reason.data));
    expect(said(pending, "zh-CN")[0]).toBe("状态为“申报中”,尚未认定,不计分;认定后按 2 × 1 = 加 2,但受上限或满分所限,所计加分只增加 1");
    expect(said(pending, "en")[0]).toBe('status "申报中": not yet recognized, not counted; once recognized: 2 × 1 = +2, but a cap or a max lets the bonuses counted grow by 1 only');
    // Recognized, JF7 counts its whole 2 and JF8 is the row held: the bonus grows by 1, as said.
    const both = run(base, [{ unit: "甲", code: "JF7" }, { unit: "甲", code: "JF8" }], capped);
    expect(unit(both, "甲").ledger.map((l) => [l.entry.code, l.points])).toEqual([["JF7", 200], ["JF8", 100]]);
    expect(unit(both, "甲").bonus - unit(pending, "甲").bonus).toBe(100);
  });

  it("adds exactly: 10.1 + 10.2 is 20.3", () => {
    const r = run(base, [{ unit: "甲", code: "KF3", points: 10.1 }, { unit: "甲", code: "KF3", points: 10.2 }]);
    expect(unit(r, "甲").deduction).toBe(2030);
  });

  it("changes the total only, never a line's subtotal; the total is floored at 0", () => {
    const r = run([{ name: "甲", scores: { JS1: 0, "DZ2.1": 0, "DZ2.2": 0 } }, { name: "乙" }], [
      { unit: "甲", code: "KF1", count: 3 },
      { unit: "乙", code: "JF1" },
    ]);
    const u = unit(r, "甲");
    expect(u.subtotals).toEqual({ DZ: 2000, JS: 1000 });
    expect(u.total).toBe(0);
    expect(u.floored).toBe(true);
    // Explained as taken to 0, not as rounded to it (≈ 0 read as a rounding).
    const text = renderExplain({ lang: "zh-CN", t: (k, d) => message("zh-CN", k, d) }, PLAIN, R, submission(R, [{ name: "甲", scores: { JS1: 0, "DZ2.1": 0, "DZ2.2": 0 } }, { name: "乙" }], [{ unit: "甲", code: "KF1", count: 3 }, { unit: "乙", code: "JF1" }]), r, r.units.indexOf(u));
    expect(text).toMatch(/ → 0 \(总分低于 0,按 0 计\)\n/);
    // And in the JSON (its lines less its deduction are not its total then), on that unit alone.
    const json = JSON.parse(resultsJson(r)) as { units: { name: string; total: number; floored?: boolean }[] };
    expect(json.units.map((x) => [x.name, x.total, x.floored])).toEqual([["甲", 0, true], ["乙", 120, undefined]]);
    expect(unit(r, "乙").total).toBe(12000); // 1000-point scale can be exceeded by bonus
    expect(unit(r, "乙").subtotals).toEqual({ DZ: 4000, JS: 6000 });
  });
});

describe("rankings (§7)", () => {
  it("is a competition ranking: 1, 2, 2, 4", () => {
    const r = run([
      { name: "甲", scores: { JS1: 50 } },
      { name: "乙", scores: { JS1: 40 } },
      { name: "丙", scores: { JS1: 40 } },
      { name: "丁", scores: { JS1: 30 } },
    ]);
    expect(r.rankings[0]?.entries.map((e) => e.rank)).toEqual([1, 2, 2, 4]);
  });

  it("ranks each line separately and departments on their own", () => {
    const r = run([
      { name: "甲", scores: { JS1: 40, "DZ2.1": 12.5 } },
      { name: "乙", scores: { JS1: 50, "DZ2.1": 1.5 } },
      { name: "部门甲", kind: "department", scores: { BM1: 8 } },
      { name: "部门乙", kind: "department", scores: { BM1: 9 } },
    ]);
    expect(unit(r, "甲").ranks).toEqual({ overall: 1, DZ: 1, JS: 2 });
    expect(unit(r, "乙").ranks).toEqual({ overall: 2, DZ: 2, JS: 1 });
    expect(unit(r, "部门乙").ranks).toEqual({ BM: 1 });
    expect(unit(r, "部门甲").awards).toEqual([]);
  });

  it("applies declared tie-breakers in order", () => {
    const tb = mini((t) => t.replace("    by: total\n", "    by: total\n    tie_breakers: [JS]\n"));
    const r = run([
      { name: "甲", scores: { JS1: 45, "DZ2.1": 12.5 } },
      { name: "乙", scores: { JS1: 50, "DZ2.1": 7.5 } },
      { name: "丙", scores: { JS1: 50, "DZ2.1": 7.5 } },
    ], [], tb);
    expect(order(r)).toEqual([["丙", 1], ["乙", 1], ["甲", 3]]);
    // explain says why equal totals are ranked apart, and that the tied ones share their place.
    const t = (k: string, d?: Record<string, string | number>) => message("zh-CN", k, d);
    const sub = submission(tb, [{ name: "甲", scores: { JS1: 45, "DZ2.1": 12.5 } }, { name: "乙", scores: { JS1: 50, "DZ2.1": 7.5 } }, { name: "丙", scores: { JS1: 50, "DZ2.1": 7.5 } }], []);
    const said = (i: number): string[] => renderExplain({ lang: "zh-CN", t }, PLAIN, tb, sub, r, i).split("\n").filter((l) => l.startsWith("综合排名:"));
    const total = formatPoints(unit(r, "甲").total);
    expect(said(0)).toEqual([`综合排名:与 丙 同分 ${total},比较 JS 计生线(55 对 60)排在其后`, `综合排名:与 乙 同分 ${total},比较 JS 计生线(55 对 60)排在其后`]);
    expect(said(1)).toEqual([`综合排名:与 丙 同分 ${total},同分比较项 JS 计生线 也相同,并列第 1 名`, `综合排名:与 甲 同分 ${total},比较 JS 计生线(60 对 55)排在其前`]);
  });
});

describe("explain's ledger heading", () => {
  it("names single-item recognitions only where the rubric has any", () => {
    const t = (k: string, d?: Record<string, string | number>) => message("zh-CN", k, d);
    const heading = (rubric: typeof R): string | undefined => {
      const units = [{ name: "甲" }];
      const entries = [{ unit: "甲", code: "JF1", status: "已认定" }];
      const text = renderExplain({ lang: "zh-CN", t }, PLAIN, rubric, submission(rubric, units, entries), run(units, entries, rubric), 0);
      return text.split("\n").find((l) => l.startsWith("加分"));
    };
    expect(heading(R)).toBe("加分、扣分与单项认定:");
    const none = mini((x) => x.replace("    - code: DX1\n      kind: single\n      name: 信息化\n      levels: [市级, 省级, 国家级]\n", "").replace(/ {2}single:\n {4}- code: DX1\n( {6}.*\n)+/, ""));
    expect(none.ledger.some((c) => c.kind === "single")).toBe(false);
    expect(heading(none)).toBe("加分与扣分:");
  });
});

describe("awards (§8)", () => {
  it("gives rank tiers, a tie inside a tier's ranks getting that tier", () => {
    const r = run([
      { name: "一", scores: { JS1: 50 } },
      { name: "二", scores: { JS1: 45 } },
      { name: "三a", scores: { JS1: 40 } },
      { name: "三b", scores: { JS1: 40 } },
      { name: "五", scores: { JS1: 30 } },
    ]);
    expect(["一", "二", "三a", "三b", "五"].map((n) => kinds(unit(r, n)).filter((k) => k.startsWith("rank")))).toEqual([
      ["rank:一等奖"], ["rank:二等奖"], ["rank:二等奖"], ["rank:二等奖"], [],
    ]);
    expect(kinds(unit(r, "五"))).toEqual(["warning:last"]);
  });

  it("single-item awards: every approved non-vetoed town without a count", () => {
    const r = run([{ name: "甲" }, { name: "乙" }, { name: "丙", rates: { ZB1: 0.5 } }, { name: "丁" }], [
      { unit: "甲", code: "DX1", level: "市级" },
      { unit: "乙", code: "DX1", level: "省级" },
      { unit: "丙", code: "DX1", level: "国家级" },
      { unit: "丁", code: "DX1", level: "国家级", status: "申报中" },
    ]);
    expect(r.units.map((u) => kinds(u).filter((k) => k.startsWith("single")))).toEqual([["single:DX1:市级"], ["single:DX1:省级"], [], []]);
    const single = unit(r, "甲").awards.find((a) => a.kind === "single");
    expect(single).toMatchObject({ amount: 3000, basis: { sheet: "L", cell: "B2" } });
  });

  it("a single-item award without an amount: an honour, said without money", () => {
    const honour = mini((t) => t.replace("      amount: 3000\n", ""));
    const r = run([{ name: "甲" }], [{ unit: "甲", code: "DX1", level: "市级" }], honour);
    const single = unit(r, "甲").awards.find((a) => a.kind === "single");
    expect(single).toBeDefined();
    expect(single && "amount" in single).toBe(false);
    expect(single && awardText(single, "zh-CN")).toBe("单项奖:信息化单项奖(市级)");
    expect(single && awardAmount(single)).toBeNull();
  });

  it("a rank prize said in another ranking's table names its ranking, unless its tier already does", () => {
    const prize = (tier: string, rankingName: string) => ({ kind: "rank", ranking: "other", rankingName, tier }) as const;
    expect(awardText(prize("一等奖", "乡镇组排名"), "zh-CN", "towns")).toBe("名次奖:乡镇组排名一等奖");
    expect(awardText(prize("经济发展先进", "经济发展排名"), "zh-CN", "towns")).toBe("名次奖:经济发展先进");
    expect(awardText(prize("经济发展先进", "经济发展单项排名"), "en", "towns")).toBe("rank prize: 经济发展先进");
    // In its own ranking's table, the tier alone, as ever.
    expect(awardText(prize("一等奖", "乡镇组排名"), "zh-CN", "other")).toBe("名次奖:一等奖");
  });

  it("a rank prize whose tier is a name of its own is not run into its ranking's name", () => {
    const prize = (tier: string, amount?: number) => ({ kind: "rank", ranking: "other", rankingName: "县直部门综合绩效考核排名", tier, ...(amount ? { amount } : {}) }) as const;
    expect(awardText(prize("综合绩效考核先进单位"), "zh-CN", "towns")).toBe("名次奖:综合绩效考核先进单位(县直部门综合绩效考核排名)");
    expect(awardText(prize("综合绩效考核先进单位", 20000), "zh-CN", "towns")).toBe("名次奖:综合绩效考核先进单位(县直部门综合绩效考核排名),20,000元");
    expect(awardText(prize("综合绩效考核先进单位"), "en", "towns")).toBe("rank prize: 综合绩效考核先进单位 in 县直部门综合绩效考核排名");
    // Moved up past a vetoed unit: said in the one bracket, not a second after it.
    expect(awardText({ ...prize("综合绩效考核先进单位", 20000), place: 3 }, "zh-CN", "towns")).toBe("名次奖:综合绩效考核先进单位(县直部门综合绩效考核排名,递补为第 3 名),20,000元");
    // A short tier still reads as one word with its ranking.
    expect(awardText(prize("先进单位"), "zh-CN", "towns")).toBe("名次奖:县直部门综合绩效考核排名先进单位");
  });

  it("single-item awards with a count: the higher level, then the linked item's score", () => {
    const one = mini((t) => t.replace("      amount: 3000\n", "      amount: 3000\n      count: 1\n"));
    const r = run([{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 50 } }], [
      { unit: "甲", code: "DX1", level: "国家级" },
      { unit: "乙", code: "DX1", level: "市级" },
      { unit: "丙", code: "DX1", level: "市级" },
    ], one);
    expect(r.units.map((u) => kinds(u).filter((k) => k.startsWith("single")))).toEqual([["single:DX1:国家级"], [], []]);
    const two = mini((t) => t.replace("      amount: 3000\n", "      amount: 3000\n      count: 2\n"));
    const r2 = run([{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 50 } }], [
      { unit: "甲", code: "DX1", level: "国家级" },
      { unit: "乙", code: "DX1", level: "市级" },
      { unit: "丙", code: "DX1", level: "市级" },
    ], two);
    expect(r2.units.map((u) => kinds(u).some((k) => k.startsWith("single")))).toEqual([true, false, true]);
    // explain says why 乙 did not win it, and who did.
    const sub = submission(two, [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 50 } }], [
      { unit: "甲", code: "DX1", level: "国家级" },
      { unit: "乙", code: "DX1", level: "市级" },
      { unit: "丙", code: "DX1", level: "市级" },
    ]);
    const t = (k: string, d?: Record<string, string | number>) => message("zh-CN", k, d);
    expect(renderExplain({ lang: "zh-CN", t }, PLAIN, two, sub, r2, 1)).toContain("\n  未获信息化单项奖(综合排名):限 2 个,按认定级别、同级按 JS1 宣传 得分在先者获得,获奖的是 甲、丙\n");
    expect(renderExplain({ lang: "zh-CN", t }, PLAIN, two, sub, r2, 2)).not.toContain("未获");
    // A winner whose award a pending claim may still take (丁's 国家级, 申报中, would put 丙 out) is said to be pending.
    const units = [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 50 } }, { name: "丁", scores: { JS1: 30 } }];
    const rows = [
      { unit: "甲", code: "DX1", level: "国家级" },
      { unit: "乙", code: "DX1", level: "市级" },
      { unit: "丙", code: "DX1", level: "市级" },
      { unit: "丁", code: "DX1", level: "国家级", status: "申报中" },
    ];
    const r3 = run(units, rows, two);
    const lost = renderExplain({ lang: "zh-CN", t }, PLAIN, two, submission(two, units, rows), r3, 1);
    expect(lost).toContain("获奖的是 甲、丙(待定)\n");
    const en = (k: string, d?: Record<string, string | number>) => message("en", k, d);
    expect(renderExplain({ lang: "en", t: en }, PLAIN, two, submission(two, units, rows), r3, 1)).toContain("won by 甲, 丙 (pending)\n");
  });

  it("single-item awards with a count: a tie at the last place wins it for all tied, and each of them says so", () => {
    // 乙 and 丙 both 市级 with 45 on JS1 (the linked item), 甲 on 40 behind them, at the level given.
    const limited = (count: number) => mini((t) => t.replace("      amount: 3000\n", `      amount: 3000\n      count: ${count}\n`));
    const units = [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 45 } }];
    const rows = (first: string): EntrySpec[] => [
      { unit: "甲", code: "DX1", level: first },
      { unit: "乙", code: "DX1", level: "市级" },
      { unit: "丙", code: "DX1", level: "市级" },
    ];
    // Limited to 1: both tied win it.
    const one = limited(1);
    const r = run(units, rows("市级"), one);
    const single = (name: string) => unit(r, name).awards.find((a) => a.kind === "single");
    expect(single("甲")).toBeUndefined();
    for (const name of ["乙", "丙"]) {
      const a = single(name);
      expect(a).toMatchObject({ code: "DX1", level: "市级", over: { count: 1, given: 2 } });
      if (!a) continue;
      expect(awardText(a, "zh-CN")).toBe("单项奖:信息化单项奖(市级),3,000元(并列于名额线上,均获奖:限 1 个,共 2 个)");
      expect(awardText(a, "en")).toBe("single-item award: 信息化单项奖 (市级), 3,000 yuan (tied at the award's last place, so all tied units win it: 2 winners against a limit of 1)");
      // The award lists (奖惩名单, the report) say it too, and the JSON gives it.
      expect(awardContent(a, "zh-CN")).toBe("信息化单项奖(市级)(并列于名额线上,均获奖:限 1 个,共 2 个)");
    }
    const json = JSON.parse(resultsJson(r)) as { units: { name: string; awards: { kind: string; over?: unknown }[] }[] };
    expect(json.units.map((u) => u.awards.find((a) => a.kind === "single")?.over)).toEqual([undefined, { count: 1, given: 2 }, { count: 1, given: 2 }]);
    // And explain, among 乙's awards.
    const t = (k: string, d?: Record<string, string | number>) => message("zh-CN", k, d);
    expect(renderExplain({ lang: "zh-CN", t }, PLAIN, one, submission(one, units, rows("市级")), r, 1)).toContain("\n  单项奖:信息化单项奖(市级),3,000元(并列于名额线上,均获奖:限 1 个,共 2 个)\n");
    // Within its limit (count: 2, the same three): no tie past it, nothing more said.
    const two = limited(2);
    const r2 = run(units, rows("市级"), two);
    expect(r2.units.flatMap((u) => u.awards.filter((a) => a.kind === "single").map((a) => [u.name, "over" in a]))).toEqual([["乙", false], ["丙", false]]);
    // A 国家级 winner ahead of the tie (count: 2, 甲 国家级): the tie is for the one place left; 甲 is not of it.
    const r3 = run(units, rows("国家级"), two);
    expect(r3.units.map((u) => u.awards.find((a) => a.kind === "single"))).toEqual([
      expect.not.objectContaining({ over: expect.anything() }),
      expect.objectContaining({ over: { count: 2, given: 3 } }),
      expect.objectContaining({ over: { count: 2, given: 3 } }),
    ]);
  });

  it("yellow card: the last-ranked town(s) and any ranked town below the threshold; never a vetoed one", () => {
    const r = run([
      { name: "甲" },
      { name: "乙", scores: { JS1: 49 } },
      { name: "丙", scores: { JS1: 48 } },
      { name: "末a", scores: { JS1: 0, "DZ2.1": 0, "DZ2.2": 0 } },
      { name: "末b", scores: { JS1: 0, "DZ2.1": 0, "DZ2.2": 0 } },
      { name: "低", scores: { JS1: 15, "DZ2.1": 0, "DZ2.2": 0 } },
      { name: "否", scores: { JS1: 0 }, rates: { ZB1: 0.1 } },
    ]);
    expect(kinds(unit(r, "末a"))).toEqual(["warning:last+below"]);
    expect(kinds(unit(r, "末b"))).toEqual(["warning:last+below"]);
    expect(kinds(unit(r, "低"))).toEqual(["warning:below"]);
    expect(kinds(unit(r, "否"))).toEqual(["veto:DZ1"]);
    expect(kinds(unit(r, "甲"))).toEqual(["rank:一等奖"]);
  });

  it("no last-place card when every ranked town shares first place", () => {
    const r = run([{ name: "甲" }, { name: "乙" }]);
    expect(r.units.map(kinds)).toEqual([["rank:一等奖"], ["rank:一等奖"]]);
  });
});

// Rank certainty while claims are pending, and the gap to the next prize — worked by hand on the
// mini rubric (towns on 100; 一等奖 1st, 二等奖 2nd–3rd; JF2 国家级 +10, KF1 −20).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gapToNextTier, lastPlaceUnsettled, placeRanges, type Contender } from "../../src/engine/standing.js";
import { score } from "../../src/engine/index.js";
import { resultsJson } from "../../src/report/json.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { mini, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";
import { unitNamed } from "../helpers/results.js";
import type { Award } from "../../src/model/results.js";
import { mayWin, pendingMark, unheld } from "../../src/report/labels.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { message } from "../../src/messages/index.js";

const R = mini();
const UNITS: UnitSpec[] = [
  { name: "甲" }, // 100
  { name: "乙", scores: { JS1: 45 } }, // 95, a pending 国家级 claim: up to 105
  { name: "丙", scores: { JS1: 42 } }, // 92, a pending deduction: down to 72
  { name: "丁", scores: { JS1: 40 } }, // 90
  { name: "戊", scores: { JS1: 10 } }, // 60
];
const PENDING: EntrySpec[] = [
  { unit: "乙", code: "JF2", level: "国家级", status: "申报中" },
  { unit: "丙", code: "KF1", status: "申报中" },
];

describe("rank certainty while claims are pending", () => {
  const sub = submission(R, UNITS, PENDING);
  const r = score(R, sub);
  const c = (name: string) => unitNamed(r, name).certainty;

  it("gives each unit its lowest and highest total, and its best and worst rank against the others' opposite", () => {
    expect(c("乙")?.total).toEqual([9500, 10500]);
    expect(c("丙")?.total).toEqual([7200, 9200]);
    // 甲 is passed only if 乙's claim counts; 丙 falls behind 丁 only if its deduction does.
    expect(["甲", "乙", "丙", "丁"].map((n) => c(n)?.ranks.overall)).toEqual([[1, 2], [1, 2], [3, 4], [3, 4]]);
    // 戊 cannot move at all: no certainty of its own (its result is its standing).
    expect(c("戊")).toBeUndefined();
    expect(r.pendingRows).toBe(2);
  });

  it("says whose prizes are settled, and which pending rows could move each unit", () => {
    expect(["甲", "乙", "丙", "丁"].map((n) => c(n)?.settled)).toEqual([false, false, false, false]);
    const cells = (n: string) => c(n)?.pending.map((x) => x.cell);
    // The made-up ledger cells are B2 (乙's claim) and B3 (丙's).
    expect([cells("甲"), cells("乙"), cells("丙"), cells("丁")]).toEqual([["B2"], ["B2"], ["B3"], ["B3"]]);
  });

  it("lists a unit's own pending row where it moves the unit's total alone (its rank and awards settled)", () => {
    // 戊 at 60 with a pending 国家级 claim: up to 70, still last, its awards the same either way.
    const alone = score(R, submission(R, UNITS, [{ unit: "戊", code: "JF2", level: "国家级", status: "申报中" }]));
    const w = unitNamed(alone, "戊").certainty;
    expect(w?.total).toEqual([6000, 7000]);
    expect(w?.ranks).toEqual({});
    expect(w?.settled).toBe(true);
    expect(w?.pending.map((x) => x.cell)).toEqual(["B2"]);
  });

  it("adds a rank-range column to a ranking sheet only where ranks can move", () => {
    const tables = resultTables(R, sub, r, "zh-CN", "t");
    expect(tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === "overall")?.columns.map((x) => x.header).slice(0, 3)).toEqual(["名次", "名次区间", "单位"]);
    expect(tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === "DZ")?.columns.map((x) => x.header).slice(0, 2)).toEqual(["名次", "单位"]);
    // A range in words; a rank that cannot move (戊, 5th) the number itself, not a number as text.
    const overall: unknown[][] = [];
    // Each row is read as it comes (the rows are made one at a time, into one array).
    for (const row of tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === "overall")?.rows ?? []) overall.push(row.cells.slice(0, 3));
    expect(overall).toEqual([
      [1, "1–2", "甲"],
      [2, "1–2", "乙"],
      [3, "3–4", "丙"],
      [4, "3–4", "丁"],
      [5, 5, "戊"],
    ]);
    const settled = score(R, submission(R, UNITS, []));
    expect(settled.units.every((u) => u.certainty === undefined)).toBe(true);
  });

  it("marks the awards that pending claims could still change (待定), in the ranking sheet and the award list", () => {
    const tables = resultTables(R, sub, r, "zh-CN", "t");
    /** A table's rows as unit name and one cell, read as they come (the rows share one array). */
    const cellsOf = (table: (typeof tables)[number] | undefined, nameCol: number, col: number): [string, string][] => {
      const out: [string, string][] = [];
      for (const row of table?.rows ?? []) out.push([String(row.cells[nameCol]), String(row.cells[col] ?? "")]);
      return out;
    };
    const overall = tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === "overall");
    const ranking = new Map(cellsOf(overall, 2, (overall?.columns.length ?? 0) - 1));
    // 甲 may end 1st or 2nd (一等奖 or 二等奖): pending; 戊, last whatever is decided, is not.
    expect(ranking.get("甲")).toMatch(/^\(待定\)名次奖:/);
    expect(ranking.get("戊")).not.toContain("待定");
    const list = cellsOf(tables.find((t) => t.sheet.kind === "awards"), 1, 2).filter(([name]) => name === "甲");
    expect(list.length).toBeGreaterThan(0);
    for (const [, content] of list) expect(content).toMatch(/^\(待定\)/);
  });

  it("says which way a pending prize may go: the tier at the unit's best or worst place, or none (a prize that may be gained read as one that may be lost)", () => {
    const tables = resultTables(R, sub, r, "zh-CN", "t");
    const overall = tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === "overall");
    const awards = new Map<string, string>();
    for (const row of overall?.rows ?? []) awards.set(String(row.cells[2]), String(row.cells[(overall?.columns.length ?? 0) - 1] ?? ""));
    // 甲 1st or 2nd, 乙 2nd or 1st (一等奖 1st, 二等奖 2nd–3rd, no money in this rubric); 丙 3rd or 4th: its 二等奖 or none.
    expect(awards.get("甲")).toBe("(待定)名次奖:一等奖(视待定加扣分的认定,也可能为二等奖)");
    expect(awards.get("乙")).toBe("(待定)名次奖:二等奖(视待定加扣分的认定,也可能为一等奖)");
    expect(awards.get("丙")).toBe("(待定)名次奖:二等奖(视待定加扣分的认定,也可能不获名次奖)");
    // 丁, 4th, holds none: what it may win, as before.
    expect(awards.get("丁")).toContain("(待定)可能获综合排名二等奖");
    // The JSON says the same (a script could not tell which way).
    const json = JSON.parse(resultsJson(r, { rubric: R })) as { units: { name: string; certainty?: { open: unknown[] } }[] };
    const open = (n: string): unknown[] | undefined => json.units.find((u) => u.name === n)?.certainty?.open;
    expect(open("甲")).toContainEqual({ ranking: "overall", kind: "rank", best: "一等奖", worst: "二等奖", tiers: ["一等奖", "二等奖"] });
    expect(open("丙")).toContainEqual({ ranking: "overall", kind: "rank", best: "二等奖", worst: null });
  });

  it("names every tier a unit holding none may reach, not its best alone (a tester's find: 一等奖 read as the only prize in play)", () => {
    // 丁 at 70 with a pending JF1 (+20) may end 1st (level with 甲 at 90), 2nd–3rd or 4th.
    const rows: EntrySpec[] = [{ unit: "丁", code: "JF1", status: "申报中" }];
    const s = submission(R, [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 37 } }, { name: "丙", scores: { JS1: 35 } }, { name: "丁", scores: { JS1: 20 } }], rows);
    const scored = score(R, s);
    expect(unitNamed(scored, "丁").certainty?.ranks.overall).toEqual([1, 4]);
    const overall = resultTables(R, s, scored, "zh-CN", "t").find((t) => t.sheet.kind === "ranking" && t.sheet.id === "overall");
    const row = [...(overall?.rows ?? [])].find((x) => x.cells[2] === "丁");
    expect(String(row?.cells[(overall?.columns.length ?? 0) - 1] ?? "")).toContain("(待定)可能获综合排名一等奖或二等奖");
  });
});

describe("a unit that others' claims move without moving its own rank", () => {
  it("lists the claim that may pass it where the claimant's rank stays (丙 90 → 95 stays 3rd; 丁, level with it, may fall to 4th)", () => {
    const r = score(R, submission(R, [{ name: "甲" }, { name: "乙", scores: { JS1: 48 } }, { name: "丙", scores: { JS1: 40 } }, { name: "丁", scores: { JS1: 40 } }, { name: "戊", scores: { JS1: 10 } }], [{ unit: "丙", code: "JF2", level: "市级", status: "申报中" }]));
    // 丙's rank is 3 whatever is decided: no range of its own.
    expect(unitNamed(r, "丙").ranks.overall).toBe(3);
    expect(unitNamed(r, "丙").certainty?.ranks.overall).toBeUndefined();
    expect(unitNamed(r, "丁").certainty?.ranks.overall).toEqual([3, 4]);
    // 丁 is 3rd (二等奖) or 4th (none) as 丙's claim is decided: unsettled, and that claim named.
    expect(unitNamed(r, "丁").certainty?.settled).toBe(false);
    expect(unitNamed(r, "丁").certainty?.pending.map((x) => x.cell)).toEqual(["B2"]);
  });

  it("sees a yellow card for the last place that a tie at the bottom would give (丁 65 → 70 ties 丙 at the last place)", () => {
    const r = score(R, submission(R, [{ name: "甲" }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 20 } }, { name: "丁", scores: { JS1: 15 } }], [{ unit: "丁", code: "JF2", level: "市级", status: "申报中" }]));
    // As scored 丁 alone is last; with its claim both are, and both get the card. 丙's rank is 3 either way.
    expect(unitNamed(r, "丙").awards.filter((a) => a.kind === "warning")).toEqual([]);
    expect(unitNamed(r, "丙").certainty).toMatchObject({ settled: false, pending: [{ cell: "B2" }] });
    const counted = score(R, submission(R, [{ name: "甲" }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 20 } }, { name: "丁", scores: { JS1: 15 } }], [{ unit: "丁", code: "JF2", level: "市级", status: "已认定" }]));
    expect(unitNamed(counted, "丙").awards.filter((a) => a.kind === "warning")).toHaveLength(1);
  });
});

describe("the gap to the next prize", () => {
  it("is what a unit lacks to reach the worst place of the next better tier, others unchanged", () => {
    const r = score(R, submission(R, UNITS));
    const gap = (n: string) => unitNamed(r, n).gap;
    expect(gap("甲")).toBeNull(); // the top tier
    // 乙 2nd (二等奖): 一等奖 needs 甲's 100, a tie being enough without tie-breakers: 5.
    expect(gap("乙")).toMatchObject({ tier: "一等奖", points: 500 });
    expect(gap("丙")).toMatchObject({ tier: "一等奖", points: 800 });
    // 丁 4th, no prize: 二等奖 needs the 3rd best of the others, 丙's 92: 2.
    expect(gap("丁")).toMatchObject({ tier: "二等奖", points: 200 });
    expect(gap("戊")).toMatchObject({ tier: "二等奖", points: 3200 });
  });

  it("names the tier the points would win: past two units tied first, 二等奖 (place 2 alone) is no one's, and 丙 would be first", () => {
    const T = mini((t) => t.replace("ranks: [2, 3]", "ranks: [2, 2]"));
    const r = score(T, submission(T, [{ name: "甲" }, { name: "乙" }, { name: "丙", scores: { JS1: 40 } }]));
    expect([unitNamed(r, "甲").ranks.overall, unitNamed(r, "乙").ranks.overall, unitNamed(r, "丙").ranks.overall]).toEqual([1, 1, 3]);
    // Level with them is enough (no tie-breakers): first with them, 一等奖; it was said to be 二等奖.
    expect(unitNamed(r, "丙").gap).toMatchObject({ tier: "一等奖" });
  });

  it("counts the tie-breakers: level on the total but behind on 计生线, a unit needs 0.01 more", () => {
    const T = mini((t) => t.replace("    by: total\n", "    by: total\n    tie_breakers: [JS]\n"));
    const r = score(T, submission(T, UNITS));
    // At 92, 丁's 计生线 (50) is behind 丙's (52).
    expect(unitNamed(r, "丁").gap).toMatchObject({ tier: "二等奖", points: 201, tie: { key: "JS", own: 5000, theirs: 5200 } });
    // 戊's 32 likewise (计生线 20 against 52), not where level is enough (no tie-breakers).
    expect(unitNamed(r, "戊").gap).toMatchObject({ points: 3201, tie: { key: "JS", own: 2000, theirs: 5200 } });
    expect(unitNamed(score(R, submission(R, UNITS)), "丁").gap).toEqual({ ranking: "overall", rankingName: "综合排名", tier: "二等奖", points: 200 });
    // The unit it must pass, named.
    expect(unitNamed(r, "丁").gap?.tie?.units).toEqual({ names: ["丙"], count: 1 });
  });

  it("moves a tie-breaker that holds the ranking's key with it: ranked by 宣传 and parted by the total, the points that level 宣传 raise the total too", () => {
    const T = mini((t) => t.replace("    by: total\n", "    by: JS1\n    tie_breakers: [total]\n").replace("    below: 60\n", "    below: 30\n"));
    // 丙 at 40.5 behind 乙's 42; level on 宣传 its total is 92, past 乙's 91.5 (乙's 决策甲 12): 1.5 is
    // enough. It was said to need 2 (its total kept at 90.5, behind 乙's).
    const sub = submission(T, [{ name: "甲" }, { name: "戊", scores: { JS1: 45 } }, { name: "乙", scores: { JS1: 42, "DZ2.1": 12 } }, { name: "丙", scores: { JS1: 40.5 } }, { name: "丁", scores: { JS1: 30 } }]);
    const r = score(T, sub);
    expect(unitNamed(r, "丙").gap).toMatchObject({ tier: "二等奖", points: 150, tie: { key: "total", own: 9200, theirs: 9150, ahead: true } });
    const words = { lang: "zh-CN" as const, t: (code: string, data?: Readonly<Record<string, string | number>>) => message("zh-CN", code, data ?? {}) };
    expect(renderExplain(words, PLAIN, T, sub, r, r.units.findIndex((u) => u.name === "丙"))).toContain("\n距综合排名二等奖还差 1.5 分(与 乙 同分时比较 总分(92 对 91.5)排在其前,追平即可;其他单位不变)\n");
  });

  it("moves the total by the line's weight, and a tie-breaker that does not hold the key not at all", () => {
    const tiers = [{ name: "一等奖", from: 1, to: 1 }];
    const x: Contender = { u: 1, keys: [8000, 9000, 500], lo: [8000, 9000, 500], hi: [8000, 9000, 500], prize: true, eligible: true };
    // The rival at 82 on the line, 91 on the total, 5 on another item.
    const order = [[8200, 9100, 500], x.keys];
    // Level on the line (2 more), the total 0.8 more at a weight of 40%: 90.8, behind 91; 0.01 more.
    expect(gapToNextTier(tiers, order, x, 1, undefined, [1, 0.4, 0])).toMatchObject({ points: 201, tie: { key: 1, own: 9080, theirs: 9100 } });
    // At 100% the total moves by as much: level at 92, ahead.
    expect(gapToNextTier(tiers, order, x, 1, undefined, [1, 1, 0])).toMatchObject({ points: 200, tie: { key: 1, own: 9200, theirs: 9100, ahead: true } });
  });

  it("counts in steps where the ranking is by an item judged in steps: 0.5 more on 宣传, not 0.01 (a score no one can be given)", () => {
    const T = mini((t) => t.replace("    by: total\n", "    by: JS1\n    tie_breakers: [DZ]\n").replace("    below: 60\n", "    below: 30\n"));
    // 丙 and 丁 level on 宣传 (42), 丁 behind on 党政线 (39.5 against 40).
    const sub = submission(T, [{ name: "甲" }, { name: "乙", scores: { JS1: 45 } }, { name: "丙", scores: { JS1: 42 } }, { name: "丁", scores: { JS1: 42, "DZ2.1": 12 } }, { name: "戊", scores: { JS1: 40.5 } }]);
    const r = score(T, sub);
    expect(unitNamed(r, "丁").gap).toMatchObject({ tier: "二等奖", points: 50, tie: { key: "DZ", own: 3950, theirs: 4000 } });
    // 1.5 short of 42, level enough where nothing parts them (戊's DZ is level with 丙's): three steps.
    expect(unitNamed(r, "戊").gap).toMatchObject({ tier: "二等奖", points: 150 });
    const words = { lang: "zh-CN" as const, t: (code: string, data?: Readonly<Record<string, string | number>>) => message("zh-CN", code, data ?? {}) };
    expect(renderExplain(words, PLAIN, T, sub, r, r.units.findIndex((u) => u.name === "丁"))).toContain("\n距综合排名二等奖还差 0.5 分(与 丙 同分时比较 DZ 党政线(39.5 对 40)仍排在其后,须高出:该项按 0.5 分一档评定,至少高出一档;其他单位不变)\n");
    // Level with 甲 at 宣传's max (50) but behind on 党政线: 0.5 more is past the max, not to be had there.
    const top = submission(T, [{ name: "甲" }, { name: "己", scores: { "DZ2.1": 12 } }, { name: "乙", scores: { JS1: 45 } }]);
    const beyond = score(T, top);
    expect(unitNamed(beyond, "己").gap).toMatchObject({ tier: "一等奖", points: 50, beyond: true });
    expect(unitNamed(beyond, "乙").gap).not.toHaveProperty("beyond");
    expect(renderExplain(words, PLAIN, T, top, beyond, beyond.units.findIndex((u) => u.name === "己"))).toContain("\n距综合排名一等奖还差 0.5 分,超过 JS1 宣传 的满分 50:仅凭本项达不到(其他单位不变)\n");
    const json = JSON.parse(resultsJson(beyond, { rubric: T })) as { units: { name: string; gap?: unknown }[] };
    expect(json.units.find((u) => u.name === "己")?.gap).toMatchObject({ tier: "一等奖", points: 0.5, beyond: true });
    // And to a better grade: 44.2 for 优秀 from 42 is 2.2, five steps of 0.5 (2.5).
    const G = mini((t) => t.replace("    by: total\n", "    by: JS1\n    grades:\n      bands:\n        - { name: 优秀, from: 44.2 }\n      otherwise: 合格\n").replace("    below: 60\n", "    below: 30\n"));
    expect(unitNamed(score(G, submission(G, UNITS)), "丙").gradeGap).toMatchObject({ grade: "优秀", points: 250 });
    // Said of a ranking named for its grades (宣传等次) without 等次 twice.
    const E = mini((t) => t.replace("    name: 综合排名\n", "    name: 宣传等次\n").replace("    by: total\n", "    by: JS1\n    grades:\n      bands:\n        - { name: 优秀, from: 44.2 }\n      otherwise: 合格\n").replace("    below: 60\n", "    below: 30\n"));
    const es = submission(E, UNITS);
    const er = score(E, es);
    expect(renderExplain(words, PLAIN, E, es, er, er.units.findIndex((u) => u.name === "丙"))).toContain("\n距宣传等次“优秀”还差 2.5 分(优秀须达 44.2 分;其他单位不变)\n");
  });

  it("says in explain and the JSON why it is 0.01 past the score it must reach (2.01 where 92 − 90 is 2)", async () => {
    const { renderExplain, PLAIN } = await import("../../src/report/explain-text.js");
    const { message } = await import("../../src/messages/index.js");
    const T = mini((t) => t.replace("    by: total\n", "    by: total\n    tie_breakers: [JS]\n"));
    const sub = submission(T, UNITS);
    const r = score(T, sub);
    const words = (lang: "zh-CN" | "en") => ({ lang, t: (code: string, data?: Readonly<Record<string, string | number>>) => message(lang, code, data ?? {}) });
    const at = r.units.findIndex((u) => u.name === "丁");
    expect(renderExplain(words("zh-CN"), PLAIN, T, sub, r, at)).toContain("\n距综合排名二等奖还差 2.01 分(与 丙 同分时比较 JS 计生线(50 对 52)仍排在其后,须高出 0.01 分;其他单位不变)\n");
    expect(renderExplain(words("en"), PLAIN, T, sub, r, at)).toContain("2.01 points short of 二等奖 in 综合排名 (level with 丙, it would stay behind on the tie-breaker JS 计生线, 50 against 52: 0.01 more is needed; others unchanged)");
    const json = JSON.parse(resultsJson(r, { rubric: T })) as { units: { name: string; gap?: unknown }[] };
    expect(json.units.find((u) => u.name === "丁")?.gap).toEqual({ ranking: "overall", tier: "二等奖", points: 2.01, tie: { key: "JS", own: 50, theirs: 52, units: ["丙"], level: 1 } });
  });

  it("is null for a vetoed unit, and absent where the unit is in no ranking with prizes", () => {
    const r = score(R, submission(R, [...UNITS, { name: "否决", rates: { ZB1: 0.9 } }, { name: "局", kind: "department" }]));
    expect(unitNamed(r, "否决").gap).toBeNull();
    expect(unitNamed(r, "局").gap).toBeUndefined();
  });
});

describe("rank ranges, for any contenders (fast-check)", () => {
  it("equal the count of others strictly ahead: best against their lowest, worst against their highest", () => {
    const contender = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(contender, { minLength: 1, maxLength: 25 }), (specs) => {
        // A unit without claims has one set of keys for all three, as the engine gives it.
        const all: Contender[] = specs.map(([k, down, up, tb, prize], u) => {
          const keys = [k, tb];
          return down === 0 && up === 0 ? { u, keys, lo: keys, hi: keys, prize, eligible: prize } : { u, keys, lo: [k - down, tb], hi: [k + up, tb], prize, eligible: prize };
        });
        const better = (a: readonly number[], b: readonly number[]): boolean => (a[0] ?? 0) > (b[0] ?? 0) || ((a[0] ?? 0) === (b[0] ?? 0) && (a[1] ?? 0) > (b[1] ?? 0));
        for (const among of [() => true, (c: Contender) => c.prize]) {
          const admitted = all.filter(among);
          const sorted = admitted.map((c) => c.keys).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
          // The same, searched for, and with the count ahead of each as scored given (as a ranking's sort gives it).
          const ahead = Int32Array.from(all, (c) => admitted.filter((o) => better(o.keys, c.keys)).length);
          for (const got of [placeRanges(all, among, sorted), placeRanges(all, among, sorted, ahead)]) {
            all.forEach((c, i) => {
              const others = admitted.filter((o) => o.u !== c.u);
              expect([got.best[i], got.worst[i]]).toEqual([1 + others.filter((o) => better(o.lo, c.hi)).length, 1 + others.filter((o) => better(o.hi, c.lo)).length]);
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("a settled unit's awards, for any district with pending claims (fast-check)", () => {
  // Every way the pending rows can be decided is scored; a unit said to be settled (or given no
  // certainty at all) must hold the same prizes, grades and cards in every one of them, and every
  // kind of award on a ranking that its certainty does not say is open must be the same in all.
  const awardWords = (r: ReturnType<typeof score>, u: number, of?: (a: Award) => boolean): string =>
    (r.units[u]?.awards ?? [])
      .filter((a) => !of || of(a))
      .map((a) => (a.kind === "rank" ? `${a.ranking}:${a.tier}` : a.kind === "grade" ? `${a.ranking}:${a.grade}` : a.kind === "warning" ? `${a.ranking}:card` : a.kind === "single" ? `${a.ranking}:${a.code}` : `veto:${a.gate}`))
      .sort()
      .join(",");
  const claims: EntrySpec[] = [
    { unit: "", code: "JF2", level: "市级" },
    { unit: "", code: "JF2", level: "国家级" },
    { unit: "", code: "KF1" },
    { unit: "", code: "KF5" },
    { unit: "", code: "DX1", level: "市级" },
    { unit: "", code: "DX1", level: "省级" },
  ];
  const check = (rubric: typeof R, kind: string | undefined, pointsCode: string, max: number): void => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max }), { minLength: 3, maxLength: 7 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: claims.length - 1 })), { minLength: 1, maxLength: 3 }),
        (scores, rows) => {
          const units: UnitSpec[] = scores.map((s, i) => ({ name: `U${i}`, ...(kind ? { kind } : {}), scores: { [pointsCode]: s } }));
          const entries = rows.map(([u, c]) => ({ ...(claims[c] as EntrySpec), unit: `U${u % scores.length}` }));
          const claimed = score(rubric, submission(rubric, units, entries.map((e) => ({ ...e, status: "申报中" }))));
          const outcomes = Array.from({ length: 1 << entries.length }, (_, bits) => score(rubric, submission(rubric, units, entries.map((e, i) => ({ ...e, status: bits & (1 << i) ? "已认定" : "不予认定" })))));
          claimed.units.forEach((unit, u) => {
            const open = unit.certainty?.open ?? [];
            expect(open.length === 0).toBe(unit.certainty?.settled ?? true);
            for (const ranking of rubric.rankings) {
              // The other grades a pending grade is said to be able to end with: each is one it has
              // under some decision (said as 也可能为 X, X must be within reach).
              const may = open.find((a) => a.ranking === ranking.id && a.kind === "grade")?.grades ?? [];
              for (const g of may) expect(outcomes.some((o) => o.units[u]?.grades[ranking.id] === g), `${unit.name} said to may be ${g} on ${ranking.id}`).toBe(true);
              // Few rows, every way tried: a grade is said to move only where it does (a tied
              // partner of a claimant was marked (待定) though its grade was the same every way).
              if (open.some((a) => a.ranking === ranking.id && a.kind === "grade")) expect(new Set(outcomes.map((o) => o.units[u]?.grades[ranking.id])).size, `${unit.name}'s grade on ${ranking.id} said to move`).toBeGreaterThan(1);
              // A prize's tier at its best and its worst place (null: none), each one it has under some decision.
              const prize = open.find((a) => a.ranking === ranking.id && a.kind === "rank");
              const tierIn = (o: ReturnType<typeof score>): string | null => {
                const a = o.units[u]?.awards.find((x) => x.kind === "rank" && x.ranking === ranking.id);
                return a?.kind === "rank" ? a.tier : null;
              };
              for (const t of prize ? [prize.tier, prize.worst].filter((x) => x !== undefined) : []) expect(outcomes.some((o) => tierIn(o) === t), `${unit.name} said to may end with ${t ?? "no prize"} on ${ranking.id}`).toBe(true);
              for (const kind of ["rank", "grade", "single", "warning"] as const) {
                if (open.some((a) => a.ranking === ranking.id && a.kind === kind)) continue;
                const seen = new Set(outcomes.map((o) => awardWords(o, u, (a) => a.kind === kind && a.ranking === ranking.id)));
                expect(seen.size, `${unit.name}'s ${kind} on ${ranking.id} said settled: ${[...seen].join(" | ")}`).toBe(1);
              }
            }
            if (!open.length) expect(new Set(outcomes.map((o) => awardWords(o, u))).size, `${unit.name} said settled`).toBe(1);
          });
        },
      ),
      { numRuns: 150 },
    );
  };

  it("holds on the mini rubric: prize tiers, a yellow card for the last place and below 60", () => {
    check(R, undefined, "JS1", 50);
  });

  it("holds where a single-item award goes to one unit alone (count: 1): another's claim may take it", () => {
    const T = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 1\n"));
    check(T, undefined, "JS1", 50);
    // 甲 holds it (市级, counted); 乙's pending 省级 would take it: 甲's award is not settled.
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 30 } }, { name: "丙", scores: { JS1: 20 } }];
    const rows = (status: string): EntrySpec[] => [
      { unit: "甲", code: "DX1", level: "市级", status: "已认定" },
      { unit: "乙", code: "DX1", level: "省级", status },
    ];
    const sub = submission(T, units, rows("申报中"));
    const pending = score(T, sub);
    expect(unitNamed(pending, "甲").awards.some((a) => a.kind === "single")).toBe(true);
    expect(unitNamed(pending, "甲").certainty?.open).toContainEqual(expect.objectContaining({ ranking: "overall", kind: "single" }));
    // The row that may take it is named among those its awards depend on (explain, the report).
    const claim = sub.ledger.find((e) => e.unit === "乙")?.at;
    expect(claim).toBeDefined();
    expect(unitNamed(pending, "甲").certainty?.pending).toEqual([claim]);
    expect(unitNamed(score(T, submission(T, units, rows("已认定"))), "甲").awards.some((a) => a.kind === "single")).toBe(false);
  });

  it("names every other unit's claim that could pass a unit in a district's ranking, not the nearest three alone", () => {
    // 甲 at 90; five others at 85–89, each with a pending 国家级 +10 that would put it ahead.
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 40 } }, ...[35, 36, 37, 38, 39].map((js1, i) => ({ name: `乙${i + 1}`, scores: { JS1: js1 } }))];
    const rows: EntrySpec[] = units.slice(1).map((u) => ({ unit: u.name, code: "JF2", level: "国家级", status: "申报中" }));
    const sub = submission(R, units, rows);
    const scored = score(R, sub);
    const first = unitNamed(scored, "甲").certainty;
    expect(first?.ranks.overall).toEqual([1, 6]);
    // (Cut to the nearest three, 乙1's and 乙2's were left out: a clerk asked which claims decide 甲's place.)
    expect(first?.pending).toEqual(sub.ledger.map((e) => e.at));
  });

  it("keeps a single-item award held settled where a claim is pending for another award on the same ranking, and says the one it may win", () => {
    // DX1 recognized (given to all recognized), DX2 claimed: DX1 is the unit's whatever is decided.
    const T = mini((t) =>
      t
        .replace("      levels: [市级, 省级, 国家级]\nrankings:", "      levels: [市级, 省级, 国家级]\n    - code: DX2\n      kind: single\n      name: 综治\n      levels: [市级, 省级, 国家级]\nrankings:")
        .replace("      linked_item: JS1\n", "      linked_item: JS1\n    - code: DX2\n      name: 综治单项奖\n      amount: 2000\n"),
    );
    const rows: EntrySpec[] = [
      { unit: "甲", code: "DX1", level: "市级", status: "已认定" },
      { unit: "甲", code: "DX2", level: "市级", status: "申报中" },
    ];
    const sub = submission(T, [{ name: "甲" }, { name: "乙", scores: { JS1: 40 } }], rows);
    const r = score(T, sub);
    const u = unitNamed(r, "甲");
    expect(u.certainty?.open).toEqual([expect.objectContaining({ ranking: "overall", kind: "single", code: "DX2" })]);
    const held = u.awards.find((a) => a.kind === "single");
    expect(held).toMatchObject({ code: "DX1" });
    // (DX1 was marked 待定, and DX2, which it may win, said nowhere.)
    if (held) expect(pendingMark(u, "zh-CN", held)).toBe("");
    expect(unheld(u).map((o) => mayWin(o, "zh-CN", u))).toEqual(["(待定)可能获单项奖:综治单项奖(市级)"]);
    const json = JSON.parse(resultsJson(r)) as { units: { name: string; certainty?: { open: unknown[] } }[] };
    expect(json.units.find((x) => x.name === "甲")?.certainty?.open).toEqual([{ ranking: "overall", kind: "single", code: "DX2" }]);
  });

  it("explain says its own claim moves the total alone where its ranks stay, not that the rank 'may be' what it is", () => {
    // 甲 at 60, last, with a pending 国家级 +10 (70: last still) and a pending DX2 recognition.
    const T = mini((t) =>
      t
        .replace("      levels: [市级, 省级, 国家级]\nrankings:", "      levels: [市级, 省级, 国家级]\n    - code: DX2\n      kind: single\n      name: 综治\n      levels: [市级, 省级, 国家级]\nrankings:")
        .replace("      linked_item: JS1\n", "      linked_item: JS1\n    - code: DX2\n      name: 综治单项奖\n      amount: 2000\n"),
    );
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 10 } }, { name: "乙" }, { name: "丙", scores: { JS1: 45 } }];
    const rows: EntrySpec[] = [
      { unit: "甲", code: "JF2", level: "国家级", status: "申报中" },
      { unit: "甲", code: "DX2", level: "市级", status: "申报中" },
    ];
    const sub = submission(T, units, rows);
    const r = score(T, sub);
    const text = renderExplain({ lang: "zh-CN", t: (k, d) => message("zh-CN", k, d) }, PLAIN, T, sub, r, 0);
    expect(text).toContain("尚有待认定的加扣分:视 L!B2 的认定,总分可能在 60–70 之间,名次不变(综合排名 3 · 党政线排名 1 · 计生线排名 3);奖惩可能因 L!B3 的认定而变\n");
  });

  it("holds where it goes to two: a claim opens only the holders it could pass, and names itself to them alone", () => {
    const T = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 2\n"));
    check(T, undefined, "JS1", 50);
    // 甲 (市级, JS1 40) and 乙 (省级) hold it; 丙 claims 市级. With JS1 30 it is behind 甲 either way:
    // nothing can change. With JS1 45 it would pass 甲 (乙, at 省级, stays ahead of both).
    const rows: EntrySpec[] = [
      { unit: "甲", code: "DX1", level: "市级", status: "已认定" },
      { unit: "乙", code: "DX1", level: "省级", status: "已认定" },
      { unit: "丙", code: "DX1", level: "市级", status: "申报中" },
    ];
    const units = (js1: number): UnitSpec[] => [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 35 } }, { name: "丙", scores: { JS1: js1 } }];
    const behind = score(T, submission(T, units(30), rows));
    // Nor can 丙 win it: 甲 and 乙 are surely ahead of it at its best.
    for (const name of ["甲", "乙", "丙"]) expect(unitNamed(behind, name).certainty?.open ?? [], name).not.toContainEqual(expect.objectContaining({ kind: "single" }));
    const sub = submission(T, units(45), rows);
    const passing = score(T, sub);
    expect(unitNamed(passing, "甲").certainty?.open).toContainEqual(expect.objectContaining({ ranking: "overall", kind: "single" }));
    expect(unitNamed(passing, "甲").certainty?.pending).toEqual([sub.ledger.find((e) => e.unit === "丙")?.at]);
    expect(unitNamed(passing, "乙").certainty?.open ?? []).not.toContainEqual(expect.objectContaining({ kind: "single" }));
    expect(unitNamed(passing, "丙").certainty?.open).toContainEqual(expect.objectContaining({ ranking: "overall", kind: "single" }));
  });

  it("counts a holder with a claim of its own as surely ahead at the level it holds: a claimant behind two such cannot win (said 可能获, with 2,000 元 待定)", () => {
    const T = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 2\n"));
    // 甲 holds it at 市级 (JS1 40) and claims 省级; 乙 holds it at 省级; 丙 claims 市级 with JS1 30:
    // both holders stay ahead of it whatever is decided.
    const rows: EntrySpec[] = [
      { unit: "甲", code: "DX1", level: "市级", status: "已认定" },
      { unit: "乙", code: "DX1", level: "省级", status: "已认定" },
      { unit: "甲", code: "DX1", level: "省级", status: "申报中" },
      { unit: "丙", code: "DX1", level: "市级", status: "申报中" },
    ];
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 35 } }, { name: "丙", scores: { JS1: 30 } }];
    const r = score(T, submission(T, units, rows));
    expect(unitNamed(r, "丙").certainty?.open ?? []).not.toContainEqual(expect.objectContaining({ kind: "single" }));
    for (const status of ["已认定", "不予认定"]) {
      const decided = score(T, submission(T, units, rows.map((e) => (e.status === "申报中" ? { ...e, status } : e))));
      expect(unitNamed(decided, "丙").awards.some((a) => a.kind === "single")).toBe(false);
    }
  });

  it("keeps a holder's award settled where its own claim is at a level no higher than it holds (市级 claimed, 省级 held: nothing can change)", () => {
    const T = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 2\n"));
    const rows = (claim: string): EntrySpec[] => [
      { unit: "甲", code: "DX1", level: "省级", status: "已认定" },
      { unit: "甲", code: "DX1", level: claim, status: "申报中" },
    ];
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 40 } }, { name: "乙" }, { name: "丙" }];
    expect(unitNamed(score(T, submission(T, units, rows("市级"))), "甲").certainty?.open ?? []).not.toContainEqual(expect.objectContaining({ kind: "single" }));
    // A higher level claimed may change the award's level: open.
    expect(unitNamed(score(T, submission(T, units, rows("国家级"))), "甲").certainty?.open).toContainEqual(expect.objectContaining({ kind: "single" }));
  });

  it("lists on a province's ranking the three claims nearest to passing a holder, not the first three in the workbook", () => {
    const T = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 1\n"));
    // 2,100 towns; 甲 holds it at 市级 with JS1 20; five claim 市级 with JS1 25, 24, 23, 22, 21 (each would pass it).
    const claimers = [25, 24, 23, 22, 21].map((js1) => ({ name: `乙${js1}`, scores: { JS1: js1 } }));
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 20 } }, ...claimers, ...Array.from({ length: 2094 }, (_, i) => ({ name: `镇${i}`, scores: { JS1: 5 } }))];
    const rows: EntrySpec[] = [{ unit: "甲", code: "DX1", level: "市级", status: "已认定" }, ...claimers.map((c) => ({ unit: c.name, code: "DX1", level: "市级", status: "申报中" }))];
    const sub = submission(T, units, rows);
    const r = score(T, sub);
    const at = (unit: string) => sub.ledger.find((e) => e.unit === unit && e.status === "申报中")?.at;
    expect(unitNamed(r, "甲").certainty?.pending).toEqual(["乙23", "乙22", "乙21"].map(at));
  });

  it("lists for a claimant that may win the other claims that may end ahead of it (城关's win turned on 马坪's 国家级, unlisted)", () => {
    const T = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 1\n"));
    // 甲 claims 市级, 乙 国家级, 丙 市级 with less on JS1: 乙's claim decides 甲's; 丙's cannot pass it.
    const rows: EntrySpec[] = [
      { unit: "甲", code: "DX1", level: "市级", status: "申报中" },
      { unit: "乙", code: "DX1", level: "国家级", status: "申报中" },
      { unit: "丙", code: "DX1", level: "市级", status: "申报中" },
    ];
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 10 } }, { name: "丙", scores: { JS1: 20 } }];
    const sub = submission(T, units, rows);
    const r = score(T, sub);
    const at = (unit: string) => sub.ledger.find((e) => e.unit === unit)?.at;
    expect(unitNamed(r, "甲").certainty?.open).toContainEqual(expect.objectContaining({ kind: "single" }));
    expect(unitNamed(r, "甲").certainty?.pending).toEqual([at("甲"), at("乙")]);
    // 乙 at 国家级 is ahead of both: only its own claim decides it.
    expect(unitNamed(r, "乙").certainty?.pending).toEqual([at("乙")]);
    // Given to two, 甲 wins once its own is recognized, whatever 乙's (only 乙 may end ahead of it): its own alone.
    const two = mini((t) => t.replace("      linked_item: JS1\n", "      linked_item: JS1\n      count: 2\n"));
    const sub2 = submission(two, units, rows.slice(0, 2));
    expect(unitNamed(score(two, sub2), "甲").certainty?.pending).toEqual([sub2.ledger.find((e) => e.unit === "甲")?.at]);
  });

  it("lists another's claim that decides a unit's grade where its rank cannot move (tied at the top, ties: none: 县第一中学's deduction made 县实验小学 优秀)", () => {
    const T = mini((t) => t.replace("  - id: overall\n    name: 综合排名\n    unit_kind: town\n    by: total\n", "  - id: overall\n    name: 综合排名\n    unit_kind: town\n    by: total\n    grades:\n      bands:\n        - { name: 优秀, from: 50, quota: 1 }\n      otherwise: 良好\n      ties: none\n"));
    // 甲 and 乙 level at the top (neither 优秀, ties: none); 甲 claims +5, 乙 has a deduction pending.
    const rows: EntrySpec[] = [
      { unit: "甲", code: "JF2", level: "市级", status: "申报中" },
      { unit: "乙", code: "KF5", status: "申报中" },
    ];
    const units: UnitSpec[] = [{ name: "甲", scores: { JS1: 40, DZ1: 20 } }, { name: "乙", scores: { JS1: 40, DZ1: 20 } }, { name: "丙", scores: { JS1: 10 } }];
    const sub = submission(T, units, rows);
    const r = score(T, sub);
    const at = (unit: string) => sub.ledger.find((e) => e.unit === unit)?.at;
    expect(unitNamed(r, "甲").certainty?.open).toContainEqual(expect.objectContaining({ ranking: "overall", kind: "grade" }));
    expect(unitNamed(r, "甲").certainty?.pending).toEqual([at("甲"), at("乙")]);
    // 乙's deduction alone makes 甲 优秀.
    const alone = score(T, submission(T, units, rows.map((e) => ({ ...e, status: e.unit === "乙" ? "已认定" : "不予认定" }))));
    expect(unitNamed(alone, "甲").grades.overall).toBe("优秀");
  });

  for (const ties of ["all", "none"]) {
    it(`holds on grades with quotas (30% 优秀, two 良好 by the total, ties: ${ties})`, () => {
      const T = mini((t) => t.replace("  - id: overall\n    name: 综合排名\n    unit_kind: town\n    by: total\n", `  - id: overall\n    name: 综合排名\n    unit_kind: town\n    by: total\n    grades:\n      bands:\n        - { name: 优秀, from: 85, quota: 30% }\n        - { name: 良好, from: 70, quota: 2 }\n      otherwise: 一般\n      ties: ${ties}\n`));
      check(T, undefined, "JS1", 50);
    });
  }
});

describe("a ranking by a line while a bonus on the total and one on that line wait for the same cap", () => {
  // Bonuses capped at 3: JF7 +3 on the total, JF8 +3 charged to 党政线 (DZ, max 40). 甲's DZ is
  // 38 (DZ2.1 10.5 of 12.5), 乙's 39. 甲 claims both: confirmed together, JF7 (on the total) fills
  // the cap first and DZ stays 38; refused together, 38 too. But JF8 confirmed and JF7 refused
  // gives DZ its 3 (a line has no ceiling), 41: ahead of 乙 and first by 党政线.
  const T = mini((t) =>
    t
      .replace("  codes:\n", "  caps:\n    - { kind: bonus, max: 3 }\n  codes:\n    - { code: JF7, kind: bonus, name: 加到总分, points: 3 }\n    - { code: JF8, kind: bonus, name: 加到党政线, points: 3, charge: DZ }\n")
      .replace("    by: DZ\n", "    by: DZ\n    tiers:\n      - { name: 党建一等奖, ranks: [1, 1] }\n"),
  );
  const units: UnitSpec[] = [{ name: "甲", scores: { "DZ2.1": 10.5 } }, { name: "乙", scores: { "DZ2.1": 11.5 } }];
  const rows: EntrySpec[] = [
    { unit: "甲", code: "JF7", status: "申报中" },
    { unit: "甲", code: "JF8", status: "申报中" },
  ];
  const sub = submission(T, units, rows);
  const r = score(T, sub);

  it("spans the line's own highest, not only the two ends of the total", () => {
    expect([unitNamed(r, "甲").subtotals.DZ, unitNamed(r, "乙").subtotals.DZ]).toEqual([3800, 3900]);
    expect(unitNamed(r, "甲").certainty?.ranks.DZ).toEqual([1, 2]);
    expect(unitNamed(r, "乙").certainty?.ranks.DZ).toEqual([1, 2]);
    // Decided that way, it is so.
    const decided = score(T, submission(T, units, [{ unit: "甲", code: "JF7", status: "不予认定" }, { unit: "甲", code: "JF8", status: "已认定" }]));
    expect([unitNamed(decided, "甲").ranks.DZ, unitNamed(decided, "甲").subtotals.DZ]).toEqual([1, 4100]);
  });

  it("leaves the line's prize open (待定) for its holder and for the claimant, both rows named", () => {
    const open = (name: string) => unitNamed(r, name).certainty?.open ?? [];
    expect(unitNamed(r, "乙").awards).toContainEqual(expect.objectContaining({ kind: "rank", ranking: "DZ", tier: "党建一等奖" }));
    expect(open("乙")).toContainEqual(expect.objectContaining({ ranking: "DZ", kind: "rank" }));
    expect(open("甲")).toContainEqual(expect.objectContaining({ ranking: "DZ", kind: "rank" }));
    const at = (name: string) => unitNamed(r, name).certainty?.pending.map((x) => x.cell).sort();
    expect(at("甲")).toEqual(sub.ledger.map((e) => e.at.cell).sort());
  });
});

/** JF7 and JF8 (+2 each) charged to DZ2.1, JF9 (+2) to 计生线, JF7 and JF9 sharing a cap of 2; `more` codes after them. */
const sharedCap = (more = ""): ReturnType<typeof mini> =>
  mini((t) => t.replace("  codes:\n", "  caps:\n    - { codes: [JF7, JF9], max: 2 }\n  codes:\n" + "    - { code: JF7, kind: bonus, name: 项目加分甲, points: 2, charge: DZ2.1 }\n    - { code: JF8, kind: bonus, name: 项目加分乙, points: 2, charge: DZ2.1 }\n    - { code: JF9, kind: bonus, name: 计生线加分, points: 2, charge: JS }\n" + more));
/** 甲 lacks 2 of DZ2.1 and is at 93; 乙 at 97. */
const SHARED_CAP_UNITS: UnitSpec[] = [{ name: "甲", scores: { "DZ2.1": 10.5, JS1: 45 } }, { name: "乙", scores: { JS1: 47 } }];

describe("a bonus that takes a shared cap's room another row would have used to more effect", () => {
  // 甲's DZ2.1 lacks 2; JF7 and JF8 (+2 each) are charged to it, JF9 (+2) to 计生线; JF7 and JF9
  // share a cap of 2. All three confirmed: JF7 fills DZ2.1 and the cap, JF8 and JF9 count nothing
  // (+2). JF8 and JF9 alone: JF8 fills DZ2.1, JF9 the cap (+4). Confirming a bonus can lower a total.
  const T = sharedCap();
  const units = SHARED_CAP_UNITS;
  const rows = (status: (code: string) => string): EntrySpec[] => ["JF7", "JF8", "JF9"].map((code) => ({ unit: "甲", code, status: status(code) }));

  it("spans the total every way the rows can be decided, not only its two ends", () => {
    const r = score(T, submission(T, units, rows(() => "申报中")));
    // Now 93 (DZ 20 + 10.5 + 7.5, JS 45 + 10); at best 97, with JF7 refused and the others confirmed.
    expect(unitNamed(r, "甲").total).toBe(9300);
    expect(unitNamed(r, "甲").certainty?.total).toEqual([9300, 9700]);
    const all = score(T, submission(T, units, rows(() => "已认定")));
    const best = score(T, submission(T, units, rows((code) => (code === "JF7" ? "不予认定" : "已认定"))));
    expect([unitNamed(all, "甲").total, unitNamed(best, "甲").total]).toEqual([9500, 9700]);
    // 乙 is at 97 (JS1 47): 甲 at its best ties it for the first place.
    expect(unitNamed(r, "乙").total).toBe(9700);
    expect(unitNamed(r, "甲").certainty?.ranks.overall).toEqual([1, 2]);
  });
});

describe("a bonus that counts only when another is refused, among more pending rows than are tried every way together", () => {
  // The case above, with six pending deductions of 0.5 beside the three bonuses (nine rows): the
  // bonuses are tried every way with the deductions refused, and the deductions with the bonuses
  // refused. From the two ends alone (every bonus confirmed: 95) the 97 was missed, and 甲 was
  // said never to reach 乙 — its prize marked settled.
  const T = sharedCap("    - { code: KF9, kind: deduction, name: 小扣分, points: 0.5 }\n");
  const units = SHARED_CAP_UNITS;
  const rows: EntrySpec[] = [...["JF7", "JF8", "JF9"].map((code): EntrySpec => ({ unit: "甲", code, status: "申报中" })), ...Array.from({ length: 6 }, (): EntrySpec => ({ unit: "甲", code: "KF9", status: "申报中" }))];

  it("spans what every way would give: 90 (every deduction, no bonus) to 97 (JF7 refused, JF8 and JF9 confirmed)", () => {
    const r = score(T, submission(T, units, rows));
    expect(unitNamed(r, "甲").total).toBe(9300);
    expect(unitNamed(r, "甲").certainty?.total).toEqual([9000, 9700]);
    expect(unitNamed(r, "甲").certainty?.ranks.overall).toEqual([1, 2]);
    // 甲's prize is open (待定): it may tie 乙 for the first place (乙 keeps it either way).
    expect(unitNamed(r, "甲").certainty?.open).toContainEqual(expect.objectContaining({ ranking: "overall", kind: "rank" }));
    expect(unitNamed(r, "乙").certainty?.ranks.overall).toBeUndefined();
    // Decided that way, it is so.
    const decided = score(T, submission(T, units, rows.map((e) => ({ ...e, status: e.code === "JF7" || e.code === "KF9" ? "不予认定" : "已认定" }))));
    expect([unitNamed(decided, "甲").total, unitNamed(decided, "甲").ranks.overall]).toEqual([9700, 1]);
  });
});

describe("a unit with more pending rows than are tried every way (over 8)", () => {
  it("is worked from its two ends: nine pending 市级 JF2 claims of 5, and a pending KF1 of 20", () => {
    const rows: EntrySpec[] = [...Array.from({ length: 9 }, (): EntrySpec => ({ unit: "甲", code: "JF2", level: "市级", status: "申报中" })), { unit: "甲", code: "KF1", status: "申报中" }];
    const r = score(R, submission(R, [{ name: "甲" }, { name: "乙", scores: { JS1: 40 } }], rows));
    // 100 now; every deduction confirmed and no bonus: 80; every bonus and no deduction: 145.
    expect(unitNamed(r, "甲").certainty?.total).toEqual([8000, 14500]);
    expect(unitNamed(r, "甲").certainty?.ranks.overall).toEqual([1, 2]);
  });
});

describe("whether a claim could change who is last", () => {
  const unit = (u: number, lo: number[], hi: number[] = lo): Contender => ({ u, keys: lo, lo, hi, prize: true, eligible: true });
  it("judges on every key: level on the total, the unit the tie-breaker puts ahead is not last whatever its claim", () => {
    // 0 and 1 level at 73.30, 0 ahead on the tie-breaker (72.60 to 70.00), a +3 pending on 0's total.
    expect(lastPlaceUnsettled([unit(0, [7330, 7260], [7630, 7260]), unit(1, [7330, 7000]), unit(2, [8000, 7000])])).toEqual([]);
    // Level on both keys at its lowest: 0 and 1 could share the last place, or 1 be last alone: 1
    // is carded either way, 0 as its claim goes.
    expect(lastPlaceUnsettled([unit(0, [7330, 7000], [7630, 7000]), unit(1, [7330, 7000]), unit(2, [8000, 7000])])).toEqual([0]);
    // Behind on the tie-breaker at its lowest: 0 could be last, or pass 1.
    expect(lastPlaceUnsettled([unit(0, [7330, 6900], [7630, 6900]), unit(1, [7330, 7000]), unit(2, [8000, 7000])])).toEqual([0, 1]);
  });

  it("leaves out only units carded alike whichever end each unit's range takes (fast-check, every way tried)", () => {
    // Last with others behind none and ahead of one at least: a competition ranking's last place, not the first.
    const carded = (keys: readonly number[]): boolean[] => {
      const worst = Math.min(...keys);
      return keys.map((k) => k === worst && keys.some((o) => o > worst));
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 })), { minLength: 2, maxLength: 5 }), (specs) => {
        const cs = specs.map(([lo, up], u) => unit(u, [lo], [lo + up]));
        const open = new Set(lastPlaceUnsettled(cs));
        const ways = Array.from({ length: 1 << cs.length }, (_, bits) => carded(cs.map((c, i) => ((bits >> i) & 1 ? c.hi[0]! : c.lo[0]!))));
        cs.forEach((c, i) => {
          if (!open.has(c.u)) expect(new Set(ways.map((w) => w[i])).size, JSON.stringify(specs)).toBe(1);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("counts a unit level with the last at its best as surely last (柳林镇 at 911 at most, 桃源镇 at 911: carded either way)", () => {
    // 0 at 881 or 911, 1 at 911, 2 ahead: 0 is last alone or level; only 1's card hangs on 0's claim.
    expect(lastPlaceUnsettled([unit(0, [88100], [91100]), unit(1, [91100]), unit(2, [100000])])).toEqual([1]);
    // The two alone, level at 0's best: the last place is then the first, and no card is given.
    expect(lastPlaceUnsettled([unit(0, [88100], [91100]), unit(1, [91100])])).toEqual([0, 1]);
  });
});

describe("a quota's unsettled units where not every way is tried (a province's), for any contenders (fast-check)", () => {
  it("names every unit whose grade a quota moves as the claimants' keys go either way, beyond what its own band says", async () => {
    const { quotaUnsettled, bandAt } = await import("../../src/engine/standing.js");
    const { decideGrades } = await import("../../src/engine/outcomes.js");
    const contender = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(contender, { minLength: 2, maxLength: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (specs, q1, q2, all) => {
        const ranking = { grades: { bands: [{ name: "优秀", from: 14, quotaCount: q1 }, { name: "良好", from: 8, quotaCount: q2 }], otherwise: "一般", ties: all ? "all" : "none" } } as unknown as Parameters<typeof decideGrades>[0];
        // A unit with claims (it moves on the pending rows' `either` way) spans [k − down, k + up].
        const all2: Contender[] = specs.map(([k, down, up, claims], u) => {
          const keys = [k];
          return claims && down + up > 0 ? { u, keys, lo: [k - down], hi: [k + up], prize: true, eligible: true } : { u, keys, lo: keys, hi: keys, prize: true, eligible: true };
        });
        const grade = (keysOf: (c: Contender) => readonly number[]): Map<number, string> => {
          const placed = all2.map((c) => ({ u: c.u, rank: 0, keys: keysOf(c) })).sort((a, b) => (b.keys[0] ?? 0) - (a.keys[0] ?? 0));
          return new Map([...decideGrades(ranking, placed, new Map())].map(([u, g]) => [u, g.grade]));
        };
        const scored = grade((c) => c.keys);
        const names = ["优秀", "良好"];
        const said = new Set(quotaUnsettled([{ from: 14, quota: q1 }, { from: 8, quota: q2 }], all2, () => false, (u, bi) => scored.get(u) === names[bi]));
        const claimants = all2.filter((c) => c.lo !== c.hi);
        const seen = new Map<number, Set<string>>();
        for (let mask = 0; mask < 1 << claimants.length; mask++) {
          const at = new Map(claimants.map((c, i) => [c.u, (mask >> i) & 1 ? c.hi : c.lo]));
          for (const [u, g] of grade((c) => at.get(c.u) ?? c.keys)) (seen.get(u) ?? seen.set(u, new Set()).get(u))?.add(g);
        }
        for (const c of all2) {
          const own = bandAt(ranking, c.lo[0] ?? 0) !== bandAt(ranking, c.hi[0] ?? 0);
          if ((seen.get(c.u)?.size ?? 0) > 1) expect(said.has(c.u) || own, `unit ${c.u} moves by the quota, unsaid`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

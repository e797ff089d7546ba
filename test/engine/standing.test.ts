// Rank certainty while claims are pending, and the gap to the next prize — worked by hand on the
// mini rubric (towns on 100; 一等奖 1st, 二等奖 2nd–3rd; JF2 国家级 +10, KF1 −20).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeRanges, type Contender } from "../../src/engine/standing.js";
import { score } from "../../src/engine/index.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { mini, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";
import { unitNamed } from "../helpers/results.js";

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
    const settled = score(R, submission(R, UNITS, []));
    expect(settled.units.every((u) => u.certainty === undefined)).toBe(true);
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

  it("counts the tie-breakers: level on the total but behind on 计生线, a unit needs 0.01 more", () => {
    const T = mini((t) => t.replace("    by: total\n", "    by: total\n    tie_breakers: [JS]\n"));
    const r = score(T, submission(T, UNITS));
    // At 92, 丁's 计生线 (50) is behind 丙's (52).
    expect(unitNamed(r, "丁").gap).toMatchObject({ tier: "二等奖", points: 201 });
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
          const got = placeRanges(all, among, sorted);
          all.forEach((c, i) => {
            const others = admitted.filter((o) => o.u !== c.u);
            expect([got.best[i], got.worst[i]]).toEqual([1 + others.filter((o) => better(o.lo, c.hi)).length, 1 + others.filter((o) => better(o.hi, c.lo)).length]);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

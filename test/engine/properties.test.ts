// Engine invariants for any submission (fast-check): totals are sums, ranks are a competition
// ranking, vetoed units never win (and rank only where their gate says), and results do not
// depend on row order — under the district rubric and under the comprehensive one.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import type { Results } from "../../src/model/results.js";
import type { Submission } from "../../src/model/submission.js";
import { formatPointsFixed, fractionToRate } from "../../src/model/numbers.js";
import { explainUnit } from "../../src/report/explain.js";
import { planOf } from "../../src/rubric/plan.js";
import { divRound, measuredPoints } from "../../src/rubric/formulas.js";
import { againstBest } from "../../src/engine/relative.js";
import type { MeasuredItem } from "../../src/rubric/model.js";
import { mini, rubricFrom, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";
import { flatten } from "../helpers/results.js";

const R = mini();
const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);

const unitArb = (name: string, kind: "town" | "department"): fc.Arbitrary<UnitSpec> =>
  kind === "department"
    ? fc.record({ BM1: half(10) }).map((scores) => ({ name, kind, scores }))
    : fc
        .record({
          "DZ2.1": half(12).filter((x) => x <= 12.5),
          "DZ2.2": half(7).filter((x) => x <= 7.5),
          JS1: half(50),
          ZB1: fc.integer({ min: 9000, max: 10000 }).map((n) => n / 10000),
          ZB2: fc.integer({ min: 8000, max: 10000 }).map((n) => n / 10000),
        })
        .map(({ ZB1, ZB2, ...scores }) => ({ name, kind, scores, rates: { ZB1, ZB2, MB1: 0.95 } }));

const entryArb = (units: string[]): fc.Arbitrary<EntrySpec> =>
  fc.record({
    unit: fc.constantFrom(...units),
    code: fc.constantFrom("JF1", "JF2", "KF1", "KF3", "KF5", "DX1"),
    count: fc.integer({ min: 1, max: 3 }),
    level: fc.constantFrom("市级", "省级", "国家级"),
    points: fc.integer({ min: 1000, max: 3000 }).map((n) => n / 100),
    status: fc.constantFrom("已认定", "已认定", "申报中", "不予认定"),
    flagged: fc.boolean(),
  });

const caseArb = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 4 }))
  .chain(([towns, depts]) => {
    const townNames = Array.from({ length: towns }, (_, i) => `镇${i}`);
    const deptNames = Array.from({ length: depts }, (_, i) => `部门${i}`);
    return fc.record({
      units: fc.tuple(...townNames.map((n) => unitArb(n, "town")), ...deptNames.map((n) => unitArb(n, "department"))),
      entries: fc.array(entryArb(townNames), { maxLength: 12 }),
    });
  });

function run(units: UnitSpec[], entries: EntrySpec[]): Results {
  return score(R, submission(R, units, entries));
}

function runWith(units: UnitSpec[], entries: EntrySpec[]): { r: Results; sub: Submission } {
  const sub = submission(R, units, entries);
  return { r: score(R, sub), sub };
}

/** What a user reads of a unit: independent of where its rows were. */
function view(r: Results): Record<string, unknown> {
  return Object.fromEntries(
    [...r.units]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((u) => [u.name, { total: u.total, subtotals: u.subtotals, bonus: u.bonus, deduction: u.deduction, ranks: u.ranks, awards: u.awards.map((a) => ({ ...a, ...("basis" in a ? { basis: null } : {}) })) }]),
  );
}

describe("engine invariants", () => {
  it("leaves follow their rule; line subtotal = Σ items; total = max(0, Σ lines + bonus − deduction); bonus/deduction = Σ counted rows", () => {
    fc.assert(
      fc.property(caseArb, ({ units, entries }) => {
        const { r, sub } = runWith(units, entries);
        r.units.forEach((u, i) => {
          const spec = units[i];
          const lines = explainUnit(R, sub, u, i);
          for (const l of lines) {
            expect(l.points).toBe(l.children.reduce((s, c) => s + c.points, 0));
            for (const g of flatten(l.children)) {
              if (g.kind === "group") expect(g.points).toBe(g.children.reduce((s, c) => s + c.points, 0));
              expect(g.points + g.lost).toBe(g.max);
              expect(Number.isInteger(g.points)).toBe(true);
              // Each leaf by its rule, worked here from the unit's own inputs.
              if (g.kind === "judged") expect(g.points).toBe(Math.round((spec?.scores?.[g.code] ?? g.max / 100) * 100));
              const rates = spec?.rates ?? {};
              if (g.code === "DZ1") expect(g.points).toBe(fractionToRate(rates.ZB1 ?? 1) >= fractionToRate(rates.MB1 ?? 0.95) ? g.max : 0);
              if (g.code === "JS2") expect(g.points).toBe(fractionToRate(rates.ZB2 ?? 1) >= 9000 ? g.max : 0);
            }
          }
          expect(u.subtotals).toEqual(Object.fromEntries(lines.map((l) => [l.code, l.points])));
          expect(u.vetoes.map((v) => v.gate)).toEqual(lines.flatMap((l) => flatten(l.children).filter((i) => i.vetoes).map((i) => i.code)));
          const sum = lines.reduce((s, l) => s + l.points, 0);
          expect(u.total).toBe(Math.max(0, sum + u.bonus - u.deduction));
          expect(u.bonus).toBe(u.ledger.filter((l) => l.kind === "bonus").reduce((s, l) => s + l.points, 0));
          expect(u.deduction).toBe(u.ledger.filter((l) => l.kind === "deduction").reduce((s, l) => s + l.points, 0));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("every ranking is a valid competition ranking over the non-vetoed units of its kind", () => {
    fc.assert(
      fc.property(caseArb, ({ units, entries }) => {
        const r = run(units, entries);
        for (const ranking of r.rankings) {
          const ranked = ranking.entries.filter((e) => e.rank !== null);
          for (const e of ranked) {
            const ahead = ranked.filter((o) => o.value > e.value).length;
            expect(e.rank).toBe(ahead + 1);
          }
          // ranked first, in rank order; vetoed (null) last
          const ranks = ranking.entries.map((e) => e.rank);
          const firstNull = ranks.indexOf(null);
          if (firstNull >= 0) expect(ranks.slice(firstNull).every((x) => x === null)).toBe(true);
          const nums = ranks.filter((x): x is number => x !== null);
          expect([...nums].sort((a, b) => a - b)).toEqual(nums);
          const members = r.units.filter((u) => u.kind === ranking.unitKind);
          expect(ranking.entries.length).toBe(members.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("vetoed units are never ranked and win nothing but their veto", () => {
    fc.assert(
      fc.property(caseArb, ({ units, entries }) => {
        const r = run(units, entries);
        for (const u of r.units.filter((x) => x.vetoed)) {
          expect(Object.values(u.ranks).every((x) => x === null)).toBe(true);
          expect(u.awards.every((a) => a.kind === "veto")).toBe(true);
          expect(u.awards.length).toBeGreaterThan(0);
        }
        for (const u of r.units.filter((x) => !x.vetoed)) expect(u.awards.some((a) => a.kind === "veto")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("results do not depend on the order of unit rows or ledger rows, and are deterministic", () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.record({ c: fc.constant(c), perm: fc.shuffledSubarray(c.units as UnitSpec[], { minLength: c.units.length, maxLength: c.units.length }), permE: fc.shuffledSubarray(c.entries, { minLength: c.entries.length, maxLength: c.entries.length }) })),
        ({ c, perm, permE }) => {
          // Row order may decide which of two JF1 rows is the one counted, never a total or award.
          const a = view(run(c.units as UnitSpec[], c.entries));
          const b = view(run(perm, permE));
          expect(b).toEqual(a);
          expect(view(run(c.units as UnitSpec[], c.entries))).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("engine invariants under the comprehensive rubric (weights, groups, relative kinds, held vetoes)", () => {
  const T = rubricFrom(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8"));
  const tenth = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10);
  const pct = (lo: number, hi: number) => fc.integer({ min: lo * 100, max: hi * 100 }).map((n) => `${n / 100}%`);
  const rare = fc.integer({ min: 0, max: 9 }).map((n) => (n === 0 ? 1 : 0));
  const townArb = (name: string): fc.Arbitrary<UnitSpec> =>
    fc
      .record({
        group: fc.constantFrom("rural", "urban"),
        scores: fc.record({ JJ5: fc.integer({ min: 0, max: 30 }), SH3: tenth(15), SH6: half(20), SH7: half(20), DJ1: half(30), DJ2: half(30), DJ3: half(20) }),
        measures: fc.record({ ZB1: pct(-5, 12), MB1: fc.constant("6%"), ZB2: fc.integer({ min: 500, max: 1500 }), MB2: fc.constant(1000), ZB3: pct(-10, 30), ZB4: fc.integer({ min: 0, max: 5 }).map((n) => n * 100), ZB5: rare, ZB6: fc.integer({ min: 0, max: 6 }), ZB7: pct(90, 100), ZB8: fc.integer({ min: 3, max: 12 }), ZB9: rare }),
      })
      .map((x) => ({ name, kind: "town", ...x }));
  const deptArb = (name: string): fc.Arbitrary<UnitSpec> =>
    fc.record({ scores: fc.record({ BM1: fc.integer({ min: 20, max: 40 }), BM2: half(30), BM4: half(10) }), measures: fc.record({ ZB10: pct(85, 100) }) }).map((x) => ({ name, kind: "department", ...x }));
  const entArb = (name: string): fc.Arbitrary<UnitSpec> =>
    fc
      .record({ ZB11: fc.integer({ min: 400, max: 1200 }), ZB12: fc.integer({ min: -100, max: 300 }), ZB13: pct(95, 115), ZB5: rare })
      .map((m) => ({ name, kind: "enterprise", measures: { ...m, MB3: 1000, MB4: 600, MB5: 200 } }));
  const tcase = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 })).chain(([t, d, e]) => {
    const towns = Array.from({ length: t }, (_, i) => `镇${i}`);
    const depts = Array.from({ length: d }, (_, i) => `局${i}`);
    const ents = Array.from({ length: e }, (_, i) => `公司${i}`);
    const townEntry = fc.record({ unit: fc.constantFrom(...towns), code: fc.constantFrom("JF1", "JF2", "KF1", "KF2", "KF3"), count: fc.integer({ min: 1, max: 5 }), level: fc.constantFrom("市级", "省级", "国家级"), points: fc.integer({ min: 1, max: 6 }).map((n) => n / 2), status: fc.constantFrom("已认定", "已认定", "申报中") });
    return fc.record({
      units: fc.tuple(...towns.map(townArb), ...depts.map(deptArb), ...ents.map(entArb)),
      entries: fc.array(townEntry, { maxLength: 15 }),
    });
  });
  const runT = (units: UnitSpec[], entries: EntrySpec[]): Results => score(T, submission(T, units, entries));

  it("a weighted total is Σ line × weight rounded once, plus bonus, less deduction; lines are Σ items", () => {
    fc.assert(
      fc.property(tcase, ({ units, entries }) => {
        const sub = submission(T, units, entries);
        const r = score(T, sub);
        r.units.forEach((u, i) => {
          const lines = explainUnit(T, sub, u, i);
          // A line is the sum of its items, and of the ledger rows charged to the line itself.
          for (const l of lines) expect(l.points).toBe(Math.max(0, l.children.reduce((s, c) => s + c.points, 0) + (u.charges[l.code] ?? 0)));
          const weights = T.unitKinds.find((k) => k.id === u.kind)?.weights;
          const weighted = weights ? divRound(lines.reduce((s, l) => s + l.points * (weights[l.code] ?? 0), 0), 10000) : lines.reduce((s, l) => s + l.points, 0);
          expect(u.total).toBe(Math.max(0, weighted + u.bonus - u.deduction));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("rankings are competition rankings over their kind or group; vetoed units rank only where their gate lets them, and win no prize", () => {
    fc.assert(
      fc.property(tcase, ({ units, entries }) => {
        const r = runT(units, entries);
        for (const ranking of r.rankings) {
          const members = r.units.filter((u) => u.kind === ranking.unitKind && (ranking.group === undefined || u.group === ranking.group));
          expect(ranking.entries.length).toBe(members.length);
          // A competition ranking on the key, then the tie-breakers: 1 + the units strictly ahead.
          const plan = planOf(T, ranking.unitKind);
          const keyOf = (i: number, key: string): number => {
            const u = r.units[i];
            if (!u) return 0;
            if (key === "total") return u.total;
            return u.subtotals[key] ?? u.points[plan?.index.get(key) ?? -1] ?? 0;
          };
          const keys = [ranking.by, ...(T.rankings.find((x) => x.id === ranking.id)?.tieBreakers ?? [])];
          const ahead = (a: number, b: number): boolean => {
            for (const k of keys) {
              const d = keyOf(a, k) - keyOf(b, k);
              if (d !== 0) return d > 0;
            }
            return false;
          };
          const ranked = ranking.entries.filter((e) => e.rank !== null);
          for (const e of ranked) expect(e.rank).toBe(ranked.filter((o) => ahead(o.unit, e.unit)).length + 1);
        }
        for (const u of r.units) {
          const gates = u.vetoes.map((v) => v.gate);
          // QY4 keeps the default (not ranked); SH1 and DJ4 keep the unit ranked.
          const unranked = gates.includes("QY4");
          if (u.vetoed) {
            expect(Object.values(u.ranks).every((x) => (unranked ? x === null : x !== null))).toBe(true);
            expect(u.awards.some((a) => a.kind === "rank" || a.kind === "single")).toBe(false);
          }
          if (gates.includes("SH1")) expect(u.grades.towns).toBe("不合格");
          if (gates.includes("DJ4") && !gates.includes("SH1")) expect(["合格", "不合格"]).toContain(u.grades.towns);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a grade quota is never exceeded where ties at the cut get none", () => {
    fc.assert(
      fc.property(tcase, ({ units, entries }) => {
        const r = runT(units, entries);
        const towns = r.rankings.find((x) => x.id === "towns");
        const ranked = towns?.entries.filter((e) => e.rank !== null).length ?? 0;
        const best = r.units.filter((u) => u.grades.towns === "优秀").length;
        expect(best).toBeLessThanOrEqual(Math.floor((ranked * 2000) / 10000));
      }),
      { numRuns: 200 },
    );
  });

  it("a card for the last place below a mark (both: true) goes to exactly the ranked units that are last and below it", () => {
    const card = "    yellow_card:\n      name: 黄牌警告\n      last_place: false\n      below: 60\n";
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain(card);
    const B = rubricFrom(text.replace(card, "    yellow_card:\n      name: 黄牌警告\n      last_place: true\n      below: 85\n      both: true\n"));
    fc.assert(
      fc.property(tcase, ({ units, entries }) => {
        const r = score(B, submission(B, units, entries));
        const towns = r.rankings.find((x) => x.id === "towns");
        const placed = towns?.entries.filter((e) => e.rank !== null) ?? [];
        const last = Math.max(...placed.map((e) => e.rank ?? 0));
        // (No last place where every ranked unit shares the first.)
        const expected = placed.filter((e) => last > 1 && e.rank === last && (r.units[e.unit]?.total ?? 0) < 8500).map((e) => r.units[e.unit]?.name).sort();
        const carded = r.units.filter((u) => u.awards.some((a) => a.kind === "warning" && a.ranking === "towns")).map((u) => u.name).sort();
        expect(carded).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("results do not depend on the order of unit rows or ledger rows", () => {
    fc.assert(
      fc.property(
        tcase.chain((c) => fc.record({ c: fc.constant(c), perm: fc.shuffledSubarray(c.units as UnitSpec[], { minLength: c.units.length, maxLength: c.units.length }), permE: fc.shuffledSubarray(c.entries, { minLength: c.entries.length, maxLength: c.entries.length }) })),
        ({ c, perm, permE }) => {
          expect(view(runT(perm, permE))).toEqual(view(runT(c.units as UnitSpec[], c.entries)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the ledger where its order could matter: caps over rows charged to weighted lines, once-a-year levels (fast-check)", () => {
  // The comprehensive rubric with JF1 once a year (市级 1 … 国家级 3), JF2 charged to 经济发展
  // (40%) at 2.5 a row, the bonuses' cap of 5 over both, and a cap of 3 on all deductions.
  const base = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const L = rubricFrom(
    base
      .replace("      levels: { 市级: 1, 省级: 2, 国家级: 3 }\n", "      levels: { 市级: 1, 省级: 2, 国家级: 3 }\n      once_per_year: true\n")
      .replace("      points: 0.5\n      cap: 2\n", "      points: 2.5\n      cap: 5\n      charge: JJ\n")
      .replace("    - kind: bonus\n      max: 5\n", "    - kind: bonus\n      max: 5\n    - kind: deduction\n      max: 3\n")
      // SH2 at 1.5 for 5 accidents: a KF3 of up to 6 there moves it only part of the way.
      .replace("          - { from: 4, share: 40% }\n", "          - { from: 4, share: 40% }\n          - { from: 5, points: 1.5 }\n")
      // JF3 charged to SH7 (at its max: it can add nothing) and KF5 taking from it, beside KF2 and KF3
      // on the same line and KF6 on the lighter 党的建设, all under the cap of 3 on deductions.
      .replace("    - code: DX1\n", "    - code: JF3\n      kind: bonus\n      name: 民生加分\n      points: 2\n      unit_kinds: [town]\n      charge: SH7\n    - code: JF4\n      kind: bonus\n      name: 治理加分\n      points: 2\n      unit_kinds: [town]\n      charge: SH\n    - code: KF5\n      kind: deduction\n      name: 民生扣分\n      points: 1.5\n      unit_kinds: [town]\n      charge: SH7\n    - code: KF6\n      kind: deduction\n      name: 党建扣分\n      points: 1\n      unit_kinds: [town]\n      charge: DJ\n    - code: DX1\n"),
  );
  const towns = ["甲镇", "乙镇", "丙街道"];
  // 丙街道's SH2 is 0 before any deduction (6 accidents): a KF3 there can take nothing more;
  // 乙镇's is 1.5 (5 accidents): a KF3 there takes what is left of it, and only that from the cap.
  // 丙街道's whole 社会治理 is at 0 (its gate failed, every item lost): a bonus (JF4) and a
  // deduction (KF2) on that line meet its floor.
  const low = { SH3: 15, SH6: 0, SH7: 0 };
  const units: UnitSpec[] = towns.map((name, i) => ({ name, kind: "town", group: i < 2 ? "rural" : "urban", scores: { JJ5: 20 + i, ...(i === 2 ? low : {}) }, measures: { ZB1: "8%", MB1: "6%", ZB2: 1000, MB2: 1000, ZB3: "10%", ZB4: 100, ZB5: i === 2 ? 1 : 0, ZB6: [0, 5, 6][i] ?? 0, ZB7: i === 2 ? "50%" : "96%", ZB8: i === 2 ? 99 : 5, ZB9: 0 } }));
  const entry = fc.record({ unit: fc.constantFrom(...towns), code: fc.constantFrom("JF1", "JF2", "JF3", "JF4", "KF1", "KF2", "KF3", "KF5", "KF6"), count: fc.integer({ min: 1, max: 2 }), level: fc.constantFrom("市级", "省级", "国家级"), points: fc.integer({ min: 1, max: 6 }).map((n) => n / 2), pending: fc.boolean() });
  const entries = fc.array(entry, { maxLength: 8 }).filter((es) => es.filter((e) => e.pending).length <= 4);
  const asRows = (es: readonly { pending: boolean }[], decided: (i: number) => string = () => "申报中"): EntrySpec[] => {
    let k = 0;
    return es.map((e) => {
      const { pending, ...row } = e as EntrySpec & { pending: boolean };
      return { ...row, status: pending ? decided(k++) : "已认定" };
    });
  };
  const runL = (rows: EntrySpec[]): Results => score(L, submission(L, units, rows));
  it("has 丙街道's 社会治理 at 0 before its rows", () => expect(runL([]).units.find((u) => u.name === "丙街道")?.subtotals.SH).toBe(0));
  const totals = (r: Results): Record<string, number> => Object.fromEntries(r.units.map((u) => [u.name, u.total]));

  it("gives the same totals and results whatever the order of the ledger's rows", () => {
    fc.assert(
      fc.property(
        entries.chain((es) => fc.record({ es: fc.constant(es), perm: fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }) })),
        ({ es, perm }) => {
          expect(view(runL(asRows(perm, () => "已认定")))).toEqual(view(runL(asRows(es, () => "已认定"))));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("says the lowest and highest total every way of deciding the pending rows can give, exactly", () => {
    fc.assert(
      fc.property(entries, (es) => {
        const pending = es.filter((e) => e.pending).length;
        const claimed = runL(asRows(es));
        const outcomes = Array.from({ length: 1 << pending }, (_, bits) => totals(runL(asRows(es, (k) => (bits & (1 << k) ? "已认定" : "不予认定")))));
        for (const u of claimed.units) {
          const seen = outcomes.map((o) => o[u.name] ?? 0);
          const [lo, hi] = u.certainty?.total ?? [u.total, u.total];
          expect([lo, hi], u.name).toEqual([Math.min(...seen), Math.max(...seen)]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("puts every decided rank within the unit's 名次区间, on the rankings by a line too, and keeps every award not marked (待定)", () => {
    fc.assert(
      fc.property(entries, (es) => {
        const pending = es.filter((e) => e.pending).length;
        const claimed = runL(asRows(es));
        // An award as given (a grade's note on its quota is a note, not the award).
        const awardKeys = (u: Results["units"][number]) => u.awards.map((a) => JSON.stringify(a.kind === "grade" ? { ...a, cut: undefined } : a)).sort();
        for (let bits = 0; bits < 1 << pending; bits++) {
          const decided = runL(asRows(es, (k) => (bits & (1 << k) ? "已认定" : "不予认定")));
          for (const u of claimed.units) {
            const d = decided.units.find((x) => x.name === u.name);
            for (const [id, rank] of Object.entries(d?.ranks ?? {})) {
              if (rank === null) continue;
              const [best, worst] = u.certainty?.ranks[id] ?? [u.ranks[id], u.ranks[id]];
              expect(rank, `${u.name} ${id} ${bits}`).toBeGreaterThanOrEqual(best ?? 0);
              expect(rank, `${u.name} ${id} ${bits}`).toBeLessThanOrEqual(worst ?? 0);
            }
            // Settled: every award the same, whichever way the rows go.
            if (u.certainty === undefined || u.certainty.settled) expect(awardKeys(d!), `${u.name} ${bits}`).toEqual(awardKeys(u));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps a card for the last place not marked (待定) whichever way the rows go (a unit level with the last at its best is carded)", () => {
    const C = rubricFrom(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("      last_place: false\n      below: 60\n", "      last_place: true\n"));
    const runC = (rows: EntrySpec[]): Results => score(C, submission(C, units, rows));
    const cards = (u: Results["units"][number]): boolean => u.awards.some((a) => a.kind === "warning");
    fc.assert(
      fc.property(entries, (es) => {
        const pending = es.filter((e) => e.pending).length;
        const claimed = runC(asRows(es));
        const decided = Array.from({ length: 1 << pending }, (_, bits) => runC(asRows(es, (k) => (bits & (1 << k) ? "已认定" : "不予认定"))));
        for (const u of claimed.units) {
          const ways = decided.map((r) => cards(r.units.find((x) => x.name === u.name)!));
          const open = u.certainty?.open.some((o) => o.kind === "warning") === true;
          if (!open) expect(ways.every((w) => w === cards(u)), `${u.name}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});


describe("pending claims where caps are shared by rows on an item, a line and the total (fast-check, every way decided)", () => {
  // JF7 and JF8 on DZ2.1, JF9 on 计生线, JF10 on the total; JF7 and JF9 share a cap of 2. KF7 on
  // DZ2.1 and KF8 on 计生线 share a cap of 3. 党政线's ranking gives a prize to its first.
  const P = mini((t) =>
    t
      .replace(
        "  codes:\n",
        "  caps:\n    - { codes: [JF7, JF9], max: 2 }\n    - { codes: [KF7, KF8], max: 3 }\n  codes:\n" +
          "    - { code: JF7, kind: bonus, name: 项目加分甲, points: 2, charge: DZ2.1 }\n    - { code: JF8, kind: bonus, name: 项目加分乙, points: 2, charge: DZ2.1 }\n" +
          "    - { code: JF9, kind: bonus, name: 计生线加分, points: 2, charge: JS }\n    - { code: JF10, kind: bonus, name: 总分加分, points: 2 }\n" +
          "    - { code: KF7, kind: deduction, name: 项目扣分, points: 2, charge: DZ2.1 }\n    - { code: KF8, kind: deduction, name: 计生线扣分, points: 3, charge: JS }\n",
      )
      .replace("    by: DZ\n", "    by: DZ\n    tiers:\n      - { name: 党政线奖, ranks: [1, 1] }\n"),
  );
  const names = ["甲", "乙", "丙"];
  const unitsOf = (dz: readonly number[], js: readonly number[]): UnitSpec[] => names.map((name, i) => ({ name, scores: { "DZ2.1": dz[i] ?? 12.5, JS1: js[i] ?? 50 } }));
  const half = (min: number, max: number) => fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2);
  const row = fc.record({ unit: fc.constantFrom(...names), code: fc.constantFrom("JF7", "JF8", "JF9", "JF10", "KF7", "KF8"), pending: fc.boolean() });
  const input = fc.record({ dz: fc.array(half(9, 12.5), { minLength: 3, maxLength: 3 }), js: fc.array(half(44, 50), { minLength: 3, maxLength: 3 }), rows: fc.array(row, { maxLength: 6 }).filter((rs) => rs.filter((r) => r.pending).length <= 4) });

  it("gives each unit's total exactly, every decided rank within its 名次区间, and every award not marked (待定) in every decision", () => {
    fc.assert(
      fc.property(input, ({ dz, js, rows }) => {
        const units = unitsOf(dz, js);
        const asRows = (decided: (k: number) => string): EntrySpec[] => {
          let k = 0;
          return rows.map(({ pending, ...r }) => ({ ...r, status: pending ? decided(k++) : "已认定" }));
        };
        const claimed = score(P, submission(P, units, asRows(() => "申报中")));
        const pending = rows.filter((r) => r.pending).length;
        const given = (u: Results["units"][number]) => u.awards.map((a) => JSON.stringify(a.kind === "grade" ? { ...a, cut: undefined } : a)).sort();
        const seen = new Map<string, number[]>();
        for (let bits = 0; bits < 1 << pending; bits++) {
          const decided = score(P, submission(P, units, asRows((k) => (bits & (1 << k) ? "已认定" : "不予认定"))));
          for (const u of claimed.units) {
            const d = decided.units.find((x) => x.name === u.name)!;
            seen.set(u.name, [...(seen.get(u.name) ?? []), d.total]);
            for (const [id, rank] of Object.entries(d.ranks)) {
              if (rank === null) continue;
              const [best, worst] = u.certainty?.ranks[id] ?? [u.ranks[id] ?? 0, u.ranks[id] ?? 0];
              expect(rank >= best && rank <= worst, `${u.name} ${id}: ${rank} outside ${best}–${worst} (${bits})`).toBe(true);
            }
            if (u.certainty === undefined || u.certainty.settled) expect(given(d), `${u.name} (${bits})`).toEqual(given(u));
          }
        }
        for (const u of claimed.units) {
          const totals = seen.get(u.name) ?? [];
          expect(u.certainty?.total ?? [u.total, u.total], u.name).toEqual([Math.min(...totals), Math.max(...totals)]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is as exact past 8 pending rows of one unit (its bonuses and deductions tried every way apart)", () => {
    const many = fc.record({ dz: fc.array(half(9, 12.5), { minLength: 3, maxLength: 3 }), js: fc.array(half(44, 50), { minLength: 3, maxLength: 3 }), codes: fc.array(fc.constantFrom("JF7", "JF8", "JF9", "JF10", "KF7", "KF8"), { minLength: 9, maxLength: 10 }) });
    fc.assert(
      fc.property(many, ({ dz, js, codes }) => {
        const units = unitsOf(dz, js);
        const asRows = (decided: (k: number) => string): EntrySpec[] => codes.map((code, k) => ({ unit: "甲", code, status: decided(k) }));
        const claimed = score(P, submission(P, units, asRows(() => "申报中")));
        const totals: number[] = [];
        const given = (u: Results["units"][number]) => u.awards.map((a) => JSON.stringify(a.kind === "grade" ? { ...a, cut: undefined } : a)).sort();
        for (let bits = 0; bits < 1 << codes.length; bits++) {
          const decided = score(P, submission(P, units, asRows((k) => (bits & (1 << k) ? "已认定" : "不予认定"))));
          totals.push(decided.units.find((x) => x.name === "甲")!.total);
          for (const u of claimed.units) {
            const d = decided.units.find((x) => x.name === u.name)!;
            for (const [id, rank] of Object.entries(d.ranks)) {
              if (rank === null) continue;
              const [best, worst] = u.certainty?.ranks[id] ?? [u.ranks[id] ?? 0, u.ranks[id] ?? 0];
              expect(rank >= best && rank <= worst, `${u.name} ${id}: ${rank} outside ${best}–${worst} (${bits})`).toBe(true);
            }
            if (u.certainty === undefined || u.certainty.settled) expect(given(d), `${u.name} (${bits})`).toEqual(given(u));
          }
        }
        const 甲 = claimed.units.find((x) => x.name === "甲")!;
        expect(甲.certainty?.total ?? [甲.total, 甲.total]).toEqual([Math.min(...totals), Math.max(...totals)]);
      }),
      { numRuns: 20 },
    );
  });
});

describe("every measured kind, either way round, any values (negative growth, past 100%, targets at or below 0)", () => {
  const measure = fc.integer({ min: -20000, max: 30000 });
  it("scores within 0 and its max, and the max wherever the value reaches the target", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("threshold", "gate", "linear", "ratio", "bands", "shortfall" as const),
        fc.boolean(),
        fc.integer({ min: 1, max: 3000 }),
        measure,
        measure,
        measure,
        (kind, lower, max, value, target, floorAt) => {
          // A fixed floor lies beyond its target (rubric check refuses others); a unit's own may not: both are scored.
          const item: MeasuredItem = {
            code: "K1", name: "K", max, text: "", at: { file: "", line: 1, col: 1 },
            kind, indicator: "ZB1", target: { value: target },
            bands: [{ from: target, share: 10000 }, { from: lower ? target + 500 : target - 500, share: 5000 }],
            per: 100, deduct: 200,
          };
          const p = measuredPoints(item, lower, value, target, floorAt);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(max);
          if (lower ? value <= target : value >= target) expect(p).toBe(max);
        },
      ),
    );
  });

  it("against the best: within 0 and the max, the max at the best (where a ratio can be taken)", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 3000 }), measure, measure, (lower, max, value, best) => {
        const p = againstBest(max, lower, value, best);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(max);
        if (value === best && (lower || value > 0)) expect(p).toBe(max);
      }),
    );
  });
});

describe("points as tables show them", () => {
  it("have both decimals and read back as the very points (1008.00, 19.50, -0.05)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (p) => {
        const text = formatPointsFixed(p);
        expect(text).toMatch(/^-?\d+\.\d\d$/);
        expect(Math.round(Number(text) * 100)).toBe(p);
      }),
    );
  });
});

// Engine invariants for any submission (fast-check): totals are sums, ranks are a competition
// ranking, vetoed units never rank or win, and results do not depend on row order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import type { Results } from "../../src/model/results.js";
import type { Submission } from "../../src/model/submission.js";
import { fractionToRate } from "../../src/model/numbers.js";
import { explainUnit } from "../../src/report/explain.js";
import { mini, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";
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

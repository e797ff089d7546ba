// assess diff's comparison, worked by hand on the mini rubric (towns on 100; 一等奖 1st, 二等奖
// 2nd–3rd): each change found by meaning, each moved unit with the changes that moved it.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { compareInputs, compareResults } from "../../src/report/compare.js";
import { mini, submission, type EntrySpec, type UnitSpec } from "../helpers/builders.js";

const R = mini();
const BASE: UnitSpec[] = [
  { name: "甲" }, // 100
  { name: "乙", scores: { JS1: 45 } }, // 95
  { name: "丙", scores: { JS1: 42 } }, // 92
  { name: "丁", scores: { JS1: 40 } }, // 90
];

function run(before: UnitSpec[], after: UnitSpec[], ledgerA: EntrySpec[] = [], ledgerB: EntrySpec[] = ledgerA) {
  const a = { rubric: R, submission: submission(R, before, ledgerA) };
  const b = { rubric: R, submission: submission(R, after, ledgerB) };
  const ra = score(R, a.submission);
  const rb = score(R, b.submission);
  const changes = compareInputs(a, b);
  const moves = compareResults(ra, rb, changes).filter((m) => m.moved);
  const prize = (u: (typeof moves)[number]["old"]) => u?.awards.find((x) => x.kind === "rank")?.tier ?? "—";
  return {
    changes: changes.map((c) => `${c.unit} ${c.code ?? ""} ${c.what}`),
    moves: moves.map((m) => `${m.name} ${m.old?.ranks.overall ?? "—"}→${m.new?.ranks.overall ?? "—"} ${prize(m.old)}→${prize(m.new)} [${m.because.join(",")}]`),
    // Where pending claims leave each moved unit's overall place, before and after.
    ranges: moves.map((m) => {
      const range = (u: (typeof moves)[number]["old"]) => u?.certainty?.ranks.overall?.join("–") ?? "—";
      return `${m.name} ${range(m.old)} → ${range(m.new)}`;
    }),
  };
}

describe("comparing two submissions", () => {
  it("a corrected cell moves two units across a tier boundary, the other's move traced to it", () => {
    // 丁's 宣传 corrected from 40 to 46: 96, second; 乙 third; 丙 out of the prizes.
    const r = run(BASE, BASE.map((u) => (u.name === "丁" ? { ...u, scores: { JS1: 46 } } : u)));
    expect(r.changes).toEqual(["丁 JS1 value"]);
    expect(r.moves).toEqual(["乙 2→3 二等奖→二等奖 [0]", "丙 3→4 二等奖→— [0]", "丁 4→2 —→二等奖 [0]"]);
  });

  it("a rate that newly fails a gate vetoes the unit; those below move up", () => {
    const r = run(BASE, BASE.map((u) => (u.name === "乙" ? { ...u, rates: { ZB1: 0.94, MB1: 0.95 } } : u)));
    expect(r.changes).toEqual(["乙 ZB1 value"]);
    expect(r.moves).toEqual(["乙 2→— 二等奖→— [0]", "丙 3→2 二等奖→二等奖 [0]", "丁 4→3 —→二等奖 [0]"]);
  });

  it("a veto lifted on a unit that kept its rank gives back the prize it held out of: those it passed it to are traced to the change", () => {
    // The gate's veto keeps the unit's rank and passes its prize place on. 乙 98, vetoed 78 (its gate
    // scores 0), is 2nd either way, ahead of 丙 75 and 丁 72: vetoed, its 二等奖 place (2nd–3rd) passes
    // down to 丁; lifted, 乙 takes it back and 丁 loses it, passed by no one.
    const V = mini((t) => t.replace("        kind: gate\n        indicator: ZB1\n        target: MB1\n", "        kind: gate\n        indicator: ZB1\n        target: MB1\n        veto:\n          ranked: true\n          place: passed\n"));
    const units: UnitSpec[] = [{ name: "甲" }, { name: "乙", scores: { JS1: 48 } }, { name: "丙", scores: { JS1: 25 } }, { name: "丁", scores: { JS1: 22 } }];
    const vetoed = units.map((u) => (u.name === "乙" ? { ...u, rates: { ZB1: 0.94, MB1: 0.95 } } : u));
    const a = { rubric: V, submission: submission(V, vetoed) };
    const b = { rubric: V, submission: submission(V, units) };
    const changes = compareInputs(a, b);
    const moves = compareResults(score(V, a.submission), score(V, b.submission), changes).filter((m) => m.moved);
    const prize = (u: (typeof moves)[number]["old"]) => u?.awards.find((x) => x.kind === "rank")?.tier ?? "—";
    expect(moves.map((m) => `${m.name} ${m.old?.ranks.overall ?? "—"}→${m.new?.ranks.overall ?? "—"} ${prize(m.old)}→${prize(m.new)} [${m.because.join(",")}]`)).toEqual(["乙 2→2 —→二等奖 [0]", "丁 4→4 二等奖→— [0]"]);
  });

  it("a ledger row whose status changes is one changed row, found by unit, code and content", () => {
    const pending: EntrySpec[] = [{ unit: "甲", code: "KF1", status: "已认定" }, { unit: "丙", code: "JF2", level: "国家级", status: "申报中" }];
    const confirmed: EntrySpec[] = [{ unit: "丙", code: "JF2", level: "国家级", status: "已认定" }, { unit: "甲", code: "KF1", status: "已认定" }];
    // 甲 100 − 20 = 80; 丙 92 + 10 = 102: first, and 甲 now fourth.
    const r = run(BASE, BASE, pending, confirmed);
    expect(r.changes).toEqual(["丙 JF2 ledger"]);
    expect(r.moves).toEqual(["乙 1→2 一等奖→二等奖 [0]", "丙 2→1 二等奖→一等奖 [0]"]);
  });

  it("a claim added as pending is a change, but the cause of no move: only what counts moves a unit", () => {
    // 丁's 宣传 corrected to 46 passes 乙 and 丙; 丙's claim, still 申报中, scores nothing.
    const claim: EntrySpec[] = [{ unit: "丙", code: "JF2", level: "国家级", status: "申报中" }];
    const r = run(BASE, BASE.map((u) => (u.name === "丁" ? { ...u, scores: { JS1: 46 } } : u)), [], claim);
    expect(r.changes).toEqual(["丁 JS1 value", "丙 JF2 ledger"]);
    // Their ranks and prizes are 丁's doing alone; the claim opens their places (丙 confirmed would
    // pass them, and 甲): that is its doing, cited with it.
    expect(r.moves).toEqual(["甲 1→1 一等奖→一等奖 [1]", "乙 2→3 二等奖→二等奖 [0,1]", "丙 3→4 二等奖→— [0,1]", "丁 4→2 —→二等奖 [0,1]"]);
    expect(r.ranges).toEqual(["甲 — → 1–2", "乙 — → 3–4", "丙 — → 1–4", "丁 — → 2–3"]);
  });

  it("a unit added is a change of its own, and moves those it passes", () => {
    const r = run(BASE, [...BASE, { name: "戊", scores: { JS1: 49 } }]);
    expect(r.changes).toEqual(["戊  unit"]);
    expect(r.moves).toEqual(["乙 2→3 二等奖→二等奖 [0]", "丙 3→4 二等奖→— [0]", "丁 4→5 —→— [0]", "戊 —→2 —→二等奖 [0]"]);
  });

  it("a unit added within the totals a pending claim leaves another open opens its rank range, and is said as the cause (it was said with none)", () => {
    // 乙 80 with a claim of 5 pending (80–85), 2nd; 戊 added at 78 with a claim of 5 of its own
    // (78–83) may end ahead of it: 乙 2nd as scored, 2–3 as the claims are decided.
    const units: UnitSpec[] = [{ name: "甲" }, { name: "乙", scores: { JS1: 30 } }, { name: "丙", scores: { JS1: 20 } }];
    const added: UnitSpec[] = [...units, { name: "戊", scores: { JS1: 28 } }];
    const claim: EntrySpec[] = [{ unit: "乙", code: "JF2", level: "市级", status: "申报中" }];
    const claims: EntrySpec[] = [...claim, { unit: "戊", code: "JF2", level: "市级", status: "申报中" }];
    const r = run(units, added, claim, claims);
    expect(r.changes).toEqual(["戊  unit", "戊 JF2 ledger"]);
    // (The unit added and its claim: both put its totals within 乙's.)
    expect(r.moves.find((m) => m.startsWith("乙"))).toBe("乙 2→2 二等奖→二等奖 [0,1]");
    expect(r.ranges.find((m) => m.startsWith("乙"))).toBe("乙 — → 2–3");
    // And removed again, its range closing: by the removal (the unit and its claim).
    const back = run(added, units, claims, claim);
    expect(back.moves.find((m) => m.startsWith("乙"))).toBe("乙 2→2 二等奖→二等奖 [0,1]");
  });

  it("the same inputs in another order are no change at all", () => {
    const ledger: EntrySpec[] = [{ unit: "甲", code: "KF1" }, { unit: "乙", code: "JF1" }];
    const r = run(BASE, [...BASE].reverse(), ledger, [...ledger].reverse());
    expect(r).toEqual({ changes: [], moves: [], ranges: [] });
  });
});

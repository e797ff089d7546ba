// assess diff on an item scored by place (rank-points): a unit's place on it moved by another's
// change (a veto lifted lets a unit back into the places) while its points stay (below the last
// place that scores) moved nothing of it: not said among its moves, nor cited as a cause.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { compareInputs, compareResults, relativeReads } from "../../src/report/compare.js";
import { moveParts } from "../../src/report/compare-text.js";
import { message } from "../../src/messages/index.js";
import { rubricFrom, submission, type UnitSpec } from "../helpers/builders.js";

// K1: ZB3 by place in 乡镇组, 20 for the first, 10 less a place (nothing from the third on); vetoed
// units take no place. K3: a gate on ZB5 (no accident). K2: judged.
const R = rubricFrom(`id: places
version: "1"
effective: "2026-01-01"
title: 名次计分
unit_kinds:
  - id: town
    name: 乡镇
    labels: [镇, 街道]
    scale: 100
    lines: [K]
    groups:
      - { id: rural, name: 乡镇组, labels: [镇] }
      - { id: urban, name: 街道组, labels: [街道] }
indicators:
  - { code: ZB3, name: 收入, unit: amount, display: 万元 }
  - { code: ZB5, name: 重大事故, unit: number, display: 起, direction: lower }
lines:
  - code: K
    name: 考核
    max: 100
    items:
      - { code: K1, name: 招商, max: 20, kind: rank-points, indicator: ZB3, per_place: 10 }
      - { code: K2, name: 其余, max: 80 }
      - { code: K3, name: 底线, max: 0, kind: gate, indicator: ZB5, target: 0 }
ledger:
  statuses: { counted: [已认定], pending: [], rejected: [] }
  flag_words: { yes: [是], no: [否] }
  codes: []
rankings:
  - { id: all, name: 综合排名, unit_kind: town, by: total }
`);

const town = (name: string, zb3: number, k2: number, accidents = 0): UnitSpec => ({ name, group: "rural", scores: { K2: k2 }, measures: { ZB3: zb3, ZB5: accidents } });

describe("a place on an item scored by place", () => {
  // Before: 否决镇 vetoed (out of the places); 甲 1st (20) 100, 乙 2nd (10) 90, 丙 3rd (0) 70, 丁 4th (0) 60.
  // After: [1] 否决镇's veto lifted: 1st on K1 (its 10 on K2: last overall, 30); [2] 丁's K2 60 → 75.
  // 丙: 4th on K1, 0 either way; passed overall by 丁 alone: 3rd → 4th by [2].
  const before = [town("甲镇", 500, 80), town("乙镇", 400, 80), town("丙镇", 300, 70), town("丁镇", 200, 60), town("否决镇", 600, 10, 1)];
  const after = before.map((u) => (u.name === "否决镇" ? town("否决镇", 600, 10) : u.name === "丁镇" ? town("丁镇", 200, 75) : u));
  const a = { rubric: R, submission: submission(R, before) };
  const b = { rubric: R, submission: submission(R, after) };
  const ra = score(R, a.submission);
  const rb = score(R, b.submission);
  const changes = compareInputs(a, b);
  const moves = compareResults(ra, rb, changes, relativeReads(R, R)).filter((m) => m.moved);
  const w = { lang: "zh-CN" as const, t: (k: string, d?: Readonly<Record<string, string | number>>): string => message("zh-CN", k, d) };
  const said = (name: string): string => {
    const m = moves.find((x) => x.name === name);
    return m ? `${moveParts(w, ra, rb, m, [R, R]).join(";")} [${m.because.map((i) => changes[i]?.unit).join(",")}]` : "—";
  };

  it("moved with no points is neither said nor a cause", () => {
    expect(changes.map((c) => `${c.unit} ${c.code}`)).toEqual(["丁镇 K2", "否决镇 ZB5"]);
    expect(said("丙镇")).toBe("综合排名 3 → 4(排到 丁镇 之后) [丁镇]");
  });

  it("moved with its points is said, and its cause cited", () => {
    // 乙: 2nd → 3rd on K1, 10 → 0.
    expect(said("乙镇")).toBe("总分 90 → 80;K1 招商 在乡镇组中排第 2 → 3 名 [否决镇]");
  });
});

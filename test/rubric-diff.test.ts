// assess rubric diff: what changed between two versions, item by item.
import { describe, expect, it } from "vitest";
import { diffRubrics } from "../src/rubric/diff.js";
import { mini } from "./helpers/builders.js";

describe("rubric diff", () => {
  it("lists added, removed and changed items, ledger codes and awards", () => {
    const a = mini();
    const b = mini((t) =>
      t
        .replace("            name: 决策甲\n            max: 12.5", "            name: 决策甲(新)\n            max: 10")
        .replace("            name: 决策乙\n            max: 7.5", "            name: 决策乙\n            max: 10")
        .replace("      points: 20\n      once_per_year: true", "      points: 25\n      once_per_year: true")
        .replace("    below: 60", "    below: 65"),
    );
    expect(diffRubrics(a, b).map((c) => `${c.kind} ${c.what} ${c.code}: ${c.detail}`)).toEqual([
      "changed item DZ2.1: 决策甲 12.5 judged → 决策甲(新) 10 judged",
      "changed item DZ2.2: 决策乙 7.5 judged → 决策乙 10 judged",
      "changed ledger JF1: 创新 bonus 20 (once_per_year) → 创新 bonus 25 (once_per_year)",
      "changed award 黄牌警告: last < 60 → last < 65",
    ]);
    expect(diffRubrics(a, a)).toEqual([]);
  });

  it("sees an item removed and another added", () => {
    const b = mini((t) => t.replace("code: BM1\n        name: 职责", "code: BM2\n        name: 职责"));
    expect(diffRubrics(mini(), b).map((c) => `${c.kind} ${c.code}`)).toEqual(["removed BM1", "added BM2"]);
  });
});

// Which unit kinds a revision's changes can move (a unit of another kind is not said to be moved
// by the rubric): a cap on all of a kind's ledger rows reaches the kinds with codes of that kind.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kindsMoved } from "../../src/report/compare-text.js";
import { diffLines } from "../../src/report/rubric-text.js";
import { loadRubric } from "../../src/rubric/load.js";
import type { Rubric } from "../../src/rubric/model.js";

const load = (t: string): Rubric => loadRubric("r.yaml", Buffer.from(t), "test").rubric!;

describe("the kinds a revision's changes reach", () => {
  it("for a bonus cap lowered, are the kinds with bonus codes, though the rubric caps deductions too", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const caps = "  caps:\n    - kind: bonus\n      max: 5\n";
    expect(text).toContain(caps);
    const both = (bonus: number): string => text.replace(caps, `  caps:\n    - kind: bonus\n      max: ${bonus}\n    - kind: deduction\n      max: 10\n`);
    const [a, b] = [load(both(5)), load(both(4).replace('version: "2026.1"', 'version: "2026.2"'))];
    const bonusKinds = new Set(a.ledger.filter((l) => l.kind === "bonus").flatMap((l) => l.unitKinds));
    expect(bonusKinds.has("enterprise")).toBe(false);
    for (const lang of ["zh-CN", "en"] as const) expect(kindsMoved(diffLines(a, b, lang).changes, [a, b])).toEqual(bonusKinds);
  });
});

// A unit's causes in a list of changes: numbered where few; where many (an item scored against its
// group moves with every unit's value), its own numbered and the others counted.
import { describe, expect, it } from "vitest";
import { causeRefs } from "../../src/report/compare-text.js";
import type { InputChange } from "../../src/report/compare.js";
import { message } from "../../src/messages/index.js";

const w = { lang: "zh-CN" as const, t: (code: string, data?: Readonly<Record<string, string | number>>) => message("zh-CN", code, data ?? {}) };
const changes = (units: readonly string[]): InputChange[] => units.map((unit) => ({ unit, code: "ZB1", what: "value", old: 100, new: 200 }));

describe("a unit's causes", () => {
  it("are numbered one by one where there are ten or fewer", () => {
    const list = changes(["甲", "乙", "丙"]);
    expect(causeRefs(w, [0, 1, 2], list, "甲")).toBe("[1][2][3]");
  });

  it("where more: its own numbered, the other units' counted", () => {
    const list = changes(["甲", ...Array.from({ length: 1500 }, (_, i) => `单位${i}`), "甲"]);
    const all = list.map((_, i) => i);
    expect(causeRefs(w, all, list, "甲")).toBe("[1][1502] 及其他单位的 1500 处变化");
    // None of its own: the others' count alone.
    expect(causeRefs(w, all.slice(1, 20), list, "甲")).toBe("其他单位的 19 处变化");
    // Many of its own: the first ten of them, and their count.
    const own = changes(Array.from({ length: 12 }, () => "甲"));
    expect(causeRefs(w, own.map((_, i) => i), own, "甲")).toBe("[1][2][3][4][5][6][7][8][9][10] 等本单位 12 处变化");
  });
});

// The report's tables say what ranked level units apart where the table may not show it.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { buildReport } from "../../src/report/september/model.js";
import { mini, submission } from "../helpers/builders.js";
import { DATE } from "./helpers.js";

describe("the report's ranking tables", () => {
  it("say the tie-breakers where units level on the total are ranked apart by them, and nothing where none are", () => {
    const T = mini((t) => t.replace("    by: total\n", "    by: total\n    tie_breakers: [JS]\n"));
    // 甲 and 乙 level at 98 (40 − 2 + 60 and 40 + 58): 甲's 计生线 60 puts it first.
    const level = score(T, submission(T, [{ name: "甲", scores: { "DZ2.1": 10.5 } }, { name: "乙", scores: { JS1: 48 } }, { name: "丙", scores: { JS1: 40 } }]));
    expect(level.rankings[0]?.entries.map((e) => [level.units[e.unit]?.name, e.rank, e.value])).toEqual([
      ["甲", 1, 9800],
      ["乙", 2, 9800],
      ["丙", 3, 9000],
    ]);
    const note = (r: typeof level): string | undefined => buildReport(T, r, { lang: "zh-CN", cover: {}, date: DATE, tool: "t" }).tables[0]?.note;
    expect(note(level)).toBe("(共 3 个单位)(同分的单位依次按 JS 计生线 比较排定名次)");
    const apart = score(T, submission(T, [{ name: "甲" }, { name: "乙", scores: { JS1: 48 } }, { name: "丙", scores: { JS1: 40 } }]));
    expect(note(apart)).toBe("(共 3 个单位)");
  });
});

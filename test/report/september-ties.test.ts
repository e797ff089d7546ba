// The report's tables say what ranked level units apart where the table may not show it.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { buildReport } from "../../src/report/september/model.js";
import { mini, submission } from "../helpers/builders.js";
import { DATE } from "./helpers.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { vacancies, vacancyCells } from "../../src/report/labels.js";
import { message } from "../../src/messages/index.js";
import { unitJson } from "../../src/report/json.js";
import { heldPrizes } from "../../src/report/held-prizes.js";

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
    // (丙, last, has the ranking's yellow card: its row's colour said.)
    // In the same brackets as the count (two pairs side by side read as a slip).
    expect(note(level)).toBe("(共 3 个单位;标黄的为受黄牌警告单位;同分的单位按 JS 计生线 比较排定名次)");
    const apart = score(T, submission(T, [{ name: "甲" }, { name: "乙", scores: { JS1: 48 } }, { name: "丙", scores: { JS1: 40 } }]));
    expect(note(apart)).toBe("(共 3 个单位;标黄的为受黄牌警告单位)");
  });
});

/** Under rubric T: the results of these units, a unit's index by name, and its explanation. */
function scoredUnder(T: ReturnType<typeof mini>) {
  const words = { lang: "zh-CN" as const, t: (code: string, data?: Readonly<Record<string, string | number>>) => message("zh-CN", code, data ?? {}) };
  return (units: Parameters<typeof submission>[1]) => {
    const r = score(T, submission(T, units));
    const at = (n: string): number => r.units.findIndex((u) => u.name === n);
    return { r, at, explained: (n: string): string => renderExplain(words, PLAIN, T, submission(T, []), r, at(n)) };
  };
}

describe("a vetoed unit whose place stays empty, tied with units that win a prize", () => {
  const T = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: empty }\n"));
  const scored = scoredUnder(T);

  it("loses the prize it would have shared: explain says so, and that the place the tie took beyond it is 空缺 (two 二等奖, one given), as the award list does", () => {
    // 丙 100; 甲 vetoed (DZ1's 20 lost: 80) level with 乙 (JS1 30: 80): 2nd both, 二等奖 places 2–3.
    const { r, at, explained } = scored([{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 30 } }]);
    expect([r.units[at("甲")]?.ranks.overall, r.units[at("乙")]?.ranks.overall]).toEqual([2, 2]);
    expect(r.units[at("乙")]?.awards.some((a) => a.kind === "rank" && a.tier === "二等奖")).toBe(true);
    expect(explained("甲")).toContain("  综合排名第 2 名本应与并列的单位同获二等奖,因一票否决不得获奖;其所占的第 3 名(二等奖)空缺\n");
    expect(vacancies(T, r).map((v) => vacancyCells(v, "zh-CN").basis)).toEqual(["综合排名第 2 名的甲一票否决,不得获奖,其计奖名次(第 3 名)空缺"]);
  });

  it("at a prize's last place, loses the prize it would have shared and keeps no place empty: the place the tie took beyond it gives none", () => {
    // 丙 100, 丁 90; 甲 vetoed (80) level with 乙 (80): 3rd both, 二等奖's last place 3 to 乙, 甲's place 4 none.
    const { r, at, explained } = scored([{ name: "丙" }, { name: "丁", scores: { JS1: 40 } }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 30 } }]);
    expect([r.units[at("丁")]?.ranks.overall, r.units[at("甲")]?.ranks.overall, r.units[at("乙")]?.ranks.overall]).toEqual([2, 3, 3]);
    expect(r.units[at("乙")]?.awards.some((a) => a.kind === "rank" && a.tier === "二等奖")).toBe(true);
    expect(explained("甲")).toContain("  综合排名第 3 名本应与并列的单位同获二等奖,因一票否决不得获奖\n");
    expect(vacancies(T, r)).toEqual([]);
  });
});

describe("a vetoed unit whose place passes on, tied with a unit that wins a prize", () => {
  const T = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true }\n"));
  const scored = scoredUnder(T);
  const withheld = (r: ReturnType<typeof score>, i: number): unknown => (unitJson(r.units[i]!, false, heldPrizes(T, r, i)) as { withheld?: unknown }).withheld;

  it("at a prize's last place: the unit tied keeps it, the unit behind moves up to a place that gives none, and explain does not say the prize passed on", () => {
    // 丙 100, 丁 90; 甲 vetoed (80) level with 乙 (80): 3rd both, 二等奖's last place 3 to 乙; 戊 (70) 5th, moved up to place 4: nothing.
    const { r, at, explained } = scored([{ name: "丙" }, { name: "丁", scores: { JS1: 40 } }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 30 } }, { name: "戊", scores: { JS1: 20 } }]);
    expect(["丁", "甲", "乙", "戊"].map((n) => r.units[at(n)]?.ranks.overall)).toEqual([2, 3, 3, 5]);
    expect(r.units[at("戊")]?.awards.some((a) => a.kind === "rank")).toBe(false);
    expect(explained("甲")).toContain("  综合排名第 3 名本应与并列的单位同获二等奖,因一票否决不得获奖;并列的单位照常获奖,其后没有单位因递补而获奖\n");
    expect(withheld(r, at("甲"))).toEqual([{ kind: "rank", ranking: "overall", tier: "二等奖", rank: 3, place: 3, passed: false, tied: true }]);
  });

  it("above a prize's last place: the unit behind moves up into it, said so", () => {
    // 丙 100; 甲 vetoed (80) level with 乙 (80): 2nd both, 乙 place 2; 戊 (70) 4th, moved up to place 3: 二等奖.
    const { r, at, explained } = scored([{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 30 } }, { name: "戊", scores: { JS1: 20 } }]);
    expect(r.units[at("戊")]?.awards.find((a) => a.kind === "rank")).toMatchObject({ tier: "二等奖", place: 3 });
    expect(explained("甲")).toContain("  综合排名第 2 名本应与并列的单位同获二等奖,因一票否决不得获奖;并列的单位照常获奖,其后的单位依次递补一个名次\n");
    expect(withheld(r, at("甲"))).toEqual([{ kind: "rank", ranking: "overall", tier: "二等奖", rank: 2, place: 2, passed: true, tied: true }]);
  });
});

describe("a vetoed unit kept ranked, last", () => {
  it("has the yellow card of its place on its row, as its award list and the result sheets have it", () => {
    const T = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true }\n"));
    // 甲 vetoed (DZ1's 20 lost) and JS1 20: 70, last of three.
    const r = score(T, submission(T, [{ name: "丙" }, { name: "乙", scores: { JS1: 30 } }, { name: "甲", rates: { ZB1: 0.9 }, scores: { JS1: 20 } }]));
    const 甲 = r.units.find((u) => u.name === "甲");
    expect(甲?.awards.map((a) => a.kind)).toContain("warning");
    const report = buildReport(T, r, { lang: "zh-CN", cover: {}, date: DATE, tool: "t" });
    const row = report.tables[0]?.rows.find((x) => x.cells[1] === "甲");
    expect(row?.cells.at(-1)).toBe("一票否决:DZ1 基本指标,ZB1 符合率 90%,低于目标 95%;黄牌警告:综合排名末位,且总分低于 60");
    expect(row?.mark).toBe("veto");
  });
});

describe("the English Excel report's overall table", () => {
  it("holds each heading's longest word on one line (Deduction broke as Deductio / n in a column of 10)", async () => {
    const { buildReport: build, reportXlsx } = await import("../../src/report/september/index.js");
    const { readBook, scoreFile, SAMPLE } = await import("./helpers.js");
    const scored = await scoreFile(SAMPLE);
    const book = await readBook(await reportXlsx(build(scored.rubric, scored.results, { lang: "en", cover: scored.cover, date: DATE, tool: "t" }), DATE));
    const ws = book.worksheets[0]!;
    let col = 0;
    ws.eachRow((row) => row.eachCell((c, n) => void (col === 0 && typeof c.value === "string" && c.value.split("\n")[0] === "Deduction" ? (col = n) : undefined)));
    expect(col).toBeGreaterThan(0);
    // 9 bold Latin letters: 9 × 1.2 × 1.1 and the cell's margins.
    expect(ws.getColumn(col).width).toBeGreaterThanOrEqual(13);
    // A Chinese heading breaks anywhere: its columns keep their widths (扣分(计入总分) widened one to 18).
    const liuhe = await scoreFile("samples/liuhe-2026.xlsx");
    const zh = await readBook(await reportXlsx(build(liuhe.rubric, liuhe.results, { lang: "zh-CN", cover: liuhe.cover, date: DATE, tool: "t" }), DATE));
    const sheet = zh.worksheets[0]!;
    let at = 0;
    sheet.eachRow((row) => row.eachCell((c, n) => void (at === 0 && typeof c.value === "string" && c.value.startsWith("扣分") && c.value.includes("计入总分") ? (at = n) : undefined)));
    expect(at).toBeGreaterThan(0);
    expect(sheet.getColumn(at).width).toBe(10);
  });
});

describe("the English Excel report's line rankings", () => {
  it("give a header row the lines its bold words take (% of max took two lines in a row of one, its top cut off)", async () => {
    const { buildReport: build, reportXlsx } = await import("../../src/report/september/index.js");
    const { linesFor, rowHeight } = await import("../../src/report/september/layout.js");
    const { readBook, scoreFile, SAMPLE } = await import("./helpers.js");
    const scored = await scoreFile(SAMPLE);
    const ws = (await readBook(await reportXlsx(build(scored.rubric, scored.results, { lang: "en", cover: scored.cover, date: DATE, tool: "t" }), DATE))).worksheets[0]!;
    const heads: { text: string; width: number; height: number }[] = [];
    ws.eachRow((row) => row.eachCell((c, n) => void (typeof c.value === "string" && c.value.replace("\n", " ") === "% of max" ? heads.push({ text: c.value, width: ws.getColumn(n).width ?? 0, height: row.height }) : undefined)));
    expect(heads.length).toBeGreaterThanOrEqual(3);
    // Bold Latin a tenth wider than it measures.
    for (const h of heads) expect(h.height).toBeGreaterThanOrEqual(rowHeight(linesFor(h.text, h.width / 1.1)));
    expect(heads.some((h) => linesFor(h.text, h.width / 1.1) > 1)).toBe(true);
  });
});

describe("空缺 rows", () => {
  const T = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: empty }\n"));

  it("name every vetoed unit tied at the place they keep empty, and say a place no unit reaches as a prize place (it read as a rank someone holds)", async () => {
    const { vacancies, vacancyCells } = await import("../../src/report/labels.js");
    const said = (r: ReturnType<typeof score>): string[] => vacancies(T, r).map((v) => `${vacancyCells(v, "zh-CN").award} | ${vacancyCells(v, "zh-CN").basis}`);
    // 丙 100 first; 甲 and 乙 vetoed, level at 80: second together, place 2 empty.
    const tied = score(T, submission(T, [{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", rates: { ZB1: 0.9 } }]));
    // Two tied take two places: 2 and 3, both 二等奖's, both kept empty, said once (two rows read alike).
    expect(said(tied)).toEqual(["二等奖空缺 | 综合排名第 2 名的甲、乙一票否决,不得获奖,其计奖名次(第 2–3 名)空缺"]);
    // In English the tied units are listed as English lists them (they were joined with 、 there too).
    // (and said as two: are vetoed and win no prize, not "is … wins").
    expect(vacancies(T, tied).map((v) => vacancyCells(v, "en").basis)).toEqual(["甲, 乙, rank 2 in 综合排名 (place 2–3 for prizes), are vetoed and win no prize; the place is left empty"]);
    // Two tied at 3rd with 三等奖 from place 4: places 3 and 4, of two tiers (the 三等奖 kept went unsaid).
    const W = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: empty }\n").replace("      ranks: [2, 3]\n", "      ranks: [2, 3]\n    - { name: 三等奖, ranks: [4, 4] }\n"));
    const across = score(W, submission(W, [{ name: "丙" }, { name: "丁", scores: { JS1: 45 } }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", rates: { ZB1: 0.9 } }, { name: "戊", scores: { JS1: 10 } }]));
    expect(vacancies(W, across).map((v) => `${vacancyCells(v, "zh-CN").award} | ${vacancyCells(v, "zh-CN").basis}`)).toEqual([
      "二等奖第 3 名空缺 | 综合排名第 3 名的甲、乙一票否决,不得获奖,奖次空缺",
      "三等奖空缺 | 综合排名第 3 名的甲、乙一票否决,不得获奖,其计奖名次(第 4 名)空缺",
    ]);
    // One unit alone: 二等奖's places 2–3 reach no one.
    const alone = score(T, submission(T, [{ name: "丙" }]));
    expect(said(alone)).toEqual(["二等奖空缺 | 综合排名计奖名次第 2–3 名无可获奖单位"]);
    // Two tied first and a 二等奖 for place 2 alone: the tie used it up, with 丙 third below it
    // (it read as though no unit could win it, and 丙 might be thought owed it).
    const U = mini((t) => t.replace("ranks: [2, 3]", "ranks: [2, 2]"));
    const level = score(U, submission(U, [{ name: "甲" }, { name: "乙" }, { name: "丙", scores: { JS1: 40 } }]));
    expect(vacancies(U, level).map((v) => vacancyCells(v, "zh-CN").basis)).toEqual(["综合排名前面的单位名次并列,计奖名次第 2 名不设"]);
  });

  it("are (待定) where a pending claim may move a unit to or from the tier's places, as the prizes beside them are", async () => {
    const { vacancies, vacancyCells } = await import("../../src/report/labels.js");
    const said = (r: ReturnType<typeof score>): string[] => vacancies(T, r).map((v) => vacancyCells(v, "zh-CN").award);
    // 丙 100 first; 甲 vetoed at 80 keeps place 2 empty; 乙 at 75 third. 乙's pending 国家级 +10
    // may take it to 85, past 甲: then 甲 is third and place 3 is the one kept empty.
    const units = [{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 25 } }];
    const pending = score(T, submission(T, units, [{ unit: "乙", code: "JF2", level: "国家级", status: "申报中" }]));
    expect(pending.units.map((u) => [u.name, u.ranks[T.rankings[0]!.id], u.certainty?.ranks[T.rankings[0]!.id]])).toEqual([
      ["丙", 1, undefined],
      ["甲", 2, [2, 3]],
      ["乙", 3, [2, 3]],
    ]);
    expect(said(pending)).toEqual(["(待定)二等奖第 2 名空缺"]);
    // Decided, or a claim that moves nobody near the prizes: not.
    expect(said(score(T, submission(T, units, [{ unit: "乙", code: "JF2", level: "国家级", status: "不予认定" }])))).toEqual(["二等奖第 2 名空缺"]);
  });

  it("are not (待定) where a place a vetoed unit keeps is out of every pending claim's reach, though a later place of the tier is not (a tester's find: marked beside a settled unit)", async () => {
    const { vacancies, vacancyCells } = await import("../../src/report/labels.js");
    // 丙 100; 甲 vetoed at 80 keeps place 2; 乙 75 holds place 3; 丁 70, its pending 市级 +5 reaching 乙's 75, not 甲's 80.
    const units = [{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 25 } }, { name: "丁", scores: { JS1: 20 } }];
    const r = score(T, submission(T, units, [{ unit: "丁", code: "JF2", level: "市级", status: "申报中" }]));
    expect(r.units.find((u) => u.name === "丁")?.certainty?.ranks[T.rankings[0]!.id]).toEqual([3, 4]);
    expect(vacancies(T, r).map((v) => vacancyCells(v, "zh-CN").award)).toEqual(["二等奖第 2 名空缺"]);
    // Units moving among the places above it leave it as it is (a reviewer's find): 丙 100 and 乙 95,
    // 乙's pending 国家级 +10 taking it past 丙; 甲 vetoed at 80 keeps place 3.
    const above = [{ name: "丙" }, { name: "乙", scores: { JS1: 45 } }, { name: "甲", rates: { ZB1: 0.9 } }];
    const swap = score(T, submission(T, above, [{ unit: "乙", code: "JF2", level: "国家级", status: "申报中" }]));
    expect(swap.units.find((u) => u.name === "乙")?.certainty?.ranks[T.rankings[0]!.id]).toEqual([1, 2]);
    expect(vacancies(T, swap).map((v) => vacancyCells(v, "zh-CN").award)).toEqual(["二等奖第 3 名空缺"]);
  });

  it("are not (待定) where a tie above used the place up and no pending claim may reach the tie (a tester's find: ranks compared with prize places past a place passed on)", async () => {
    const { vacancies, vacancyCells } = await import("../../src/report/labels.js");
    // 甲's place passes on: 丙 100 (一等奖); 甲 vetoed at 80; 乙 and 丁 tied at 75 take 二等奖's place 2
    // and 三等奖's place 3; 戊 70 place 4; 己 67, its pending 市级 +5 reaching 戊's 70 (ranks 5–6,
    // prize places 4–5), not the tie's 75: place 3 stays empty however it is decided.
    const P = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: passed }\n").replace("      ranks: [2, 3]\n", "      ranks: [2, 2]\n    - { name: 三等奖, ranks: [3, 5] }\n"));
    const units = [{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 25 } }, { name: "丁", scores: { JS1: 25 } }, { name: "戊", scores: { JS1: 20 } }, { name: "己", scores: { JS1: 17 } }];
    const said = (r: ReturnType<typeof score>): string[] => vacancies(P, r).map((v) => vacancyCells(v, "zh-CN").award);
    const r = score(P, submission(P, units, [{ unit: "己", code: "JF2", level: "市级", status: "申报中" }]));
    expect(r.units.map((u) => [u.name, u.ranks[P.rankings[0]!.id], u.certainty?.ranks[P.rankings[0]!.id]])).toEqual([
      ["丙", 1, undefined],
      ["甲", 2, undefined],
      ["乙", 3, undefined],
      ["丁", 3, undefined],
      ["戊", 5, [5, 6]],
      ["己", 6, [5, 6]],
    ]);
    expect(said(r)).toEqual(["三等奖第 3 名空缺"]);
    // A claim that may reach the tie (国家级 +10: 77) may part it: then it is.
    const reaching = score(P, submission(P, units, [{ unit: "己", code: "JF2", level: "国家级", status: "申报中" }]));
    expect(said(reaching)).toEqual(["(待定)三等奖第 3 名空缺"]);
    // The JSON says the same of each: the place, why, and whether a claim may change it.
    const { resultsJson } = await import("../../src/report/json.js");
    const vacanciesIn = (x: ReturnType<typeof score>): unknown => (JSON.parse(resultsJson(x, { rubric: P })) as { rankings: { vacancies?: unknown }[] }).rankings[0]?.vacancies;
    expect(vacanciesIn(r)).toEqual([{ tier: "三等奖", places: [3], why: "tie-above" }]);
    expect(vacanciesIn(reaching)).toEqual([{ tier: "三等奖", places: [3], why: "tie-above", pending: true }]);
    // A vetoed unit whose place passes on, its pending deduction taking it through the tie (甲 80 − 20 = 60):
    // it holds no prize place wherever it ends, and the place stays empty (a re-tester's find).
    const joining = score(P, submission(P, units, [{ unit: "甲", code: "KF1", status: "申报中" }]));
    expect(joining.units.find((u) => u.name === "甲")?.certainty?.ranks[P.rankings[0]!.id]).toEqual([2, 6]);
    expect(said(joining)).toEqual(["三等奖第 3 名空缺"]);
    // Places past every unit that may win (fewer units than places) no claim fills: never (待定),
    // though a claim moves 乙 (75, +5 level with 甲's 80: ranks 2–3) into the tier's ranks.
    const few = units.slice(0, 3);
    const fewer = score(P, submission(P, few, [{ unit: "乙", code: "JF2", level: "市级", status: "申报中" }]));
    expect(fewer.units.find((u) => u.name === "乙")?.certainty?.ranks[P.rankings[0]!.id]).toEqual([2, 3]);
    expect(said(fewer)).toEqual(["三等奖空缺"]);
    // And with a tie that claim may part (乙 and 丁 at 75, 丁's +5): the place the tie used up is, those past every unit not.
    const parted = score(P, submission(P, units.slice(0, 4), [{ unit: "丁", code: "JF2", level: "市级", status: "申报中" }]));
    expect(vacancies(P, parted).map((v) => `${vacancyCells(v, "zh-CN").award} | ${vacancyCells(v, "zh-CN").basis}`)).toEqual([
      // (Each row its places, as the tier is empty for two reasons: 三等奖空缺 twice read as the tier empty twice over.)
      "(待定)三等奖第 3 名空缺 | 综合排名前面的单位名次并列,计奖名次第 3 名不设",
      "三等奖第 4–5 名空缺 | 综合排名计奖名次第 4–5 名无可获奖单位",
    ]);
    // In English, places in the plural where they are several (place 4–5 vacant).
    expect(vacancies(P, parted).map((v) => vacancyCells(v, "en").award)).toEqual([expect.stringMatching(/三等奖: place 3 vacant$/), "三等奖: places 4–5 vacant"]);
  });
});

describe("a grade a veto gives a unit not ranked", () => {
  it("is given on the veto in the award list, not on a rank it has not (综合排名第 — 名)", async () => {
    const { awardBasis } = await import("../../src/report/labels.js");
    const T = mini((t) =>
      t
        .replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: false, grade: 不合格 }\n")
        .replace("  - id: overall\n    name: 综合排名\n    unit_kind: town\n    by: total\n", "  - id: overall\n    name: 综合排名\n    unit_kind: town\n    by: total\n    grades:\n      bands:\n        - { name: 优秀, from: 85 }\n      otherwise: 不合格\n"),
    );
    const r = score(T, submission(T, [{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }]));
    const 甲 = r.units.find((u) => u.name === "甲")!;
    const grade = 甲.awards.find((a) => a.kind === "grade")!;
    expect(甲.ranks.overall).toBeNull();
    expect(awardBasis(grade, 甲, "zh-CN", T, "—")).toBe("一票否决,不参加综合排名,直接定为不合格");
    expect(awardBasis(grade, 甲, "en", T, "—")).toBe("one-vote veto: not ranked in 综合排名, graded 不合格");
  });
});

describe("the report's chart legend for vetoed units", () => {
  it("says they still hold places where the rubric ranks them (it said 一票否决 beside 参与排名, as if they had none), and that they do not where it does not", () => {
    const legend = (T: ReturnType<typeof mini>, lang: "zh-CN" | "en" = "zh-CN"): string | undefined => {
      // 甲 vetoed (ZB1 90% under its 95% target).
      const r = score(T, submission(T, [{ name: "丙" }, { name: "甲", rates: { ZB1: 0.9 } }, { name: "乙", scores: { JS1: 30 } }]));
      return buildReport(T, r, { lang, cover: {}, date: DATE, tool: "t" }).tables[0]?.chart?.vetoed;
    };
    const ranked = mini((t) => t.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: empty }\n"));
    expect(legend(ranked)).toBe("一票否决(仍参与排名)");
    expect(legend(ranked, "en")).toBe("Vetoed (still ranked)");
    expect(legend(mini())).toBe("一票否决(不参与排名)");
  });
});

describe("the HTML report's award list under a scheme without money", () => {
  it("leaves out the empty amount column (it took the basis's room), and keeps it where there is money", async () => {
    const { reportHtml } = await import("../../src/report/september/html.js");
    const T = mini();
    const r = score(T, submission(T, [{ name: "丙" }, { name: "甲", scores: { JS1: 40 } }, { name: "乙", scores: { JS1: 30 } }]));
    const html = reportHtml(buildReport(T, r, { lang: "zh-CN", cover: {}, date: DATE, tool: "t" }));
    const awards = /<section class="block t-awards[^"]*">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(awards).toContain("<th");
    expect(awards).not.toContain("金额(元)");
    const { scoreFile } = await import("./helpers.js");
    const liuhe = await scoreFile("samples/liuhe-2026.xlsx");
    expect(reportHtml(buildReport(liuhe.rubric, liuhe.results, { lang: "zh-CN", cover: liuhe.cover, date: DATE, tool: "t" }))).toContain("金额(元)");
  });
});

describe("the report's closing note on pending claims", () => {
  it("says nothing of awards where the scheme gives none (it said every unit's awards stay as they are)", () => {
    const bare = (t: string): string => t.replace(/^awards:\n(?:[ ]{2,}.*\n)+/m, "").replace(/ {4}- code: DX1\n(?: {6}.*\n)+/, "");
    const T = mini(bare);
    expect(T.rankings.every((r) => r.tiers.length === 0 && r.grades === undefined && r.single.length === 0 && r.yellowCard === undefined)).toBe(true);
    // 乙's pending +20 (JF1) may take it past 甲 (98 and 99): ranks may move.
    const sub = submission(T, [{ name: "甲", scores: { JS1: 59 } }, { name: "乙", scores: { JS1: 58 } }, { name: "丙", scores: { JS1: 40 } }], [{ unit: "乙", code: "JF1", status: "申报中" }]);
    const lines = (lang: "zh-CN" | "en"): readonly string[] => buildReport(T, score(T, sub), { lang, cover: {}, date: DATE, tool: "t" }).closing.lines;
    expect(lines("zh-CN")[0]).toBe("尚有待认定的加扣分记录,认定后有关单位的总分和名次可能变动。");
    expect(lines("en")[0]).toBe("Some ledger claims are still pending: the totals and ranks of the units concerned may still move.");
    // With the scheme's awards, the same claims: every unit's awards are said to stay.
    const withAwards = mini();
    expect(buildReport(withAwards, score(withAwards, submission(withAwards, [{ name: "甲", scores: { JS1: 59 } }, { name: "乙", scores: { JS1: 58 } }, { name: "丙", scores: { JS1: 40 } }, { name: "丁", scores: { JS1: 30 } }, { name: "戊", scores: { JS1: 20 } }], [{ unit: "戊", code: "KF1", status: "申报中" }])), { lang: "zh-CN", cover: {}, date: DATE, tool: "t" }).closing.lines.join("\n")).toContain("各单位的奖惩均不变");
  });
});

describe("a tie at a prize's last place", () => {
  const T = mini();
  const note = (r: ReturnType<typeof score>): string | undefined => buildReport(T, r, { lang: "zh-CN", cover: {}, date: DATE, tool: "t" }).tables.find((t) => t.kind === "awards")?.note;

  it("is said where it gives the prize to more units than it has places (四个一等奖 of three: money a leader did not count on), in the award list's note", async () => {
    const { tiersShared } = await import("../../src/report/labels.js");
    // 丙 100, 丁 90; 甲 and 乙 level at 80, third both: 二等奖 (places 2–3) to 丁, 甲 and 乙.
    const shared = score(T, submission(T, [{ name: "丙" }, { name: "丁", scores: { JS1: 40 } }, { name: "甲", scores: { JS1: 30 } }, { name: "乙", scores: { JS1: 30 } }]));
    expect(shared.units.filter((u) => u.awards.some((a) => a.kind === "rank" && a.tier === "二等奖")).map((u) => u.name)).toEqual(["丁", "甲", "乙"]);
    expect(tiersShared(T, shared, "zh-CN")).toBe("综合排名第 3 名 2 个单位并列,均获二等奖(二等奖为第 2–3 名,2 个名次,共 3 个单位获得)");
    expect(tiersShared(T, shared, "en")).toBe("2 units tie at rank 3 of 综合排名 and each wins 二等奖 (二等奖 covers 2 places, 2–3, in the rubric: 3 units hold it)");
    expect(note(shared)).toContain("综合排名第 3 名 2 个单位并列,均获二等奖");
    // And under the 奖惩名单 sheet's title, a line of its own.
    const { resultTables } = await import("../../src/report/result-sheets.js");
    const sheet = resultTables(T, submission(T, []), shared, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    expect(sheet?.subtitle?.split("\n")).toContain("综合排名第 3 名 2 个单位并列,均获二等奖(二等奖为第 2–3 名,2 个名次,共 3 个单位获得)");
    // Two tied first, 一等奖 being place 1 alone: both hold it.
    const first = score(T, submission(T, [{ name: "甲" }, { name: "乙" }, { name: "丙", scores: { JS1: 40 } }]));
    expect(tiersShared(T, first, "zh-CN")).toBe("综合排名第 1 名 2 个单位并列,均获一等奖(一等奖为第 1 名,1 个名次,共 2 个单位获得)");
    // Tied within the places (2nd both, 二等奖 places 2–3): as many as its places, nothing to say.
    const within = score(T, submission(T, [{ name: "丙" }, { name: "甲", scores: { JS1: 30 } }, { name: "乙", scores: { JS1: 30 } }, { name: "丁", scores: { JS1: 10 } }]));
    expect(tiersShared(T, within, "zh-CN")).toBeUndefined();
    expect(note(within) ?? "").not.toContain("并列");
  });
});

describe("the report's seal line", () => {
  it("is the rubric's issuer with (盖章) after it, or as written where the issuer ends with a seal of its own (it read …考核办(盖章)(盖章))", () => {
    const line = (issuer: string): string => {
      const T = mini((t) => `${t}report:\n  issuer: "${issuer}"\n`);
      const r = score(T, submission(T, [{ name: "甲" }]));
      return buildReport(T, r, { lang: "zh-CN", cover: { district: "柳河县" }, date: DATE, tool: "t" }).closing.office;
    };
    expect(line("中共{district}委考核办")).toBe("中共柳河县委考核办(盖章)");
    expect(line("中共{district}委考核办(盖章)")).toBe("中共柳河县委考核办(盖章)");
    expect(line("中共{district}委考核办（盖章）")).toBe("中共柳河县委考核办（盖章）");
    expect(line("中共{district}委考核办(代章)")).toBe("中共柳河县委考核办(代章)");
    expect(line("中共{district}委考核办【盖章】")).toBe("中共柳河县委考核办【盖章】");
    expect(line("中共{district}委考核办(盖章】")).toBe("中共柳河县委考核办(盖章】(盖章)");
  });
});

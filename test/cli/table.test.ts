// The ranking printed in a terminal: in a narrow one, the columns left out are named, with the way to see them.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { scratchDir } from "../helpers/tmp.js";
import { join } from "node:path";

async function scoreIn(columns: number | undefined, args: string[] = [], file = "samples/qingshan-2026.xlsx"): Promise<string> {
  let out = "";
  const io: Io = { out: (s) => (out += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false, ...(columns ? { columns } : {}) };
  const dir = scratchDir("assess-table-");
  expect(await main(["score", file, "-o", join(dir, "out.xlsx"), ...args], io)).toBe(0);
  return out;
}

describe("the ranking in a terminal", () => {
  it("names the columns a narrow terminal leaves out, and how to see them", async () => {
    const narrow = await scoreIn(80);
    expect(narrow).toContain("(终端较窄,未显示 党政线、人口计生线、加分、扣分;加 --wide 可全部显示)");
    // Wide enough, or --wide: every column, and nothing said.
    expect(await scoreIn(undefined)).not.toContain("终端较窄");
    expect(await scoreIn(80, ["--wide"])).not.toContain("终端较窄");
  });

  it("shows where each unit could end while claims are pending, and marks awards that may change", async () => {
    // 柳河区: 河东街道's own 待审核 claim (+1) could lift it past 青龙乡 (8th–9th), and to 街道组's 二等奖 place.
    const out = await scoreIn(undefined, [], "samples/liuhe-2026.xlsx");
    const table = out.slice(0, out.indexOf("区直部门排名"));
    expect(table).toContain("名次区间");
    expect(table).toMatch(/│ 9 +│ 8–9 +│ 河东街道 .*│ \(待定\)等次:良好/);
    expect(table).toMatch(/│ 8 +│ 8–9 +│ 青龙乡 /);
    expect(table).toMatch(/│ 1 +│ 1 +│ 柳河镇 /);
    expect(table).toContain("(加扣分尚有待认定:名次区间是各单位可能的名次,标“待定”的奖惩可能随认定改变;assess explain 单位 可查看取决于哪些记录)");
    // Where nothing is pending that could move a rank there, neither.
    expect(out.slice(out.indexOf("区直部门排名"))).not.toContain("名次区间");
  });
});

// explain in a terminal: its lines fitted to the terminal's width, each wrapped line's rest indented
// under it (the tree keeps its shape), nothing lost, colour codes kept with what they colour; in a
// pipe, one line each as before.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { displayWidth } from "../../src/model/width.js";
import { fillShown } from "../../src/cli/box.js";

async function explainIn(columns: number | undefined): Promise<string> {
  let out = "";
  const io: Io = { out: (s) => (out += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false, ...(columns ? { columns } : {}) };
  expect(await main(["explain", "samples/liuhe-2026.xlsx", "河西街道"], io)).toBe(0);
  return out;
}

describe("explain in a terminal", () => {
  it("fits every line to its width, the rest of a long line indented under it, losing nothing", async () => {
    const wide = await explainIn(undefined);
    const narrow = await explainIn(80);
    // A long line there is (JJ4's runs past 120 columns), so there is something to fit.
    expect(Math.max(...wide.split("\n").map((l) => displayWidth(l)))).toBeGreaterThan(120);
    for (const l of narrow.split("\n")) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(narrow.replace(/\s+/g, "")).toBe(wide.replace(/\s+/g, ""));
    // A cell reference is never parted ([指标数\n据!O10]): each [ closed on its own line.
    for (const l of narrow.split("\n")) expect(l.split("[").length, l).toBe(l.split("]").length);
    // JJ4's row (two spaces in), its rest six spaces in.
    const at = narrow.split("\n").findIndex((l) => l.startsWith("  JJ4 招商引资"));
    expect(narrow.split("\n")[at + 1]).toMatch(/^ {6}\S/);
  });

  it("keeps a colour with what it colours, each printed line closing its own (a line read alone carries none on)", () => {
    const ESC = "\u001b";
    const yellow = (s: string): string => `${ESC}[33m${s}${ESC}[39m`;
    const count = (s: string, code: string): number => s.split(`${ESC}[${code}m`).length - 1;
    const plain = (l: string): string => l.replaceAll(`${ESC}[33m`, "").replaceAll(`${ESC}[39m`, "").replaceAll(`${ESC}[0m`, "");
    // The coloured words broken across two lines: each line opens what it shows coloured and closes it.
    const lines = fillShown(`JJ1 地区生产总值增长 ${yellow("扣分说明扣分说明扣分说明 −1.54")} 说明`, 24);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(displayWidth(plain(l))).toBeLessThanOrEqual(24);
      expect(count(l, "33"), l).toBe(count(l, "39") + count(l, "0"));
    }
    expect(lines.map(plain).join("").replace(/\s+/g, "")).toBe("JJ1地区生产总值增长扣分说明扣分说明扣分说明−1.54说明");
    const at = lines.findIndex((l) => l.includes("−1.54"));
    // The line showing −1.54 opens the colour before it (carried from the line before, or its own).
    const open = lines[at]?.indexOf(`${ESC}[33m`) ?? -1;
    expect(open).toBeGreaterThanOrEqual(0);
    expect(open).toBeLessThan(lines[at]?.indexOf("−1.54") ?? -1);
  });
});

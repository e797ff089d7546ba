// The ranking printed in a terminal: in a narrow one, the columns left out are named, with the way to see them.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { scratchDir } from "../helpers/tmp.js";
import { join } from "node:path";

async function scoreIn(columns: number | undefined, args: string[] = []): Promise<string> {
  let out = "";
  const io: Io = { out: (s) => (out += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false, ...(columns ? { columns } : {}) };
  const dir = scratchDir("assess-table-");
  expect(await main(["score", "samples/qingshan-2026.xlsx", "-o", join(dir, "out.xlsx"), ...args], io)).toBe(0);
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
});

// A long list of problems is shortened on the terminal: the first 20 of each kind (code, per file
// and severity) are listed, then one line counts the rest of that kind. `--all` lists every one,
// and `--json` always does. A workbook read with another scheme's rubric has thousands of
// problems; the first of each kind say what the rest would.
import { message } from "../../src/messages/index.js";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LISTED_PER_KIND, renderText, type Diagnostic } from "../../src/diagnostics/index.js";
import { cli } from "../helpers/cli.js";
import { floodedWorkbook } from "../helpers/flooded.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-shortened-");

const kindAt = (line: string): string => line.replace(/^.*?: (?:错误|警告|error|warning): .*\[([a-z.-]+)\]$/, "$1 ") + (line.match(/加扣分!([A-Z]+\d+)/)?.[1] ?? "");

describe("a long list of problems", () => {
  it("lists the first 20 of a kind, counts the rest in one line, and lists every one with --all or --json", async () => {
    const file = await floodedWorkbook(dir);
    const short = await cli(["validate", file]);
    expect(short.code).toBe(1);
    const lines = short.err.trimEnd().split("\n");
    // Rows 2–21 listed, the count of rows 22–26 right after them, then row 27's unknown code.
    expect(lines.map(kindAt)).toEqual([...Array.from({ length: 20 }, (_, i) => `workbook.ledger-unknown-unit A${i + 2}`), `${file}: 错误: 同类问题 [workbook.ledger-unknown-unit] 另有 5 处未列出;加 --all 可全部列出`, "workbook.ledger-unknown-code B27"]);
    // The count of problems is of all of them.
    expect(short.out).toBe("26 个错误,0 个警告\n");

    const all = await cli(["validate", file, "--all"]);
    expect(all.err.trimEnd().split("\n").map(kindAt)).toEqual([...Array.from({ length: 25 }, (_, i) => `workbook.ledger-unknown-unit A${i + 2}`), "workbook.ledger-unknown-code B27"]);
    expect(all.out).toBe(short.out);

    const json = await cli(["validate", file, "--json"]);
    expect((JSON.parse(json.out) as { diagnostics: unknown[] }).diagnostics).toHaveLength(26);

    const en = await cli(["validate", file, "--lang", "en"]);
    expect(en.err.trimEnd().split("\n")[20]).toBe(`${file}: error: [workbook.ledger-unknown-unit]: 5 more of this kind not listed; add --all to list them all`);
  });

  it("score stops at the same shortened list, counted whole, and takes --all too", async () => {
    const file = await floodedWorkbook(dir);
    const out = join(dir, "flooded.scored.xlsx");
    const short = await cli(["score", file, "-o", out]);
    expect(short.code).toBe(1);
    const lines = short.err.trimEnd().split("\n");
    // 20 listed, the count of the 5 others, the unknown code; then how many in all (validate says it on stdout).
    expect(lines).toHaveLength(23);
    expect(lines.at(-1)).toBe("26 个错误,0 个警告;工作簿有错误,未计分:请改正错误后再试");
    // Listed whole: counted all the same, and said not scored (a list ending on a problem read as done).
    const all = (await cli(["score", file, "-o", out, "--all"])).err.trimEnd().split("\n");
    expect(all).toHaveLength(27);
    expect(all.at(-2)).toContain("[workbook.ledger-unknown-code]");
    expect(all.at(-1)).toBe("26 个错误,0 个警告;工作簿有错误,未计分:请改正错误后再试");
  });

  it("shortens a rubric's problems too, and rubric check, show and template take --all", async () => {
    // Every item's `max:` misspelt (too far from any key to name one): one unknown key per item.
    const file = join(dir, "misspelt.yaml");
    writeFileSync(file, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace(/^(\s+)max:/gm, "$1maxxx:"));
    const json = JSON.parse((await cli(["rubric", "check", file, "--json"])).out) as { diagnostics: { code: string }[] };
    const unknown = json.diagnostics.filter((d) => d.code === "rubric.unknown-key").length;
    expect(unknown).toBeGreaterThan(LISTED_PER_KIND + 1);
    for (const args of [["rubric", "check", file], ["rubric", "show", file], ["template", "--rubric", file, "-o", join(dir, "t.xlsx")]]) {
      const short = await cli(args);
      expect(short.code, args.join(" ")).toBe(1);
      expect(short.err, args.join(" ")).toContain(`同类问题 [rubric.unknown-key] 另有 ${unknown - LISTED_PER_KIND} 处未列出`);
      const all = await cli([...args, "--all"]);
      expect(all.code, args.join(" ")).toBe(1);
      expect(all.err.split("\n").filter((l) => l.endsWith("[rubric.unknown-key]")), args.join(" ")).toHaveLength(unknown);
    }
  });

  it("counts each kind apart per file and per severity, and lists a kind of 20 or 21 whole", () => {
    const at = (file: string, severity: Diagnostic["severity"], code: string, n: number): Diagnostic[] =>
      Array.from({ length: n }, (_, i) => ({ code, severity, data: { unit: `U${i}` }, location: { file, sheet: "加扣分", cell: `A${i + 2}` } }));
    const diags = [
      ...at("a.xlsx", "error", "workbook.ledger-unknown-unit", LISTED_PER_KIND + 3),
      ...at("b.xlsx", "error", "workbook.ledger-unknown-unit", LISTED_PER_KIND + 1),
      ...at("a.xlsx", "warning", "workbook.ledger-unknown-unit", LISTED_PER_KIND),
    ];
    const { lines, unlisted } = renderText(diags, "en", LISTED_PER_KIND);
    // a.xlsx's 23 errors: 20, then a count of 3; b.xlsx's 21 whole (a count would take the line the
    // one left out takes); a.xlsx's 20 warnings whole.
    expect(lines).toHaveLength(LISTED_PER_KIND + 1 + (LISTED_PER_KIND + 1) + LISTED_PER_KIND);
    expect(unlisted).toBe(3);
    expect(lines[LISTED_PER_KIND]).toBe("a.xlsx: error: [workbook.ledger-unknown-unit]: 3 more of this kind not listed; add --all to list them all");
    expect(lines.filter((l) => l.includes("more of this kind"))).toHaveLength(1);
    // Unshortened, every one.
    expect(renderText(diags, "en").lines).toHaveLength(diags.length);
  });

  it("shows a control character a problem quotes as its picture (␀), never as itself: a NUL from a binary file garbled the terminal's line", () => {
    const d: Diagnostic = { code: "rubric.unknown-key", severity: "error", data: { key: "\u0000\u0001PK\u007f\tkey", where: "(root)" }, location: { file: "r.yaml", line: 1, col: 1 } };
    expect(renderText([d], "zh-CN").lines).toEqual(["r.yaml:1:1: 错误: 未知的键 “␀␁PK␡\tkey”(位于 方案最外层);是否拼写错误? [rubric.unknown-key]"]);
  });

  it("shows a file's name with an escape or a line break in it on the problem's one line (a name with ESC coloured the terminal, one with a newline split every problem in two)", () => {
    const d: Diagnostic = { code: "workbook.blank-points", severity: "error", data: { code: "DZ2", max: "20" }, location: { file: "bad\u001b[31mred\nline.xlsx", sheet: "党政线", cell: "B2" } };
    expect(renderText([d], "zh-CN").lines).toEqual([`bad␛[31mred↵line.xlsx: 党政线!B2: 错误: ${message("zh-CN", "workbook.blank-points", d.data)} [workbook.blank-points]`]);
  });
});

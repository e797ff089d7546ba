// A long list of problems is shortened on the terminal: the first 20 of each kind (code, per file
// and severity) are listed, then one line counts the rest of that kind. `--all` lists every one,
// and `--json` always does. A workbook read with another scheme's rubric has thousands of
// problems; the first of each kind say what the rest would.
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
    // Rows 2–21 listed, row 27's unknown code, then the count of rows 22–26.
    expect(lines.slice(0, -1).map(kindAt)).toEqual([...Array.from({ length: 20 }, (_, i) => `workbook.ledger-unknown-unit A${i + 2}`), "workbook.ledger-unknown-code B27"]);
    expect(lines.at(-1)).toBe(`${file}: 错误: 同类问题 [workbook.ledger-unknown-unit] 另有 5 处未列出;加 --all 可全部列出`);
    // The count of problems is of all of them.
    expect(short.out).toBe("26 个错误,0 个警告\n");

    const all = await cli(["validate", file, "--all"]);
    expect(all.err.trimEnd().split("\n").map(kindAt)).toEqual([...Array.from({ length: 25 }, (_, i) => `workbook.ledger-unknown-unit A${i + 2}`), "workbook.ledger-unknown-code B27"]);
    expect(all.out).toBe(short.out);

    const json = await cli(["validate", file, "--json"]);
    expect((JSON.parse(json.out) as { diagnostics: unknown[] }).diagnostics).toHaveLength(26);

    const en = await cli(["validate", file, "--lang", "en"]);
    expect(en.err.trimEnd().split("\n").at(-1)).toBe(`${file}: error: 5 more problem(s) like [workbook.ledger-unknown-unit] are not listed; add --all to list them all`);
  });

  it("score stops at the same shortened list, and takes --all too", async () => {
    const file = await floodedWorkbook(dir);
    const out = join(dir, "flooded.scored.xlsx");
    const short = await cli(["score", file, "-o", out]);
    expect(short.code).toBe(1);
    expect(short.err.trimEnd().split("\n")).toHaveLength(22);
    expect((await cli(["score", file, "-o", out, "--all"])).err.trimEnd().split("\n")).toHaveLength(26);
  });

  it("counts each kind apart per file and per severity, and lists a kind of exactly 20 whole", () => {
    const at = (file: string, severity: Diagnostic["severity"], code: string, n: number): Diagnostic[] =>
      Array.from({ length: n }, (_, i) => ({ code, severity, data: { unit: `U${i}` }, location: { file, sheet: "加扣分", cell: `A${i + 2}` } }));
    const diags = [
      ...at("a.xlsx", "error", "workbook.ledger-unknown-unit", LISTED_PER_KIND + 3),
      ...at("b.xlsx", "error", "workbook.ledger-unknown-unit", LISTED_PER_KIND + 1),
      ...at("a.xlsx", "warning", "workbook.ledger-unknown-unit", LISTED_PER_KIND),
    ];
    const lines = renderText(diags, "en", LISTED_PER_KIND);
    expect(lines).toHaveLength(3 * LISTED_PER_KIND + 2);
    expect(lines.slice(-2)).toEqual([
      "a.xlsx: error: 3 more problem(s) like [workbook.ledger-unknown-unit] are not listed; add --all to list them all",
      "b.xlsx: error: 1 more problem(s) like [workbook.ledger-unknown-unit] are not listed; add --all to list them all",
    ]);
    // Unshortened, every one.
    expect(renderText(diags, "en")).toHaveLength(diags.length);
  });
});

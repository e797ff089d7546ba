// The README stays true: the examples it shows are what the tool prints today, its links lead to
// files in this repository, and the first commands a newcomer runs are there.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { cli } from "./helpers/cli.js";
import { scratchDir } from "./helpers/tmp.js";

const tmp = scratchDir("assess-readme-");

const readme = readFileSync("README.md", "utf8");

/** The text of a ```-block that follows a line. */
function blockAfter(line: string): string {
  const start = readme.indexOf(line);
  expect(start, line).toBeGreaterThan(0);
  return readme.slice(start + line.length, readme.indexOf("```", start));
}

describe("README", () => {
  it("shows exactly what `assess validate samples/broken/typos.xlsx` prints", async () => {
    const shown = blockAfter("$ assess validate samples/broken/typos.xlsx\n");
    const r = await cli(["validate", "samples/broken/typos.xlsx"]);
    expect(r.code).toBe(1);
    expect(shown).toBe(r.err + r.out);
  });

  it("shows exactly what `assess diff` prints for the appeal it describes", async () => {
    const shown = blockAfter("$ assess diff samples/qingshan-2026.xlsx 复核.xlsx\n");
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.getWorksheet("党政线")!.getCell("B3").value = 20;
    wb.getWorksheet("加扣分")!.getCell("F7").value = "已认定";
    const file = join(tmp, "复核.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", file]);
    expect(shown).toBe(r.out.replaceAll(file, "复核.xlsx"));
  });

  it("shows lines `assess explain` prints, in its order (… marks lines left out)", async () => {
    const shown = blockAfter("$ assess explain samples/qingshan-2026.xlsx 北川镇\n").split("\n").filter((l) => l && l !== "…");
    const printed = (await cli(["explain", "samples/qingshan-2026.xlsx", "北川镇"])).out.split("\n");
    let at = 0;
    for (const line of shown) {
      const i = printed.indexOf(line, at);
      expect(i, line).toBeGreaterThanOrEqual(0);
      at = i + 1;
    }
  });

  it("shows units exactly as `assess score --json` prints them", async () => {
    const shown = readme.slice(readme.indexOf("```json\n") + 8, readme.indexOf("```", readme.indexOf("```json\n") + 8));
    const doc = JSON.parse(shown.replaceAll('"…"', '""')) as { units: { name: string }[] };
    const r = await cli(["score", "samples/qingshan-2026.xlsx", "--json", "-o", join(tmp, "r.xlsx")]);
    const real = JSON.parse(r.out) as { units: { name: string }[] };
    for (const u of doc.units) expect(real.units.find((x) => x.name === u.name), u.name).toEqual(u);
    // The cover and the rankings as printed; each warning shown is one printed.
    const [shownMore, realMore] = [doc, real] as unknown as { cover: unknown; rankings: unknown; diagnostics: unknown[] }[];
    expect(shownMore?.cover).toEqual(realMore?.cover);
    expect(shownMore?.rankings).toEqual(realMore?.rankings);
    for (const d of shownMore?.diagnostics ?? []) expect(realMore?.diagnostics).toContainEqual(d);
  });

  it("starts with the commands that score each sample and run the tests", () => {
    const at = readme.indexOf("## First commands");
    const first = readme.slice(at, readme.indexOf("\n## ", at + 3));
    expect(first).toContain("npm ci && npx assess score samples/qingshan-2026.xlsx");
    expect(first).toContain("npm test");
    expect(first).toContain("npx assess score samples/liuhe-2026.xlsx");
  });

  it("links only to files in this repository, never outside it", () => {
    for (const file of ["README.md", "docs/rules.md", "docs/rubric.md", "docs/architecture.md"]) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/\.\.\/shared|shared\/spec|RULES\.md/);
      const base = file.includes("/") ? "docs/" : "";
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1] ?? "";
        if (/^https?:/.test(target)) continue;
        expect(existsSync(base + target), `${file} → ${target}`).toBe(true);
      }
    }
  });
});

// The README stays true: the validate example it shows is what the tool prints today.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

describe("README", () => {
  it("shows exactly what `assess validate samples/broken/typos.xlsx` prints", async () => {
    const readme = readFileSync("README.md", "utf8");
    const command = "$ npx assess validate samples/broken/typos.xlsx\n";
    const start = readme.indexOf(command);
    expect(start).toBeGreaterThan(0);
    const shown = readme.slice(start + command.length, readme.indexOf("```", start));
    const r = await cli(["validate", "samples/broken/typos.xlsx"]);
    expect(r.code).toBe(1);
    expect(shown).toBe(r.err + r.out);
  });
});

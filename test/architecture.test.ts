// The module directions of shared ARCHITECTURE.md, read from import lines: the engine stays pure,
// exceljs stays in workbook and report, chalk and cli-table3 in the CLI.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const MAY_IMPORT: Record<string, string[]> = {
  cli: ["cli", "rubric", "workbook", "engine", "report", "messages", "diagnostics"],
  report: ["report", "engine", "rubric", "workbook", "messages", "diagnostics"],
  engine: ["engine", "rubric", "workbook", "diagnostics"],
  workbook: ["workbook", "rubric", "diagnostics"],
  rubric: ["rubric", "diagnostics"],
  diagnostics: ["diagnostics", "messages"],
  messages: ["messages"],
};
const PACKAGES: Record<string, string[]> = {
  exceljs: ["workbook", "report"],
  chalk: ["cli"],
  "cli-table3": ["cli"],
  "node:fs": ["cli"],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function imports(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe("module boundaries", () => {
  const all = files("src");
  it.each(all.map((f) => [relative("src", f)]))("%s imports only what its module may", (rel) => {
    const mod = rel.split(/[\\/]/)[0]!;
    const text = readFileSync(join("src", rel), "utf8");
    for (const spec of imports(text)) {
      if (spec.startsWith(".")) {
        const target = relative("src", join("src", rel, "..", spec)).split(/[\\/]/)[0]!;
        expect(MAY_IMPORT[mod], `${rel} → ${spec}`).toContain(target);
      } else {
        const allowed = PACKAGES[spec];
        if (allowed) expect(allowed, `${rel} → ${spec}`).toContain(mod);
      }
    }
  });

  it("the engine touches no file, no exceljs and no clock", () => {
    for (const f of files("src/engine")) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/node:fs|exceljs|Date\.now|new Date\(|Math\.random/);
    }
  });
});

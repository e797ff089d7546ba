// The module directions of docs/architecture.md, read from import lines: the core runs anywhere
// JavaScript runs (no node: import outside the CLI), the engine never sees a workbook, exceljs
// stays where templates and the September report are written, chalk and commander in the CLI.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const MAY_IMPORT: Record<string, string[]> = {
  cli: ["cli", "load", "report", "engine", "workbook", "xlsx", "rubric", "model", "messages", "diagnostics"],
  web: ["web", "load", "report", "engine", "workbook", "xlsx", "rubric", "model", "messages", "diagnostics"],
  load: ["load", "workbook", "xlsx", "rubric", "model", "diagnostics"],
  report: ["report", "engine", "workbook", "xlsx", "rubric", "model", "messages", "diagnostics"],
  engine: ["engine", "rubric", "model", "diagnostics"],
  workbook: ["workbook", "xlsx", "rubric", "model", "messages", "diagnostics"],
  rubric: ["rubric", "model", "diagnostics"],
  xlsx: ["xlsx", "diagnostics"],
  model: ["model", "diagnostics"],
  diagnostics: ["diagnostics", "messages"],
  messages: ["messages"],
};
const PACKAGES: Record<string, string[]> = {
  exceljs: ["workbook", "report"],
  chalk: ["cli"],
  commander: ["cli"],
  fflate: ["web"],
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
    expect(MAY_IMPORT[mod], `${rel}: a module the table does not know`).toBeDefined();
    const text = readFileSync(join("src", rel), "utf8");
    for (const spec of imports(text)) {
      if (spec.startsWith(".")) {
        const target = relative("src", join("src", rel, "..", spec)).split(/[\\/]/)[0]!;
        expect(MAY_IMPORT[mod], `${rel} → ${spec}`).toContain(target);
      } else if (spec.startsWith("node:")) {
        // The core runs in a browser too: files, zlib and crypto come through the host (cli/host.ts).
        expect(mod, `${rel} → ${spec}`).toBe("cli");
      } else {
        const allowed = PACKAGES[spec];
        if (allowed) expect(allowed, `${rel} → ${spec}`).toContain(mod);
      }
    }
  });

  it("the core never reaches for Node's globals (Buffer, process) either", () => {
    for (const f of all.filter((f) => !relative("src", f).startsWith("cli"))) {
      const text = readFileSync(f, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      expect(text, f).not.toMatch(/\bBuffer\b|\bprocess\.|\bNodeJS\./);
    }
  });

  it("the engine touches no file, no workbook, no exceljs and no clock", () => {
    for (const f of files("src/engine")) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/node:fs|exceljs|workbook\/|Date\.now|new Date\(|Math\.random/);
    }
  });

  it("the second thread loads the reading and writing of sheets alone, not the message catalog or the result sheets (each loaded took some 7 MiB more at a province's peak)", () => {
    // Its modules as Node loads them: imports of values (a type's import, or export, is gone once built).
    const runtime = (text: string): string[] => [...text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtime(readFileSync(file, "utf8"))) if (spec.startsWith(".")) visit(join(file, "..", spec).replace(/\.js$/, ".ts"));
    };
    visit(join("src", "cli", "sheet-worker.ts"));
    const loaded = [...seen].map((f) => relative("src", f).split(/[\\/]/).join("/"));
    expect(loaded).toContain("xlsx/write/worksheet.ts");
    expect(loaded.filter((f) => /^(messages|report|engine|rubric|workbook)\//.test(f) && f !== "report/compact.ts")).toEqual([]);
  });

  it("runtime dependencies are exactly the packages src/ imports", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    const used = new Set(all.flatMap((f) => imports(readFileSync(f, "utf8"))).filter((s) => !s.startsWith(".") && !s.startsWith("node:")).map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!)));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...used].sort());
  });
});

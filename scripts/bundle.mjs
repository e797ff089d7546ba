// Build step: the CLI as one module (dist/cli/assess.mjs), so that a run loads one file instead of
// some eighty: start-up is most of a small district's run. exceljs, yaml and zod stay separate and
// load only for the commands that need them. dist/cli keeps its place, so the paths the CLI finds
// its files by (../rubric-cache, ../../rubric) hold in the bundle too.
import { readdirSync, rmSync } from "node:fs";
import { build } from "esbuild";

// An earlier build's chunks go first: their names change with their contents, and would pile up.
for (const f of readdirSync("dist/cli")) if (f.endsWith(".mjs")) rmSync(`dist/cli/${f}`);

await build({
  entryPoints: { assess: "dist/cli/main.js", "sheet-worker": "dist/cli/sheet-worker.js" },
  outdir: "dist/cli",
  outExtension: { ".js": ".mjs" },
  // The commands each in their own chunk, loaded when run.
  splitting: true,
  chunkNames: "assess-[hash]",
  minify: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "yaml", "zod"],
  logLevel: "warning",
  legalComments: "none",
  // commander is CommonJS and requires Node's own modules: give the bundle a require.
  banner: { js: 'import { createRequire as __assessRequire } from "node:module"; const require = __assessRequire(import.meta.url);' },
});

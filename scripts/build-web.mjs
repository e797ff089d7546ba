// Build step: the browser edition as one self-contained HTML file, dist/web/assess.html — the
// page, its script (the same core as the CLI, bundled with fflate, yaml, zod and exceljs for the
// blank template), the bundled rubrics compiled at build time; a Content-Security-Policy that lets only this script run and
// forbids every network request.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const result = await build({
  entryPoints: ["src/web/main.ts"],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: ["chrome90", "edge90", "firefox90", "safari15"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
// "</script" may not appear inside the inline script (it would end it); "<\/" means the same in JS.
const script = result.outputFiles[0].text.replaceAll("</script", "<\\/script").trim();
const hash = `sha256-${createHash("sha256").update(script).digest("base64")}`;
const cache = "dist/rubric-cache";
const rubrics = readdirSync(cache)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => {
    const { rubric } = JSON.parse(readFileSync(`${cache}/${f}`, "utf8"));
    return { id: rubric.id, version: rubric.version, rubric };
  });
const json = JSON.stringify(rubrics).replaceAll("<", "\\u003c");
const page = readFileSync("src/web/page.html", "utf8")
  .replace("{{SCRIPT_HASH}}", hash)
  .replace("{{RUBRICS}}", () => json)
  .replace("{{SCRIPT}}", () => script);
mkdirSync("dist/web", { recursive: true });
writeFileSync("dist/web/assess.html", page);

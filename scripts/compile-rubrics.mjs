// Build step: compiles each bundled rubric (rubric/*.yaml) into dist/rubric-cache/NAME.json with
// its SHA-256, so that runs using a bundled rubric skip the YAML parser and the schema library.
// A rubric with problems is not cached (the full loader will report them at run time).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadRubric } from "../dist/rubric/load.js";

const out = "dist/rubric-cache";
mkdirSync(out, { recursive: true });
for (const name of readdirSync("rubric").filter((f) => /\.ya?ml$/.test(f))) {
  const shown = join("rubric", name);
  const bytes = readFileSync(shown);
  const { rubric, diagnostics } = loadRubric(shown, bytes, createHash("sha256").update(bytes).digest("hex"));
  if (!rubric) {
    process.stderr.write(`${shown}: not cached (${diagnostics.length} problem(s))\n`);
    continue;
  }
  writeFileSync(join(out, `${name}.json`), JSON.stringify({ sha256: rubric.sha256, rubric }));
}

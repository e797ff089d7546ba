// Which rubric a command uses: --rubric FILE; else the bundled one the workbook's cover names
// (id and version); else the newest bundled rubric.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/index.js";
import { loadRubric, MAX_RUBRIC_BYTES } from "../rubric/load.js";
import type { Rubric } from "../rubric/model.js";
import { readUserFile } from "./files.js";

/** The bundled rubric folder: ../../rubric from both src/cli (tsx) and dist/cli (built). */
export const BUNDLED_DIR = fileURLToPath(new URL("../../rubric/", import.meta.url));

interface Bundled {
  id: string;
  version: string;
  path: string;
}

export function bundledRubrics(): Bundled[] {
  let names: string[] = [];
  try {
    names = readdirSync(BUNDLED_DIR);
  } catch {
    return [];
  }
  return names
    .map((n) => /^([a-z0-9-]+?)-(\d[0-9A-Za-z.-]*)\.ya?ml$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1] ?? "", version: m[2] ?? "", path: join(BUNDLED_DIR, m[0]) }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** Compares dotted versions numerically where both parts are numbers ("2022.10" > "2022.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) && x !== "" && y !== "" ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}

/** Relative display path: the user sees their own spelling, bundled files as rubric/NAME. */
function displayPath(path: string): string {
  return path.startsWith(BUNDLED_DIR) ? join("rubric", path.slice(BUNDLED_DIR.length)) : path;
}

export function loadRubricFile(path: string): { rubric?: Rubric; diagnostics: Diagnostic[] } {
  const shown = displayPath(path);
  const read = readUserFile(path, MAX_RUBRIC_BYTES * 4);
  if (!read.bytes) return { diagnostics: read.diagnostics.map((d) => ({ ...d, location: { file: shown } })) };
  return loadRubric(shown, read.bytes);
}

export function resolveRubric(
  flag: string | undefined,
  cover?: { id?: string; version?: string; where?: Diagnostic["location"] },
): { rubric?: Rubric; diagnostics: Diagnostic[] } {
  if (flag) return loadRubricFile(flag);
  const all = bundledRubrics();
  let pick: Bundled | undefined;
  if (cover?.id) {
    const same = all.filter((b) => b.id === cover.id);
    pick = cover.version ? same.find((b) => b.version === cover.version) : same.at(-1);
    if (!pick) {
      return {
        diagnostics: [
          {
            code: "rubric.not-found",
            severity: "error",
            data: { id: cover.id, version: cover.version ?? "", available: all.map((b) => `${b.id} ${b.version}`).join(", ") },
            ...(cover.where ? { location: cover.where } : {}),
          },
        ],
      };
    }
  } else {
    pick = all.at(-1);
  }
  if (!pick) return { diagnostics: [{ code: "rubric.not-found", severity: "error", data: { id: "", version: "", available: "" } }] };
  return loadRubricFile(pick.path);
}

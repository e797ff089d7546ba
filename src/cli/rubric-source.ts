// Which rubric a command uses: --rubric FILE; else the bundled one the workbook's cover names
// (id and version); else the newest bundled rubric.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/index.js";
import type { RubricLoad } from "../rubric/load.js";
import type { Rubric } from "../rubric/model.js";
import { readUserFile } from "./files.js";

/** Parses rubric bytes (the full YAML + schema loader, or the build's cache of bundled rubrics). */
export type ParseRubric = (file: string, bytes: Uint8Array) => RubricLoad;

/** Bundled rubrics compiled at build time (dist/rubric-cache): a run that needs no other rubric
 * never loads the YAML parser or the schema library, which is most of a small run's start-up. */
const CACHE_DIR = fileURLToPath(new URL("../rubric-cache/", import.meta.url));
const MAX_RUBRIC_FILE = 4 * 1024 * 1024;

function cached(path: string, bytes: Uint8Array): Rubric | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(CACHE_DIR, `${basename(path)}.json`), "utf8")) as { sha256: string; rubric: Rubric };
    const sha = createHash("sha256").update(bytes).digest("hex");
    return entry.sha256 === sha && entry.rubric.sha256 === sha ? entry.rubric : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rubric parser a command needs: the cache for bundled rubrics, and the full loader, loaded
 * only when --rubric names a file or a bundled rubric has no fresh cache.
 */
export async function rubricParser(flag?: string): Promise<ParseRubric> {
  const fresh = new Map<string, Rubric>();
  const bundled = bundledRubrics();
  for (const b of bundled) {
    try {
      const hit = cached(b.path, readFileSync(b.path));
      if (hit) fresh.set(displayPath(b.path), hit);
    } catch {
      // unreadable: the full loader will say so
    }
  }
  const needFull = flag !== undefined || fresh.size < bundled.length;
  const full = needFull ? (await import("../rubric/load.js")).loadRubric : undefined;
  return (file, bytes) => {
    const hit = fresh.get(file);
    if (hit && hit.sha256 === createHash("sha256").update(bytes).digest("hex")) return { rubric: hit, diagnostics: [] };
    if (full) return full(file, bytes);
    throw new Error(`rubric loader not prepared for ${file}`);
  };
}

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
export function displayPath(path: string): string {
  return path.startsWith(BUNDLED_DIR) ? join("rubric", path.slice(BUNDLED_DIR.length)) : path;
}

export function loadRubricFile(path: string, parse: ParseRubric): { rubric?: Rubric; diagnostics: Diagnostic[] } {
  const shown = displayPath(path);
  const read = readUserFile(path, MAX_RUBRIC_FILE);
  if (!read.bytes) return { diagnostics: read.diagnostics.map((d) => ({ ...d, location: { file: shown } })) };
  return parse(shown, read.bytes);
}

export function resolveRubric(
  flag: string | undefined,
  parse: ParseRubric,
  cover?: { id?: string; version?: string; where?: Diagnostic["location"]; versionWhere?: Diagnostic["location"] },
): { rubric?: Rubric; diagnostics: Diagnostic[] } {
  if (flag) return loadRubricFile(flag, parse);
  const all = bundledRubrics();
  let pick: Bundled | undefined;
  if (cover?.id) {
    const same = all.filter((b) => b.id === cover.id);
    pick = cover.version ? same.find((b) => b.version === cover.version) : same.at(-1);
    if (!pick) {
      // A known rubric in a version we do not have: the version cell is the one to fix.
      const where = same.length && cover.versionWhere ? cover.versionWhere : cover.where;
      return {
        diagnostics: [
          {
            code: "rubric.not-found",
            severity: "error",
            data: { id: cover.id, version: cover.version ?? "", available: all.map((b) => `${b.id} ${b.version}`).join(", ") },
            ...(where ? { location: where } : {}),
          },
        ],
      };
    }
  } else {
    pick = all.at(-1);
  }
  if (!pick) return { diagnostics: [{ code: "rubric.not-found", severity: "error", data: { id: "", version: "", available: "" } }] };
  return loadRubricFile(pick.path, parse);
}

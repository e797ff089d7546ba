// The rubrics a command may use, read from disk: --rubric FILE, the bundled ones in the rubric/
// folder, and an office's own found beside the workbook. Bundled rubrics are compiled at build time (dist/rubric-cache), so a run that
// needs no other rubric never loads the YAML parser or the schema library — most of a small
// run's start-up.
import { MAX_RUBRIC_BYTES } from "../rubric/model.js";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/index.js";
import type { BundledRubric, RubricLoad, RubricSource } from "../load/index.js";
import { rubricFileNames, saySame, type ShadowRubric } from "../load/rubrics.js";
import type { Rubric } from "../rubric/model.js";
import { readUserFile, samePath } from "./files.js";

/** Parses rubric bytes (the full YAML + schema loader). */
export type ParseRubric = (file: string, bytes: Uint8Array, sha256: string) => RubricLoad;

const CACHE_DIR = fileURLToPath(new URL("../rubric-cache/", import.meta.url));

/** The bundled rubric folder: ../../rubric from both src/cli (tsx) and dist/cli (built). */
export const BUNDLED_DIR = fileURLToPath(new URL("../../rubric/", import.meta.url));

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A bundled rubric as the build compiled it, where its file is as it was then; where its bytes
 * changed since, the rubric as installed (`installed`), to tell whether it says anything else.
 */
function cached(path: string, bytes: Uint8Array): { rubric?: Rubric; installed?: Rubric } {
  try {
    const entry = JSON.parse(readFileSync(join(CACHE_DIR, `${basename(path)}.json`), "utf8")) as { sha256: string; rubric: Rubric };
    const sha = sha256(bytes);
    return entry.sha256 === sha && entry.rubric.sha256 === sha ? { rubric: entry.rubric } : { installed: entry.rubric };
  } catch {
    return {};
  }
}

/**
 * Whether a bundled rubric's file, loaded as `load` gives it, says something else than as installed
 * (a comment added, or saved with Windows line ends, is no edit: its results are the same).
 */
function editedSince(installed: Rubric | undefined, load: () => RubricLoad): () => boolean {
  let said: boolean | undefined;
  return () => {
    if (said === undefined) {
      const now = installed ? load().rubric : undefined;
      said = installed !== undefined && now !== undefined && !saySame(now, installed);
    }
    return said;
  };
}

/** Relative display path: the user sees their own spelling, bundled files as rubric/NAME. */
export function displayPath(path: string): string {
  return path.startsWith(BUNDLED_DIR) ? join("rubric", path.slice(BUNDLED_DIR.length)) : path;
}

/**
 * A bundled rubric's file as the build and the loader name it (rubric/NAME, in assess's own
 * folder), as it is found from the current folder: rubric/NAME there, else its whole path (a
 * warning at rubric/NAME:412 beside a workbook elsewhere named no file to open or copy). Any other
 * file, or one of that name here, as it is.
 */
export function bundledFromHere(file: string): string {
  const name = /^rubric[\\/]([^\\/]+)$/.exec(file)?.[1];
  if (name === undefined) return file;
  const path = join(BUNDLED_DIR, name);
  if (!existsSync(path)) return file;
  // rubric/NAME here is assess's own only where it is that file: an office's rubric/ folder of its own
  // (a copy there, not used) is not the file a warning at a bundled rubric's line is of.
  if (existsSync(resolve(file)) && samePath(resolve(file), path)) return file;
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") || isAbsolute(shown) ? path : shown;
}

/** The rubric files of a folder, named ID-VERSION.yaml. */
function rubricFilesIn(dir: string): { id: string; version: string; path: string }[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const f = whichName(rubricFileNames(n), join(dir, n));
    return f ? [{ ...f, path: join(dir, n) }] : [];
  });
}

/**
 * Of the ways a file's name reads (xian-2-2026.1.yaml: xian-2 2026.1, or xian 2-2026.1), the one
 * whose id the file says on its id: line; unread, the one whose version has no hyphen (2026.1).
 */
function whichName(names: readonly { id: string; version: string }[], path: string): { id: string; version: string } | undefined {
  if (names.length <= 1) return names[0];
  let said: string | undefined;
  try {
    const head = readFileSync(path).subarray(0, 4096).toString("utf8");
    said = /^id:[ \t]*["']?([a-z0-9][a-z0-9-]*)/m.exec(head)?.[1];
  } catch {
    // unreadable: by the name alone
  }
  return names.find((f) => f.id === said) ?? names.find((f) => !f.version.includes("-")) ?? names[0];
}

/** The bundled rubric files: rubric/ID-VERSION.yaml. */
export function bundledFiles(): { id: string; version: string; path: string }[] {
  return rubricFilesIn(BUNDLED_DIR);
}

/**
 * An office's own rubrics, found where a workbook's cover can name them without --rubric: files
 * named ID-VERSION.yaml beside the workbook, in a rubric/ folder beside it, in the current folder
 * or its rubric/ folder. A bundled rubric of the same id and version is used before them.
 */
function ownFiles(near: readonly string[], bundled: readonly { id: string; version: string }[]): { own: { id: string; version: string; path: string }[]; shadows: { id: string; version: string; path: string }[]; twins: { id: string; version: string; path: string }[] } {
  const seen = new Set([resolve(BUNDLED_DIR)]);
  const own: { id: string; version: string; path: string }[] = [];
  const shadows: { id: string; version: string; path: string }[] = [];
  // Another file of the office's own of an id and version found first (beside the workbook, then
  // in the current folder): not used; said where it says something else.
  const twins: { id: string; version: string; path: string }[] = [];
  for (const dir of near.flatMap((d) => [d, join(d, "rubric")])) {
    const abs = resolve(dir);
    if (seen.has(abs)) continue;
    seen.add(abs);
    for (const f of rubricFilesIn(dir)) {
      if (bundled.some((b) => b.id === f.id && b.version === f.version)) shadows.push(f);
      else if (!own.some((o) => o.id === f.id && o.version === f.version)) own.push(f);
      else twins.push(f);
    }
  }
  return { own, shadows, twins };
}

/**
 * A bundled rubric named as the user would name it where no such file is: its id (the one
 * version there is), ID-VERSION or its file's name (township-comprehensive-2026.1.yaml).
 */
function bundledNamed(name: string): string | undefined {
  if (existsSync(name)) return undefined;
  const shipped = bundledFiles();
  const exact = shipped.find((f) => name === `${f.id}-${f.version}` || name === `${f.id}-${f.version}.yaml` || name === `${f.id}@${f.version}`);
  if (exact) return exact.path;
  const ofId = shipped.filter((f) => f.id === name);
  return ofId.length === 1 ? ofId[0]?.path : undefined;
}

/** Files a rubric named without its file's whole name may mean, named at most. */
const NEAR_FILES_MAX = 6;

/**
 * The YAML files beside where a rubric named without its file's whole name would be (xianzhi-bumen or
 * xianzhi-bumen-2026.1 for xianzhi-bumen-2026.1.yaml), as they would be written.
 */
function nearRubricFile(name: string): string | undefined {
  const dir = dirname(name);
  // Its id or ID-VERSION, with .yaml or without (xianzhi-bumen.yaml, xianzhi-bumen-2026), or a version cut short.
  const base = basename(name).replace(/\.ya?ml$/i, "");
  let found: string[];
  try {
    found = readdirSync(dir === "" ? "." : dir).filter((f) => /\.ya?ml$/i.test(f) && f !== basename(name) && (f.replace(/\.ya?ml$/i, "") === base || f.startsWith(`${base}-`) || f.startsWith(`${base}.`)));
  } catch {
    return undefined;
  }
  if (!found.length) return undefined;
  // Its versions, oldest first (2026.2 before 2026.10); the first few, where there are many.
  const sorted = found.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const shown = sorted.slice(0, NEAR_FILES_MAX).map((f) => join(dir, f));
  return sorted.length > NEAR_FILES_MAX ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** The file a rubric named on the command line is read from: the file itself, or a bundled one named by it. */
export function rubricPath(name: string): string {
  return bundledNamed(name) ?? name;
}

export function loadRubricFile(path: string, parse: ParseRubric): RubricLoad {
  const file = rubricPath(path);
  const shown = displayPath(file);
  const read = readUserFile(file, MAX_RUBRIC_BYTES, "rubric.too-large");
  // A workbook (a result of 2,000 towns), a PDF or a picture given where the rubric goes, too large
  // for one: said as what it is, by its first bytes, as a small one is.
  const head = read.diagnostics?.some((d) => d.code === "rubric.too-large") ? headOf(file) : undefined;
  if (head && (head.subarray(0, 4096).includes(0) || new TextDecoder("latin1").decode(head.subarray(0, 5)) === "%PDF-")) return parse(shown, head, "");
  if (!read.bytes) {
    // Not there: the bundled ones are named, as a rubric may be named by them.
    const names = bundledFiles().map((f) => `${f.id}-${f.version}`).sort().join(", ");
    // A rubric of the office's own named as a bundled one is (its id, ID-VERSION, no .yaml): the file meant, where one is there.
    const near = nearRubricFile(file);
    const notFound = (d: Diagnostic): Diagnostic => (near ? { ...d, code: "rubric.file-not-found-near", data: { bundled: names, near }, location: { file: shown } } : { ...d, code: "rubric.file-not-found", data: { bundled: names }, location: { file: shown } });
    return { diagnostics: read.diagnostics.map((d) => (d.code === "file.not-found" ? notFound(d) : { ...d, location: { file: shown } })) };
  }
  return parse(shown, read.bytes, sha256(read.bytes));
}

/** The full loader (YAML and schema), loaded only when needed. */
export async function fullParser(): Promise<ParseRubric> {
  return (await import("../rubric/load.js")).loadRubric;
}

/**
 * An office's own file, found by its name (ID-VERSION.yaml, as the cover names it), that says
 * another id or version inside: not used, and said (scoring under it would record a version the
 * cover does not name, a guess either way).
 */
function asNamed(f: { id: string; version: string; path: string }, load: RubricLoad, shipped: readonly { id: string; version: string }[], others: readonly { id: string; version: string; path: string }[] = []): RubricLoad {
  const r = load.rubric;
  if (!r || (r.id === f.id && r.version === f.version)) return load;
  // Said at the line of the key that disagrees (id:, else version:), read again on this error alone.
  const key = r.id !== f.id ? "id" : "version";
  let line = 0;
  try {
    line = readFileSync(f.path, "utf8").split("\n").findIndex((l) => new RegExp(`^${key}\\s*:`).test(l)) + 1;
  } catch {
    // unreadable now: said at the file
  }
  const location = line > 0 ? { file: displayPath(f.path), line, col: 1 } : { file: displayPath(f.path) };
  // Saying a bundled rubric's id and version, or another file's of the office's own beside it (a
  // revision whose version: line was not changed): to rename it so is no way out (that name is
  // taken); its lines are to mend, each that disagrees (id: and version: both, where both do).
  const taken = shipped.some((b) => b.id === r.id && b.version === r.version) ? "bundled" : others.some((o) => o.path !== f.path && o.id === r.id && o.version === r.version) ? "taken" : undefined;
  const keys = [...(r.id !== f.id ? ["id"] : []), ...(r.version !== f.version ? ["version"] : [])].map((k) => `${k}:`).join(" / ");
  const code = taken ? `rubric.file-says-${taken}` : "rubric.file-says-other";
  const diagnostic: Diagnostic = { code, severity: "error", data: { named: `${f.id} ${f.version}`, says: `${r.id} ${r.version}`, name: `${r.id}-${r.version}.yaml`, key: keys }, location };
  return { diagnostics: [...load.diagnostics, diagnostic] };
}

/**
 * The rubrics for a command: the file --rubric names (read now, so its problems are known before
 * the workbook is read), and every bundled one, each from the build's cache when it is fresh.
 */
export async function rubricSource(flag: string | undefined, near: readonly string[] = []): Promise<RubricSource> {
  const shipped = bundledFiles();
  const found = flag === undefined ? ownFiles(near, shipped) : { own: [], shadows: [], twins: [] };
  const files = [...shipped, ...found.own];
  const hits = new Map<string, Rubric>();
  const installed = new Map<string, Rubric>();
  for (const f of files) {
    try {
      const hit = cached(f.path, readFileSync(f.path));
      if (hit.rubric) hits.set(f.path, hit.rubric);
      else if (hit.installed && f.path.startsWith(BUNDLED_DIR)) installed.set(f.path, hit.installed);
    } catch {
      // unreadable: the full loader will say so
    }
  }
  const full = flag !== undefined || hits.size < files.length || found.shadows.length || found.twins.length ? await fullParser() : undefined;
  const own = new Set(found.own.map((f) => f.path));
  const bundled: BundledRubric[] = files.map((f) => {
    let loaded: RubricLoad | undefined;
    const load = (): RubricLoad => {
      const hit = hits.get(f.path);
      loaded ??= hit ? { rubric: hit, diagnostics: [] } : full ? loadRubricFile(f.path, full) : { diagnostics: [] };
      if (own.has(f.path)) loaded = asNamed(f, loaded, shipped, found.own);
      return loaded;
    };
    return {
      id: f.id,
      version: f.version,
      ...(own.has(f.path) ? { own: displayPath(f.path) } : {}),
      ...(installed.has(f.path) ? { edited: editedSince(installed.get(f.path), load) } : {}),
      load,
    };
  });
  // A file of the user's own named as a bundled rubric (or as one of its own found first): the one
  // before it is used; whether the file says anything else is read only when a workbook is scored
  // under that one (it is then said).
  const passedOver = (f: { id: string; version: string; path: string }): ShadowRubric => {
    let mine: RubricLoad | undefined;
    const read = (): RubricLoad | undefined => (mine ??= full ? loadRubricFile(f.path, full) : undefined);
    let differs: boolean | undefined;
    return {
      id: f.id,
      version: f.version,
      file: displayPath(f.path),
      differs: () => {
        if (differs !== undefined || !full) return differs ?? false;
        const r = read()?.rubric;
        const theirs = bundled.find((b) => b.id === f.id && b.version === f.version)?.load().rubric;
        differs = r === undefined || theirs === undefined || !saySame(r, theirs);
        return differs;
      },
      says: () => {
        const r = read()?.rubric;
        return r ? { id: r.id, version: r.version } : undefined;
      },
    };
  };
  const shadows = found.shadows.map(passedOver);
  const twins = found.twins.map(passedOver);
  const given = flag !== undefined && full ? loadRubricFile(flag, full) : undefined;
  // A bundled rubric's file given by its path (--rubric rubric/NAME), edited since installing: as edited.
  const givenAt = flag === undefined ? undefined : rubricPath(flag);
  const shippedGiven = givenAt === undefined ? undefined : shipped.find((f) => samePath(givenAt, f.path));
  const givenInstalled = shippedGiven ? installed.get(shippedGiven.path) : undefined;
  return {
    bundled,
    ...(given ? { given } : {}),
    ...(given && givenInstalled ? { givenEdited: editedSince(givenInstalled, () => given) } : {}),
    ...(shadows.length ? { shadows } : {}),
    ...(twins.length ? { twins } : {}),
  };
}

/** A file's first 256 KiB (a zip's first parts name what it is), or undefined where it cannot be read. */
function headOf(file: string): Uint8Array | undefined {
  try {
    const fd = openSync(file, "r");
    try {
      const b = new Uint8Array(256 * 1024);
      return b.subarray(0, readSync(fd, b, 0, b.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

// Which rubric a workbook is scored under: the one given (--rubric, or a file the user chose);
// else the bundled rubric its cover names, in the version it names; else the newest bundled one.
import type { Diagnostic, Location } from "../diagnostics/index.js";
import type { Cover } from "../model/submission.js";
import type { Rubric } from "../rubric/model.js";
import { diffRubrics } from "../rubric/diff.js";

export interface RubricLoad {
  readonly rubric?: Rubric;
  readonly diagnostics: readonly Diagnostic[];
  /** Taken for a workbook without a cover from a file of the user's own: its name. */
  readonly own?: string;
  /**
   * What `rubric check` warns of in a valid rubric, each at its line: a unit kind no ranking
   * ranks, a group left without a ranking by the total (scored, but in no ranking table).
   */
  readonly advice?: readonly Diagnostic[];
}

export interface BundledRubric {
  readonly id: string;
  readonly version: string;
  /** A file of the user's own (beside the workbook, or chosen on the page): its name as they see it. */
  readonly own?: string;
  /** A bundled rubric's file edited since assess was installed (its version scored otherwise before): whether it says anything else. */
  readonly edited?: () => boolean;
  /** Loaded when chosen (the CLI reads a file, the browser has it inline). */
  load(): RubricLoad;
}

/** A file of the user's own named as a bundled rubric (ID-VERSION.yaml), and so not used in its place. */
export interface ShadowRubric {
  readonly id: string;
  readonly version: string;
  /** The file, as the user sees its path. */
  readonly file: string;
  /** Whether it says anything else than the bundled one (read when asked). */
  differs(): boolean;
  /** The id and version the file itself says, where it reads (a revision saved under the old name says its new one). */
  says?(): { readonly id: string; readonly version: string } | undefined;
}

export interface RubricSource {
  /** A rubric the user gave, already read (with its problems, if any). */
  readonly given?: RubricLoad;
  /** The bundled rubrics, in any order. */
  readonly bundled: readonly BundledRubric[];
  /** Files of the user's own that a bundled rubric of the same id and version is used before. */
  readonly shadows?: readonly ShadowRubric[];
  /** Files of the user's own of an id and version another file of theirs, found first, is used for. */
  readonly twins?: readonly ShadowRubric[];
  /** The rubric given is a bundled one's file (--rubric rubric/NAME): whether it was edited since installing. */
  readonly givenEdited?: () => boolean;
}

/** What a rubric says, whatever its file's bytes: its checksum, its file's name and where each key stands in it aside. */
export function rubricContent(r: Rubric): string {
  return JSON.stringify(r, (key, value: unknown) => (key === "at" || key === "sha256" || key === "sameText" || key === "file" ? undefined : value));
}

/**
 * Two rubrics that say the same: alike in content, or differing only in order that means nothing
 * (weights, a code's levels, a kind's lines written in another order), as `rubric diff` finds them.
 */
export function saySame(a: Rubric, b: Rubric): boolean {
  // Words that keep what they are given (a tier's amount is in its words' data): nothing compared is lost.
  const literal = (key: string, data: Readonly<Record<string, string | number>> = {}): string => `${key}${JSON.stringify(data)}`;
  return rubricContent(a) === rubricContent(b) || diffRubrics(a, b, literal).length === 0;
}

/**
 * How a version in a file's name begins: a digit, or v and a digit (v10). (A word of the id, as
 * comprehensive in township-comprehensive-2026.1, begins otherwise.)
 */
const VERSION_START = "(?:\\d|[vV]\\d)";

/** A rubric file's name, ID-VERSION.yaml (district-popplan-2022.1.yaml): its id and version; undefined for any other name. */
export function rubricFileName(name: string): { id: string; version: string } | undefined {
  const m = new RegExp(`^([a-z0-9-]+?)-(${VERSION_START}[0-9A-Za-z.-]*)\\.ya?ml$`).exec(name);
  return m ? { id: m[1] ?? "", version: m[2] ?? "" } : undefined;
}

/**
 * Every way a file's name reads as ID-VERSION.yaml: an id may hold a hyphen and a digit too
 * (xian-2-2026.1.yaml is xian-2 2026.1, or xian 2-2026.1), first the shortest id.
 */
export function rubricFileNames(name: string): { id: string; version: string }[] {
  const stem = /^(.+)\.ya?ml$/.exec(name)?.[1];
  if (stem === undefined) return [];
  const out: { id: string; version: string }[] = [];
  for (let i = stem.indexOf("-"); i > 0; i = stem.indexOf("-", i + 1)) {
    const id = stem.slice(0, i);
    const version = stem.slice(i + 1);
    if (/^[a-z0-9][a-z0-9-]*$/.test(id) && new RegExp(`^${VERSION_START}[0-9A-Za-z.-]*$`).test(version)) out.push({ id, version });
  }
  return out;
}

/** Whether a file's name is the one a rubric of this id and version is found by (ID-VERSION.yaml). */
export function namedFor(name: string, id: string, version: string): boolean {
  return name === `${id}-${version}.yaml` || name === `${id}-${version}.yml`;
}

/** A valid rubric's advice said on every command that uses it, not only by `rubric check`. */
const SAID_WHEN_USED: ReadonlySet<string> = new Set(["rubric.mark-low-for-scale", "rubric.mark-low-for-scale-key", "rubric.single-not-given", "rubric.single-not-given-groups"]);

/**
 * What `rubric check` advises of a rubric that changes every result (marks of a 百分制 on a scale
 * of 1000: every unit the best grade), said wherever the rubric is used.
 */
export function adviceWhenUsed(load: RubricLoad): Diagnostic[] {
  return (load.advice ?? []).filter((d) => SAID_WHEN_USED.has(d.code));
}

/** A tag that marks a version before its release (1.0-rc1, 2026.1-draft). */
const PRE_RELEASE = /^(?:rc|alpha|beta|pre|preview|dev|draft)\d*$/i;

/**
 * Compares dotted versions part by part: a part's leading number as a number ("2022.10" >
 * "2022.9", "v10" > "v9", "2026.1a" > "2026.1"), then what follows it; a part after the parts of
 * another is a revision ("2026.1.1", "2026.1-r2", "2026.1-final" after "2026.1"; a trailing 0 the
 * same), but a pre-release tag's ("1.0-rc1" before "1.0"); a number is later than a word in its place.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  const parse = (p: string): { num?: number; rest: string } => {
    const m = /^[vV]?(\d+)(.*)$/.exec(p);
    return m ? { num: Number(m[1]), rest: m[2] ?? "" } : { rest: p };
  };
  // A part only one has: later for a revision, earlier for a pre-release tag, nothing for a 0.
  const extra = (p: string): number => (/^0+$/.test(p) ? 0 : PRE_RELEASE.test(p) ? -1 : 1);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) {
      const c = -extra(y ?? "");
      if (c !== 0) return c;
      continue;
    }
    if (y === undefined) {
      const c = extra(x);
      if (c !== 0) return c;
      continue;
    }
    const [px, py] = [parse(x), parse(y)];
    if (px.num !== undefined && py.num !== undefined) {
      if (px.num !== py.num) return px.num - py.num;
      if (px.rest === py.rest) continue;
      if (px.rest === "") return PRE_RELEASE.test(py.rest) ? 1 : -1;
      if (py.rest === "") return PRE_RELEASE.test(px.rest) ? -1 : 1;
    } else if (px.num !== undefined || py.num !== undefined) return px.num !== undefined ? 1 : -1;
    const c = x.localeCompare(y, "en", { numeric: true });
    if (c !== 0) return c;
  }
  return 0;
}

/** The bundled rubrics ordered by id, then version (newest last). */
export function byVersion(list: readonly BundledRubric[]): BundledRubric[] {
  return [...list].sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

/**
 * Without a cover: of the newest version of each bundled rubric, the one whose item and indicator
 * codes the workbook's headers use most; alike on those, the one whose names the headers say with
 * them most (BM1 统筹决策: an office's scheme reusing the comprehensive one's codes for its own
 * items); the first listed on a tie. A file of the user's own is a candidate only for a scheme
 * none is bundled of: a draft of a new version beside the workbook is never taken for a workbook
 * that does not name it.
 */
function likeliest(list: readonly BundledRubric[], headerCodes: ReadonlySet<string>, headerTexts: ReadonlyMap<string, string>): { readonly b: BundledRubric; readonly score: number; readonly named: number; readonly misnamed: number; readonly known: ReadonlySet<string> } | undefined {
  const latest = new Map<string, BundledRubric>();
  for (const b of byVersion(list)) if (!b.own || !list.some((x) => !x.own && x.id === b.id)) latest.set(b.id, b);
  let best: { b: BundledRubric; score: number; named: number; misnamed: number; known: ReadonlySet<string> } | undefined;
  for (const b of latest.values()) {
    const r = b.load().rubric;
    if (!r) continue;
    const names = new Map<string, string>([...r.lines.flatMap((l) => namesOf(l.items)), ...r.indicators.map((i) => [i.code, i.name] as const), ...r.targets.map((t) => [t.code, t.name] as const)]);
    const matched = [...names.keys()].filter((c) => headerCodes.has(c));
    const score = matched.length;
    const named = matched.filter((c) => (headerTexts.get(c) ?? "").includes(names.get(c) ?? "\u0000")).length;
    // Headings that name their code as something else (ZB1 一般公共预算收入 where it is 地区生产总值增长率).
    const misnamed = matched.filter((c) => {
      const text = headerTexts.get(c) ?? "";
      return !text.includes(names.get(c) ?? "\u0000") && (text.replace(c, "").match(/[\u4e00-\u9fff]/g) ?? []).length >= 2;
    }).length;
    if (!best || score > best.score || (score === best.score && named > best.named)) best = { b, score, named, misnamed, known: new Set(matched) };
  }
  return best;
}

/**
 * Where the scheme a cover names (`named`) knows fewer than half the headings' codes and another
 * scheme (of another id) knows half or more, and more than it: that scheme, and a few of the codes
 * the named one does not know.
 */
export function otherSchemeFits(all: readonly BundledRubric[], named: BundledRubric, headerCodes: ReadonlySet<string>, headerTexts: ReadonlyMap<string, string>): { readonly b: BundledRubric; readonly codes: string } | undefined {
  if (headerCodes.size < NONE_FITS_MIN) return undefined;
  const own = likeliest([named], headerCodes, headerTexts);
  const mine = own?.score ?? 0;
  // Its codes, but most of them headed by other names (a sheet whose codes both schemes have,
  // BM1 重点工作任务 where the named one's BM1 is another item): the headings' names tell.
  const renamed = own !== undefined && own.misnamed * 2 > own.score;
  if (mine * 2 >= headerCodes.size && !renamed) return undefined;
  const found = likeliest(all.filter((b) => b.id !== named.id), headerCodes, headerTexts);
  if (!found || found.score * 2 < headerCodes.size || found.misnamed * 2 > found.score) return undefined;
  if (renamed ? found.named * 2 < found.score || found.named <= (own?.named ?? 0) : found.score <= mine) return undefined;
  // The codes the named one has not; where it has them all, those it names otherwise.
  const strange = [...headerCodes].filter((c) => !own?.known.has(c) && found.known.has(c));
  const codes = strange.length ? strange : [...headerCodes].filter((c) => found.known.has(c));
  return { b: found.b, codes: codes.slice(0, 5).join("、") };
}

/**
 * The scheme a workbook's headings fit, where they fit one other than `used` (the rubric given):
 * as otherSchemeFits, and where they fit `used` itself, "used".
 */
export function headingsScheme(all: readonly BundledRubric[], used: BundledRubric, headerCodes: ReadonlySet<string>, headerTexts: ReadonlyMap<string, string>): BundledRubric | "used" | undefined {
  const other = otherSchemeFits(all, used, headerCodes, headerTexts);
  if (other) return other.b;
  const own = likeliest([used], headerCodes, headerTexts);
  return own && headerCodes.size >= NONE_FITS_MIN && own.score * 2 >= headerCodes.size && own.misnamed * 2 <= own.score ? "used" : undefined;
}

/** Header codes from which a workbook is held to fit no scheme when fewer than half are a scheme's. */
const NONE_FITS_MIN = 4;

/** Each item's code with its name, those under a group's too. */
function namesOf(items: Rubric["lines"][number]["items"]): (readonly [string, string])[] {
  return items.flatMap((i) => [[i.code, i.name] as const, ...(i.kind === "group" ? namesOf(i.children) : [])]);
}

/** headerCodes: the codes found in the workbook's header rows, headerTexts their headings (used only when there is no cover). */
export function resolveRubric(source: RubricSource, cover: Cover | undefined, file: string, headerCodes: ReadonlySet<string> = new Set(), headerTexts: ReadonlyMap<string, string> = new Map()): RubricLoad {
  if (source.given) return source.given;
  const all = source.bundled;
  let pick: BundledRubric | undefined;
  if (cover?.rubricId) {
    const same = byVersion(all.filter((b) => b.id === cover.rubricId));
    pick = cover.rubricVersion ? same.find((b) => b.version === cover.rubricVersion) : same.at(-1);
    if (!pick) {
      // A known rubric in a version we do not have: the version cell is the one to fix, or the
      // new version's file is to be given (an office's revision): both are said.
      const at = same.length && cover.versionAt ? cover.versionAt : cover.at;
      const location: Location = at ? { file, ...at } : { file };
      if (same.length && cover.rubricVersion) {
        // (Not those of a file of the office's own named for one version and saying another: it is
        // not used, and is said as what it is; 2027 offered for township-comprehensive-2027.yaml saying 2027.1.)
        // (Every one misnamed: each named all the same, the list being no empty "这里有 ".)
        const named = same.filter((b) => b.own === undefined || !b.load().diagnostics.some((d) => d.code.startsWith("rubric.file-says-")));
        const versions = (named.length ? named : same).map((b) => b.version).join("、");
        // A date, not a version (2022.1 typed where the cell took it for January 2022): said as that.
        if (cover.versionDated !== undefined) return { diagnostics: [{ code: "rubric.version-date", severity: "error", data: { shown: cover.versionDated, version: cover.rubricVersion, versions }, location }] };
        return { diagnostics: [{ code: "rubric.version-not-found", severity: "error", data: { id: cover.rubricId, version: cover.rubricVersion, versions }, location }] };
      }
      const available = byVersion(all).map((b) => `${b.id} ${b.version}`).join(", ");
      // A version where the id goes (2026.2 typed over 方案编号): no file is to be fetched for it, the cover is to mend.
      if (/^\d+(?:[.．]\d+)*$|^\d{4}-\d{2}-\d{2}$/.test(cover.rubricId)) return { diagnostics: [{ code: "rubric.cover-id-is-version", severity: "error", data: { id: cover.rubricId, available }, location }] };
      return { diagnostics: [{ code: "rubric.not-found", severity: "error", data: { id: cover.rubricId, version: cover.rubricVersion ?? "", available }, location }] };
    }
  } else {
    const found = likeliest(all, headerCodes, headerTexts);
    // No scheme the headings fit (an office's own, its file not beside the workbook): less than half
    // the headings' codes known to the best of them. Taken all the same, it made an error of each
    // (a blank 方案编号 on a county's workbook: 37 errors, each a wrong fix).
    // Nor where most of the codes it knows are headed by other names than its own (a county's own
    // scheme reusing the codes ZB1, BM1 for other things).
    const misnamed = found !== undefined && found.misnamed * 2 > found.score;
    if (found && headerCodes.size >= NONE_FITS_MIN && (found.score * 2 < headerCodes.size || misnamed)) {
      // (The codes it does not know; misnamed, any of them.)
      const codes = [...headerCodes].filter((c) => misnamed || !found.known.has(c)).slice(0, 5).join("、");
      const available = byVersion(all).map((b) => `${b.id} ${b.version}`).join(", ");
      return { diagnostics: [{ code: cover ? "rubric.none-fits-cover" : "rubric.none-fits", severity: "error", data: { codes, available }, location: cover?.at ? { file, ...cover.at } : { file } }] };
    }
    pick = found?.b;
  }
  if (!pick) return { diagnostics: [{ code: "rubric.not-found", severity: "error", data: { id: "", version: "", available: "" } }] };
  const loaded = pick.load();
  return !cover?.rubricId && pick.own !== undefined ? { ...loaded, own: pick.own } : loaded;
}

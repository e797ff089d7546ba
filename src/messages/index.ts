// The message catalog: every text a user sees, by code, in zh-CN and en. Code passes a code and
// data; this module picks the language and fills the {placeholders}.
import { common } from "./catalog/common.js";
import { rubricMessages } from "./catalog/rubric.js";
import { workbookMessages } from "./catalog/workbook.js";
import { engineMessages } from "./catalog/engine.js";
import { reportMessages } from "./catalog/report.js";
import { xlsxMessages } from "./catalog/xlsx.js";
import { septemberMessages } from "./catalog/september.js";
import { languageMessages } from "./catalog/language.js";
import { templateMessages } from "./catalog/template.js";
import type { Catalog } from "./catalog/types.js";

export type Lang = "zh-CN" | "en";
export const LANGS: readonly Lang[] = ["zh-CN", "en"];
export type { Catalog, Entry } from "./catalog/types.js";

export const catalog: Catalog = {
  ...common,
  ...rubricMessages,
  ...workbookMessages,
  ...engineMessages,
  ...reportMessages,
  ...xlsxMessages,
  ...septemberMessages,
  ...languageMessages,
  ...templateMessages,
};

/**
 * `--lang` wins; else LC_ALL, LC_MESSAGES, LANG: an English locale gives en; a Chinese one, none
 * at all (Windows, where most users are) or the neutral C/POSIX locale of servers give zh-CN.
 */
export function detectLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  if (flag !== undefined) return parseLang(flag);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en([_.@-]|$)/i.test(locale) ? "en" : "zh-CN";
}

/** A --lang value: zh, zh-CN, zh_CN.UTF-8 → zh-CN; en, en-US → en; anything else undefined. */
export function parseLang(value: string): Lang | undefined {
  if (/^zh([-_].*)?$/i.test(value)) return "zh-CN";
  if (/^en([-_].*)?$/i.test(value)) return "en";
  return undefined;
}

export function message(lang: Lang, code: string, data: Readonly<Record<string, string | number>> = {}): string {
  const entry = catalog[code];
  if (!entry) return `${code} ${JSON.stringify(data)}`;
  return fill(entry[lang], lang === "en" ? inEnglish(data) : data, lang);
}

/** A message's data as the message in `lang` writes it (its lists read "a, b" in English): what `--json` gives as `data`. */
export function messageData(lang: Lang, data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  return { ...(lang === "en" ? inEnglish(data) : data) };
}

/**
 * Data that is one name from the rubric or the workbook (a kind named 镇、街道), or names joined in
 * the reader's language already, or a ledger row said in it (JF2 经验介绍、获奖 国家级), or a clause
 * of the rubric (分别加5分、7分、10分): kept as written.
 */
const NAMES: ReadonlySet<string> = new Set(["kinds", "notes", "kind", "unit", "name", "title", "ranking", "rankingName", "tier", "grade", "card", "group", "sheet", "scheme", "item", "gateName", "indicatorName", "district", "value", "key", "row", "rowWas", "rowNow", "clause", "heading"]);

/** Lists of things with their names (JF1 创新;JF2 经验介绍、获奖), joined with ";": each name keeps its own 、. */
const NAMED_LISTS: ReadonlySet<string> = new Set(["named"]);

/** Lists in the data are joined with the Chinese list comma (、): in English they read "a, b" (a name keeps its own 、). */
function inEnglish(data: Readonly<Record<string, string | number>>): Readonly<Record<string, string | number>> {
  let out: Record<string, string | number> | undefined;
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === "string" && NAMED_LISTS.has(k)) {
      out ??= { ...data };
      out[k] = v.replaceAll(";", "; ");
      continue;
    }
    if (typeof v !== "string" || !v.includes("、") || NAMES.has(k)) continue;
    out ??= { ...data };
    out[k] = v.replaceAll("、", ", ");
  }
  return out ?? data;
}

/** A template split once, for filling in hot loops: its literal text around each {key}, and each key's parts. */
interface Compiled {
  /** Literal text: before the first key, between keys, after the last (one more than keys). */
  readonly lits: readonly string[];
  /** Each key's data name (unit in {unit@word.unit}). */
  readonly names: readonly string[];
  /** Each key's catalog prefix for words (word.unit), or undefined. */
  readonly words: readonly (string | undefined)[];
  /** Each key as written, for one the data lacks. */
  readonly raw: readonly string[];
}

const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  const parts = template.split(/\{(\w+(?:@[\w.-]+)?)\}/);
  const lits: string[] = [];
  const names: string[] = [];
  const words: (string | undefined)[] = [];
  const raw: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) return void lits.push(part);
    const at = part.indexOf("@");
    names.push(at < 0 ? part : part.slice(0, at));
    words.push(at < 0 ? undefined : part.slice(at + 1));
    raw.push(part);
  });
  return { lits, names, words, raw };
}

/** A template as split, once. */
function compiledOf(template: string): Compiled {
  let c = compiled.get(template);
  if (!c) {
    c = compile(template);
    compiled.set(template, c);
  }
  return c;
}

/**
 * Fills a template's {keys} from data. `{unit@word.unit}` is the catalog's word for the value:
 * unit "percent" gives word.unit.percent in `lang` (百分比), for ids said in the user's words.
 */
export function fill(template: string, data: Readonly<Record<string, string | number>>, lang: Lang = "zh-CN"): string {
  const { lits, names, words, raw } = compiledOf(template);
  let out = lits[0] ?? "";
  for (let i = 0; i < names.length; i++) {
    const word = words[i];
    const value = data[names[i] ?? ""];
    const v = word === undefined ? value : wordFor(lang, word, value);
    out += (v === undefined ? `{${raw[i] ?? ""}}` : typeof v === "string" ? v : String(v)) + (lits[i + 1] ?? "");
  }
  return out;
}

/** The catalog's word for an id (word.unit + percent → 百分比); the id itself where there is none. */
function wordFor(lang: Lang, prefix: string, id: string | number | undefined): string | number | undefined {
  if (id === undefined) return undefined;
  if (prefix === "size" && typeof id === "number") return fileSize(id);
  // A word in brackets set off by a space in English ({per}{level@sp}: 5 (市级), where 5(市级) reads in Chinese).
  if (prefix === "sp") return id === "" ? "" : ` (${String(id).replace(/^[(（]|[)）]$/g, "")})`;
  // An English plural's ending ({count} unit{count@s}): none for one, nor in Chinese, which has none
  // (a Chinese message names the count it is given, or leaves it: {units}{n@s} 的总分).
  if (prefix === "s") return lang === "en" && Number(id) !== 1 ? "s" : "";
  // An English verb agreeing with a count ({n@is} vetoed and win{n@verb-s}: is … wins, are … win); none in Chinese.
  if (prefix === "is") return lang === "en" ? (Number(id) === 1 ? "is" : "are") : "";
  if (prefix === "verb-s") return lang === "en" && Number(id) === 1 ? "s" : "";
  // An English pronoun for a count (correct {n@it}: it, them); none in Chinese.
  if (prefix === "it") return lang === "en" ? (Number(id) === 1 ? "it" : "them") : "";
  // An English ordinal ({place@th}: 1st, 2nd, 3rd, 4th, 11th, 21st).
  if (prefix === "th") return ordinal(Number(id));
  const entry = catalog[`${prefix}.${id}`];
  return entry ? entry[lang] : id;
}

/**
 * A file's size as Explorer and Finder say it ({size@size}: 200 MB, 1.5 MB, 12 KB), rounded up, so
 * that a size just over a limit never reads as the limit itself (209,715,204 bytes: 200.1 MB).
 */
export function fileSize(bytes: number): string {
  const KiB = 1024;
  const MiB = KiB * KiB;
  if (bytes < MiB) return `${Math.ceil(bytes / KiB)} KB`;
  const tenths = Math.ceil((bytes / MiB) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/** Whether a message says `value` (some {key} of it is filled with it, or begins with it: MB1 -5%): DZ2 in “DZ2 的分值…”. */
export function says(lang: Lang, code: string, data: Readonly<Record<string, string | number>>, value: string): boolean {
  const template = catalog[code]?.[lang];
  return template !== undefined && compiledOf(template).names.some((k) => {
    const v = data[k];
    return v === value || (typeof v === "string" && v.startsWith(`${value} `));
  });
}

/** Placeholders a template uses (the data keys: `{unit@word.unit}` uses unit), for the catalog test. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:@[\w.-]+)?\}/g)].map((m) => m[1] ?? ""))].sort();
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const last = n % 10;
  return `${n}${teen ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th"}`;
}

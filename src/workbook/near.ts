// "Did you mean": the known names closest to one that was typed — a unit misspelt in the ledger
// or on the command line, a command. Closest by edit distance (characters, so 城关镇 and 城关街
// are one apart), then names that contain or are contained in it.
import { editDistance } from "../diagnostics/near.js";
import { comparableName, simplifiedName } from "../model/names.js";

/**
 * Names looked for at most in one workbook, per kind of problem: each search reads every name, and
 * a workbook read with the wrong rubric (or a ledger of another district) can have thousands of
 * names unknown. Past this many, the problems are said without a suggestion.
 */
export const MAX_NEAR_SEARCHES = 200;

export { editDistance };


/**
 * Up to `limit` names close to `typed` (first those that differ only in width or spaces): fewer edits than half its length (城关街 for 城关镇, but not
 * 甲镇 for 戊镇: two names that share only 镇 are not alike), containing it, or one the short form
 * of the other (区人社局 for 区人力资源和社会保障局, either way).
 */
export function nearestNames(typed: string, names: readonly string[], limit = 5): string[] {
  const allowed = Math.floor(([...typed].length - 1) / 2);
  const plain = comparableName(typed);
  // (Typed in traditional characters, 石橋鎮: as near as the characters it differs by in simplified form.)
  const simple = simplifiedName(plain);
  const apart = (n: string): number => {
    const d = editDistance(typed, n);
    // (Only where one of the two has such a character: most names have none, and a province has many.)
    const other = simplified(n);
    return simple === plain && other === n ? d : Math.min(d, editDistance(simple, other));
  };
  const near = names
    .map((n) => ({ n, d: comparableName(n) === plain ? 0 : apart(n), within: n.includes(typed) || typed.includes(n) || shortForm(plain, comparableName(n)) }))
    .filter((x) => x.d <= allowed || x.within)
    .sort((a, b) => a.d - b.d);
  // The name itself, in another width or in simplified characters (石桥镇 for 石橋鎮): that one
  // alone, not beside others a character off (是否为 石桥镇、石门镇?).
  const same = near.filter((x) => x.d === 0);
  return (same.length ? same : near).slice(0, limit).map((x) => x.n);
}

/** Each name's simplified form, kept: the same names are looked through search after search. */
const simplifiedOf = new Map<string, string>();
function simplified(name: string): string {
  let s = simplifiedOf.get(name);
  if (s === undefined) {
    if (simplifiedOf.size > 100_000) simplifiedOf.clear();
    const plain = comparableName(name);
    s = simplifiedName(plain);
    // (Kept as the name itself where nothing changed, the cheap test above.)
    if (s === plain) s = name;
    simplifiedOf.set(name, s);
  }
  return s;
}

/**
 * The one word of a short list (statuses, levels) that a word typed otherwise most likely is: one
 * close by nearestNames, the closest where several are (认定: 已认定 rather than 不予认定), else one
 * that shares two characters in a row with it (审核中: 待审核); undefined where none, or two, are.
 */
export function nearestWord(typed: string, words: readonly string[]): string | undefined {
  const plain = comparableName(typed);
  const near = nearestNames(typed, words);
  const pool = near.length ? near : words.filter((w) => sharesTwo(plain, comparableName(w)));
  const distance = (w: string): number => editDistance(plain, comparableName(w));
  const least = Math.min(...pool.map(distance));
  const closest = pool.filter((w) => distance(w) === least);
  return closest.length === 1 ? closest[0] : undefined;
}

/** Two characters in a row of one found in the other. */
function sharesTwo(a: string, b: string): boolean {
  const chars = [...a];
  for (let i = 0; i + 1 < chars.length; i++) if (b.includes(`${chars[i] ?? ""}${chars[i + 1] ?? ""}`)) return true;
  return false;
}

const HAN = /\p{Script=Han}/u;

/**
 * One Chinese name the short form of the other, as offices shorten them: the shorter's characters
 * in order within the longer, from its first (区人社局 in 区人力资源和社会保障局, 区发改委 in
 * 区发展和改革委员会). Three characters at least, two of them Chinese: 甲镇 is no one's short form.
 */
function shortForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const chars = [...short];
  if (chars.length < 3 || chars.length === [...long].length || chars.filter((c) => HAN.test(c)).length < 2) return false;
  if (!long.startsWith(chars[0] ?? "")) return false;
  let at = 0;
  for (const c of chars) {
    const i = long.indexOf(c, at);
    if (i < 0) return false;
    at = i + c.length;
  }
  return true;
}

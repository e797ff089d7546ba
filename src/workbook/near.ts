// "Did you mean": the known names closest to one that was typed — a unit misspelt in the ledger
// or on the command line, a command. Closest by edit distance (characters, so 城关镇 and 城关街
// are one apart), then names that contain or are contained in it.
import { editDistance } from "../diagnostics/near.js";

/**
 * Names looked for at most in one workbook, per kind of problem: each search reads every name, and
 * a workbook read with the wrong rubric (or a ledger of another district) can have thousands of
 * names unknown. Past this many, the problems are said without a suggestion.
 */
export const MAX_NEAR_SEARCHES = 200;

export { editDistance };

/** A name in one width and without its spaces: 龙泉镇（新）, 龙泉镇 (新) and 龙泉镇(新) are one. */
export function oneWidth(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * Up to `limit` names close to `typed` (first those that differ only in width or spaces): fewer edits than half its length (城关街 for 城关镇, but not
 * 甲镇 for 戊镇: two names that share only 镇 are not alike), or containing it.
 */
export function nearestNames(typed: string, names: readonly string[], limit = 5): string[] {
  const allowed = Math.floor(([...typed].length - 1) / 2);
  const plain = oneWidth(typed);
  return names
    .map((n) => ({ n, d: oneWidth(n) === plain ? 0 : editDistance(typed, n), within: n.includes(typed) || typed.includes(n) }))
    .filter((x) => x.d <= allowed || x.within)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((x) => x.n);
}

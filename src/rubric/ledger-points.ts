// What one ledger row is worth, and which row of a once-a-year code counts: the one rule the
// workbook's checks and the engine share, so that a warning says what scoring does.
import type { LedgerEntry } from "../model/submission.js";
import type { LedgerCode, Points } from "./model.js";

/** The points one count of a row is worth: fixed, by its level, or as entered; doubled when flagged. */
export function perCount(code: LedgerCode, e: Pick<LedgerEntry, "level" | "points" | "flagged">): Points {
  let p = 0;
  if (code.points !== undefined) p = code.points;
  else if (code.range) p = e.points ?? 0;
  else if (code.levels && e.level !== undefined) p = code.levels[e.level] ?? 0;
  if (code.doubleWhenFlagged && e.flagged) p *= 2;
  return p;
}

/**
 * Of the counted rows of once-a-year codes, the one that counts for each unit and code: the one
 * worth the most (the first of them where equal), wherever it stands in the sheet, so that the
 * rows' order never changes a total and deciding a pending row never lowers a bonus. Gives, by
 * row index, the index of the row counted instead of it, for every row that does not count.
 */
export function onceOver<E extends Pick<LedgerEntry, "unit" | "code" | "level" | "points" | "flagged">>(entries: readonly E[], codes: ReadonlyMap<string, LedgerCode>, counts: (e: E) => boolean): Map<number, number> {
  const best = new Map<string, number>();
  entries.forEach((e, i) => {
    const code = codes.get(e.code);
    if (!code?.oncePerYear || code.kind === "single" || !counts(e)) return;
    const key = `${e.unit}\u0000${e.code}`;
    const held = best.get(key);
    const other = held === undefined ? undefined : entries[held];
    if (other === undefined || perCount(code, e) > perCount(code, other)) best.set(key, i);
  });
  const instead = new Map<number, number>();
  entries.forEach((e, i) => {
    const code = codes.get(e.code);
    if (!code?.oncePerYear || code.kind === "single" || !counts(e)) return;
    const chosen = best.get(`${e.unit}\u0000${e.code}`);
    if (chosen !== undefined && chosen !== i) instead.set(i, chosen);
  });
  return instead;
}

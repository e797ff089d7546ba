// Which of a workbook's problems are one unit's (a clerk checking their own rows, on the command
// line or the browser page), and which another's: the unit's own and the workbook's as a whole
// said, the others' counted.
import type { Diagnostic } from "./types.js";

/** Problems that pair two spellings of one unit: `unit` with the one `near` names (itself alone, not a list to choose from). */
const PAIRED = new Set(["workbook.unit-missing-on-near", "workbook.unit-missing-on-width", "workbook.unit-only-on-near", "workbook.unit-only-on-width", "workbook.ledger-unknown-unit-near", "workbook.ledger-unknown-unit-listed", "workbook.ledger-unknown-unit-width", "workbook.roster-unit-absent-near", "workbook.unit-unlisted-spelling", "workbook.unit-spelt-width"]);

/**
 * The unit's name and the other spellings of it the workbook's problems ask about (白沙鎮 on one
 * sheet for 白沙镇: is it the same?): their rows' problems are the unit's too (they were counted
 * as another unit's, the score over the max on that row hidden).
 */
function spellings(diagnostics: readonly Diagnostic[], unit: string): Set<string> {
  const mine = new Set([unit]);
  for (const d of diagnostics) {
    const named = typeof d.data.unit === "string" ? d.data.unit : undefined;
    if (named === undefined) continue;
    if (d.code === "workbook.roster-unit-renamed" && d.data.listed === unit) mine.add(named);
    const near = PAIRED.has(d.code) && typeof d.data.near === "string" && !d.data.near.includes("、") ? d.data.near : undefined;
    if (near === undefined) continue;
    if (named === unit) mine.add(near);
    else if (near === unit) mine.add(named);
  }
  return mine;
}

/**
 * A problem said once for many cells (a column blank for every unit, workbook.column-blank) and the
 * cells' own problems it was said in place of: a clerk checking one unit is told of that unit's
 * cell among them (its blank 请填 0), the column's problem counted as the others' (it was the
 * workbook's, and a unit whose rows were all filled could never pass its own check).
 */
const summarized = new WeakMap<Diagnostic, readonly Diagnostic[]>();

/** Records the cells' problems `d` is said in place of. */
export function saidInPlaceOf(d: Diagnostic, parts: readonly Diagnostic[]): void {
  summarized.set(d, parts);
}

/** Units of the template's list shown by name in the note of those absent, at most. */
const ABSENT_NAMED = 5;

interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

/** What is said for one unit: its own problems and the workbook's; of each, and of the others', how many. */
export interface ForUnit {
  readonly shown: readonly Diagnostic[];
  /** Of those shown, the unit's own (at its rows, or naming it). */
  readonly own: Counts;
  /** Of those shown, the workbook's as a whole (a ledger row naming no unit of it, a sheet missing). */
  readonly whole: Counts;
  readonly others: Counts;
}

/**
 * The line under a unit's problems: its own counted, the workbook's as a whole apart (a ledger row
 * naming a unit the workbook has not, counted as the unit's, sent a town looking through its own
 * rows), and the others' (`web`: how the page shows them all).
 */
export function unitSummary(say: (code: string, data: Readonly<Record<string, string | number>>) => string, unit: string, mine: ForUnit, web = false, explain = false): string {
  // (A form nothing is filled in yet is no unit's problem, but its blank cells are not "no problems".)
  const unfilled = mine.shown.some((d) => d.code === "workbook.nothing-filled");
  const counts = mine.own.errors + mine.own.warnings ? say("summary.counts", { ...mine.own }) : say(unfilled ? "summary.unit-unfilled" : "summary.ok", {});
  // Listed above this line in a terminal, below it on the page.
  const whole = mine.whole.errors + mine.whole.warnings ? say(web ? "summary.unit-whole-web" : "summary.unit-whole", { ...mine.whole }) : "";
  const code = mine.others.errors + mine.others.warnings ? (web ? "summary.unit-others-web" : explain ? "summary.unit-others-explain" : "summary.unit-others") : "summary.unit-alone";
  return say(code, { unit, counts, whole, errors: mine.others.errors, warnings: mine.others.warnings });
}

/**
 * The problems `unit` is told of: its own and the workbook's as a whole. Units of the template's list
 * with no rows (a clerk checking a workbook of their own unit alone) are one note, not one each:
 * the ranks and awards said are among the units there only.
 */
export function forUnit(diagnostics: readonly Diagnostic[], unit: string, names: readonly string[], file: string): ForUnit {
  const mine = spellings(diagnostics, unit);
  const known = new Set(names);
  // Another unit's: said at its row, or naming it (a unit listed on the template but given no rows);
  // `known` tells a unit's name from a measure's (a blank 万元 cell's data names its unit of measure too).
  const about = (d: Diagnostic): string | undefined => d.unit ?? (typeof d.data.unit === "string" && known.has(d.data.unit) ? d.data.unit : undefined);
  const other = (d: Diagnostic): boolean => {
    const of = about(d);
    return of !== undefined && !mine.has(of);
  };
  const shown: Diagnostic[] = [];
  const absent: string[] = [];
  let errors = 0;
  let warnings = 0;
  const own = { errors: 0, warnings: 0 };
  const whole = { errors: 0, warnings: 0 };
  for (const d of diagnostics) {
    const parts = summarized.get(d);
    if (parts) {
      for (const part of parts) {
        const of = about(part);
        if (of === undefined || !mine.has(of)) continue;
        shown.push(part);
        if (part.severity === "error") own.errors++;
        else own.warnings++;
      }
      if (d.severity === "error") errors++;
      else warnings++;
      continue;
    }
    if (!other(d)) {
      shown.push(d);
      const of = about(d) === undefined ? whole : own;
      if (d.severity === "error") of.errors++;
      else of.warnings++;
    } else if (d.code === "workbook.roster-unit-absent" || d.code === "workbook.roster-unit-absent-near") absent.push(String(d.data.unit));
    else if (d.severity === "error") errors++;
    else warnings++;
  }
  if (absent.length) {
    const units = absent.slice(0, ABSENT_NAMED).join("、") + (absent.length > ABSENT_NAMED ? "…" : "");
    shown.push({ code: "unit.roster-absent", severity: "warning", data: { count: absent.length, units }, location: { file } });
    whole.warnings++;
  }
  return { shown, own, whole, others: { errors, warnings } };
}

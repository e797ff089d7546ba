// Which of a workbook's problems are one unit's (a clerk checking their own rows, on the command
// line or the browser page), and which another's: the unit's own and the workbook's as a whole
// said, the others' counted.
import type { Diagnostic } from "./types.js";

/** Problems that pair two spellings of one unit: `unit` with the one `near` names (itself alone, not a list to choose from). */
const PAIRED = new Set(["workbook.unit-missing-on-near", "workbook.unit-missing-on-width", "workbook.unit-only-on-near", "workbook.unit-only-on-width", "workbook.ledger-unknown-unit-near", "workbook.ledger-unknown-unit-listed", "workbook.ledger-unknown-unit-width", "workbook.roster-unit-absent-near", "workbook.unit-unlisted-spelling"]);

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

/** Units of the template's list shown by name in the note of those absent, at most. */
const ABSENT_NAMED = 5;

/** What is said for one unit: its own problems and the workbook's; of the others', how many. */
export interface ForUnit {
  readonly shown: readonly Diagnostic[];
  readonly others: { readonly errors: number; readonly warnings: number };
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
  const other = (d: Diagnostic): boolean => {
    const named = typeof d.data.unit === "string" && known.has(d.data.unit) ? d.data.unit : undefined;
    const about = d.unit ?? named;
    return about !== undefined && !mine.has(about);
  };
  const shown: Diagnostic[] = [];
  const absent: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (!other(d)) shown.push(d);
    else if (d.code === "workbook.roster-unit-absent" || d.code === "workbook.roster-unit-absent-near") absent.push(String(d.data.unit));
    else if (d.severity === "error") errors++;
    else warnings++;
  }
  if (absent.length) {
    const units = absent.slice(0, ABSENT_NAMED).join("、") + (absent.length > ABSENT_NAMED ? "…" : "");
    shown.push({ code: "unit.roster-absent", severity: "warning", data: { count: absent.length, units }, location: { file } });
  }
  return { shown, others: { errors, warnings } };
}

// Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, not blank, no quote
// at either end, unique without regard to case; and the print titles a sheet is given.
import { escapeXml } from "../escape.js";
import { colName } from "../refs.js";

export function legalSheetName(name: string): string {
  const cleaned = cut(name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, ""));
  return cleaned.trim() === "" ? "Sheet" : cleaned;
}

/** The most characters Excel allows a sheet's name. */
const SHEET_NAME_MAX = 31;

/**
 * A name within SHEET_NAME_MAX; one ending in a closing bracket keeps it, cut inside with …
 * (Scores (区属国有企业…联合体) lost its bracket).
 */
function cut(name: string): string {
  if (name.length <= SHEET_NAME_MAX) return name;
  return /[)）]$/.test(name) ? `${name.slice(0, SHEET_NAME_MAX - 2)}…${name.slice(-1)}` : name.slice(0, SHEET_NAME_MAX);
}

/** A name not yet taken (case-insensitively), by appending (2), (3)… within 31 characters. */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = legalSheetName(name);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Rows and columns repeated on every printed page (1-based, inclusive). */
export interface PrintTitles {
  readonly rows?: readonly [number, number];
  readonly cols?: readonly [number, number];
  /** The part printed, where not all of it is: its first and last row, and its last column. */
  readonly area?: { readonly rows: readonly [number, number]; readonly lastCol: number };
}

/** The workbook's defined name that makes them so, for the sheet at `index`. */
export function printTitlesName(prefix: string, sheetName: string, index: number, titles: PrintTitles): string {
  const ref = `'${sheetName.replace(/'/g, "''")}'`;
  const areas = [
    ...(titles.cols ? [`${ref}!$${colName(titles.cols[0])}:$${colName(titles.cols[1])}`] : []),
    ...(titles.rows ? [`${ref}!$${titles.rows[0]}:$${titles.rows[1]}`] : []),
  ];
  const area = titles.area ? `<${prefix}definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(`${ref}!$A$${titles.area.rows[0]}:$${colName(titles.area.lastCol)}$${titles.area.rows[1]}`)}</${prefix}definedName>` : "";
  if (!areas.length) return area;
  return `${area}<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(areas.join(","))}</${prefix}definedName>`;
}

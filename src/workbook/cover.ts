// The cover sheet (封面): which rubric (id, version), year and district. Found by its labels in
// column A, whatever the sheet is called.
import { colName, serialToIsoDate } from "../xlsx/refs.js";
import { coverYear, type CellAt, type Cover } from "../model/submission.js";
import type { RawCell, RawSheet } from "../xlsx/read/index.js";
import { cellText, storedNumber } from "./cells.js";
import { COVER_LABELS, COVER_LABELS_EARLIER } from "./layout.js";

/** The cover's labels are looked for in this many rows of a sheet. */
export const COVER_ROWS = 30;

/** The year of a 1900-system date serial (1 = 1900-01-01; Excel's 1900-02-29 is a serial of its own, before March). */
function yearOfSerial(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).getUTCFullYear();
}

/** A year as the cover should hold it: four digits, 1990 to 2100 (the template's own bounds); 2026年 and 2026年度 too, as titles read them. */
export function isYear(text: string): boolean {
  // (２０２６ and 二〇二六年 too: the titles say them as 2026.)
  const digits = /^(\d{4})$/.exec(coverYear(text))?.[1];
  const year = digits ? Number(digits) : Number.NaN;
  return year >= 1990 && year <= 2100;
}

/** Columns a cover's label may be in (A, or a column or two inserted before it). */
const LABEL_COLUMNS = 3;

/** The cover's fields when this sheet is the cover (it has the rubric label), else undefined. */
export function readCover(sheet: RawSheet, date1904 = false): Cover | undefined {
  const found: Record<string, string> = {};
  let at: CellAt | undefined;
  let versionAt: CellAt | undefined;
  let versionDated: string | undefined;
  let yearAt: CellAt | undefined;
  let districtAt: CellAt | undefined;
  /** The field a label names (方案编号 …, an earlier template's word too), else undefined. */
  const fieldOf = (label: string): keyof typeof COVER_LABELS | undefined =>
    (Object.keys(COVER_LABELS) as (keyof typeof COVER_LABELS)[]).find((field) => label.startsWith(COVER_LABELS[field]) || (COVER_LABELS_EARLIER[field] ?? []).some((w) => label.startsWith(w)));
  /** A field's value read from its cell (`ref`, where it is said to be). */
  const take = (field: keyof typeof COVER_LABELS, value: RawCell | undefined, ref: string): void => {
    // A year typed into a cell formatted as a date (yyyy"年" shows 2026年 but holds 2026-01-01's serial): its year.
    // And an id typed as a version there (2026.2) that the cell took for a date: as the date it shows, not its serial.
    const dated = value?.value.t === "n" && value.value.fmt === "date";
    found[field] = field === "year" && dated ? String(yearOfSerial(value.value.v)) : field === "rubricId" && dated ? serialToIsoDate(value.value.v) || cellText(value) : cellText(value);
    const cell = { sheet: sheet.name, cell: ref };
    if (field === "rubricId") at = cell;
    if (field === "rubricVersion") {
      versionAt = cell;
      if (value?.value.t === "n" && value.value.fmt === "date") {
        versionDated = serialToIsoDate(value.value.v) || undefined;
        // The number it holds, as the message shows it (in a 1904 workbook, 1462 less than the serial read).
        found.rubricVersion = storedNumber(value.value.v, date1904);
      }
    }
    if (field === "year") yearAt = cell;
    if (field === "district") districtAt = cell;
  };
  const rows = sheet.rows.slice(0, COVER_ROWS);
  for (const [i, row] of rows.entries()) {
    // Laid out across (方案编号 | 方案版本 | 考核年度 | 地区 in a row, the values under them): each
    // label's value below it (方案版本 was read as the scheme's id, beside 方案编号).
    const across = row.filter((c) => c.value.t === "s" && fieldOf(cellText(c)) !== undefined);
    if (across.length >= 2) {
      const below = rows[i + 1] ?? [];
      const r = (below[0]?.row ?? (row[0]?.row ?? 1) + 1);
      for (const c of across) {
        const field = fieldOf(cellText(c));
        if (field) take(field, below.find((x) => x.col === c.col), `${colName(c.col)}${r}`);
      }
      break;
    }
    // The label in column A, or a few columns on (a column inserted before it); its value beside it.
    const labelCell = row.find((c) => c.col <= LABEL_COLUMNS && c.value.t === "s" && cellText(c) !== "");
    if (!labelCell) continue;
    const field = fieldOf(cellText(labelCell));
    if (field) take(field, row.find((c) => c.col === labelCell.col + 1), `${colName(labelCell.col + 1)}${row[0]?.row ?? 1}`);
  }
  if (found.rubricId === undefined) return undefined;
  // Typed as a clerk types them (District-Popplan, ２０２２．１): an id is lower case, and
  // full-width letters and digits are the same ones.
  found.rubricId = plainCode(found.rubricId);
  // (2022。1: the full stop a Chinese input method types.)
  // And 2027.1版, 第2027.1版 as a document names a version: the version (it was echoed as "2027.1版 版", a file named …-2027.1版.yaml asked for).
  if (found.rubricVersion !== undefined) found.rubricVersion = plainVersion(found.rubricVersion.normalize("NFKC").replaceAll("。", "."));
  return {
    ...(found.rubricId ? { rubricId: found.rubricId } : {}),
    ...(found.rubricVersion ? { rubricVersion: found.rubricVersion } : {}),
    ...(found.year ? { year: found.year } : {}),
    ...(found.district ? { district: found.district } : {}),
    ...(at ? { at } : {}),
    ...(versionAt ? { versionAt } : {}),
    ...(versionDated ? { versionDated } : {}),
    ...(yearAt ? { yearAt } : {}),
    ...(districtAt ? { districtAt } : {}),
  };
}

/** A rubric id as written in the rubric: full-width forms made plain, and lower case where it is of Latin letters, digits and hyphens. */
function plainCode(text: string): string {
  const plain = text.normalize("NFKC");
  return /^[A-Za-z0-9-]+$/.test(plain) ? plain.toLowerCase() : plain;
}

/**
 * A version as a document or a clerk writes one around its number (2026.1版, 第2026.1版, “2026.1”,
 * 2026.1(版本), 2026.1.): the number; anything else as it is (it is said not found, as typed; v10 is
 * a version of its own, as a rubric may name one).
 */
function plainVersion(text: string): string {
  const m = /^[\s"'“”‘’「」《》]*(?:第)?\s*(\d+(?:\.\d+)*)[\s"'“”‘’「」《》]*(?:[(（]?\s*版本?\s*[)）]?)?[\s.]*$/u.exec(text);
  return m?.[1] ?? text;
}

// The cover sheet (封面): which rubric (id, version), year and district. Found by its labels in
// column A, whatever the sheet is called.
import type { Cover } from "./model.js";
import type { RawBook } from "./xlsx/index.js";
import { cellText } from "./cells.js";
import { COVER_LABELS } from "./layout.js";

/** The cover's labels are looked for in this many rows of a sheet. */
export const COVER_ROWS = 30;

export function readCover(book: RawBook): Cover {
  for (const sheet of book.sheets) {
    const found: Record<string, string> = {};
    let at: { sheet: string; cell: string } | undefined;
    let versionAt: { sheet: string; cell: string } | undefined;
    for (const row of sheet.rows.slice(0, COVER_ROWS)) {
      const label = cellText(row.find((c) => c.col === 1));
      for (const [field, word] of Object.entries(COVER_LABELS)) {
        if (label.startsWith(word)) {
          const valueCell = row.find((c) => c.col === 2);
          found[field] = cellText(valueCell);
          if (field === "rubricId") at = { sheet: sheet.name, cell: `B${row[0]?.row ?? 1}` };
          if (field === "rubricVersion") versionAt = { sheet: sheet.name, cell: `B${row[0]?.row ?? 1}` };
        }
      }
    }
    if (found.rubricId !== undefined) {
      return {
        ...(found.rubricId ? { rubricId: found.rubricId } : {}),
        ...(found.rubricVersion ? { rubricVersion: found.rubricVersion } : {}),
        ...(found.year ? { year: found.year } : {}),
        ...(found.district ? { district: found.district } : {}),
        ...(at ? { at } : {}),
        ...(versionAt ? { versionAt } : {}),
      };
    }
  }
  return {};
}

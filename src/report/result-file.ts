// Writes the result workbook of `assess score`: the user's workbook with the result sheets added
// (every original part kept byte for byte, our styles appended to theirs), or, where the package
// cannot be extended safely, the result sheets alone in a package of our own — and says which.
import type { Codec, SheetDeflater } from "../xlsx/codec.js";
import type { Pkg } from "../xlsx/read/zip.js";
import { handOver, planExtension, styleIdsFor, writeExtension, writeNewPackage, type DeflatedPart, type NotExtended, type PackageSheet } from "../xlsx/write/package.js";
import type { WsRow } from "../xlsx/write/worksheet.js";
import { ZipWriter } from "../xlsx/write/zip-writer.js";
import { colName } from "../xlsx/refs.js";
import { message, type Lang } from "../messages/index.js";
import { markStyle, STYLE_SUBTITLE, STYLE_SUBTITLE_LINES, STYLE_TITLE, tableStyles, type SheetTable } from "./result-sheets.js";
import { SHEET_STYLES } from "./sheet-style.js";
import { FONT_SLACK, linesIn, wholeWidth } from "../model/width.js";

/** Points a line of wrapped body text takes. */
const LINE_HEIGHT = 14;

/** The workbook the results go into: its opened package, and what the loader learned of it. */
export interface SourceWorkbook {
  readonly pkg: Pkg;
  /** Sheets of an earlier run of ours (replaced). */
  readonly earlier: (sheet: string) => boolean;
  /** The user's sheets whose tab is selected. */
  readonly selected: readonly string[];
}

/**
 * A result's file name for a workbook's (no folder): NAME.scored.xlsx; a result scored again
 * (NAME.scored.xlsx) may not be written over, being the input: NAME.scored (2).xlsx, then (3)…
 */
export function scoredName(input: string): string {
  const dot = input.lastIndexOf(".");
  const stem = dot > 0 ? input.slice(0, dot) : input;
  const m = /^(.*?)\.scored(?: \((\d+)\))?$/i.exec(stem);
  return m ? `${m[1]}.scored (${Number(m[2] ?? 1) + 1}).xlsx` : `${stem}.scored.xlsx`;
}

/** The names of the user's sheets a result keeps (every sheet of the workbook but an earlier run's): ours are named beside them. */
export function keptSheetNames(sheets: readonly { readonly name: string }[], earlier: (sheet: string) => boolean = () => false): string[] {
  return sheets.map((s) => s.name).filter((name) => !earlier(name));
}

import { COMPACT_UNITS } from "./compact.js";

/** Sheets whose body rows go plain in a compact workbook. */
const PLAIN_WHEN_COMPACT = new Set(["detail", "notes"]);

/** A table as a worksheet part: title, subtitle and header rows, then its rows, styled; `ahead`: the part written already. */
function packageSheet(table: SheetTable, lang: Lang, compact: boolean, ahead?: WrittenAhead): PackageSheet {
  const early = ahead?.parts.get(table);
  const n = table.columns.length;
  const last = colName(n);
  const frozen = Math.min(table.freezeCols, n);
  /** Rows of a table printed several pages across, its title then the page header (see printTitles). */
  const across = table.pagesAcross > 1 && frozen > 0 ? table.rowCount : undefined;
  const wrapped = compact ? [] : table.columns.flatMap((c, i) => (c.kind === "wrap" || c.kind === "name" ? [i] : []));
  const plain = compact && PLAIN_WHEN_COMPACT.has(table.sheet.kind);
  const NONE: number[] = [];
  return {
    name: table.name,
    // Several pages across: the header row and the frozen columns repeat, and the title and
    // subtitle are the page header of every page, not printed rows (their merged cells would be
    // cut at the edge of the repeated columns on every page after the first across).
    printTitles: across !== undefined ? { rows: [3, 3], cols: [1, frozen], area: { rows: [3, 3 + across], lastCol: n } } : { rows: [1, 3], ...(table.pagesAcross > 1 && frozen > 0 ? { cols: [1, frozen] as const } : {}) },
    ...(table.active ? { active: true } : {}),
    ...(early && ahead ? { written: (ids: readonly number[]) => (sameIds(ids, ahead.ids) ? early : undefined) } : {}),
    worksheet: (ids) => {
      // Measured now, as the sheet is written: a column's width may wait for its rows (a ranking's awards).
      const styles = tableStyles(table.columns);
      const mapped = new Map<readonly number[], number[]>();
      const map = (positions: readonly number[]): number[] => {
        let m = mapped.get(positions);
        if (!m) {
          m = positions.map((p) => ids[p] ?? 0);
          mapped.set(positions, m);
        }
        return m;
      };
      const marked = new Map<string, number[]>();
      const withMark = (base: readonly number[], col: number, style: number): number[] => {
        const key = `${base === styles.body.vetoed ? "v" : "n"}${col}:${style}`;
        let m = marked.get(key);
        if (!m) {
          m = [...map(base)];
          m[col] = ids[style] ?? 0;
          marked.set(key, m);
        }
        return m;
      };
      const titleRow = (text: string, style: number, height: number): WsRow => ({ cells: [text], styles: [ids[style] ?? 0], height });
      const rows = function* (): Generator<WsRow> {
        yield titleRow(table.title, STYLE_TITLE, 26);
        // A subtitle of more lines (what pending claims mean), or longer than the table is wide (a
        // 变更说明's two long file names and its counts, cut at the edge on paper), wraps across its width.
        const lines = linesIn(table.subtitle, table.columns.reduce((w, c) => w + c.width, 0));
        yield lines > 1 ? titleRow(table.subtitle, STYLE_SUBTITLE_LINES, lines * LINE_HEIGHT + 6) : titleRow(table.subtitle, STYLE_SUBTITLE, 18);
        yield { cells: table.columns.map((c) => c.header), styles: map(styles.header), height: styles.headerHeight };
        for (const r of table.rows) {
          if (plain && r.row !== "vetoed") {
            yield { cells: r.cells, styles: NONE };
            continue;
          }
          const base = r.row === "vetoed" ? styles.body.vetoed : styles.body.normal;
          // Wrapped text gets the height it needs (spreadsheets do not grow a row on opening).
          let lines = 1;
          for (const c of wrapped) {
            const v = r.cells[c];
            // (A short name with a line break typed in it, 西山↵镇, takes two lines too.)
            // Measured a little narrower than the column: where the reader lacks the sheet's font
            // (LibreOffice without 等线 draws Noto and DejaVu, a few per cent wider), a long cell needs
            // a line more than measured, and its last line was cut off.
            // (Not a name as drawn, of Chinese and digits alone: see wholeWidth.)
            if (typeof v === "string" && (v.length > 4 || v.includes("\n"))) lines = Math.max(lines, linesIn(v, (table.columns[c]?.width ?? 10) * (wholeWidth(v, table.columns[c]?.kind === "name") ? 1 : FONT_SLACK)));
          }
          yield { cells: r.cells, styles: r.mark ? withMark(base, r.mark.col, markStyle(r.mark.as)) : map(base), ...(lines > 1 ? { height: lines * LINE_HEIGHT + 4 } : {}) };
        }
      };
      return {
        widths: table.columns.map((c) => c.width),
        rows: rows(),
        freeze: { rows: 3, cols: frozen },
        merges: n > 1 ? [`A1:${last}1`, `A2:${last}2`] : [],
        ...(table.filter ? { filterRow: 3 } : {}),
        pagesWide: table.pagesAcross,
        ...(table.breaks ? { breaks: table.breaks } : {}),
        landscape: true,
        ...(table.active ? { selected: true } : {}),
        compact,
        footer: table.footer ?? message(lang, "out.footer"),
        ...(across !== undefined ? { header: `&C&"-,Bold"&12${table.title.replaceAll("&", "&&")}\n&"-,Regular"&9${table.subtitle.replaceAll("&", "&&")}` } : {}),
      };
    },
  };
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Sheets of a province's results written ahead, on the second thread, while this one goes on (the
 * scoring notes, while the rankings are made); writeResultWorkbook then takes their parts as
 * written, on the same thread.
 */
export interface WrittenAhead {
  readonly offload: SheetDeflater;
  /** The style ids they were written with. */
  readonly ids: readonly number[];
  readonly parts: ReadonlyMap<SheetTable, Promise<DeflatedPart>>;
}

/**
 * Starts writing `tables` on the host's second thread, their rows handed over well ahead of it, for a
 * workbook of `units` units large enough to be written there (undefined otherwise: they are
 * written with the others). The parts are kept, compressed, until the workbook is written.
 */
export async function writeAhead(codec: Codec, tables: readonly SheetTable[], o: { lang: Lang; units: number; source?: SourceWorkbook }): Promise<WrittenAhead | undefined> {
  if (o.units < COMPACT_UNITS) return undefined;
  const offload = codec.sheetDeflater?.();
  if (!offload) return undefined;
  try {
    const ids = await styleIdsFor(o.source?.pkg, SHEET_STYLES, o.source?.earlier ?? (() => false));
    const parts = new Map<SheetTable, Promise<DeflatedPart>>();
    for (const table of tables) {
      const pieces: Uint8Array[] = [];
      // Its rows handed over (or failed) before the next sheet's; its end awaited when the workbook
      // is written (a failure before then is that write's to report).
      const { done } = await handOver(offload, packageSheet(table, o.lang, true).worksheet(ids), (data) => pieces.push(data), true);
      const part = done.then(({ crc, size }) => ({ pieces, crc, size }));
      part.catch(() => undefined);
      parts.set(table, part);
    }
    return { offload, ids, parts };
  } catch (e) {
    offload.close();
    throw e;
  }
}

export interface Written {
  /** Why the user's sheets were not carried; undefined when they were. */
  readonly notCarried?: NotExtended;
}

/**
 * The warning that says why the user's sheets were not carried into the result of `file`: a
 * macro-enabled workbook renamed .xlsx is told that to save it as .xlsx is to choose the file's
 * type, not its name.
 */
export function notCarriedCode(notCarried: NotExtended, file: string): string {
  return notCarried === "macro" && /\.xlsx$/i.test(file) ? "carry.macro-named-xlsx" : `carry.${notCarried}`;
}

/**
 * Writes the result workbook to sink: into `source` where that is safe, else on its own. `ahead`:
 * sheets among `tables` written already (writeAhead); its second thread is used, then closed.
 */
export async function writeResultWorkbook(sink: (bytes: Uint8Array) => void, codec: Codec, tables: readonly SheetTable[], o: { lang: Lang; tool: string; units: number; source?: SourceWorkbook; ahead?: WrittenAhead }): Promise<Written> {
  const compact = o.units >= COMPACT_UNITS;
  // A province's sheets are written on the host's second thread while this one makes their rows.
  const offload = o.ahead?.offload ?? (compact ? codec.sheetDeflater?.() : undefined);
  try {
    const add = { sheets: tables.map((t) => packageSheet(t, o.lang, compact, o.ahead)), styles: SHEET_STYLES, ...(offload ? { offload } : {}) };
    const plan = o.source ? await planExtension(o.source.pkg, add, o.source.earlier, o.source.selected) : "unreadable";
    const zip = new ZipWriter(sink, codec);
    if (typeof plan === "string") await writeNewPackage(zip, add, o.tool);
    else await writeExtension(zip, plan);
    zip.finish();
    return typeof plan === "string" ? { notCarried: plan } : {};
  } finally {
    offload?.close();
  }
}

// The package around the cells: tells xlsx from ODS/DOCX/XLSB, finds the workbook part through
// _rels/.rels, reads the sheet list from workbook.xml and locates each sheet, the shared strings
// and the styles through the workbook's relationships.
import { fail } from "../fail.js";
import { NameTable, nameIds } from "../names.js";
import { parsePart, relsPartOf, resolveTarget } from "./part.js";
import { XmlError } from "../text.js";
import type { XmlHandler, XmlReader } from "../xml.js";
import { latin1 } from "../bytes.js";
import { readEntry } from "./entry.js";
import { findEntry, type Pkg } from "./zip.js";

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

const REL_NAMES = ["Relationship", "Id", "Type", "Target", "TargetMode"] as const;
const R = nameIds(REL_NAMES);
const REL_TABLE = new NameTable(REL_NAMES);

/** Relationships of a part by Id; an absent rels part means none. */
export async function readRels(pkg: Pkg, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const relsPart = relsPartOf(part);
  if (findEntry(pkg.zip, relsPart) === undefined) return rels;
  const handler: XmlHandler = {
    open(id: number, x: XmlReader) {
      if (id !== R.Relationship) return;
      const relId = x.attrValue(R.Id);
      const target = x.attrValue(R.Target);
      if (relId === undefined || target === undefined) return;
      const external = x.attrValue(R.TargetMode) === "External";
      rels.set(relId, { type: x.attrValue(R.Type) ?? "", target: external ? target : resolveTarget(part, target), external });
    },
    close() {},
    text() {},
  };
  await parsePart(pkg.zip, relsPart, pkg.codec, REL_TABLE, handler);
  return rels;
}

/** The first internal relationship whose type ends with /kind (transitional and strict URIs alike). */
export function relOfType(rels: Map<string, Relationship>, kind: string): string | undefined {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(`/${kind}`)) return r.target;
  return undefined;
}

async function smallText(pkg: Pkg, name: string): Promise<string> {
  const e = findEntry(pkg.zip, name);
  if (e === undefined || e.usize > 4096) return "";
  return latin1(await readEntry(pkg.zip, e, pkg.codec));
}

/** A zip that holds no workbook: tells what it is instead. */
async function notAWorkbook(pkg: Pkg): Promise<never> {
  const { zip } = pkg;
  if (findEntry(zip, "content.xml") && (await smallText(pkg, "mimetype")).includes("opendocument")) fail("xlsx.ods");
  if (findEntry(zip, "word/document.xml")) fail("xlsx.docx");
  if (findEntry(zip, "xl/workbook.bin")) fail("xlsx.xlsb");
  return fail("xlsx.not-xlsx");
}

/** Step 5: the main part the package names (readWorkbook checks it is a workbook), or the failure telling what the file is. */
export async function findWorkbookPart(pkg: Pkg): Promise<string> {
  const { zip } = pkg;
  if (findEntry(zip, "[Content_Types].xml") === undefined) return notAWorkbook(pkg);
  const main = relOfType(await readRels(pkg, ""), "officeDocument");
  const found = (main !== undefined ? findEntry(zip, main) : undefined) ?? findEntry(zip, "xl/workbook.xml");
  if (found === undefined || !found.name.toLowerCase().endsWith(".xml")) return notAWorkbook(pkg);
  return found.name;
}

export interface SheetRef {
  name: string;
  hidden: boolean;
  /** state="veryHidden": not listed by Excel's Unhide. */
  veryHidden?: true;
  /** The worksheet part, or undefined for a chartsheet/dialogsheet (listed, never parsed). */
  part: string | undefined;
  /** Rows that are an Excel Table's total row (表设计 → 汇总行), where the sheet has any. */
  totalRows?: number[];
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  /**
   * Set to calculate by hand (Excel's 手动计算) and not before saving (calcOnSave="0"; by default a
   * workbook calculated by hand is calculated as it is saved): its formulas' saved results may be out of date.
   */
  manualCalculation: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
  /** Its defined names (名称管理器): each with what it refers to, and the sheet it is local to (its index), if any. */
  definedNames: DefinedName[];
  /** Links to other workbooks (外部链接): their formulas' values are what was cached when it was last saved. */
  externalLinks: number;
}

export interface DefinedName {
  readonly name: string;
  readonly formula: string;
  readonly local?: number;
}

const WB_NAMES = ["workbook", "sheets", "sheet", "name", "state", "id", "workbookPr", "date1904", "calcPr", "calcMode", "calcOnSave", "definedName", "localSheetId"] as const;
const W = nameIds(WB_NAMES);
const WB_TABLE = new NameTable(WB_NAMES);

/** The main part's root is no <workbook> (a DOCX's <document>, a PPTX's <presentation>). */
class WrongRoot extends Error {}

interface SheetEntry {
  name: string;
  state: string;
  rid: string;
}

export async function readWorkbook(pkg: Pkg, part: string): Promise<WorkbookInfo> {
  const entries: SheetEntry[] = [];
  let date1904 = false;
  let manualCalculation = false;
  let inSheets = false;
  let root = true;
  const definedNames: DefinedName[] = [];
  let defining: { name: string; local: number | undefined; text: string } | undefined;
  const handler: XmlHandler = {
    open(id: number, x: XmlReader) {
      // A DOCX's or PPTX's main part is a <document> or a <presentation>: stop at once.
      if (root && id !== W.workbook) throw new WrongRoot();
      root = false;
      if (id === W.sheets) inSheets = true;
      else if (id === W.workbookPr) {
        const v = x.attrValue(W.date1904);
        date1904 = v === "1" || v === "true";
      } else if (id === W.calcPr) {
        const onSave = x.attrValue(W.calcOnSave);
        manualCalculation = x.attrValue(W.calcMode) === "manual" && (onSave === "0" || onSave === "false");
      } else if (id === W.sheet && inSheets) {
        const name = x.attrValue(W.name);
        const rid = x.attrValue(W.id);
        if (name === undefined || rid === undefined) throw new XmlError(x.tagStart);
        entries.push({ name, rid, state: x.attrValue(W.state) ?? "visible" });
      } else if (id === W.definedName) {
        const local = x.attrValue(W.localSheetId);
        defining = { name: x.attrValue(W.name) ?? "", local: local === undefined ? undefined : Number(local), text: "" };
        x.wantText = true;
      }
    },
    close(id: number, x: XmlReader) {
      if (id === W.sheets) inSheets = false;
      else if (id === W.definedName && defining) {
        definedNames.push({ name: defining.name, formula: defining.text, ...(defining.local !== undefined && Number.isInteger(defining.local) ? { local: defining.local } : {}) });
        defining = undefined;
        x.wantText = false;
      }
    },
    text(x: XmlReader, start: number, end: number, flags: number) {
      if (defining) defining.text += x.textValue(start, end, flags);
    },
  };
  try {
    await parsePart(pkg.zip, part, pkg.codec, WB_TABLE, handler);
  } catch (e) {
    if (e instanceof WrongRoot) await notAWorkbook(pkg);
    throw e;
  }
  if (entries.length === 0) fail("xlsx.no-sheets");
  const { zip } = pkg;
  const rels = await readRels(pkg, part);
  const sheets: SheetRef[] = [];
  for (const s of entries) {
    const rel = rels.get(s.rid);
    if (rel === undefined || rel.external) return fail("xlsx.missing-part", { entry: `${relsPartOf(part)}#${s.rid}` });
    const isWorksheet = rel.type.endsWith("/worksheet");
    if (isWorksheet && findEntry(zip, rel.target) === undefined) fail("xlsx.missing-part", { entry: rel.target });
    const totalRows = isWorksheet ? await tableTotalRows(pkg, rel.target) : [];
    sheets.push({ name: s.name, hidden: s.state === "hidden" || s.state === "veryHidden", ...(s.state === "veryHidden" ? { veryHidden: true as const } : {}), part: isWorksheet ? rel.target : undefined, ...(totalRows.length ? { totalRows } : {}) });
  }
  const externalLinks = [...rels.values()].filter((r) => r.type.endsWith("/externalLink")).length;
  return { sheets, date1904, manualCalculation, sharedStrings: optionalPart(zip, rels, "sharedStrings"), styles: optionalPart(zip, rels, "styles"), definedNames, externalLinks };
}

const TABLE_NAMES = ["table", "ref", "totalsRowCount"] as const;
const T = nameIds(TABLE_NAMES);
const TABLE_TABLE = new NameTable(TABLE_NAMES);

/**
 * The rows of a sheet's Excel Tables (插入 → 表格) that are their total rows (汇总行: 合计, 平均值,
 * 计数 under the columns), by each table's range and its count of total rows. A table part that
 * cannot be read gives none: it holds no cell, and the cells are read all the same.
 */
async function tableTotalRows(pkg: Pkg, sheetPart: string): Promise<number[]> {
  const rows: number[] = [];
  try {
    const rels = await readRels(pkg, sheetPart);
    for (const rel of rels.values()) {
      if (rel.external || !rel.type.endsWith("/table") || findEntry(pkg.zip, rel.target) === undefined) continue;
      const handler: XmlHandler = {
        open(id: number, x: XmlReader) {
          if (id !== T.table) return;
          const last = Number(/(\d+)$/.exec(x.attrValue(T.ref) ?? "")?.[1]);
          const count = Number(x.attrValue(T.totalsRowCount) ?? 0);
          if (Number.isInteger(last) && Number.isInteger(count) && count > 0 && count < last) for (let r = last - count + 1; r <= last; r++) rows.push(r);
        },
        close() {},
        text() {},
      };
      await parsePart(pkg.zip, rel.target, pkg.codec, TABLE_TABLE, handler);
    }
  } catch {
    return [];
  }
  return rows;
}

/** A part found through the rels, else at its usual name; undefined when the package has none. */
function optionalPart(zip: Pkg["zip"], rels: Map<string, Relationship>, kind: string): string | undefined {
  const part = relOfType(rels, kind) ?? `xl/${kind}.xml`;
  return findEntry(zip, part)?.name;
}

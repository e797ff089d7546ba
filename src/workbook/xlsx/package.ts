// The package around the cells: tells xlsx from ODS/DOCX/XLSB, finds the workbook part through
// _rels/.rels, reads the sheet list from workbook.xml and locates each sheet, the shared strings
// and the styles through the workbook's relationships.
import { fail } from "./fail.js";
import { readEntry } from "./inflate.js";
import { NameTable, nameIds } from "./names.js";
import { parsePart, relsPartOf, resolveTarget } from "./part.js";
import { XmlError } from "./text.js";
import type { XmlHandler, XmlReader } from "./xml.js";
import { findEntry, type ZipArchive } from "./zip.js";

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

const REL_NAMES = ["Relationship", "Id", "Type", "Target", "TargetMode"] as const;
const R = nameIds(REL_NAMES);
const REL_TABLE = new NameTable(REL_NAMES);

/** Relationships of a part by Id; an absent rels part means none. */
export function readRels(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const relsPart = relsPartOf(part);
  if (findEntry(zip, relsPart) === undefined) return rels;
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
  parsePart(zip, relsPart, REL_TABLE, handler);
  return rels;
}

/** The first internal relationship whose type ends with /kind (transitional and strict URIs alike). */
export function relOfType(rels: Map<string, Relationship>, kind: string): string | undefined {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(`/${kind}`)) return r.target;
  return undefined;
}

function smallText(zip: ZipArchive, name: string): string {
  const e = findEntry(zip, name);
  if (e === undefined || e.usize > 4096) return "";
  return readEntry(zip, e).toString("latin1");
}

/** A zip that holds no workbook: tells what it is instead. */
function notAWorkbook(zip: ZipArchive): never {
  if (findEntry(zip, "content.xml") && smallText(zip, "mimetype").includes("opendocument")) fail("xlsx.ods");
  if (findEntry(zip, "word/document.xml")) fail("xlsx.docx");
  if (findEntry(zip, "xl/workbook.bin")) fail("xlsx.xlsb");
  return fail("xlsx.not-xlsx");
}

/** Step 5: the main part the package names (readWorkbook checks it is a workbook), or the failure telling what the file is. */
export function findWorkbookPart(zip: ZipArchive): string {
  if (findEntry(zip, "[Content_Types].xml") === undefined) return notAWorkbook(zip);
  const main = relOfType(readRels(zip, ""), "officeDocument");
  const found = (main !== undefined ? findEntry(zip, main) : undefined) ?? findEntry(zip, "xl/workbook.xml");
  if (found === undefined || !found.name.toLowerCase().endsWith(".xml")) return notAWorkbook(zip);
  return found.name;
}

export interface SheetRef {
  name: string;
  hidden: boolean;
  /** The worksheet part, or undefined for a chartsheet/dialogsheet (listed, never parsed). */
  part: string | undefined;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

const WB_NAMES = ["workbook", "sheets", "sheet", "name", "state", "id", "workbookPr", "date1904"] as const;
const W = nameIds(WB_NAMES);
const WB_TABLE = new NameTable(WB_NAMES);

interface SheetEntry {
  name: string;
  state: string;
  rid: string;
}

export function readWorkbook(zip: ZipArchive, part: string): WorkbookInfo {
  const entries: SheetEntry[] = [];
  let date1904 = false;
  let inSheets = false;
  let root = true;
  const handler: XmlHandler = {
    open(id: number, x: XmlReader) {
      // A DOCX's or PPTX's main part is a <document> or a <presentation>: stop at once.
      if (root && id !== W.workbook) notAWorkbook(zip);
      root = false;
      if (id === W.sheets) inSheets = true;
      else if (id === W.workbookPr) {
        const v = x.attrValue(W.date1904);
        date1904 = v === "1" || v === "true";
      } else if (id === W.sheet && inSheets) {
        const name = x.attrValue(W.name);
        const rid = x.attrValue(W.id);
        if (name === undefined || rid === undefined) throw new XmlError(x.tagStart);
        entries.push({ name, rid, state: x.attrValue(W.state) ?? "visible" });
      }
    },
    close(id: number) {
      if (id === W.sheets) inSheets = false;
    },
    text() {},
  };
  parsePart(zip, part, WB_TABLE, handler);
  if (entries.length === 0) fail("xlsx.no-sheets");
  const rels = readRels(zip, part);
  const sheets = entries.map((s): SheetRef => {
    const rel = rels.get(s.rid);
    if (rel === undefined || rel.external) return fail("xlsx.missing-part", { entry: `${relsPartOf(part)}#${s.rid}` });
    const isWorksheet = rel.type.endsWith("/worksheet");
    if (isWorksheet && findEntry(zip, rel.target) === undefined) fail("xlsx.missing-part", { entry: rel.target });
    return { name: s.name, hidden: s.state === "hidden" || s.state === "veryHidden", part: isWorksheet ? rel.target : undefined };
  });
  return { sheets, date1904, sharedStrings: optionalPart(zip, rels, "sharedStrings"), styles: optionalPart(zip, rels, "styles") };
}

/** A part found through the rels, else at its usual name; undefined when the package has none. */
function optionalPart(zip: ZipArchive, rels: Map<string, Relationship>, kind: string): string | undefined {
  const part = relOfType(rels, kind) ?? `xl/${kind}.xml`;
  return findEntry(zip, part)?.name;
}

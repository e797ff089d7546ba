// Adds result sheets to the user's own workbook by editing the package: every original entry is
// copied byte for byte; only the workbook part, its relationships and [Content_Types].xml are
// patched; our earlier result sheets (from a previous run) are replaced, never duplicated.
import { posix } from "node:path";
import { readEntry } from "../xlsx/inflate.js";
import { findWorkbookPart } from "../xlsx/package.js";
import { relsPartOf } from "../xlsx/part.js";
import { DEFAULT_LIMITS } from "../xlsx/types.js";
import { findEntry, openZip } from "../xlsx/zip.js";
import { XlsxFailure } from "../xlsx/fail.js";
import { centralRecords, type CentralRecord } from "./central.js";
import {
  CT_WORKSHEET,
  NS_MAIN,
  NS_REL,
  REL_WORKSHEET,
  declareNamespace,
  escapeAttr,
  insertDefinedNames,
  printTitles,
  prefixFor,
  renumberDefinedNames,
  sheetElements,
  uniqueSheetName,
} from "./patch.js";
import type { ZipWriter } from "./zip-writer.js";
import { NO_STYLES, type PackageSheet } from "./new-package.js";

/** A sheet to add: its name and its XML, produced lazily while it is written. */
export type NewSheet = PackageSheet;

/** Why a package is not extended (the results are then written alone). */
export type NotExtended = "zip64" | "layout" | "encrypted" | "strict" | "macro" | "unreadable";

export interface ExtensionPlan {
  readonly src: Buffer;
  readonly records: readonly CentralRecord[];
  readonly patched: ReadonlyMap<string, string>;
  readonly removed: ReadonlySet<string>;
  readonly parts: readonly { part: string; sheet: NewSheet; name: string }[];
}

/** earlier: sheets of an earlier run of ours, to be replaced rather than kept beside the new ones. */
export function planExtension(src: Buffer, sheets: readonly NewSheet[], earlier: (sheet: string) => boolean): ExtensionPlan | NotExtended {
  const records = centralRecords(src);
  if (typeof records === "string") return records;
  try {
    const zip = openZip(src, DEFAULT_LIMITS);
    const text = (name: string): string | undefined => {
      const e = findEntry(zip, name);
      return e ? readEntry(zip, e).toString("utf8") : undefined;
    };
    const wbPart = findWorkbookPart(zip);
    const ctName = findEntry(zip, "[Content_Types].xml")?.name ?? "[Content_Types].xml";
    let types = text(ctName) ?? "";
    if (/macroEnabled/i.test(new RegExp(`PartName="/${wbPart.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*`, "i").exec(types)?.[0] ?? "")) return "macro";
    let wb = text(wbPart) ?? "";
    const p = prefixFor(wb, NS_MAIN);
    if (p === undefined) return "strict";
    let rp = prefixFor(wb, NS_REL);
    if (rp === undefined) {
      wb = declareNamespace(wb, "assessr", NS_REL);
      rp = "assessr:";
    }
    const relsPart = relsPartOf(wbPart);
    const relsName = findEntry(zip, relsPart)?.name ?? relsPart;
    let rels = text(relsName) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const relPrefix = /<([\w.-]+:)?Relationships[\s>]/.exec(rels)?.[1] ?? "";

    // Our sheets of an earlier run: their sheet elements, relationships, parts and content types go.
    const dir = posix.dirname(wbPart);
    const relEls = new Map<string, { text: string; target: string }>();
    for (const m of rels.matchAll(new RegExp(`<${relPrefix}Relationship\\s[^>]*?/?>`, "g"))) {
      const id = /\sId\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "";
      relEls.set(id, { text: m[0], target: /\sTarget\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "" });
    }
    const removed = new Set<string>();
    const before = sheetElements(wb, p, rp);
    const keptIndex: (number | undefined)[] = [];
    let kept = 0;
    for (const s of before) {
      const rel = relEls.get(s.rid);
      if (!earlier(s.name) || !rel) {
        keptIndex.push(kept++);
        continue;
      }
      keptIndex.push(undefined);
      wb = wb.replace(s.text, "");
      rels = rels.replace(rel.text, "");
      const part = rel.target.startsWith("/") ? rel.target.slice(1) : posix.normalize(posix.join(dir, rel.target));
      const entry = findEntry(zip, part);
      if (entry) removed.add(entry.name);
      const partRels = findEntry(zip, relsPartOf(part));
      if (partRels) removed.add(partRels.name);
      types = types.replace(new RegExp(`<([\\w.-]+:)?Override\\s[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`, "i"), "");
    }
    wb = renumberDefinedNames(wb, p, (old) => keptIndex[old]);
    let partNo = 0;
    for (const name of zip.entries.keys()) {
      if (removed.has(name)) continue;
      const m = /sheet(\d+)\.xml$/i.exec(name);
      if (m && name.toLowerCase().startsWith(`${dir}/worksheets/`.toLowerCase())) partNo = Math.max(partNo, Number(m[1]));
    }

    const taken = new Set(before.filter((_s, i) => keptIndex[i] !== undefined).map((s) => s.name.toLowerCase()));
    let sheetId = Math.max(0, ...before.map((s) => s.sheetId));
    const usedIds = new Set([...rels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let sheetXml = "";
    let relXml = "";
    let typeXml = "";
    let names = "";
    const parts = sheets.map((sheet, i) => {
      const name = uniqueSheetName(sheet.name, taken);
      // sheetN.xml: some readers (exceljs) drop worksheet parts named otherwise.
      const part = posix.join(dir, "worksheets", `sheet${++partNo}.xml`);
      let rid = `rIdAssess${i + 1}`;
      for (let k = 2; usedIds.has(rid); k++) rid = `rIdAssess${i + 1}_${k}`;
      usedIds.add(rid);
      sheetXml += `<${p}sheet name="${escapeAttr(name)}" sheetId="${++sheetId}" ${rp}id="${rid}"/>`;
      relXml += `<${relPrefix}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${escapeAttr(posix.relative(dir, part))}"/>`;
      typeXml += `<Override PartName="/${escapeAttr(part)}" ContentType="${CT_WORKSHEET}"/>`;
      names += printTitles(p, name, kept + i, sheet.wide === true);
      return { part, sheet, name };
    });
    const sheetsClose = `</${p}sheets>`;
    if (!wb.includes(sheetsClose)) return "layout";
    wb = wb.replace(sheetsClose, sheetXml + sheetsClose);
    wb = insertDefinedNames(wb, p, names);
    rels = rels.replace(`</${relPrefix}Relationships>`, relXml + `</${relPrefix}Relationships>`);
    types = types.replace(/<\/([\w.-]+:)?Types>/, (m) => typeXml + m);
    const patched = new Map([
      [wbPart, wb],
      [relsName, rels],
      [ctName, types],
    ]);
    return { src, records, patched, removed, parts };
  } catch (e) {
    if (e instanceof XlsxFailure) return "unreadable";
    throw e;
  }
}

export async function writeExtension(zip: ZipWriter, plan: ExtensionPlan): Promise<void> {
  const written = new Set<string>();
  for (const r of plan.records) {
    if (plan.removed.has(r.name)) continue;
    const patch = plan.patched.get(r.name);
    if (patch !== undefined) {
      await zip.add(r.name, [patch]);
      written.add(r.name);
    } else {
      zip.copy(plan.src, r.localOffset, r.record);
    }
  }
  for (const [name, text] of plan.patched) if (!written.has(name)) await zip.add(name, [text]);
  // The user's styles.xml is theirs: our sheets use only its default style.
  for (const { part, sheet } of plan.parts) await zip.add(part, sheet.xml(NO_STYLES));
}

// Reads one package part through the XML reader, turning XML problems into the file-level
// diagnostics xlsx.doctype / xlsx.bad-xml (with "line:col" of the part as the detail).
import { fail } from "./fail.js";
import { readEntry } from "./inflate.js";
import type { NameTable } from "./names.js";
import { positionOf, XmlError } from "./text.js";
import { toUtf8, XmlReader, type XmlHandler } from "./xml.js";
import { findEntry, type ZipArchive } from "./zip.js";

export function parsePart(zip: ZipArchive, part: string, names: NameTable, handler: XmlHandler): void {
  const entry = findEntry(zip, part);
  if (entry === undefined) return fail("xlsx.missing-part", { entry: part });
  const raw = readEntry(zip, entry);
  let bytes: Uint8Array = raw;
  try {
    bytes = toUtf8(raw);
    new XmlReader(bytes as Buffer, names).run(handler);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    if (e.doctype) fail("xlsx.doctype", { entry: entry.name });
    fail("xlsx.bad-xml", { entry: entry.name, detail: positionOf(bytes, e.offset) });
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// Reads one package part: its bytes through the codec, then the XML reader, turning XML problems
// into the file-level diagnostics xlsx.doctype / xlsx.bad-xml (with "line:col" of the part).
import type { Codec } from "../codec.js";
import { fail } from "../fail.js";
import type { NameTable } from "../names.js";
import { positionOf, XmlError } from "../text.js";
import { toUtf8, XmlReader, type XmlHandler } from "../xml.js";
import { readEntry } from "./entry.js";
import { findEntry, type ZipArchive } from "./zip.js";

/** A part's bytes as UTF-8 XML, with the entry's own name; a missing part is xlsx.missing-part. */
export async function partXml(zip: ZipArchive, part: string, codec: Codec): Promise<{ name: string; bytes: Uint8Array }> {
  const entry = findEntry(zip, part);
  if (entry === undefined) return fail("xlsx.missing-part", { entry: part });
  const raw = await readEntry(zip, entry, codec);
  try {
    return { name: entry.name, bytes: toUtf8(raw) };
  } catch (e) {
    return xmlFailure(entry.name, raw, e);
  }
}

/** What a reader's XmlError means for the user: xlsx.doctype or xlsx.bad-xml at line:col. */
export function xmlFailure(entry: string, bytes: Uint8Array, e: unknown): never {
  if (!(e instanceof XmlError)) throw e;
  if (e.doctype) fail("xlsx.doctype", { entry });
  return fail("xlsx.bad-xml", { entry, detail: positionOf(bytes, e.offset) });
}

/** Reads a whole part, calling the handler for each element. */
export async function parsePart(zip: ZipArchive, part: string, codec: Codec, names: NameTable, handler: XmlHandler): Promise<void> {
  const { name, bytes } = await partXml(zip, part, codec);
  try {
    new XmlReader(bytes, names).run(handler);
  } catch (e) {
    xmlFailure(name, bytes, e);
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

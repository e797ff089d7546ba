// Text patches of the three package parts we may change when adding sheets: the workbook (sheet
// list and print titles), its relationships, and [Content_Types].xml. Everything else is copied.
// The patches respect namespace prefixes: <x:sheets> stays <x:sheets>.

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) => {
    const l = e.toLowerCase();
    if (l === "lt") return "<";
    if (l === "gt") return ">";
    if (l === "amp") return "&";
    if (l === "quot") return '"';
    if (l === "apos") return "'";
    return String.fromCodePoint(l.startsWith("#x") ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}

/** The prefix ("" or "x:") bound to a namespace URI on the root element, or undefined. */
export function prefixFor(xml: string, uri: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\s[^>]*>/.exec(xml.replace(/^<\?xml[^>]*\?>/, ""))?.[0] ?? "";
  for (const m of root.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (m[2] === uri) return m[1] ? `${m[1]}:` : "";
  }
  return undefined;
}

/** Adds xmlns:prefix="uri" to the root element. */
export function declareNamespace(xml: string, prefix: string, uri: string): string {
  return xml.replace(/(<(?:[\w.-]+:)?workbook)(\s|>)/, `$1 xmlns:${prefix}="${uri}"$2`);
}

export interface SheetElement {
  readonly name: string;
  readonly sheetId: number;
  readonly rid: string;
  /** The whole element's text, to remove it. */
  readonly text: string;
}

export function sheetElements(xml: string, p: string, relPrefix: string): SheetElement[] {
  const re = new RegExp(`<${p}sheet\\s[^>]*?/?>`, "g");
  const attr = (el: string, name: string): string | undefined =>
    new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*"([^"]*)"`).exec(el)?.[1] ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(el)?.[1];
  return [...xml.matchAll(re)].map((m) => ({
    name: unescapeXml(attr(m[0], "name") ?? ""),
    sheetId: Number(attr(m[0], "sheetId") ?? 0),
    rid: attr(m[0], `${relPrefix}id`) ?? "",
    text: m[0],
  }));
}

/** Elements that may follow <sheets> in CT_Workbook, before which definedNames must come. */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

export function insertDefinedNames(xml: string, p: string, names: string): string {
  if (!names) return xml;
  const close = `</${p}definedNames>`;
  if (xml.includes(close)) return xml.replace(close, names + close);
  const empty = new RegExp(`<${p}definedNames\\s*/>`);
  if (empty.test(xml)) return xml.replace(empty, `<${p}definedNames>${names}</${p}definedNames>`);
  let at = xml.indexOf(`</${p}workbook>`);
  for (const el of AFTER_DEFINED_NAMES) {
    const i = xml.search(new RegExp(`<${p}${el}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  return `${xml.slice(0, at)}<${p}definedNames>${names}</${p}definedNames>${xml.slice(at)}`;
}

/**
 * Removes print-title names of removed sheets and renumbers localSheetId of the others: index i
 * becomes newIndex[i] (undefined: removed).
 */
export function renumberDefinedNames(xml: string, p: string, newIndex: (old: number) => number | undefined): string {
  const re = new RegExp(`<${p}definedName\\s([^>]*?)localSheetId\\s*=\\s*"(\\d+)"([^>]*)>([\\s\\S]*?)</${p}definedName>`, "g");
  return xml.replace(re, (whole, before: string, id: string, after: string, body: string) => {
    const n = newIndex(Number(id));
    if (n === undefined) return "";
    return `<${p}definedName ${before}localSheetId="${n}"${after}>${body}</${p}definedName>`;
  });
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\, not blank, no leading/trailing '. */
export function legalSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31);
  return cleaned.trim() === "" ? "Sheet" : cleaned;
}

/** A name not yet taken (case-insensitively), by appending (2), (3)… within 31 characters. */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = legalSheetName(name);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The print titles of a sheet: its header row, and its first column too for a wide sheet. */
export function printTitles(prefix: string, sheetName: string, index: number, repeatFirstColumn: boolean): string {
  const ref = `'${escapeAttr(sheetName.replace(/'/g, "''"))}'`;
  const area = repeatFirstColumn ? `${ref}!$A:$A,${ref}!$1:$1` : `${ref}!$1:$1`;
  return `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${area}</${prefix}definedName>`;
}

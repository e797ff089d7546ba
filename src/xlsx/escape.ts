// Text we write into XML or HTML: the one place that escapes it. Characters XML 1.0 forbids
// (U+FFFE/U+FFFF, C0 controls other than tab and newline, lone surrogates) are removed: written
// raw they make a workbook unreadable. Formula-like names stay text: we write them as string
// cells, never as formulas.

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text without the characters XML cannot carry (for writers that escape on their own). */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, "");
}

/** Text for element content and quoted attribute values, in XML and HTML alike. */
export function escapeXml(s: string): string {
  // Nearly every string is plain: one test, and it is returned as it is.
  if (!NEEDS_WORK.test(s)) return s;
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const UNESCAPED: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ENTITIES).map(([c, entity]) => [entity, c]));

/** Text escaped by escapeXml read back (a page of ours, to read what it says). */
export function unescapeXml(s: string): string {
  return s.includes("&") ? s.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPED[entity] ?? entity) : s;
}

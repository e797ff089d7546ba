// A page's seal: the SHA-256 of an HTML page of ours (a report, a list of changes) as written, in a
// <meta> of its own, the seal's value left empty. A page edited since (a signature typed in, 局长签字)
// no longer matches it and is not replaced unasked, as a report workbook saved since is not; a
// page of an earlier version has none.
import { sha256Hex } from "../model/sha256.js";

const SEAL = /<meta name="assess-seal" content="([0-9a-f]{64})">/;
const sealTag = (digest: string): string => `<meta name="assess-seal" content="${digest}">`;
/**
 * A page's text as its seal reads it: its line endings, a byte-order mark and the blank at its end
 * are no edit (a page copied through Windows, or saved by an editor as it was, is the page as written).
 */
const asRead = (text: string): string => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
const digestOf = (text: string): string => sha256Hex(new TextEncoder().encode(asRead(text)));

/** What every page of ours begins its head with: the seal goes after it. */
const CHARSET = '<meta charset="utf-8">\n';

/** The page with its seal. */
export function sealed(html: string): string {
  const at = html.indexOf(CHARSET);
  if (at < 0) return html;
  const end = at + CHARSET.length;
  const open = `${html.slice(0, end)}${sealTag("")}\n${html.slice(end)}`;
  return open.replace(sealTag(""), sealTag(digestOf(open)));
}

/** Whether a page of ours (its text) was edited since it was written; undefined where it has no seal (an earlier version's). */
export function editedSince(text: string): boolean | undefined {
  const found = SEAL.exec(text);
  if (!found) return undefined;
  const digest = found[1] ?? "";
  return digestOf(text.replace(sealTag(digest), sealTag(""))) !== digest;
}

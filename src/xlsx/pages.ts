// The HTML pages assess writes, each with a generator of its own (a <meta> tag): a later run knows
// an earlier page of its own kind by it, and replaces that page, and only that kind, without
// --force; and a page of ours given where a workbook belongs is said to be what it is (sniff.ts). Pages of an earlier version all said "assess": the browser edition's is told apart by
// what only it has (a script).
export type PageKind = "report" | "diff" | "web";

/** Each kind's generator, as its page carries it (the browser edition's is in src/web/page.html). */
export const GENERATOR: Readonly<Record<PageKind, string>> = { report: "assess report", diff: "assess diff", web: "assess web" };

const meta = (content: string): string => `<meta name="generator" content="${content}">`;

/** Which of our pages a file is, by its first bytes; undefined for anything else. */
export function pageKind(bytes: Uint8Array): PageKind | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const kind = (Object.keys(GENERATOR) as PageKind[]).find((k) => head.includes(meta(GENERATOR[k])));
  if (kind) return kind;
  if (head.includes(meta("assess"))) return head.includes("script-src") ? "web" : "report";
  return undefined;
}

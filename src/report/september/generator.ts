// The name the HTML report gives as its generator (a <meta> tag), by which a later run knows an
// earlier report of ours and may replace it.
export const REPORT_GENERATOR = "assess report";

/**
 * The generator every page of ours carried before each kind had its own (a report's, the browser
 * edition's): such a page is told apart by what only the browser edition has (a script).
 */
export const LEGACY_GENERATOR = '<meta name="generator" content="assess">';

/** A page of the browser edition, by its generator (or the older one and its script). */
export function isWebPage(head: string): boolean {
  return head.includes('<meta name="generator" content="assess web">') || (head.includes(LEGACY_GENERATOR) && head.includes("script-src"));
}

/** A September report's page, by its generator (or the older one, without a script). */
export function isReportPage(head: string): boolean {
  return head.includes(`<meta name="generator" content="${REPORT_GENERATOR}">`) || (head.includes(LEGACY_GENERATOR) && !head.includes("script-src"));
}

// How wide text stands in a cell or a terminal: CJK and full-width characters take two columns.
// Shared by the result sheets, the template and the terminal's tables.

/** Width of text in column units: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is one character (counted at its high half).
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c >= 0x2e80 ? 2 : 1;
  }
  return w;
}

/**
 * Text on one line: a line break typed in a cell (Alt+Enter in a unit's name) shown as ↵, where it
 * would tear a terminal's table or split a line of a report in two.
 */
export function oneLineText(s: string): string {
  return /[\r\n]/.test(s) ? s.replace(/\r?\n|\r/g, "↵") : s;
}

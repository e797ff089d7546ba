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

/**
 * Lines wrapped body text takes in a column of `width` units (one line at least), wrapped as a
 * spreadsheet wraps it: a line may end after a space or beside a CJK character, never inside a
 * Latin word or number (93.5%). At the body's 10.5 points a CJK character takes 2 of the column
 * unit (the width of a digit of the workbook's default font at 11 points, Calibri in a workbook
 * our template made: Excel, and LibreOffice with its metric twin Carlito); a Latin letter or
 * digit about 1.05 where the body's font (等线) is there, 1.2 where it is not and LibreOffice's
 * stand-in (DejaVu Sans) prints it, so 1.2, a space 0.6: measured at 1.8 and 1, a basis like
 * "ZB1 实际 93.5%,目标 95%" was estimated at one line and printed on two.
 */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  // Text that fits even were every character wide needs no measuring (most cells).
  if (text.length * 2 <= usable && text.indexOf("\n") < 0) return 1;
  return text.split("\n").reduce((n, part) => n + wrappedLines(part, usable), 0);
}

/** The share of a wrapped column's width its text is measured against for a row's height: where the reader lacks the sheet's font, a long cell needs a line more than measured. */
export const FONT_SLACK = 0.92;
/**
 * A unit's name of CJK characters and digits alone (市第27国有资产经营有限公司), measured at its
 * column's whole width: its characters are as wide in every CJK font, and its digits are measured
 * at the stand-in font's width already (区卫生健康局, and 市城市燃气第8子集团有限公司, took two lines'
 * height in a column that holds them on one).
 */
export const NAME_AS_DRAWN = /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef0-9]+$/u;

/** Whether a cell's text is measured at its column's whole width for its row's height (a name as drawn), or at FONT_SLACK of it. */
export function wholeWidth(text: string, isName: boolean): boolean {
  return isName && NAME_AS_DRAWN.test(text);
}

/**
 * Column units a wrapped column needs to hold `text` on one line as its row's height is measured
 * (linesIn at FONT_SLACK of it, or a name as drawn at its whole width): a column fitted to its widest
 * text by less had that text's row made two lines high (an award with its amount), a county's
 * rankings printing a page more.
 */
export function unitsOnOneLine(text: string, isName = false): number {
  const units = textUnits(text);
  return wholeWidth(text, isName) ? Math.ceil(units) + 2 : Math.max(Math.ceil(units) + 2, Math.ceil((units + 1.5) / FONT_SLACK));
}

/** Column units a character takes in body text (as linesIn measures it). */
function charUnits(c: number): number {
  return c >= 0x2e80 ? 2 : c === 0x20 ? 0.6 : 1.2;
}

/** Column units body text takes on one line (as linesIn measures it): what a column must hold to show it unwrapped. */
export function textUnits(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += charUnits(c);
  }
  return w;
}

/** Column units bold text takes on one line: its Latin a tenth wider than plain, its CJK as wide. */
export function boldTextUnits(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c >= 0x2e80 ? 2 : charUnits(c) * 1.1;
  }
  return w;
}

/** Lines one paragraph takes wrapped greedily at `usable` units (a word longer than a line broken where it must). */
function wrappedLines(part: string, usable: number): number {
  let lines = 1;
  let line = 0;
  let word = 0;
  const place = (): void => {
    if (line > 0 && line + word > usable) {
      lines++;
      line = 0;
    }
    // A word wider than a whole line takes lines of its own.
    while (word > usable) {
      word -= usable;
      lines++;
    }
    line += word;
    word = 0;
  };
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    // A surrogate pair is one character (counted at its high half).
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const w = charUnits(c);
    if (c >= 0x2e80) {
      // A CJK character is a word of its own.
      place();
      word = w;
      place();
    } else if (c === 0x20) {
      // A space ends a word; at a line's end it takes no room.
      place();
      if (line > 0 && line + w <= usable) line += w;
    } else word += w;
  }
  place();
  return lines;
}

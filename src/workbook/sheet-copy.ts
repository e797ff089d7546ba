// Whether a sheet's name is the one a spreadsheet gives a copy of another: Excel's and WPS's
// "党政线 (2)" / "党政线(2)", LibreOffice's "党政线_2", a copy named by hand "党政线 副本" /
// "党政线的副本" / "党政线 - 副本", and "Copy of 党政线". Excel's Move or Copy puts the copy before
// the sheet it copies by default: the one read first is then the copy, and a problem with the two is
// said at the copy, not at the sheet kept.
const COPY_SUFFIX = /^\s*(?:[(（]\s*\d+\s*[)）]|_\d+|-?\s*(?:的)?副本\s*\d*|[-_]\s*副本\s*\d*)$/u;

export function isCopyOf(copy: string, original: string): boolean {
  if (copy === original) return false;
  if (copy.startsWith(original)) return COPY_SUFFIX.test(copy.slice(original.length));
  return copy === `Copy of ${original}`;
}

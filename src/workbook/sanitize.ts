// Text we write into a workbook: characters XML 1.0 forbids removed (U+FFFE/U+FFFF, C0 controls
// other than tab and newline, lone surrogates). Formula-looking names stay strings in xlsx (they
// are written as string cells, never formulas); HTML and CSV writers escape on their own.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, "");
}

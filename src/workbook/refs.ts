// A1-style references: column numbers to letters and back.
export { colName } from "./xlsx/refs.js";

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

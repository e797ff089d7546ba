// The day a result or a report is dated, as its reader writes it (a module of its own: scoring
// needs it without the September report's model).
import { message, type Lang } from "../messages/index.js";

/** ISO-like digits in English (2026-09-15); Chinese writes them unpadded (2026年9月15日). */
export function dayText(lang: Lang, d: Date): string {
  const two = (n: number): string | number => (lang === "en" ? String(n).padStart(2, "0") : n);
  return message(lang, "report.date-format", { year: d.getFullYear(), month: two(d.getMonth() + 1), day: two(d.getDate()) });
}

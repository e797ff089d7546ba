// The day a result or a report is dated, as its reader writes it (a module of its own: scoring
// needs it without the September report's model).
import { message, type Lang } from "../messages/index.js";

/** ISO-like digits in English (2026-09-15); Chinese writes them unpadded (2026年9月15日). */
export function dayText(lang: Lang, d: Date): string {
  const two = (n: number): string | number => (lang === "en" ? String(n).padStart(2, "0") : n);
  return message(lang, "report.date-format", { year: d.getFullYear(), month: two(d.getMonth() + 1), day: two(d.getDate()) });
}

/**
 * What a file written on `day` (its run's day) is stamped with, inside (its created date) and on its
 * zip entries: that day's midnight in UTC, whatever the machine's time zone and the time of day (a
 * report made in Shanghai and in UTC, or two seconds apart, differed in those bytes alone). The
 * command line's and the page's templates alike.
 */
export function fileStamp(day: Date): Date {
  return new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
}

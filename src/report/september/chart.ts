// The HTML report's chart of the towns' overall totals, as inline SVG (no xmlns, no links): a dot
// at each total on a scale from a round value below the lowest (not from 0, where 953 and 988
// would look alike; dots, not bars, as a bar's length would then misstate the total), ranked towns
// in blue, vetoed towns hollow in red, with a legend.
import type { Bar } from "./model.js";
import { textWidth } from "./layout.js";
import { formatPointsFixed } from "../../model/numbers.js";

export type Escape = (s: string) => string;

const ROW = 26;
const BAR = 16;
const TOP = 56;
const FONT_PX = 13;
const RANKED = "#4f81bd";
const VETO = "#c00000";

/** niceRange of a list of totals (folded, not spread: a province's list has tens of thousands). */
export function totalsRange(totals: readonly number[]): { bottom: number; top: number; step: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const t of totals) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return niceRange(min, max);
}

/**
 * The stretch of a scale for totals from min to max: from a round value a little below the lowest
 * (not from 0, where 953 and 988 would look alike) to a round value at or above the highest.
 */
export function niceRange(min: number, max: number): { bottom: number; top: number; step: number } {
  if (!(max > 0)) return { bottom: 0, top: 1, step: 1 };
  const span = max - Math.max(0, min);
  if (span <= 0) return { bottom: 0, ...niceScale(max) };
  const rough = Math.max(0, min - span * 0.25);
  const { step } = niceScale(max - rough);
  const bottom = Math.floor(rough / step) * step;
  return { bottom, top: Math.ceil(max / step) * step, step };
}

/** A round scale maximum ≥ max in about six steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 1 };
  const raw = max / 6;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return { top: Math.ceil(max / step) * step, step };
}

/** A total's dot: filled blue for a ranked town, hollow red for a vetoed one. */
function dot(cx: number, cy: number, vetoed: boolean): string {
  return vetoed ? `<circle cx="${cx.toFixed(1)}" cy="${cy}" r="5" fill="#ffffff" stroke="${VETO}" stroke-width="2.5"/>` : `<circle cx="${cx.toFixed(1)}" cy="${cy}" r="6" fill="${RANKED}"/>`;
}

/** A scale's value, as short as it is (a total beside its dot has two decimals, as the tables give it). */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** One chart's words and bars; `id` keeps its element ids apart from other charts' on the page. */
export interface ChartData {
  readonly id: string;
  readonly label: string;
  readonly ranked: string;
  readonly vetoed: string;
  readonly bars: readonly Bar[];
  /** The bars the scale and the names' room are set by, where this chart is a part of theirs: every part alike. */
  readonly scaleOf?: readonly Bar[];
}

/**
 * Bars a printed chart holds at most: as many as fit the height of an A4 landscape page (165 mm)
 * drawn at the page's full width, its names at 10 pt; a longer one is drawn in parts (30 were drawn
 * at 70% of the width, their names at 7 pt).
 */
export const BARS_PER_CHART = 20;

/**
 * A chart's bars in parts of at most BARS_PER_CHART, as even as they go (60 towns: three of 20; a
 * chart of all 60 printed its names at 3 pt); a province's, past PARTS_MOST parts, in one (no one
 * prints it). A county-level city's 210 departments are in parts (drawn in one, they printed as a
 * strip no name of could be read).
 */
export function chartParts(bars: readonly Bar[]): (readonly Bar[])[] {
  const parts = Math.ceil(bars.length / BARS_PER_CHART);
  if (parts <= 1 || parts > PARTS_MOST) return [bars];
  // (The first few one longer: 210 as one of 20 and ten of 19, not ten of 20 and one of 10; 401 never ends in a part of one.)
  const size = Math.floor(bars.length / parts);
  const longer = bars.length % parts;
  const start = (k: number): number => k * size + Math.min(k, longer);
  return Array.from({ length: parts }, (_, k) => bars.slice(start(k), start(k + 1)));
}

/** A chart's parts at most (500 units); past them it is drawn in one, to be swiped across. */
export const PARTS_MOST = 25;

/** The room for the units' names at most, of the chart's 1000: past it a name is drawn narrower. */
const LABEL_MAX = 360;

/**
 * A chart's legend at (left, y): the ranked units' dot and word, and the vetoed units' where one is
 * drawn (`gap`: the room between the two).
 */
function legend(c: ChartData, esc: Escape, left: number, y: number, gap: number): string[] {
  const second = left + 24 + textWidth(c.ranked) * (FONT_PX / 2) + gap;
  return [
    `<g class="legend">`,
    dot(left + 8, y + 6, false),
    `<text x="${left + 22}" y="${y + 11}">${esc(c.ranked)}</text>`,
    ...(c.bars.some((b) => b.vetoed) ? [dot(second + 8, y + 6, true), `<text x="${second + 22}" y="${y + 11}">${esc(c.vetoed)}</text>`] : []),
    `</g>`,
  ];
}

/** A chart's scale: a vertical grid line at each step, its value above it at `top`, down to `bottom`. */
function scale(range: { readonly bottom: number; readonly top: number; readonly step: number }, x: (v: number) => number, top: number, bottom: number): string[] {
  const out = [`<g class="axis" fill="#595959" font-size="11">`];
  for (let v = range.bottom; v <= range.top + 1e-9; v += range.step) {
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${bottom}" stroke="#d9d9d9"/>`, `<text x="${gx}" y="${top - 10}" text-anchor="middle">${num(v)}</text>`);
  }
  out.push(`</g>`);
  return out;
}

/** Bars up to which a chart is drawn a second time for a phone (a province's is not: no one reads it there). */
export const NARROW_BARS_MAX = PARTS_MOST * BARS_PER_CHART;

/**
 * The chart as a phone shows it (a report forwarded there): each name on a line of its own above
 * its dot's row, the scale the screen's whole width. Drawn beside the wide one; the page shows one
 * or the other by the screen's width (the wide one, kept at a size its names could be read at, was
 * twice the screen's width: the dots off to its right, and scrolled to, their names gone).
 */
export function narrowChart(c: ChartData, esc: Escape): string {
  const width = 400;
  // (Room at the left for half the scale's first value, centred on its line.)
  const left = 18;
  const right = 58;
  const plotW = width - left - right;
  const row = 38;
  const top = 48;
  const height = top + c.bars.length * row + 8;
  const { bottom, top: most, step } = totalsRange((c.scaleOf ?? c.bars).map((b) => b.total));
  const x = (v: number): number => left + (plotW * Math.max(0, v - bottom)) / (most - bottom);
  const fit = (name: string): string => (textWidth(name) * (FONT_PX / 2) > width - 16 ? ` textLength="${width - 16}" lengthAdjust="spacingAndGlyphs"` : "");
  const out: string[] = [`<svg class="chart chart-narrow" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${c.id}n-title" font-size="${FONT_PX}">`, `<title id="${c.id}n-title">${esc(c.label)}</title>`];
  out.push(...legend(c, esc, 6, 10, 24), ...scale({ bottom, top: most, step }, x, top, height - 8));
  c.bars.forEach((b, i) => {
    const y = top + i * row;
    const cx = x(b.total);
    const cy = y + 26;
    const red = b.vetoed ? ` fill="${VETO}"` : "";
    out.push(
      `<g class="${b.vetoed ? "bar vetoed" : "bar"}">`,
      `<text x="8" y="${y + 12}"${fit(b.name)}${red}>${esc(b.name)}</text>`,
      `<line x1="${left}" y1="${cy}" x2="${cx.toFixed(1)}" y2="${cy}" stroke="#e6e6e6"/>`,
      dot(cx, cy, b.vetoed),
      `<text x="${(cx + 10).toFixed(1)}" y="${cy + 5}"${red}>${formatPointsFixed(Math.round(b.total * 100))}</text>`,
      `</g>`,
    );
  });
  out.push(`</svg>`);
  return out.join("\n");
}

export function barChart(c: ChartData, esc: Escape, narrowToo = false): string {
  const width = 1000;
  // Folded, not spread: a province's chart has tens of thousands of bars.
  const all = c.scaleOf ?? c.bars;
  const labelW = Math.min(LABEL_MAX, Math.max(80, all.reduce((w, b) => Math.max(w, textWidth(b.name)), 0) * (FONT_PX / 2) + 16));
  // A name longer than the room for names is drawn narrower to fit, never cut at the chart's edge.
  const fit = (name: string): string => (textWidth(name) * (FONT_PX / 2) + 16 > labelW ? ` textLength="${labelW - 16}" lengthAdjust="spacingAndGlyphs"` : "");
  const left = labelW;
  const right = 70;
  const plotW = width - left - right;
  const height = TOP + c.bars.length * ROW + 12;
  const totals = all.map((b) => b.total);
  const { bottom, top, step } = totalsRange(totals);
  const x = (v: number): number => left + (plotW * Math.max(0, v - bottom)) / (top - bottom);
  const out: string[] = [];
  out.push(
    `<svg class="chart${narrowToo ? " chart-wide" : ""}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${c.id}-title" font-size="${FONT_PX}">`,
    `<title id="${c.id}-title">${esc(c.label)}</title>`,
  );
  out.push(...legend(c, esc, left, 10, 36), ...scale({ bottom, top, step }, x, TOP, height - 12));
  c.bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const cx = x(b.total);
    const cy = y + BAR / 2;
    out.push(
      `<g class="${b.vetoed ? "bar vetoed" : "bar"}">`,
      `<text x="${left - 8}" y="${y + BAR - 3}" text-anchor="end"${fit(b.name)}${b.vetoed ? ` fill="${VETO}"` : ""}>${esc(b.name)}</text>`,
      // A faint line along the row leads the eye from the name to its dot.
      `<line x1="${left}" y1="${cy}" x2="${cx.toFixed(1)}" y2="${cy}" stroke="#e6e6e6"/>`,
      dot(cx, cy, b.vetoed),
      `<text x="${(cx + 10).toFixed(1)}" y="${y + BAR - 3}"${b.vetoed ? ` fill="${VETO}"` : ""}>${formatPointsFixed(Math.round(b.total * 100))}</text>`,
      `</g>`,
    );
  });
  out.push(`</svg>`);
  return out.join("\n") + (narrowToo ? `\n${narrowChart(c, esc)}` : "");
}

// The HTML report's inline stylesheet: screen layout, and print rules for A4 landscape with the
// table heads repeated, rows never split and headings kept with what follows them.

/** A CSS string literal (for `content:`), safe inside a <style> element. */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/</g, "\\3C ").replace(/\n/g, "\\A ")}"`;
}

/** The page footer for @page: "{page}" and "{pages}" become the page counters. */
export function footerContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== "")
    .map((part) => (part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : cssString(part)))
    .join(" ");
}

/** The page's fonts, its running head's and footer's too (a page margin's box takes the browser's default, a serif, else). */
export const FONTS = `"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", "Songti SC", sans-serif`;

/** A printed page's number at its foot (`footer`: "{page}" and "{pages}" the counters), in the page's fonts. */
export function pageNumbers(footer: string): string {
  return `@bottom-center { content: ${footerContent(footer)}; font-family: ${FONTS}; font-size: 9pt; color: #555; }`;
}

/**
 * A4 landscape pages, each numbered at its foot, and every one but the first headed with
 * `runningHead` (a page taken from the stack still says what it is part of): the report's and the
 * list of changes' alike.
 */
export function printedPages(runningHead: string, footer: string): string {
  return `@page { size: A4 landscape; margin: 12mm 12mm 14mm;
  @top-center { content: ${cssString(runningHead)}; font-family: ${FONTS}; font-size: 9pt; color: #555; }
  ${pageNumbers(footer)} }
@page :first { @top-center { content: none; } }`;
}

/**
 * The report's stylesheet. `runningHead`: what every printed page but the first says at its top
 * (the report's title and date): a page taken from the stack still says whose report it is and when.
 */
export function stylesheet(footerTemplate: string, runningHead: string): string {
  return css`
:root { --veto: #c00000; --head: #ddebf7; --line: #8c8c8c; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Text sized in rem on a screen: a browser set to larger text enlarges the report's too, and reaches
   the narrower layouts (widths in em) sooner. */
body { font-family: ${FONTS};
  font-size: 0.875rem; line-height: 1.45; color: #222; max-width: 1240px; margin: 24px auto; padding: 0 20px; }
header h1 { font-size: 1.375rem; text-align: center; margin: 0 0 8px; letter-spacing: 0.02em; }
header .meta { display: flex; justify-content: space-between; border-bottom: 2px solid #333; padding-bottom: 6px; margin-bottom: 8px; }
header .meta .subtitle { font-weight: bold; }
h2 { font-size: 1rem; margin: 20px 0 6px; }
h2 small { font-weight: normal; font-size: 0.75rem; color: #666; margin-left: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 3px 7px; vertical-align: middle; }
th { background: var(--head); font-weight: bold; text-align: center; white-space: nowrap; }
th.long { white-space: normal; min-width: 6em; }
/* The last column of a ranking (its awards) keeps room to read. */
.t-overall td.k-text:last-child, .t-line td.k-text:last-child { min-width: 12em; }
td.k-rank { text-align: center; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.k-name { min-width: 7em; }
.short-names td.k-name { white-space: nowrap; }
/* The award list's category (一票否决, 黄牌警告) stays on one line; its amounts take no more room
   than they need (an English heading wraps), its basis the room to read. */
.t-awards td:first-child { white-space: nowrap; }
.t-awards th.k-money { white-space: normal; width: 1%; }
.t-awards td:last-child { min-width: 16em; }
.nb { white-space: nowrap; }
td.k-points, td.k-share, td.k-money { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.empty { text-align: center; font-style: italic; color: #666; }
tr.veto td { color: var(--veto); background: #fce4e4; }
tr.veto td.k-rank { font-weight: bold; }
tr.warning td { background: #fff2cc; }
/* A table's heading as its head's first row: for print alone (see there). */
tr.print-title { display: none; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; align-items: start; }
.chart { display: block; max-width: 1000px; margin: 0 auto; }
/* Said only on a phone, where a province's chart is kept wider than the screen. */
.swipe { display: none; }
/* The chart drawn for a phone: shown there alone, in place of the wide one. */
.chart-narrow { display: none; max-width: 480px; }
.chart text { fill: #222; }
.chart .vetoed text { fill: var(--veto); }
.closing { margin-top: 22px; font-size: 0.75rem; color: #555; }
/* The closing block in the award list's last row group: no cell around it. */
table tr.closing-row td, .t-awards tr.closing-row td:first-child, tr.closing-row td:last-child { border: none; padding: 0; background: none; min-width: 0; white-space: normal; }
.closing p { margin: 2px 0; }
.seal { text-align: right; margin-top: 26px; font-size: 0.9375rem; color: #222; line-height: 2.2; }
/* On a screen, a long table's heading row stays in view as it scrolls (220 towns scrolled it away);
   printed, it repeats on every page instead. Its lines drawn by a shadow (a collapsed border stays
   with the table), a strip above it covering the rows that scroll past (their glyphs showed there). */
@media screen { thead th { position: sticky; top: -1px; z-index: 2; box-shadow: 0 -3px 0 var(--head), inset 0 1px 0 var(--line), inset 0 -1px 0 var(--line); } }
/* A narrow window (a tablet held upright, half a laptop's screen): headings wrap, the award column
   keeps room to read, paired tables stack; a table still wider than the window (a ranking's ten
   columns at 700 px) scrolls sideways in its own box, the unit's name staying in sight, rather
   than running past the window's edge with its awards cut off. */
@media screen and (max-width: 62.5em) {
  th { white-space: normal; word-break: keep-all; }
  /* (A long heading of Chinese alone, 全面从严治党和党建工作责任制落实情况 ×25%, on one line held its
     column 270 px wide, the names beside it squeezed to four lines: it breaks between characters.) */
  th.long { word-break: normal; }
  td:last-child { min-width: 11em; }
  .pair { grid-template-columns: 1fr; }
  /* (A paired table's box no wider than the screen, its table scrolling in it: at 320 px a line
     ranking of short names was 344 px, and the page scrolled sideways.) */
  .pair > section { min-width: 0; }
  section.block > table, section.chart-block { display: block; overflow-x: auto; }
  td.k-name { position: sticky; left: 0; background: #fff; box-shadow: 1px 0 0 var(--line); }
  /* (Above the other headings, sticky too: scrolled sideways, a weighted line's heading was drawn over the name's.) */
  th.k-name { position: sticky; left: 0; z-index: 3; box-shadow: 1px 0 0 var(--line); }
}
/* A phone (a report forwarded and opened there): smaller cells; a chart kept at a size its labels
   can be read at, scrolled sideways too. */
@media screen and (max-width: 40em) {
  body { margin: 12px auto; padding: 0 6px; font-size: 0.8125rem; }
  header h1 { font-size: 1.125rem; }
  header .meta { flex-wrap: wrap; gap: 0 12px; }
  table { font-size: 0.75rem; }
  th, td { padding: 2px 4px; }
  td.k-name { min-width: 4em; }
  .chart { min-width: 720px; }
  .chart-narrow { display: block; min-width: 0; }
  .chart-wide { display: none; }
  .swipe { display: block; margin: 0 0 4px; font-size: 0.75rem; color: #555; }
  /* The closing block, in the award list's last row: as wide as the screen and kept in sight as
     the table scrolls (as wide as the table, its lines ran past the screen's edge: "…领导小组办"). */
  tr.closing-row footer.closing { position: sticky; left: 0; width: calc(100vw - 20px); box-sizing: border-box; }
}
/* A phone's width (375 px): an overall ranking is wider than the screen whatever its awards' width,
   and squeezed to 11em they made its rows six lines tall: room to read them once scrolled to. */
@media screen and (max-width: 30em) {
  .t-overall td.k-text:last-child { min-width: 20em; }
}
${printedPages(runningHead, footerTemplate)}
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; line-height: 1.3; }
  header h1 { font-size: 16pt; }
  h2 { font-size: 12pt; margin: 10px 0 4px; break-after: avoid; page-break-after: avoid; }
  th, td { padding: 1px 6px; }
  thead { display: table-header-group; }
  /* A table's heading printed as its head's first row, on every page it runs on and never apart
     from its rows; the heading above it left out (a chart's stays). */
  section.block:not(.chart-block) > h2 { display: none; }
  tr.print-title { display: table-row; }
  tr.print-title th { border: none; background: none; text-align: left; white-space: normal; font-size: 12pt; padding: 10px 0 4px; }
  tr.print-title small { font-weight: normal; font-size: 8pt; color: #666; margin-left: 6px; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  .keep, .closing, tbody.closing-group, tbody.first-rows { break-inside: avoid; page-break-inside: avoid; }
  .chart { max-height: 165mm; }
}
`;
}

/**
 * CSS with its comments (ours, for whoever maintains it) left out of the report: they are no
 * reader's, and their examples are other schemes' words. Only the template's own text is looked
 * through, never what is put into it (a title with "/*" in it stays as it is).
 */
function css(parts: TemplateStringsArray, ...values: readonly string[]): string {
  return parts.reduce((out, part, i) => out + part.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n\s*\n/g, "\n") + (values[i] ?? ""), "");
}

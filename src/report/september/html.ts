// The September report as one self-contained HTML file: inline CSS and SVG only, nothing fetched,
// every text HTML-escaped; prints on A4 landscape like the Excel report.
import { sealed } from "../page-seal.js";
import { escapeXml } from "../../xlsx/escape.js";
import { formatAmount } from "../../model/numbers.js";
import { GENERATOR } from "../../xlsx/pages.js";
import type { Cell, Column, Report, Table } from "./model.js";
import { barChart, chartParts, NARROW_BARS_MAX } from "./chart.js";
import { stylesheet } from "./style.js";
import { textUnits } from "../../model/width.js";

/** Column units of a heading past which it wraps (eight CJK characters). */
const LONG_HEADING = 16;

/** Tables up to this many rows are kept on one printed page; longer ones break between rows. */
export const KEEP_ROWS = 18;
const keep = (...ts: Table[]): string => (ts.every((t) => t.rows.length <= KEEP_ROWS) ? " keep" : "");

/** Escapes text for HTML element content and quoted attribute values. */
export const esc = escapeXml;

/** A short bracket (kept whole where it holds Chinese), and an amount with its 元: what a line never breaks inside (the browser page keeps them too). */
export const KEPT_BRACKET = /[(（][^()（）<>]{1,8}[)）]/;
export const KEPT_AMOUNT = /\d[\d,]*(?:\.\d+)?万?元/;
export const HAN = /[\u3400-\u9fff]/;

/**
 * A short bracket of Chinese kept on one line (经济发展突出贡献奖(省级) broke as (省 / 级)); a longer
 * one may wrap inside. An amount with its unit likewise (20,000元 left 元 alone on the next line),
 * and a cell's reference (加扣分!B17 broke as 加扣 / 分!B17).
 */
function keepBrackets(html: string): string {
  return html
    .replace(new RegExp(KEPT_BRACKET.source, "g"), (b) => (HAN.test(b) ? `<span class="nb">${b}</span>` : b))
    .replace(new RegExp(KEPT_AMOUNT.source, "g"), (m) => `<span class="nb">${m}</span>`)
    .replace(/[^\s!<>;,，、:：]{1,31}![A-Z]{1,3}\d{1,7}/g, (m) => `<span class="nb">${m}</span>`);
}

function show(v: Cell, kind: Column["kind"]): string {
  if (v === null) return "";
  if (typeof v === "string") return keepBrackets(esc(v));
  if (kind === "share") return `${(Math.round(v * 10000) / 100).toFixed(2)}%`;
  if (kind === "money") return formatAmount(v);
  // Two decimals, as the workbooks show points: a column's decimal points line up.
  if (kind === "points") return v.toFixed(2);
  return esc(String(v));
}

/** Names kept on one line where none is longer than this, in text units (12 Chinese characters; longer ones wrap). */
const NAME_UNITS_MAX = 24;

/** Rows a table printed over several pages keeps under its heading on the page it begins on. */
export const FIRST_ROWS = 3;

/** Rows of the award list printed with the closing block, on its page (a seal page with no table on it). */
const CLOSING_ROWS = 3;

/**
 * `closing`: the report's closing block, printed under the table's last rows, the two never parted.
 * `opening`: the report's first table, which goes on under the title rather than being kept whole
 * (kept whole, a table a little taller than the rest of the first page left it blank but the title).
 */
function table(full: Table, closing?: string, opening = false): string {
  // An award list's amount column with nothing in it (a scheme without money) is left out: empty,
  // it took the basis's room, and every basis wrapped.
  const unused = full.kind === "awards" ? full.columns.flatMap((c, i) => (c.kind === "money" && full.rows.every((r) => r.cells[i] === null || r.cells[i] === undefined || r.cells[i] === "") ? [i] : [])) : [];
  const t: Table = unused.length ? { ...full, columns: full.columns.filter((_, i) => !unused.includes(i)), rows: full.rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => !unused.includes(i)) })) } : full;
  // Its names each on one line where none is long (a department's broke before its last
  // character while the awards beside it had room; a width for them was not kept at 800px, nor printed).
  const names = t.columns.findIndex((c) => c.kind === "name");
  const longest = names < 0 ? 0 : t.rows.reduce((m, r) => Math.max(m, typeof r.cells[names] === "string" ? textUnits(r.cells[names]) : 0), 0);
  const tableClass = longest > 0 && longest <= NAME_UNITS_MAX ? ` class="short-names"` : "";
  // A long heading (高质量发展重点工作任务推进落实情况 ×60%) wraps: kept on one line, it took the awards' room.
  const head = t.columns.map((c) => `<th scope="col" class="k-${c.kind}${textUnits(c.header) > LONG_HEADING ? " long" : ""}">${esc(c.header)}</th>`).join("");
  const rows =
    t.rows.length === 0
      ? [`<tr><td class="empty" colspan="${t.columns.length}">${esc(t.empty)}</td></tr>`]
      : t.rows.map((r) => {
          const cells = t.columns.map((c, i) => `<td class="k-${c.kind}${c.nowrap ? " nowrap" : ""}">${show(r.cells[i] ?? null, c.kind)}</td>`).join("");
          return r.mark ? `<tr class="${r.mark}">${cells}</tr>` : `<tr>${cells}</tr>`;
        });
  // The closing block in a row of its own after the last rows, in a row group printed whole: a
  // block after the table went alone to a last page (Chromium keeps no rows with a block after a table).
  const split = closing === undefined ? rows.length : Math.max(0, rows.length - CLOSING_ROWS);
  const last = closing === undefined ? [] : [`</tbody>`, `<tbody class="closing-group">`, ...rows.slice(split), `<tr class="closing-row"><td colspan="${t.columns.length}">${closing}</td></tr>`];
  const note = t.note ? ` <small>${esc(t.note)}</small>` : "";
  // A table printed over several pages begins with its first rows in a group printed whole: its
  // heading and head row never stand at a page's foot over a row or two (they go to the next page).
  // Printed, the heading is the head's first row instead: repeated with it on every page the table
  // runs on (a loose page of 乡镇组排名 could not be told from one of 综合排名, their columns alike),
  // and never left at a page's foot apart from its rows (as a heading of its own was).
  // (With its note: in a row of the body it stood between the head row and the first units.)
  const title = `<tr class="print-title"><th colspan="${t.columns.length}">${esc(t.heading)}${note}</th></tr>`;
  const kept = opening ? "" : keep(t);
  const first = kept || split <= FIRST_ROWS * 2 ? 0 : FIRST_ROWS;
  const firstRows = first ? [`<tbody class="first-rows">`, ...rows.slice(0, first), `</tbody>`] : [];
  return [`<section class="block t-${t.kind}${kept}">`, `<h2>${esc(t.heading)}${note}</h2>`, `<table${tableClass}>`, `<thead>${title}<tr>${head}</tr></thead>`, ...firstRows, `<tbody>`, ...rows.slice(first, split), ...last, `</tbody>`, `</table>`, `</section>`].join("\n");
}

function tables(r: Report): string {
  const out: string[] = [];
  let charts = 0;
  // Paired side by side: the line rankings without an awards column; one with it stands alone.
  const lines = r.tables.filter((t) => t.kind === "line" && !t.awards);
  for (const t of r.tables) {
    if (t.kind === "awards") continue;
    if (t.awards) {
      out.push(table(t, undefined, out.length === 0));
      continue;
    }
    if (t.kind === "overall") {
      out.push(table(t, undefined, out.length === 0));
      // A long one in parts, each on the same scale, the heading said again on each after the first.
      const chart = t.chart;
      if (chart)
        chartParts(chart.bars).forEach((bars, k) => {
          const heading = k === 0 ? chart.heading : chart.continued;
          // Drawn for a phone too (names above their rows, the screen's width), but a province's.
          const narrow = bars.length <= NARROW_BARS_MAX;
          out.push(`<section class="block chart-block keep">`, `<h2>${esc(heading)}</h2>`, ...(narrow ? [] : [`<p class="swipe">${esc(r.chart.swipe)}</p>`]), barChart({ ...chart, bars, scaleOf: chart.bars, ranked: r.chart.ranked, id: `c${++charts}` }, esc, narrow), `</section>`);
        });
      continue;
    }
    const i = lines.indexOf(t);
    if (i % 2 === 1) continue;
    const partner = lines[i + 1];
    out.push(`<div class="pair${keep(t, ...(partner ? [partner] : []))}">\n${table(t)}${partner ? `\n${table(partner)}` : ""}\n</div>`);
  }
  return out.join("\n");
}

/** The award list and the closing block, kept together on the last page. */
function tail(r: Report): string {
  const list = r.tables.filter((t) => t.kind === "awards");
  const closing = `<footer class="closing">
${r.closing.lines.map((l) => `<p>${esc(l)}</p>`).join("\n")}
<div class="seal"><div>${esc(r.closing.office)}</div><div>${esc(r.closing.date)}</div></div>
</footer>`;
  // Under the last award list's last rows; where there is none, after the rankings. Long (a
  // district's thirty pending claims), after the list, as a block of its own: in the list's last
  // row, the list's head stood pinned over it on screen, and printed above it on every page it ran on.
  const inside = list.length > 0 && r.closing.lines.length <= CLOSING_IN_TABLE_MAX;
  const awards = list.map((t, i) => table(t, inside && i === list.length - 1 ? closing : undefined));
  return `<div class="tail${keep(...list)}">
${awards.join("\n")}${inside ? "" : `\n${closing}`}
</div>`;
}

/** Closing lines kept in the award list's last row at most (more go after it). */
const CLOSING_IN_TABLE_MAX = 8;

export function reportHtml(r: Report): string {
  return sealed(`<!DOCTYPE html>
<html lang="${esc(r.lang)}">
<head>
<meta charset="utf-8">
<meta name="generator" content="${GENERATOR.report}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(r.title)}</title>
<style>${stylesheet(r.footer, `${r.title}\u3000${r.dateLine}`)}</style>
</head>
<body>
<header>
<h1>${esc(r.title)}</h1>
<div class="meta"><span class="subtitle">${esc(r.subtitle)}</span><span class="date">${esc(r.dateLine)}</span></div>
</header>
<main>
${tables(r)}
${tail(r)}
</main>
</body>
</html>
`);
}

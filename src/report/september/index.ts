// The September ranking report (九月排名报告): the model and its Excel and HTML renderings.
export { buildReport, reportTitle, reportDate, type Report, type ReportOptions, type Table, type Row, type Cell } from "./model.js";
export { reportXlsx } from "./xlsx.js";
export { reportHtml, esc } from "./html.js";

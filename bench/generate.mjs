// Generates benchmark districts: N towns (and N/5 departments) in the layout `assess template`
// writes, with every judged item, the six rates and a ledger of N/4 rows; written straight as
// SpreadsheetML with fflate so that even 40,000 towns take seconds, not minutes.
import { col, num, pack, sheet, str } from "./xml.mjs";

function lineSheet(codes, names, seed) {
  const rows = [`<row r="1">${str("A1", "单位名称")}${codes.map((c, i) => str(`${col(i + 2)}1`, `${c.code} ${c.name}(${c.max}分)`)).join("")}</row>`];
  names.forEach((name, u) => {
    const r = u + 2;
    let cells = str(`A${r}`, name);
    codes.forEach((c, i) => {
      const lost = ((u * 7 + i * 13 + seed) % 5) * 0.5;
      cells += num(`${col(i + 2)}${r}`, Math.max(0, c.max - lost));
    });
    rows.push(`<row r="${r}">${cells}</row>`);
  });
  return sheet(rows);
}

/** Leaves of the bundled rubric (judged items per line, as the template lays them out). */
export function generate(file, towns, judged, variant = 0) {
  const townNames = Array.from({ length: towns }, (_, i) => `镇${String(i + 1).padStart(5, "0")}`);
  const deptNames = Array.from({ length: Math.max(2, Math.floor(towns / 5)) }, (_, i) => `部门${String(i + 1).padStart(5, "0")}`);
  const rateCodes = [["ZB1", "出生政策符合率"], ["ZB2", "统计合格率"], ["ZB3", "满意率"], ["ZB4", "男性参与率"], ["MB1", "出生政策符合率目标"], ["MB2", "统计合格率目标"]];
  const rateRows = [`<row r="1">${str("A1", "单位名称")}${rateCodes.map(([c, n], i) => str(`${col(i + 2)}1`, `${c} ${n}`)).join("")}</row>`];
  townNames.forEach((name, u) => {
    const r = u + 2;
    const zb1 = u % 97 === 0 ? 0.93 : 0.97; // a veto now and then
    const vals = [zb1, 0.99, 0.96 - (u % 3) * 0.01, 0.31, 0.95, 0.98];
    rateRows.push(`<row r="${r}">${str(`A${r}`, name)}${vals.map((v, i) => num(`${col(i + 2)}${r}`, v, 1)).join("")}</row>`);
  });
  const ledgerHead = ["单位", "代码", "数量", "级别", "分值", "状态", "未如实上报", "说明", "依据"];
  const ledgerRows = [`<row r="1">${ledgerHead.map((h, i) => str(`${col(i + 1)}1`, h)).join("")}</row>`];
  const kinds = [["KF1"], ["JF2", "市级"], ["KF3", "", 15], ["KF5", "", undefined, "是"], ["DX1", "省级"], ["JF1"]];
  for (let i = 0; i < Math.floor(towns / 4); i++) {
    const r = i + 2;
    const [code, level = "", points, flag = ""] = kinds[i % kinds.length];
    const status = i % 11 === 0 ? "申报中" : "已认定";
    ledgerRows.push(
      `<row r="${r}">${str(`A${r}`, townNames[(i * 37) % towns])}${str(`B${r}`, code)}${num(`C${r}`, 1)}${level ? str(`D${r}`, level) : ""}${points ? num(`E${r}`, points) : ""}${str(`F${r}`, status)}${flag ? str(`G${r}`, flag) : ""}${str(`H${r}`, "基准测试")}</row>`,
    );
  }
  const cover = sheet([
    `<row r="3">${str("A3", "方案编号")}${str("B3", "district-popplan")}</row>`,
    `<row r="4">${str("A4", "方案版本")}${str("B4", "2022.1")}</row>`,
    `<row r="5">${str("A5", "考核年度")}${str("B5", "2026")}</row>`,
    `<row r="6">${str("A6", "区(县)")}${str("B6", "基准区")}</row>`,
  ]);
  const sheets = [
    ["封面", cover],
    ["党政线", lineSheet(judged.DZ, townNames, 1 + variant)],
    ["人口计生线", lineSheet(judged.JS, townNames, 2 + variant)],
    ["部门", lineSheet(judged.BM, deptNames, 3 + variant)],
    ["指标数据", sheet(rateRows)],
    ["加扣分", sheet(ledgerRows)],
  ];
  pack(file, sheets);
}

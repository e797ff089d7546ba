// Generates a benchmark district for any rubric, in the layout `assess template` writes: N units
// of the first unit kind (spread over its ranking groups) and N/5 of each other kind, every judged
// and deducted item, every indicator and target, and a ledger of N/4 rows; written straight as
// SpreadsheetML with fflate. Values are varied but plausible, with a veto now and then.
import { col, num, pack, sheet, str } from "./xml.mjs";
import { leaves } from "../dist/rubric/model.js";

const isEntered = (i) => i.kind === "judged" || i.kind === "deducted";

/**
 * A measure's value for unit u: near its target; lower-is-better counts 0 to 2, but those a gate
 * tests (较大事故: one vetoes) 0 but for one unit in 89, so that vetoes come now and then.
 */
function measureValue(m, u, floors, gated) {
  const wobble = ((u * 7919) % 101) / 100; // 0..1, deterministic
  if (m.unit === "percent") {
    const lo = (m.min ?? 0) / 10000;
    const hi = Math.min((m.max ?? 10000) / 10000, 1.2);
    return { v: Math.round((lo + (hi - lo) * (0.75 + 0.25 * wobble)) * 10000) / 10000, s: 1 };
  }
  if (m.direction === "lower") return { v: gated.has(m.code) ? (u % 89 === 0 ? 1 : 0) : Math.floor(wobble * 3), s: 0 };
  if (m.direction === undefined) return { v: floors.has(m.code) ? 1000 : 3000, s: 0 }; // a target
  return { v: Math.round(1500 + 3000 * wobble), s: 0 };
}

export function generateAny(file, rubric, n) {
  const [main, ...rest] = rubric.unitKinds;
  const units = [
    ...Array.from({ length: n }, (_, i) => ({ name: `${main.name}${String(i + 1).padStart(5, "0")}`, kind: main, group: main.groups[i % Math.max(1, main.groups.length)] })),
    ...rest.flatMap((k) => Array.from({ length: Math.max(2, Math.floor(n / 5)) }, (_, i) => ({ name: `${k.name}${String(i + 1).padStart(5, "0")}`, kind: k }))),
  ];
  const sheets = [["封面", sheet([`<row r="3">${str("A3", "方案编号")}${str("B3", rubric.id)}</row>`, `<row r="4">${str("A4", "方案版本")}${str("B4", rubric.version)}</row>`, `<row r="5">${str("A5", "考核年度")}${str("B5", "2026")}</row>`, `<row r="6">${str("A6", "区(县)")}${str("B6", "基准区")}</row>`])]];
  for (const kind of rubric.unitKinds) {
    const members = units.filter((u) => u.kind === kind);
    rubric.lines
      .filter((l) => kind.lines.includes(l.code))
      .forEach((line, li) => {
        const entered = leaves(line.items).filter(isEntered);
        const grouped = li === 0 && kind.groups.length > 0;
        const heads = ["单位名称", ...(grouped ? ["分组"] : []), ...(entered.length ? entered.map((i) => (i.kind === "deducted" ? `${i.code} ${i.name}(扣分,满分${i.max / 100}分)` : `${i.code} ${i.name}(${i.max / 100}分)`)) : [`${line.code} ${line.name}`])];
        const rows = [`<row r="1">${heads.map((h, i) => str(`${col(i + 1)}1`, h)).join("")}</row>`];
        members.forEach((u, k) => {
          const r = k + 2;
          let cells = str(`A${r}`, u.name) + (grouped ? str(`B${r}`, u.group.name) : "");
          entered.forEach((item, i) => {
            const steps = (k * 7 + i * 13 + li) % 5;
            const off = (steps * item.step) / 100;
            cells += num(`${col(i + (grouped ? 3 : 2))}${r}`, item.kind === "deducted" ? Math.min(item.max / 100, off) : Math.max(0, item.max / 100 - off));
          });
          rows.push(`<row r="${r}">${cells}</row>`);
        });
        sheets.push([line.sheet, sheet(rows)]);
      });
  }
  const measured = units.filter((u) => rubric.lines.some((l) => u.kind.lines.includes(l.code) && leaves(l.items).some((i) => !isEntered(i))));
  const codes = [...rubric.indicators, ...rubric.targets];
  const gated = new Set(rubric.lines.flatMap((l) => leaves(l.items)).flatMap((i) => (i.kind === "gate" ? [i.indicator] : [])));
  const floors = new Set(rubric.lines.flatMap((l) => leaves(l.items)).flatMap((i) => (i.floor && "ref" in i.floor ? [i.floor.ref] : [])));
  const rateRows = [`<row r="1">${str("A1", "单位名称")}${codes.map((m, i) => str(`${col(i + 2)}1`, `${m.code} ${m.name}`)).join("")}</row>`];
  measured.forEach((u, k) => {
    const r = k + 2;
    rateRows.push(`<row r="${r}">${str(`A${r}`, u.name)}${codes.map((m, i) => { const { v, s } = measureValue(m, k, floors, gated); return num(`${col(i + 2)}${r}`, v, s); }).join("")}</row>`);
  });
  sheets.push(["指标数据", sheet(rateRows)]);
  const ledgerHead = ["单位", "代码", "数量", "级别", "分值", "状态", "未如实上报", "说明", "依据"];
  const ledgerRows = [`<row r="1">${ledgerHead.map((h, i) => str(`${col(i + 1)}1`, h)).join("")}</row>`];
  const mainCodes = rubric.ledger.filter((c) => c.unitKinds.includes(main.id));
  for (let i = 0; i < Math.floor(n / 4) && mainCodes.length; i++) {
    const r = i + 2;
    const c = mainCodes[i % mainCodes.length];
    const level = c.levels ? Object.keys(c.levels)[i % Object.keys(c.levels).length] : "";
    const points = c.range ? c.range.min / 100 : undefined;
    ledgerRows.push(`<row r="${r}">${str(`A${r}`, units[(i * 37) % n].name)}${str(`B${r}`, c.code)}${num(`C${r}`, 1)}${level ? str(`D${r}`, level) : ""}${points !== undefined ? num(`E${r}`, points) : ""}${str(`F${r}`, i % 11 === 0 ? rubric.statuses.pending[0] ?? rubric.statuses.counted[0] : rubric.statuses.counted[0])}${str(`H${r}`, "基准测试")}</row>`);
  }
  sheets.push(["加扣分", sheet(ledgerRows)]);
  pack(file, sheets);
}

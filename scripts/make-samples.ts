// Writes samples/: a fictional district (青山区, 2026) that exercises every rule of the district
// scheme, one (柳河区, 2026) under the comprehensive scheme (sample-liuhe.ts), and samples/broken/
// with the mistakes assessors really make. Run: npm run samples.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadRubric } from "../src/rubric/load.js";
import { leaves } from "../src/rubric/model.js";
import { formatPoints } from "../src/model/numbers.js";
import { fillToBuffer, type FillSpec, type LedgerRow, type Value } from "../test/helpers/fill.js";
import type { Rubric } from "../src/rubric/model.js";
import { liuheSpec } from "./sample-liuhe.js";

function rubricAt(file: string): Rubric {
  const loaded = loadRubric(file, readFileSync(file), createHash("sha256").update(readFileSync(file)).digest("hex"));
  if (!loaded.rubric) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.rubric;
}
const rubric = rubricAt("rubric/district-popplan-2022.1.yaml");

export const TOWNS = ["城关镇", "东湖街道", "西山镇", "南岭镇", "北川镇", "河口镇", "青石镇", "白沙街道", "桃源镇", "柳林镇", "金水街道", "石门镇", "龙泉镇", "新华街道"];
export const DEPARTMENTS = ["区公安分局", "区卫生健康局", "区民政局", "区教育局", "区财政局", "区统计局", "区人社局", "区农业农村局"];

/** A small deterministic generator, so the samples never change between runs. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Judged points: max minus a few half-points, weaker units losing more. */
function judged(seed: number, weakness: number): Record<string, Value> {
  const next = rng(seed);
  const out: Record<string, Value> = {};
  for (const line of rubric.lines) {
    for (const leaf of leaves(line.items).filter((l) => l.kind === "judged")) {
      const max = leaf.max / 100;
      const lostSteps = Math.floor(next() * (weakness + 1) * Math.max(1, max / 10));
      out[leaf.code] = Math.max(0, max - lostSteps * 0.5);
    }
  }
  return out;
}

const values: Record<string, Record<string, Value>> = {};
TOWNS.forEach((t, i) => {
  const weakness = [0, 1, 1, 2, 1, 3, 2, 2, 4, 3, 2, 3, 5, 9][i] ?? 2;
  values[t] = {
    ...judged(1000 + i * 17, weakness),
    ZB1: { percent: 0.968 - i * 0.001 },
    MB1: { percent: 0.95 },
    ZB2: { percent: 0.99 },
    MB2: { percent: 0.98 },
    ZB3: { percent: 0.962 },
    ZB4: { percent: 0.34 },
  };
});
// 东湖街道 and 西山镇 are identical: a tie in every ranking.
values["西山镇"] = { ...values["东湖街道"] };
// Vetoes: 北川镇 misses 出生政策符合率 (gates DZ1 and JS4.1); 石门镇 misses 统计合格率 (JS4.2).
Object.assign(values["北川镇"] ?? {}, { ZB1: { percent: 0.935 } });
Object.assign(values["石门镇"] ?? {}, { ZB2: "96.5%", MB2: { percent: 0.98 } });
// Thresholds missed, and rates typed the ways people type them.
Object.assign(values["河口镇"] ?? {}, { ZB3: { percent: 0.948 }, ZB4: "28%" });
Object.assign(values["桃源镇"] ?? {}, { ZB3: "９６％", ZB4: 0.305 });
Object.assign(values["城关镇"] ?? {}, { ZB1: { formula: "487/500", result: 0.974 } });
// A target taken from the responsibility letter that differs from the others.
Object.assign(values["金水街道"] ?? {}, { MB1: { percent: 0.96 }, ZB1: { percent: 0.963 } });
// 新华街道 lags behind in its whole work: last place and below 600, the yellow card.
Object.assign(values["新华街道"] ?? {}, { DZ5: 20, "DZ6.1": 30, "JS3.3.1": 10, "JS3.3.2": 10, "JS3.3.3": 12, "JS5.2": 20, "JS6.3": 25, "JS1.1": 15, "JS5.1": 20, DZ2: 5, JS7: 5, JS8: 5 });

DEPARTMENTS.forEach((d, i) => {
  values[d] = judged(5000 + i * 31, [0, 1, 2, 1, 3, 2, 4, 6][i] ?? 2);
});
values["区教育局"] = { ...values["区民政局"] };

const ledger: LedgerRow[] = [
  { unit: "城关镇", code: "JF1", status: "已认定", note: "流动人口“一站式”服务创新", evidence: "局务会纪要〔2026〕3号" },
  { unit: "城关镇", code: "JF1", status: "已认定", note: "第二项创新(每年至多计一次)", evidence: "局务会纪要〔2026〕5号" },
  { unit: "东湖街道", code: "JF2", level: "市级", status: "已认定", note: "市级会议经验介绍", evidence: "市卫健委通报" },
  { unit: "西山镇", code: "JF2", level: "市级", status: "已认定", note: "市级会议经验介绍", evidence: "市卫健委通报" },
  { unit: "南岭镇", code: "JF2", level: "省级", count: 2, status: "已认定", note: "省级表彰两项", evidence: "省表彰文件" },
  { unit: "青石镇", code: "JF2", level: "国家级", status: "申报中", note: "国家级示范申报", evidence: "申报材料" },
  { unit: "白沙街道", code: "JF1", status: "不予认定", note: "创新不足", evidence: "局务会纪要〔2026〕5号" },
  { unit: "河口镇", code: "KF1", status: "已认定", note: "半年抽查出现较大问题", evidence: "抽查通报" },
  { unit: "柳林镇", code: "KF2", status: "已认定", note: "行政诉讼案件一起", evidence: "法院判决书" },
  { unit: "龙泉镇", code: "KF3", points: 15, status: "已认定", note: "越级上访一起", evidence: "信访局函" },
  { unit: "龙泉镇", code: "KF4", count: 2, status: "已认定", note: "虚报数据两例", evidence: "核查报告" },
  { unit: "新华街道", code: "KF5", count: 1, flag: "是", status: "已认定", note: "超生举报查实,未如实上报", evidence: "举报核查单" },
  { unit: "新华街道", code: "KF5", count: 1, flag: "否", status: "已认定", note: "超生举报查实", evidence: "举报核查单" },
  { unit: "桃源镇", code: "KF6", status: "已认定", note: "示范站被摘牌", evidence: "市局通知" },
  { unit: "金水街道", code: "KF3", points: 20, status: "申报中", note: "越级上访待核", evidence: "信访局函" },
  { unit: "城关镇", code: "DX1", level: "省级", status: "已认定", note: "全员人口信息化全省前列", evidence: "省通报" },
  { unit: "青石镇", code: "DX1", level: "市级", status: "已认定", note: "全市前列", evidence: "市通报" },
  { unit: "北川镇", code: "DX2", level: "国家级", status: "已认定", note: "移民地区综合治理全国前列(一票否决,不得奖)", evidence: "国家通报" },
  { unit: "南岭镇", code: "DX2", level: "市级", status: "已认定", note: "移民地区综合治理全市前列", evidence: "市通报" },
  { unit: "白沙街道", code: "DX3", level: "市级", status: "已认定", note: "流动人口服务管理全市前列", evidence: "市通报" },
  { unit: "东湖街道", code: "DX3", level: "省级", status: "不予认定", note: "未达前列", evidence: "" },
];

const spec: FillSpec = {
  year: "2026",
  district: "青山区",
  units: [...TOWNS.map((name) => ({ name, kind: "town" as const })), ...DEPARTMENTS.map((name) => ({ name, kind: "department" as const }))],
  values,
  ledger,
};

async function main(): Promise<void> {
  mkdirSync("samples/broken", { recursive: true });
  writeFileSync("samples/qingshan-2026.xlsx", await fillToBuffer(rubric, spec));
  writeFileSync("samples/liuhe-2026.xlsx", await fillToBuffer(rubricAt("rubric/township-comprehensive-2026.1.yaml"), liuheSpec()));

  // The mistakes assessors make, all in one workbook.
  const typo = structuredClone(values);
  Object.assign(typo["东湖街道"] ?? {}, { DZ2: 25, DZ5: "五十", "JS1.1": 12.3 } as Record<string, Value>);
  Object.assign(typo["西山镇"] ?? {}, { ZB1: 95, MB2: null, "JS2.4": { formula: "1/0", result: { error: "#DIV/0!" } } } as Record<string, Value>);
  Object.assign(typo["南岭镇"] ?? {}, { "DZ3.1": null, JS8: { formula: "SUM(X1:X3)" } } as Record<string, Value>);
  const typoLedger: LedgerRow[] = [
    ...ledger.slice(0, 3),
    { unit: "城关镇 ", code: "JF9", status: "已认定" },
    { unit: "河口镇", code: "KF3", points: 50, status: "已认定" },
    { unit: "柳林镇", code: "JF2", status: "已认定" },
    { unit: "桃源镇", code: "KF1", status: "已批准" },
    { unit: "青石镇", code: "KF4", count: 1.5, status: "已认定" },
    { unit: "不存在镇", code: "KF1", status: "已认定" },
  ];
  writeFileSync(
    "samples/broken/typos.xlsx",
    await fillToBuffer(rubric, {
      ...spec,
      values: typo,
      ledger: typoLedger,
      edit: (wb) => {
        // A unit typed on one sheet but missing on another, and a duplicate row.
        const js = wb.getWorksheet("人口计生线");
        const dz = wb.getWorksheet("党政线");
        if (!js || !dz) throw new Error("template sheets missing");
        js.getCell(15, 1).value = "新华街道 ";
        js.getCell(16, 1).value = "东湖街道";
        dz.getCell(14, 1).value = "龙泉乡";
      },
    }),
  );
  writeFileSync("samples/broken/csv-renamed.xlsx", "单位名称,DZ2 统筹决策\n城关镇,20\n");
  writeFileSync("samples/broken/legacy.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  process.stdout.write(`samples written; JS max ${formatPoints(rubric.lines[1]?.max ?? 0)}\n`);
}

await main();

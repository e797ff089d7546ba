// The second sample: a fictional district (柳河区, 2026) under the comprehensive rubric — two
// ranking groups of towns, departments and state-owned enterprises, with the cases the rubric is
// for: a veto that keeps the rank but sets the grade (白马镇), one that leaves a prize empty
// (河西街道), a tie at a grade's quota, negative growth, a loss, charges to a line and an item.
import type { FillSpec, LedgerRow, Value } from "../test/helpers/fill.js";

type Vals = Record<string, Value>;

/** A small deterministic generator, so the sample never changes between runs. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const RURAL = ["柳河镇", "石桥镇", "白马镇", "青龙乡", "杨柳镇", "双河乡", "金山镇"];
const URBAN = ["河东街道", "河西街道", "文昌街道", "凤凰街道"];
const DEPARTMENTS = ["区发展改革局", "区财政局", "区住房城乡建设局", "区生态环境分局", "区交通运输局", "区市场监管局"];
const ENTERPRISES = ["区城投集团", "区交通投资公司", "区文旅集团"];

/** Judged points and deductions for a town: full marks less a little, weaker towns losing more. */
function townJudged(seed: number, weakness: number): Vals {
  const next = rng(seed);
  const lose = (max: number, step: number): number => Math.max(0, Math.round((max - Math.floor(next() * (weakness + 1) * 3) * step) / step) * step);
  const taken = (max: number, step: number): number => Math.min(max, Math.round(Math.floor(next() * weakness * 2) * step * 10) / 10);
  return {
    JJ5: lose(30, 1),
    SH3: taken(15, 0.1),
    SH6: lose(20, 0.5),
    SH7: lose(20, 0.5),
    DJ1: lose(30, 0.5),
    DJ2: lose(30, 0.5),
    DJ3: taken(20, 0.5),
  };
}

function townMeasures(i: number): Vals {
  return {
    ZB1: { percent: 0.072 - i * 0.004 },
    MB1: { percent: 0.065 },
    ZB2: 12000 - i * 650,
    MB2: 11500,
    ZB3: { percent: 0.15 - i * 0.012 },
    ZB4: 52000 - i * 3100,
    ZB5: 0,
    ZB6: i % 4,
    ZB7: { percent: 0.968 - i * 0.003 },
    ZB8: 5.2 + i * 0.3,
    ZB9: 0,
  };
}

export function liuheSpec(): FillSpec {
  const values: Record<string, Vals> = {};
  [...RURAL, ...URBAN].forEach((t, i) => {
    const weakness = [0, 1, 0, 2, 1, 1, 3, 0, 0, 2, 5][i] ?? 2;
    values[t] = { ...townJudged(2000 + i * 23, weakness), ...townMeasures(i) };
  });
  // 白马镇 had a major work-safety accident (较大事故): vetoed, still ranked, graded 不合格, and the
  // 一等奖 it would have won passes to the next town.
  Object.assign(values["白马镇"] ?? {}, { ZB5: 1, JJ5: 30, SH6: 20, SH7: 20, DJ1: 30, DJ2: 30, SH3: 0, DJ3: 0, ZB1: { percent: 0.09 } });
  // 河西街道: an ideology incident — 0 for DJ4, at most 合格, its prize place left empty.
  Object.assign(values["河西街道"] ?? {}, { ZB9: 1, JJ5: 30, SH6: 20, SH7: 20, DJ1: 30, DJ2: 30, SH3: 0, DJ3: 0, ZB1: { percent: 0.08 }, ZB2: 12500, ZB3: { percent: 0.16 }, ZB4: 56000 });
  // 杨柳镇 and 双河乡: identical, tied in every ranking.
  values["双河乡"] = { ...values["杨柳镇"] };
  // 金山镇: negative growth (JJ1 and JJ3 earn nothing), 参保率 short of 95%.
  Object.assign(values["金山镇"] ?? {}, { ZB1: "-1.5%", ZB3: { percent: -0.04 }, ZB7: "93.4%" });
  // Values typed the ways people type them.
  Object.assign(values["文昌街道"] ?? {}, { ZB7: "96.5%", ZB2: "10,850", ZB4: "41,200万元" });
  // 凤凰街道 lags far behind: 不合格 and a yellow card.
  Object.assign(values["凤凰街道"] ?? {}, { JJ5: 8, SH6: 9, SH7: 10, DJ1: 14, DJ2: 15, ZB6: 5, ZB7: "91%" });

  DEPARTMENTS.forEach((d, i) => {
    const next = rng(7000 + i * 41);
    const weak = [0, 0, 1, 2, 3, 6][i] ?? 2;
    values[d] = {
      BM1: 40 - Math.floor(next() * (weak + 1) * 2),
      BM2: 30 - Math.floor(next() * (weak + 1) * 2) * 0.5,
      BM4: Math.floor(next() * weak) * 0.5,
      ZB10: { percent: 0.985 - i * 0.012 },
    };
  });
  // 区财政局 ties 区发展改革局 on the total and BM1, at the 优秀 cut: both get it (ties: all).
  values["区财政局"] = { ...values["区发展改革局"] };

  Object.assign(values, {
    区城投集团: { ZB11: 86000, MB3: 80000, MB4: 60000, ZB12: 5200, MB5: 5000, ZB13: { percent: 1.12 }, ZB5: 0 },
    区交通投资公司: { ZB11: 52000, MB3: 60000, MB4: 45000, ZB12: -800, MB5: 1500, ZB13: { percent: 1.03 }, ZB5: 0 },
    区文旅集团: { ZB11: 21000, MB3: 20000, MB4: 15000, ZB12: 600, MB5: 500, ZB13: { percent: 1.06 }, ZB5: 1 },
  });

  const ledger: LedgerRow[] = [
    { unit: "柳河镇", code: "JF1", level: "省级", status: "已认定", note: "“一网统管”经验全省推广", evidence: "省政府办公厅通报" },
    { unit: "柳河镇", code: "JF2", count: 3, status: "已认定", note: "争取上级专项资金3000万元", evidence: "资金下达文件" },
    { unit: "石桥镇", code: "JF2", count: 6, status: "已认定", note: "争取上级专项资金6000万元(最多加2分,加分累计超过5分的部分不计)", evidence: "资金下达文件" },
    { unit: "石桥镇", code: "JF1", level: "国家级", status: "已认定", note: "农村改革经验国家级推广", evidence: "农业农村部通报" },
    { unit: "石桥镇", code: "JF1", level: "省级", status: "已认定", note: "基层治理经验省级推广", evidence: "省通报" },
    { unit: "青龙乡", code: "KF2", status: "已认定", note: "环保督察交办问题整改不力一件", evidence: "督察办函" },
    { unit: "杨柳镇", code: "KF3", points: 2, status: "已认定", note: "重大安全隐患整改不到位", evidence: "应急管理局通报" },
    { unit: "双河乡", code: "KF3", points: 2, status: "已认定", note: "重大安全隐患整改不到位", evidence: "应急管理局通报" },
    { unit: "金山镇", code: "KF1", status: "已认定", note: "被市政府通报批评", evidence: "市政府通报" },
    { unit: "河东街道", code: "JF1", level: "市级", status: "待审核", note: "社区治理经验全市推广", evidence: "申报材料" },
    { unit: "区住房城乡建设局", code: "KF1", count: 2, status: "已认定", note: "两次被市级通报", evidence: "市住建局通报" },
    { unit: "区生态环境分局", code: "JF1", level: "市级", status: "已认定", note: "环境执法经验全市推广", evidence: "市生态环境局通报" },
    { unit: "区交通投资公司", code: "KF1", status: "已认定", note: "项目建设被市级通报", evidence: "市交通局通报" },
    { unit: "柳河镇", code: "DX1", level: "省级", status: "已认定", note: "经济发展受省政府表彰", evidence: "省政府表彰决定" },
    { unit: "石桥镇", code: "DX1", level: "市级", status: "已认定", note: "经济发展受市政府表彰", evidence: "市政府表彰决定" },
    { unit: "白马镇", code: "DX1", level: "国家级", status: "已认定", note: "一票否决,不得获奖", evidence: "国务院通报" },
  ];

  return {
    year: "2026",
    district: "柳河区",
    units: [
      ...RURAL.map((name) => ({ name, kind: "town", group: "rural" })),
      ...URBAN.map((name) => ({ name, kind: "town", group: "urban" })),
      ...DEPARTMENTS.map((name) => ({ name, kind: "department" })),
      ...ENTERPRISES.map((name) => ({ name, kind: "enterprise" })),
    ],
    values,
    ledger,
  };
}

// The bundled rubric says what the scheme says (shared RULES.md), clause by clause: every code,
// name, max and kind; the gates and thresholds; the ledger; rankings and awards.
import { readFileSync, readdirSync } from "node:fs";
import Ajv from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadRubric } from "../src/rubric/load.js";
import { allItems, isMeasured, type Item } from "../src/rubric/model.js";
import { formatPoints, formatRate } from "../src/model/numbers.js";
import { rubricJsonSchema } from "../src/rubric/schema.js";

const FILE = "rubric/district-popplan-2022.1.yaml";
const loaded = loadRubric(FILE, readFileSync(FILE), "test");
const rubric = loaded.rubric;
if (!rubric) throw new Error(JSON.stringify(loaded.diagnostics));

function row(i: Item): string {
  const measured = isMeasured(i) ? ` ${i.indicator}>=${"ref" in i.target ? i.target.ref : formatRate(i.target.value)}` : "";
  return `${i.code} ${formatPoints(i.max)} ${i.kind}${measured}`;
}

describe("bundled rubric district-popplan 2022.1", () => {
  it("loads cleanly, and its id and version are in its file name", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(FILE).toContain(`${rubric.id}-${rubric.version}.yaml`);
  });

  it("has towns at 370 + 630 = 1000 and departments at 100", () => {
    expect(rubric.unitKinds.map((k) => [k.id, k.lines.join("+"), formatPoints(k.scale)])).toEqual([
      ["town", "DZ+JS", "1000"],
      ["department", "BM", "100"],
    ]);
    expect(rubric.lines.map((l) => `${l.code} ${l.name} ${formatPoints(l.max)}`)).toEqual(["DZ 党政线 370", "JS 人口计生线 630", "BM 部门职责 100"]);
  });

  it("DZ 党政线 matches the scheme item by item", () => {
    expect(allItems(rubric.lines[0]?.items ?? []).map(row)).toEqual([
      "DZ1 100 gate ZB1>=MB1",
      "DZ2 20 judged",
      "DZ3 70 group",
      "DZ3.1 20 judged",
      "DZ3.2 20 judged",
      "DZ3.3 20 judged",
      "DZ3.4 10 judged",
      "DZ4 20 judged",
      "DZ5 60 judged",
      "DZ6 100 group",
      "DZ6.1 80 judged",
      "DZ6.2 10 judged",
      "DZ6.3 10 judged",
    ]);
  });

  it("JS 人口计生线 matches the scheme item by item", () => {
    expect(allItems(rubric.lines[1]?.items ?? []).map(row)).toEqual([
      "JS1 80 group", "JS1.1 40 judged", "JS1.2 30 judged", "JS1.3 10 judged",
      "JS2 80 group", "JS2.1 15 judged", "JS2.2 20 judged", "JS2.3 10 judged", "JS2.4 20 judged", "JS2.5 15 judged",
      "JS3 160 group", "JS3.1 20 judged", "JS3.2 40 judged", "JS3.3 100 group",
      "JS3.3.1 30 judged", "JS3.3.2 30 judged", "JS3.3.3 30 judged", "JS3.3.4 5 group",
      "JS3.3.4.1 2.5 threshold ZB3>=95%", "JS3.3.4.2 2.5 threshold ZB4>=30%", "JS3.3.5 5 judged",
      "JS4 60 group", "JS4.1 20 gate ZB1>=MB1", "JS4.2 28 gate ZB2>=MB2", "JS4.3 4 judged", "JS4.4 4 judged", "JS4.5 4 judged",
      "JS5 140 group", "JS5.1 45 judged", "JS5.2 50 judged", "JS5.3 10 judged", "JS5.4 35 judged",
      "JS6 70 group", "JS6.1 10 judged", "JS6.2 10 judged", "JS6.3 50 judged",
      "JS7 20 judged", "JS8 20 judged",
    ]);
  });

  it("BM 部门 has four judged items of 30, 20, 20, 30", () => {
    expect(allItems(rubric.lines[2]?.items ?? []).map(row)).toEqual(["BM1 30 judged", "BM2 20 judged", "BM3 20 judged", "BM4 30 judged"]);
  });

  it("names items as the scheme writes them and carries each clause's text", () => {
    const byCode = new Map(rubric.lines.flatMap((l) => allItems(l.items)).map((i) => [i.code, i]));
    expect(byCode.get("DZ1")?.name).toBe("基本人口指标");
    expect(byCode.get("JS3")?.name).toBe("技术服务及药具工作");
    expect(byCode.get("JS8")?.name).toBe("干部队伍培训");
    expect(byCode.get("DZ1")?.text).toContain("此指标为“一票否决”项");
    expect(byCode.get("JS4.2")?.text).toContain("统计合格率为“一票否决”项");
    const seed = readFileSync("rubric/scheme-source.txt", "utf8");
    // Leaf clause texts are the scheme's own words (a leaf's text is found in the seed).
    for (const item of byCode.values()) {
      if (item.kind === "group" || item.code.startsWith("JS3.3.4.")) continue;
      const core = item.text.replace(/^[^(]*?(?=[\u4e00-\u9fa5“])/, "").slice(0, 12);
      expect(seed, item.code).toContain(core);
    }
  });

  it("has the measured rates and targets of RULES §3", () => {
    expect(rubric.indicators.map((i) => i.code)).toEqual(["ZB1", "ZB2", "ZB3", "ZB4"]);
    expect(rubric.targets.map((t) => [t.code, t.default])).toEqual([
      ["MB1", undefined],
      ["MB2", undefined],
    ]);
  });

  it("has the ledger of RULES §5", () => {
    const show = rubric.ledger.map((c) => {
      const pts = c.points !== undefined ? formatPoints(c.points) : c.range ? `${formatPoints(c.range.min)}..${formatPoints(c.range.max)}` : Object.entries(c.levels ?? {}).map(([k, v]) => (c.kind === "single" ? k : `${k}${formatPoints(v)}`)).join("/");
      return `${c.code} ${c.kind} ${pts}${c.oncePerYear ? " once" : ""}${c.doubleWhenFlagged ? " x2" : ""}${c.cap !== undefined ? " cap" : ""}`;
    });
    expect(show).toEqual([
      "JF1 bonus 20 once",
      "JF2 bonus 市级5/省级7/国家级10",
      "KF1 deduction 20",
      "KF2 deduction 15",
      "KF3 deduction 10..30",
      "KF4 deduction 5",
      "KF5 deduction 5 x2",
      "KF6 deduction 5",
      "DX1 single 市级/省级/国家级",
      "DX2 single 市级/省级/国家级",
      "DX3 single 市级/省级/国家级",
    ]);
    expect(rubric.statuses).toEqual({ counted: ["已认定"], pending: ["申报中"], rejected: ["不予认定"] });
  });

  it("has four rankings without tie-breakers, and the awards of RULES §8", () => {
    expect(rubric.rankings.map((r) => `${r.id}:${r.unitKind}:${r.by}:${r.tieBreakers.length}`)).toEqual(["overall:town:total:0", "DZ:town:DZ:0", "JS:town:JS:0", "BM:department:BM:0"]);
    const overall = rubric.rankings.find((r) => r.id === "overall");
    expect(overall?.tiers.map((t) => `${t.name} ${t.from}-${t.to} ${t.amount ?? "-"}`)).toEqual(["一等奖 1-1 -", "二等奖 2-3 -", "三等奖 4-6 -"]);
    expect(overall?.single.map((s) => `${s.code} ${s.amount} ${s.count ?? "-"} ${s.linkedItem}`)).toEqual(["DX1 3000 - JS6", "DX2 3000 - JS5.1", "DX3 3000 - JS5.2"]);
    expect(overall?.yellowCard).toEqual({ name: "黄牌警告(下年度重点管理)", lastPlace: true, below: 60000 });
  });

  it("ships the JSON Schema editors use, up to date with the zod schema", () => {
    const shipped = JSON.parse(readFileSync("rubric/schema.json", "utf8")) as unknown;
    expect(shipped).toEqual(rubricJsonSchema());
    expect(readdirSync("rubric").filter((f) => f.endsWith(".yaml"))).toEqual(["district-popplan-2022.1.yaml", "township-comprehensive-2026.1.yaml"]);
  });

  it("explains every key an author can write, in Chinese and in English, for an editor's hover", () => {
    const schema = rubricJsonSchema() as Record<string, unknown>;
    const undocumented: string[] = [];
    const said: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((n["properties"] ?? {}) as Record<string, Record<string, unknown>>)) {
        const at = path ? `${path}/${key}` : key;
        const d = child["description"];
        if (typeof d === "string") said.push(d);
        else undocumented.push(at);
        walk(child, at);
      }
      for (const key of ["items", "prefixItems", "anyOf", "additionalProperties"]) walk(n[key], path);
    };
    walk(schema, "");
    for (const def of Object.values((schema["$defs"] ?? {}) as Record<string, unknown>)) walk(def, "item");
    expect(undocumented).toEqual([]);
    // Both languages in each: Chinese first, then English.
    for (const d of said) expect(d).toMatch(/[\u4e00-\u9fff].*。 [^。]*[A-Za-z][^。]*\.$/);
    expect(said.length).toBeGreaterThan(100);
  });

  it("passes both bundled rubrics as an editor reading it as draft-07 reads it (a pair, ranks: [1, 1], was no item at all there)", () => {
    // yaml-language-server before 1.20 reads every schema as draft-07: ajv 6 reads it so too.
    const { $schema: _, ...schema } = rubricJsonSchema() as Record<string, unknown>;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const file of ["rubric/district-popplan-2022.1.yaml", "rubric/township-comprehensive-2026.1.yaml"]) {
      expect(validate(parse(readFileSync(file, "utf8"))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // Still a pair, and of numbers: a third rank or a word is refused as before.
    const rubricText = parse(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8")) as { rankings: { tiers?: { ranks: unknown[] }[] }[] };
    const tier = rubricText.rankings.find((r) => r.tiers?.length)?.tiers?.[0];
    if (!tier) throw new Error("no tier");
    for (const ranks of [[1, 2, 3], [1, "一"]]) {
      tier.ranks = ranks;
      expect(validate(rubricText)).toBe(false);
    }
  });
});

describe("a veto held to a grade, where the rankings grade differently", () => {
  it("is an error at the veto's grade where a ranking of the kind gives grades without it", () => {
    // 街道组排名 graded 先进/一般: the vetoes held to 不合格 (SH1) and to at most 合格 (DJ4) would not hold there.
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const text = readFileSync(C, "utf8").replace("    group: urban\n    by: total\n", "    group: urban\n    by: total\n    grades:\n      bands:\n        - { name: 先进, from: 90 }\n      otherwise: 一般\n");
    const r = loadRubric(C, Buffer.from(text), "test");
    expect(r.rubric).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.code} ${"line" in (d.location ?? {}) ? (d.location as { line: number }).line : 0}`)).toEqual(["rubric.veto-grade-not-in 168", "rubric.veto-grade-not-in 239"]);
  });
});

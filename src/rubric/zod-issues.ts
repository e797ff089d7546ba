// Turns zod's issues into located diagnostics with catalog codes (zod's own English text never
// reaches a user).
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/index.js";
import type { Path, Positions } from "./positions.js";
import { editDistance } from "../diagnostics/near.js";
import { chineseNumber } from "../model/numbers.js";
import { CODE_PATTERN, rubricKeys, rubricKeysAt, rubricPlacesOf } from "./schema.js";
import { invisibleIn, invisibleKey } from "./invisible.js";
import { CHINESE_QUOTED, unquoted } from "./quotes.js";
import { ALL_KINDS } from "./model.js";
import { nameForCode } from "./name-for-code.js";

/** The key a misspelt one most likely meant (stpe → step, weigths → weights); undefined where none is that close. */
function meantKey(typed: string, among: Iterable<string> = rubricKeys()): string | undefined {
  const allowed = typed.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const k of among) {
    const d = editDistance(typed.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/** The unit of what a measured item's target, floor, per or band mark at `path` measures (its indicator's), if known. */
function indicatorUnit(data: unknown, path: Path): string | undefined {
  const at = path.lastIndexOf("items");
  if (at < 0) return undefined;
  const item = valueAt(data, path.slice(0, at + 2));
  const code = item && typeof item === "object" && "indicator" in item ? (item as { indicator: unknown }).indicator : undefined;
  const list = valueAt(data, ["indicators"]);
  const ind = Array.isArray(list) ? list.find((x: unknown) => x && typeof x === "object" && (x as { code?: unknown }).code === code) : undefined;
  const unit = ind && typeof ind === "object" ? (ind as { unit?: unknown }).unit : undefined;
  return ind === undefined ? undefined : typeof unit === "string" ? unit : "percent";
}

/** A number as YAML would read it unquoted, written as text (" 50000", "-2.5"). */
function isPlainNumber(s: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(s.trim());
}

/** An indicator's own keys, which an item takes from the indicator it names. */
const INDICATOR_KEYS: ReadonlySet<string> = new Set(["direction", "unit", "display", "whole", "min"]);

function pathText(path: Path): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
}

/** The places a key may stand, two at most, as a reader looks for them (unit_kinds[]、rankings[].grades). */
function placesText(places: readonly string[]): string {
  return places.slice(0, 2).join("、");
}

/**
 * How a person finds the key: after the nearest item or code that holds it ("max (DZ2)"), not
 * as an index path ("lines[0].items[1].max"); the line number points at it as well.
 */
function keyName(path: Path, data: unknown): string {
  if (!path.length) return "(root)";
  let node: unknown = data;
  let owner: string | undefined;
  let ownerDepth = 0;
  for (let i = 0; i <= path.length; i++) {
    if (node && typeof node === "object" && !Array.isArray(node)) {
      const code = (node as Record<string, unknown>).code ?? (node as Record<string, unknown>).id;
      if (typeof code === "string" && i > 0) {
        owner = code;
        ownerDepth = i;
      }
    }
    if (i < path.length) node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[path[i] as string | number] : undefined;
  }
  if (!owner) return pathText(path);
  const rest = pathText(path.slice(ownerDepth));
  return rest ? `${rest} (${owner})` : owner;
}

/** A share's rounding as a 办法 words it, and the word quota_round takes for it. */
const QUOTA_ROUND_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^(四舍五入(法|取整)?|round|half[ _-]?up)$/i, "nearest"],
  [/^(进一(法|位)?|进位(法)?|收尾(法)?|向上取整|ceil(ing)?)$/i, "up"],
  [/^(向下取整|去尾(法)?|截尾(法)?|舍去(小数)?|只舍不入|floor|truncate)$/i, "down"],
];

/** Yes and no as a 办法 or a clerk writes them, for true and false. */
const YES_WORDS = /^(是|对|有|要|需要|实行|参与|参加|保留(名次)?|√|✓|y|yes)$/i;
const NO_WORDS = /^(否|不|无|不要|不需要|不实行(一票否决)?|不参与|不参加|不否决|×|✗|n|no)$/i;

/** Values of a few keys as a 办法 words them, and the word each key takes for them. */
const ENUM_WORDS: Readonly<Record<string, readonly (readonly [RegExp, string])[]>> = {
  kind: [
    [/^(扣分(制|法|项)?|倒扣(分)?|扣完为止)$/, "deducted"],
    [/^(评分|评定|打分|定性(评价|评分)?|主观(评分)?|评议)$/, "judged"],
    [/^(达标(得分|计分)?)$/, "threshold"],
    [/^(一票否决(项)?|否决(项)?)$/, "gate"],
    // (按比例计分, as docs/rules.md heads it: between a floor and the target, in proportion.)
    [/^(线性(插值|计分)?|按比例(计分|得分)?)$/, "linear"],
    [/^(比值(计分)?|比率)$/, "ratio"],
    [/^(分档(计分)?|档次|阶梯(计分)?)$/, "bands"],
    [/^(每低扣分|差额扣分|按差距扣分)$/, "shortfall"],
    [/^(与?最优值?(比|相比|比较)|对标最优)$/, "relative-best"],
    [/^(排名计分|按名次(计分)?|名次计分)$/, "rank-points"],
    // (A ledger code's kind: the same key.)
    [/^(加分(项)?|奖励加分)$/, "bonus"],
    [/^(扣分(制|项)?|减分(项)?)$/, "deduction"],
    [/^(单项奖(励)?|单项)$/, "single"],
  ],
  // (Words of what is measured, not units: 数值, 得分, 货币.)
  unit: [
    [/^(数量|个数|次数|件数|人数|计数|数值|数字|得分|分值|分数)$/, "number"],
    [/^(金额|资金|数额|货币|钱|经费|产值|收入)$/, "amount"],
  ],
  quota_of: [
    [/^(参评单位(总数)?|全部参评单位|全部单位|所有单位|考核单位(总数)?)$/, "assessed"],
    [/^(排名单位|参加排名(的)?单位|参与排名(的)?单位|排名的单位)$/, "ranked"],
  ],
  ties: [
    [/^(全部|均(给|评|可|得)|都(给|评|可|得)|并列(均|都)(给|评|得))$/, "all"],
    [/^(都不(给|评)|均不(给|评)|全不(给|评)?|不(给|评))$/, "none"],
  ],
  direction: [
    [/^(越(低|小|少)越(好|优)|逆向(指标)?|反向(指标)?|负向(指标)?)$/, "lower"],
    [/^(越(高|大|多)越(好|优)|正向(指标)?)$/, "higher"],
  ],
  place: [
    [/^((依次|顺序|由(下|后)一名|(下|后)一名)?(递补|顺延|顺补)|名次递补)$/, "passed"],
    [/^((名次|奖次)?(空缺|空出|空置)|不(再)?递补)$/, "empty"],
  ],
};

export function zodIssueToDiagnostic(issue: z.core.$ZodIssue, pos: Positions, data: unknown): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const key = keyName(path, data);
  const err = (code: string, data: Record<string, string | number>, at = pos.of(path)): Diagnostic => ({
    code,
    severity: "error",
    data: { key, ...data },
    location: at,
  });
  // A quota or a weight not read: what it may be, with the value written (45 meant as 45%).
  const last = path.at(-1);
  if (last === "quota" && issue.code !== "unrecognized_keys") {
    const value = String(valueAt(data, path));
    const fixed = quotaWritten(value);
    return [fixed === undefined ? err("rubric.bad-quota", { value }) : err("rubric.bad-quota-fix", { value, fixed })];
  }
  // A rounding written as the 办法 says it (四舍五入, 进一法): its word here.
  const rounding = last === "quota_round" ? QUOTA_ROUND_WORDS.find(([re]) => re.test(String(valueAt(data, path)).trim())) : undefined;
  if (rounding) return [err("rubric.quota-round-word", { value: String(valueAt(data, path)).trim(), fixed: rounding[1] })];
  // Several kinds for one ranking ([department, enterprise]), or all of them (All, 全部): a ranking
  // is of one kind; one kind in brackets ([department]) is that kind, written without them.
  const ranked = last === "unit_kind" && path[0] === "rankings" ? valueAt(data, path) : undefined;
  if (Array.isArray(ranked) && ranked.length === 1 && typeof ranked[0] === "string" && !ALL_KINDS.test(ranked[0].trim())) return [err("rubric.unit-kind-brackets", { kind: ranked[0] })];
  if (Array.isArray(ranked) || (typeof ranked === "string" && ALL_KINDS.test(ranked.trim()))) {
    const kinds = valueAt(data, ["unit_kinds"]);
    const allowed = Array.isArray(kinds) ? kinds.map((k: unknown) => (k && typeof k === "object" && "id" in k ? `${String(k.id)}${"name" in k ? `(${String(k.name)})` : ""}` : "")).filter((x) => x !== "").join("、") : "";
    return [err("rubric.ranking-one-kind", { allowed })];
  }
  if (path.at(-2) === "weights" && issue.code !== "unrecognized_keys") {
    const v = valueAt(data, path);
    // A line's code and its weight joined by a full-width colon in { } (JJ：40%): one word to YAML, its value none.
    const joined = typeof last === "string" && v === null ? JOINED.exec(last) : null;
    if (joined && typeof last === "string") return [{ code: joined[2] === "：" ? "rubric.fullwidth-colon-key" : "rubric.colon-no-space-key", severity: "error", data: { key: last, fixed: halfWidth(last.replace(/^([A-Za-z_][\w-]*)[:：]\s*/, "$1: ")) }, location: pos.ofKey(path.slice(0, -1), last) }];
    return [err(typeof v === "number" && v > 1 && v <= 100 ? "rubric.bad-weight-percent" : "rubric.bad-weight", { value: String(v) })];
  }
  // A band's share written 70 for 70%.
  if (last === "share" && issue.code === "too_big") {
    const v = valueAt(data, path);
    if (typeof v === "number" && v > 1 && v <= 100) return [err("rubric.bad-share-percent", { value: String(v) })];
  }
  // A date that is no day of the calendar (2026-13-45).
  if (issue.code === "custom" && issue.message === "date") return [err("rubric.bad-format-date", {})];
  const written = issue.code === "unrecognized_keys" ? undefined : valueAt(data, path);
  if (typeof written === "string") {
    // A character no one sees (a no-break or full-width space, a zero-width one: pasted from Word
    // or a web page) in a value: named, as the value looks right (DZ2, 20).
    const hidden = invisibleIn(written);
    if (hidden !== undefined) return [err("rubric.invisible-char", { char: hidden })];
    // Chinese quotes (“2022-06-24”), which YAML reads as part of the value, not as quotes.
    if (CHINESE_QUOTED.test(written)) return [err("rubric.chinese-quotes", { value: written.trim(), fixed: unquoted(written, last) })];
    // Full-width digits in a percentage (９５％): the half-width one to write.
    const half = written.normalize("NFKC").trim();
    if (half !== written.trim() && /^[+-]?\d+(\.\d+)?%$/.test(half)) return [err("rubric.write-as", { value: written, number: half })];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => {
        // A key with a space no one sees at its end (max then U+3000: one inside a key is said
        // before the schema is asked): named.
        const hidden = invisibleKey(k, pos.ofKey(path, k));
        if (hidden) return hidden;
        // The YAML merge key (<<: *defaults), which the rubric does not read: the keys written out.
        if (k === "<<") return { code: "rubric.merge-key", severity: "error" as const, data: { key: k, where: keyName(path, data) }, location: pos.ofKey(path, k) };
        // A key and its value joined by a full-width colon, or a colon without its space, inside
        // { … } (max：40, max:40): one word to YAML; said with what to write.
        const joined = JOINED.exec(k);
        if (joined) return { code: joined[2] === "：" ? "rubric.fullwidth-colon-key" : "rubric.colon-no-space-key", severity: "error" as const, data: { key: k, fixed: halfWidth(k.replace(/^([A-Za-z_][\w-]*):(?=\S)/, "$1: ")) }, location: pos.ofKey(path, k) };
        // A key in full-width letters (ｍａｘ, a Chinese input method's): the key it is, in half-width ones.
        const half = k.normalize("NFKC");
        if (half !== k && rubricKeys().includes(half)) return { code: "rubric.fullwidth-key", severity: "error" as const, data: { key: k, fixed: half }, location: pos.ofKey(path, k) };
        // Digits for a key: a number cut at its thousands comma in a { … } list (amount: 20,000; max: 1,000%; min: -1,500.5).
        if (/^\d+(?:\.\d+)?%?$/.test(k)) return { code: "rubric.number-cut-at-comma", severity: "error" as const, data: { key: k, where: keyName(path, data) }, location: pos.ofKey(path, k) };
        // A key written in Chinese (满分: 30, 代码: JJ1, or 满分：30 in { }), as the 办法's table heads
        // it: the key's own word, the one that may stand here (指标 at the top is indicators). Not
        // a word with no value after it: the end of a text cut at a comma ({ text: 按完成情况评定,目标 }).
        const [word = "", rest] = k.trim().split(/\s*[:：]\s*/, 2);
        const english = CHINESE_KEYS.get(word);
        const valued = rest !== undefined ? rest !== "" : valueAt(data, [...path, k]) !== null;
        // The word that may stand here and is not written already (目标值 beside a target is something else).
        const allowed = rubricKeysAt(path);
        const mayStand = english?.filter((e) => allowed === undefined || allowed.includes(e)) ?? [];
        const englishHere = mayStand.find((e) => valueAt(data, [...path, e]) === undefined);
        if (english !== undefined && valued) {
          // Written already in English beside it (max: 20 and 满分: 20): one of the two to delete.
          const twice = englishHere === undefined ? mayStand[0] : undefined;
          if (twice !== undefined) return { code: "rubric.chinese-key-twice", severity: "error" as const, data: { key: k, where: keyName(path, data), meant: twice }, location: pos.ofKey(path, k) };
          const meant = englishHere ?? english[0] ?? "";
          return { code: "rubric.chinese-key", severity: "error" as const, data: { key: k, where: keyName(path, data), meant: rest ? `${meant}: ${rest}` : meant }, location: pos.ofKey(path, k) };
        }
        // A key in Chinese is most often the rest of a text cut at a half-width comma (以1分为单位。).
        const text = /[\u3400-\u9fff]/.test(k);
        // An indicator's key written on an item (direction: lower under the item): where it goes.
        const item = path[0] === "lines" && path.includes("items");
        if (item && INDICATOR_KEYS.has(k)) {
          const indicator = valueAt(data, [...path, "indicator"]);
          const said: Diagnostic = { code: "rubric.key-on-indicator", severity: "error", data: { key: k, indicator: typeof indicator === "string" ? indicator : "" }, location: pos.ofKey(path, k) };
          return said;
        }
        // A cap on an item (超额完成最多按 120% 计, cap: 120%): an item never scores past its max, and
        // the ledger's cap (a code's most points) is another thing: said so, not sent there.
        if (item && (k === "cap" || k === "上限")) return { code: "rubric.cap-on-item", severity: "error" as const, data: { key: k }, location: pos.ofKey(path, k) };
        // A key of those that may stand here, near it (unit_kind at the top for unit_kinds); else
        // one of the rubric's anywhere, but a key it has elsewhere is no misspelling of itself.
        const here = rubricKeysAt(path)?.filter((x) => x !== k);
        const nearHere = text || !here ? undefined : meantKey(k, here);
        const near = text ? undefined : (nearHere ?? meantKey(k));
        const meant = near === k ? undefined : near;
        // A key of a block written here (ties moved out of grades:, beside it), before a spelling near
        // one of this place's (tiers): following that led to another error. (Not where a list is
        // written and a key of this place is spelt near: a list of prizes under ties: is tiers misspelt.)
        const listed = Array.isArray(valueAt(data, [...path, k]));
        const within = text || (listed && meant !== undefined) ? undefined : (here ?? []).find((child) => valueAt(data, [...path, child]) !== undefined && rubricKeysAt([...path, child])?.includes(k));
        if (within !== undefined) return { code: "rubric.key-belongs-within", severity: "error" as const, data: { key: k, where: keyName(path, data), within }, location: pos.ofKey(path, k) };
        // A key of a place around this one (ties under a grade band, for the grades'), or of one
        // within it (place beside a gate's veto, for the veto's): where it belongs.
        // unit_kinds on a cap (部门加分累计不超过 5 分): the rubric's top level has a unit_kinds, the kinds
        // themselves, where moving it means nothing. A cap is counted for each unit its codes are
        // for: the kinds' own codes are what to list.
        if (k === "unit_kinds" && path[0] === "ledger" && path[1] === "caps") {
          const kinds = valueAt(data, [...path, k]);
          const named = new Set(Array.isArray(kinds) ? kinds.filter((x): x is string => typeof x === "string") : []);
          const capKind = valueAt(data, [...path, "kind"]);
          const codes = valueAt(data, ["ledger", "codes"]);
          // (A code naming no kinds is the first kind's.)
          const first = valueAt(data, ["unit_kinds", 0, "id"]);
          // The codes for these kinds alone, and those for them and others too (a cap listing one of
          // those caps the others' rows as well; left out, it leaves these kinds' uncapped: both said).
          const own: string[] = [];
          const shared: string[] = [];
          for (const c of Array.isArray(codes) ? codes : []) {
            const code = valueAt(c, ["code"]);
            const of = valueAt(c, ["unit_kinds"]) ?? [first];
            const kind = valueAt(c, ["kind"]);
            if (typeof code !== "string" || !Array.isArray(of) || (capKind !== undefined && kind !== capKind)) continue;
            const mine = of.filter((x) => named.has(x as string)).length;
            if (mine === of.length && mine > 0) own.push(code);
            else if (mine > 0) shared.push(code);
          }
          const said = shared.length ? (own.length ? "rubric.cap-unit-kinds-shared" : "rubric.cap-unit-kinds-shared-only") : own.length ? "rubric.cap-unit-kinds" : "rubric.cap-unit-kinds-none";
          const listed = { ...(own.length || !shared.length ? { codes: own.join(", ") } : {}), ...(shared.length ? { shared: shared.join(", ") } : {}) };
          return { code: said, severity: "error" as const, data: listed, location: pos.ofKey(path, k) };
        }
        if (!text && !meant) {
          for (let d = path.length - 1; d >= 0; d--) {
            if (!rubricKeysAt(path.slice(0, d))?.includes(k)) continue;
            return { code: "rubric.key-belongs-above", severity: "error" as const, data: { key: k, where: keyName(path, data), above: keyName(path.slice(0, d), data) }, location: pos.ofKey(path, k) };
          }
          const within = (here ?? []).find((child) => rubricKeysAt([...path, child])?.includes(k));
          if (within !== undefined) return { code: "rubric.key-belongs-within", severity: "error" as const, data: { key: k, where: keyName(path, data), within }, location: pos.ofKey(path, k) };
          // (Or of each of a list within it: amount beside a ranking's tiers, for each tier's.)
          const each = (here ?? []).find((child) => rubricKeysAt([...path, child, 0])?.includes(k));
          if (each !== undefined) return { code: "rubric.key-belongs-each", severity: "error" as const, data: { key: k, where: keyName(path, data), within: each }, location: pos.ofKey(path, k) };
          // A key of another block altogether (ties in a prize tier, for grades'): where it goes.
          const elsewhere = placesText(rubricPlacesOf(k));
          if (elsewhere) return { code: "rubric.key-elsewhere", severity: "error" as const, data: { key: k, where: keyName(path, data), places: elsewhere }, location: pos.ofKey(path, k) };
        }
        // Near a key of another block only (weight on a line, for a kind's weights): that key, and where it goes.
        const meantElsewhere = meant !== undefined && nearHere === undefined ? placesText(rubricPlacesOf(meant)) : "";
        if (meant !== undefined && meantElsewhere) return { code: "rubric.unknown-key-near-elsewhere", severity: "error" as const, data: { key: k, where: keyName(path, data), meant, places: meantElsewhere }, location: pos.ofKey(path, k) };
        return {
          code: text ? "rubric.unknown-key-text" : meant ? "rubric.unknown-key-near" : "rubric.unknown-key",
          severity: "error" as const,
          data: { key: k, where: keyName(path, data), ...(meant ? { meant } : {}) },
          location: pos.ofKey(path, k),
        };
      });
    case "invalid_type": {
      const missing = !pos.has(path);
      if (missing) {
        // Written, but joined to its value by a full-width colon or a colon without its space (max：40): said there, not missing.
        const owner = valueAt(data, path.slice(0, -1));
        const name = String(path.at(-1) ?? "");
        // Or brought by a merge key (<<: *base), which is said as not read.
        if (owner && typeof owner === "object" && "<<" in owner) return [];
        if (owner && typeof owner === "object" && Object.keys(owner).some((k) => JOINED.exec(k)?.[1] === name)) return [];
        // Or written with a space no one sees at its end (from then U+3000): said at that key, not missing.
        if (owner && typeof owner === "object" && Object.keys(owner).some((k) => invisibleIn(k) !== undefined && k.split(":")[0]?.trim() === name)) return [];
        // Or in full-width letters (ｍａｘ): said at that key.
        if (owner && typeof owner === "object" && Object.keys(owner).some((k) => k !== name && k.normalize("NFKC") === name)) return [];
        // A gate's max left out, as a veto worth no points is (an event, not a measure): written max: 0
        // (not where a key of its own may be it: 满分：20).
        const gate = owner && typeof owner === "object" && (owner as { kind?: unknown }).kind === "gate" && Object.keys(owner).every((k) => rubricKeys().includes(k));
        return [err(name === "max" && gate ? "rubric.missing-key-gate-max" : "rubric.missing-key", {})];
      }
      // version: 2026.1 is read as a number (and 2026.10 as 2026.1): quoted, it stays as written.
      if (issue.expected === "string" && typeof valueAt(data, path) === "number") {
        // A date or an id written as a number (effective: 20260101, id: 123): what to write, not a version's quotes.
        const n = valueAt(data, path) as number;
        if (path.at(-1) === "effective") return [dateAs(err, String(n))];
        if (path.length === 1 && path[0] === "id") return [err("rubric.bad-format-rubric-id", { value: String(n), suggest: `"${String(n)}"` })];
        return [err("rubric.needs-quotes", {})];
      }
      const v = valueAt(data, path);
      if (issue.expected === "number" && typeof v === "string") {
        // A number quoted ("50000"): the number, unquoted (a version is quoted; a number is not).
        if (isPlainNumber(v)) return [err("rubric.number-quoted", { value: v, number: v.trim() })];
        // "20,000" and 2万元 (prize money, in 元) where a plain number is asked for: the number meant.
        const plain = v.normalize("NFKC").trim().replace(/^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_, whole: string, part: string | undefined) => whole.replaceAll(",", "") + (part ?? ""));
        if (v.normalize("NFKC").includes(",") && /^\d+(\.\d+)?$/.test(plain)) return [err("rubric.number-comma", { value: v, number: plain })];
        // A prize's amount is in 元: 2万元 is 20000, 3000元 is 3000.
        const wan = path.at(-1) === "amount" ? /^\s*[￥¥]?\s*(\d+(?:\.\d+)?)\s*(万)?元?\s*$/.exec(v.normalize("NFKC")) : null;
        if (wan) return [err("rubric.amount-in-yuan", { value: v, number: String(Math.round(Number(wan[1]) * (wan[2] ? 10000 : 1))) })];
        // ５０００ from a Chinese input method, 20 000 spaced in groups: the number meant.
        const half = v.normalize("NFKC").trim().replace(/^(-?\d{1,3}(?: \d{3})+)(\.\d+)?$/, (_, whole: string, part: string | undefined) => whole.replaceAll(" ", "") + (part ?? ""));
        if (half !== v.trim() && isPlainNumber(half)) return [err("rubric.number-otherwise", { value: v, number: half })];
        // A mark or points written as a percentage (from: 90%): points are plain numbers.
        const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v.normalize("NFKC"));
        if (percent?.[1] !== undefined) return [err("rubric.points-percent", { value: v, number: percent[1] })];
        // A grade's mark or a card's line as the 办法 says it (≥90分, 低于60分): the number alone.
        const bare = withoutComparison(v);
        if (bare !== undefined && !bare.endsWith("%")) return [err("rubric.points-comparison", { value: v, number: bare })];
        // A letter typed for a digit like it (1OO, l0): the number meant, not the 1 before "OO" taken for a unit.
        const lookalike = /^\s*\d*[OoIl][\dOoIl]*(?:\.\d+)?\s*$/.test(v) && /\d/.test(v) ? v.trim().replace(/[Oo]/g, "0").replace(/[Il]/g, "1") : undefined;
        if (lookalike !== undefined && isPlainNumber(lookalike)) return [err("rubric.write-as", { value: v, number: lookalike })];
        // Points (a cap, a ledger code's points) written with 分: the number alone, no unit to give.
        const number = numberBeforeUnit(v);
        if (number !== undefined) return [err("rubric.write-as", { value: v, number })];
        // In Chinese numerals (max: 四十, cap: 十分): the number in digits, as a workbook's cell is told.
        const han = chineseNumber(v.trim());
        if (han !== undefined) return [err("rubric.write-as", { value: v, number: String(han) })];
      }
      // veto: true (一票否决 said twice): a gate vetoes of itself; veto is what the veto does, as keys.
      // veto: false (不实行一票否决): an item scoring full or nothing without a veto is a threshold.
      const value = valueAt(data, path);
      // A key with nothing after it (max: left empty, veto: with its keys not indented under it): said so, not "null".
      if (value === null) return [err("rubric.value-empty", { expected: issue.expected })];
      if (last === "veto" && issue.expected === "object") {
        // (On an item of another kind: a veto is a gate's; the item is not one.)
        const kind = (valueAt(data, path.slice(0, -1)) as { kind?: unknown } | null)?.kind;
        const no = value === false || (typeof value === "string" && NO_WORDS.test(value.trim()));
        // (veto: false on an item that never vetoes: nothing to do but delete it.)
        if (kind !== "gate") return [err(no ? "rubric.veto-false-not-gate" : "rubric.veto-not-gate", { kind: typeof kind === "string" ? kind : "judged", value: String(value) })];
        return [err(no ? "rubric.veto-false" : "rubric.veto-not-block", { value: String(value) })];
      }
      // 是 or 否 for true or false.
      if (issue.expected === "boolean" && typeof value === "string") {
        const yes = YES_WORDS.test(value.trim());
        if (yes || NO_WORDS.test(value.trim())) return [err("rubric.value-word", { value: value.trim(), fixed: yes ? "true" : "false", allowed: "true, false" })];
      }
      return [err("rubric.wrong-type", { expected: issue.expected })];
    }
    case "invalid_value": {
      const v = valueAt(data, path);
      const allowed = issue.values.map(String);
      // A value misspelt (kind: shortfal, unit: Amount) or cut short (direction: low, place: pass): the one meant.
      const cut = typeof v === "string" && v.length >= 3 ? allowed.filter((a) => a.startsWith(v.toLowerCase())) : [];
      const meant = typeof v === "string" ? (cut.length === 1 ? cut[0] : meantKey(v, allowed)) : undefined;
      // A value as the 办法 words it (扣分制, 越低越好, 递补): the word that means it here.
      let word = typeof v === "string" && typeof last === "string" ? ENUM_WORDS[last]?.find(([re, w]) => allowed.includes(w) && re.test(v.trim()))?.[1] : undefined;
      // 扣分 on an item measured against a target (indicator, per, deduct): the points taken off per shortfall.
      const owner = valueAt(data, path.slice(0, -1));
      if (word === "deducted" && owner !== null && typeof owner === "object" && "indicator" in owner) word = "shortfall";
      if (word !== undefined) return [err("rubric.value-word", { value: String(v).trim(), fixed: word, allowed: allowed.join(", ") })];
      // A display unit written for a measure's unit (unit: 万元): the unit is amount, 万元 its display
      // (a percentage takes none). Words (unit: money) are not units: the choices are listed.
      if (!meant && last === "unit" && typeof v === "string" && allowed.includes("amount") && !/^[a-z]+$/i.test(v)) {
        // A rate as a 办法 names it (率, 比率, 占比, 达标率): a percentage; a per-mille one (千分率) is a number shown with ‰.
        // (出生率, 死亡率, 自然增长率: per mille as a 办法 gives them.)
        if (/千分|‰|(出生|死亡|自然增长|发病|患病)率$/.test(v)) return [err("rubric.unit-is-display", { value: v, suggestion: "number", display: "‰" })];
        if (/%|％|百分|率$|^(比例|占比)$/.test(v.trim())) return [err("rubric.unit-is-percent", { value: v })];
        return [err("rubric.unit-is-display", { value: v, suggestion: /元/.test(v) ? "amount" : "number", display: v })];
      }
      // The value as written (deductd), said with its key: which of several values is meant is plain.
      const written = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : v === null ? "null" : "{…}";
      return [err(meant ? "rubric.not-allowed-near" : "rubric.not-allowed", { value: written, allowed: allowed.join(", "), ...(meant ? { meant } : {}) })];
    }
    case "invalid_format": {
      // The schema names each format (code, rate, date...) in its message; each has a catalog entry.
      // An id where a kind or a group is named (group: 平原组): its id is meant, not its name.
      const last = path.at(-1);
      const ref = last === "group" || last === "unit_kind" || (typeof last === "number" && path.at(-2) === "unit_kinds");
      if (issue.message === "id" && ref) {
        // The ids there are, with their names (village(村)), from the document itself.
        const kinds = valueAt(data, ["unit_kinds"]);
        const ids = Array.isArray(kinds) ? kinds.flatMap((k: unknown) => (k && typeof k === "object" && "id" in k ? [`${String((k as { id: unknown }).id)}${"name" in k ? `(${String((k as { name: unknown }).name)})` : ""}`] : [])) : [];
        if (last === "group") {
          const groups = groupsNear(data, path);
          return [err(groups.length ? "rubric.bad-format-id-group-of" : "rubric.bad-format-id-group", groups.length ? { allowed: groups.join("、") } : {})];
        }
        return [err(ids.length ? "rubric.bad-format-id-kind-of" : "rubric.bad-format-id-kind", ids.length ? { allowed: ids.join("、") } : {})];
      }
      // A count's or amount's value written with its unit word (per: 1件): the number alone.
      const written = valueAt(data, path);
      if (issue.message === "rate" && typeof written === "string") {
        // What the item's indicator measures: a percentage's value is written with %, a count's or
        // an amount's as a plain number.
        const unit = indicatorUnit(data, path);
        const nf = written.normalize("NFKC").trim();
        // A number with its thousands commas (min: 100,000 on an amount in 万元): the number without them, not "a rate".
        const grouped = withoutThousands(nf);
        if (grouped !== undefined) return [err("rubric.number-comma", { value: written, number: grouped })];
        const bare = withoutComparison(written);
        // (A step, per: ≥1%, compares nothing: the value alone, said as for any key.)
        if (bare !== undefined) {
          const number = unit === "percent" || unit === undefined ? bare : bare.replace(/%$/, "");
          return [path.at(-1) === "per" ? err("rubric.write-as", { value: written, number }) : err("rubric.comparison-sign", { value: written, number })];
        }
        const spaced = spacedPercent(written);
        if (spaced !== undefined) return [err("rubric.write-as", { value: written, number: spaced })];
        // 1个百分点 (每低 1 个百分点) is 1%.
        const pp = /^(\d+(?:\.\d+)?)\s*个?百分点$/.exec(nf)?.[1];
        if (pp !== undefined) return [err("rubric.write-as", { value: written, number: `${pp}%` })];
        // A code where only a fixed value goes (a band's mark at each unit's target, from: MB2).
        if (CODE_PATTERN.test(nf.toUpperCase())) {
          const example = unit !== "percent" ? "1" : path.at(-1) === "per" ? "1%" : "95%";
          return [err(path.at(-1) === "from" && path.includes("bands") ? "rubric.band-from-code" : "rubric.measure-code", { value: written, example })];
        }
        // A count's number quoted ("1"): the number, unquoted.
        if (unit !== "percent" && isPlainNumber(nf)) return [err("rubric.number-quoted", { value: written, number: nf })];
        const number = numberBeforeUnit(written);
        if (number !== undefined) return [unit === "percent" ? err("rubric.write-as", { value: written, number: `${number}%` }) : err("rubric.number-with-unit", { value: written, number })];
        // Anything else on a count or an amount (三, abc): a number is asked for, not a rate.
        if (unit === "number" || unit === "amount") return [err("rubric.measure-not-number", { value: written })];
      }
      // A line's or an indicator's name written where its code goes (lines: [党政工作], indicator: 信访案件数): its code.
      const of = issue.message === "line-code" ? "lines" : issue.message === "code" && typeof last === "string" ? REFERS_TO[last] : undefined;
      const named = of !== undefined && typeof written === "string" ? codesNamed(data, written, of) : [];
      if (named.length) return [nameForCode(err, written as string, named)];
      if (issue.message === "date" && typeof written === "string") return [dateAs(err, written)];
      // The rubric's own id (it names its file): what it would be, written as it may be.
      if (issue.message === "rubric-id") return [err("rubric.bad-format-rubric-id", { value: String(written ?? ""), suggest: asRubricId(String(written ?? "")) })];
      return [err(`rubric.bad-format-${issue.message}`, issue.message === "code" ? { value: typeof written === "string" ? written : String(written ?? "") } : {})];
    }
    case "too_small":
      // [2，3] typed with a Chinese input method: one entry "2，3", not two.
      if (issue.origin === "array") {
        const v = valueAt(data, path);
        if (Array.isArray(v) && v.some((x) => typeof x === "string" && x.includes("，"))) return [err("rubric.fullwidth-comma-in-list", {})];
      }
      // A name or word left blank ("" or spaces alone): said blank, not "less than 1".
      if (issue.origin === "string") return [err("rubric.blank-text", {})];
      return [
        issue.origin === "array"
          ? err("rubric.too-few", { min: Number(issue.minimum) })
          : // positive(): above the bound, not at it (step: 0 is refused as "must be above 0").
            err(issue.inclusive === false ? "rubric.too-small-exclusive" : "rubric.too-small", { min: Number(issue.minimum) }),
      ];
    case "too_big":
      return [err("rubric.too-big", { max: Number(issue.maximum) })];
    case "invalid_union": {
      // A target or rate: report the shapes it may take; a number written with its unit (0起, 500万元): the number alone.
      const v = valueAt(data, path);
      // A target written as the 办法 says it (≤1%, 不低于 95%): the value alone, the way its indicator's direction.
      const bare = typeof v === "string" ? withoutComparison(v) : undefined;
      // (On a count or an amount, the number alone: ≤8% written where 8 起 is meant.)
      const measured = indicatorUnit(data, path);
      const counted = measured === "number" || measured === "amount";
      if (bare !== undefined) return [err("rubric.comparison-sign", { value: v as string, number: counted ? bare.replace(/%$/, "") : bare })];
      // A percentage with a space before its sign (5 %): 5%.
      const spaced = typeof v === "string" ? spacedPercent(v) : undefined;
      if (spaced !== undefined) return [err("rubric.write-as", { value: v as string, number: spaced })];
      const number = typeof v === "string" ? numberBeforeUnit(v) : undefined;
      if (number !== undefined) return [err("rubric.number-with-unit", { value: v as string, number })];
      // A target's code written in small or full-width letters (target: mb1): in capitals.
      const code = typeof v === "string" ? v.normalize("NFKC").trim().toUpperCase() : "";
      if (typeof v === "string" && code !== v && CODE_PATTERN.test(code)) return [err("rubric.code-case", { value: v, code })];
      // A code's levels written as a list of pairs ([市级: 1, 省级: 2] or - 市级: 1 under it): one { }.
      if (path.at(-1) === "levels" && Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 1)) {
        const pairs = v.map((x: Record<string, unknown>) => Object.entries(x).map(([k, n]) => `${k}: ${String(n)}`).join(""));
        return [err("rubric.levels-as-list", { levels: `{ ${pairs.join(", ")} }` })];
      }
      // Each level's points quoted or with 分 ({ 市级: "1", 省级: 2分 }): the numbers alone.
      if (path.at(-1) === "levels" && v !== null && typeof v === "object" && !Array.isArray(v)) {
        const entries = Object.entries(v as Record<string, unknown>);
        // A level joined to its points by a full-width colon ({ 市级：5 }): one word to YAML.
        const joined = entries.map(([k]) => /^(.+?)\s*：\s*(.*)$/.exec(k)).find((m) => m !== null);
        if (joined) return [err("rubric.fullwidth-colon-key", { key: joined[0], fixed: halfWidth(joined[0]) }, pos.ofKey(path, joined[0]))];
        const fixed = entries.map(([k, n]) => [k, typeof n === "number" ? String(n) : typeof n === "string" ? (/^\s*\d+(\.\d+)?\s*$/.test(n) ? n.trim() : numberBeforeUnit(n)) : undefined] as const);
        if (entries.length && fixed.every(([, n]) => n !== undefined)) return [err("rubric.levels-points", { levels: `{ ${fixed.map(([k, n]) => `${k}: ${n ?? ""}`).join(", ")} }` })];
      }
      // A target or floor written in words: a target's name (its code meant), a number in Chinese, a
      // share of the target (a column of its own); else the forms it takes, with the codes there are.
      if (last === "target" || last === "floor") {
        const targets = valueAt(data, ["targets"]);
        const listed = Array.isArray(targets) ? targets.filter((t): t is { code: unknown; name: unknown } => t !== null && typeof t === "object") : [];
        const codes = listed.map((t) => String(t.code)).join("、") || "—";
        if (typeof v === "string") {
          const said = v.trim();
          const plain = (x: string): string => x.replace(/[(（].*?[)）]/g, "").trim();
          const named = listed.find((t) => typeof t.name === "string" && (t.name.trim() === said || plain(t.name) === plain(said)));
          if (named) return [err("rubric.target-name", { value: said, code: String(named.code) })];
          // (On a percentage, a percentage: 九十 of a rate is 90%, as bare 90 is refused there.)
          const han = chineseNumber(said.replace(/^百分之/, ""));
          if (han !== undefined) return [err("rubric.write-as", { value: said, number: said.startsWith("百分之") || indicatorUnit(data, path) === "percent" ? `${han}%` : String(han) })];
          if (last === "floor" && /目标(值)?的?\s*\d/.test(said)) return [err("rubric.floor-of-target-words", { value: said })];
          // With its thousands commas (target: 1,000): the number without them.
          const grouped = withoutThousands(said.normalize("NFKC"));
          if (grouped !== undefined) return [err("rubric.number-comma", { value: said, number: grouped })];
        }
        return [err("rubric.target-shape", { codes })];
      }
      return [err("rubric.wrong-shape", {})];
    }
    default:
      return [err("rubric.wrong-shape", {})];
  }
}

/** Keys as a 办法's table heads its columns, or as a clerk would name them: the rubric's word for each. */
const CHINESE_WORDS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["满分", "分值", "分数", "最高分"], ["max"]],
  [["代码", "编号", "编码"], ["code"]],
  [["名称", "名字", "项目名称"], ["name"]],
  [["说明", "内容", "评分标准", "考核内容", "条款", "考核标准"], ["text"]],
  [["类型", "计分方式", "评分方式"], ["kind"]],
  [["标题", "方案名称"], ["title"]],
  [["版本", "版本号"], ["version"]],
  [["生效日期", "施行日期"], ["effective"]],
  [["指标"], ["indicator", "indicators"]],
  [["目标", "目标值"], ["target", "targets"]],
  [["权重"], ["weights"]],
  [["等次"], ["grades"]],
  [["排名"], ["rankings"]],
  [["分组"], ["groups"]],
  [["状态"], ["statuses"]],
  [["级别"], ["levels"]],
];
const CHINESE_KEYS: ReadonlyMap<string, readonly string[]> = new Map(CHINESE_WORDS.flatMap(([words, keys]) => words.map((w) => [w, keys] as const)));

/**
 * A key and its value joined into one key inside { … }: by a full-width colon (max：40) or a colon
 * without its space (max:40). Its parts: the key, the colon, the value.
 */
const JOINED = /^([A-Za-z_][\w-]*)\s*(：|:(?=\S))\s*(.*)$/;

/** Typed with a Chinese input method, written as YAML takes it: 市级：5，省级：7 → 市级: 5, 省级: 7. */
function halfWidth(k: string): string {
  return k.replace(/\s*：\s*/g, ": ").replace(/\s*，\s*/g, ", ").trim();
}

/** A percentage written with a space before its sign (5 %, 5 ％): as it is written (5%), or undefined. */
function spacedPercent(v: string): string | undefined {
  const n = /^\s*(-?\d+(?:\.\d+)?)\s+[%％]\s*$/.exec(v.normalize("NFKC"))?.[1];
  return n === undefined ? undefined : `${n}%`;
}

/**
 * A value written after a sign or words of comparison as a 办法 says it (≤1%, ≥ 95%, 不高于 1%, 0起以下):
 * the value alone as it is to be written (1%, 95%, 0), or undefined.
 */
function withoutComparison(v: string): string | undefined {
  const nf = v.normalize("NFKC").trim();
  // The words and signs before it, after it, and a bracket saying whether the mark itself counts
  // (达到95%以上, 95%(含)以上, 95%以上(含95%)), taken off until none is left.
  let rest = nf;
  for (let i = 0; i < 4; i++) {
    const before = rest;
    rest = rest
      .replace(/^(?:[<>=≤≥≦≧⩽⩾]+|(?:大于|小于|高于|低于)(?:或)?等于|不(?:低|高|少|多|小|大)于|不超过|低于|高于|小于|大于|达到)\s*/, "")
      .replace(/\s*\((?:不)?含[^)]*\)\s*$/, "")
      .replace(/\s*(?:及以上|及以下|以上|以下|以内)$/, "")
      .trim();
    if (rest === before) break;
  }
  if (rest === nf || rest === "") return undefined;
  if (/^-?\d+(?:\.\d+)?%?$/.test(rest)) return rest;
  // A target column's code (≥MB1): the code alone.
  if (CODE_PATTERN.test(rest.toUpperCase())) return rest.toUpperCase();
  return spacedPercent(rest) ?? numberBeforeUnit(rest);
}

/** The number of a number written with its unit (0起, 500万元), or undefined. */
function numberBeforeUnit(v: string): string | undefined {
  return /^\s*(-?\d+(?:\.\d+)?)\s*([^\d\s%.][^\d]*)$/.exec(v)?.[1];
}

/** What a key that refers to a code refers to (indicator: an indicator's code), where its name may be written for it. */
const REFERS_TO: Readonly<Record<string, "lines" | "indicators" | "targets" | "items">> = { indicator: "indicators", target: "targets", linked_item: "items" };

/**
 * The codes of what the document names `name` among `of` (the lines; the indicators; the targets;
 * the items, however deep, not the lines), as written there.
 */
export function codesNamed(data: unknown, name: string, of: "lines" | "indicators" | "targets" | "items"): string[] {
  const wanted = name.normalize("NFKC").trim();
  if (wanted === "") return [];
  const named = (v: unknown): string | undefined => {
    if (v === null || typeof v !== "object") return undefined;
    const o = v as Record<string, unknown>;
    return typeof o.code === "string" && typeof o.name === "string" && o.name.normalize("NFKC").trim() === wanted ? o.code : undefined;
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  if (of !== "items") return list(valueAt(data, [of])).flatMap((x) => named(x) ?? []);
  const found: string[] = [];
  const visit = (items: unknown, depth: number): void => {
    if (depth > 8) return;
    for (const item of list(items)) {
      const code = named(item);
      if (code !== undefined) found.push(code);
      if (item && typeof item === "object") visit((item as Record<string, unknown>).items, depth + 1);
    }
  };
  for (const line of list(valueAt(data, ["lines"]))) if (line && typeof line === "object") visit((line as Record<string, unknown>).items, 0);
  return found;
}

/** The value at a path of the parsed document, if any. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/**
 * The groups a `group` may name, as id(name), from the document itself: those of the unit kind
 * beside it (a ranking's unit_kind), or of every kind where that is not to be found.
 */
function groupsNear(data: unknown, path: readonly (string | number)[]): string[] {
  const holder = valueAt(data, path.slice(0, -1));
  const kind = holder && typeof holder === "object" && "unit_kind" in holder ? (holder as { unit_kind: unknown }).unit_kind : undefined;
  const kinds = valueAt(data, ["unit_kinds"]);
  if (!Array.isArray(kinds)) return [];
  const objects = kinds.filter((k): k is Record<string, unknown> => k !== null && typeof k === "object");
  const own = objects.filter((k) => k.id === kind);
  return (own.length ? own : objects).flatMap((k) => (Array.isArray(k.groups) ? k.groups : [])).flatMap((g: unknown) => {
    if (!g || typeof g !== "object" || !("id" in g)) return [];
    const { id, name } = g as { id: unknown; name?: unknown };
    return [`${String(id)}${name !== undefined ? `(${String(name)})` : ""}`];
  });
}

/**
 * A quota as the 办法 may type it, read: a share with a space or a full-width sign (30 %, 30％), a
 * count with its measure word (3个, 3 名). Undefined where it is neither.
 */
function quotaWritten(value: string): string | undefined {
  // (And as a sentence of the 办法 puts it: 不超过30%, 20%以内, 前3名, 百分之三十, 30%。)
  const v = value
    .replace(/[\s\u3000]+/g, "")
    .replace(/％/g, "%")
    .replace(/^(?:不超过|不高于|不多于|最多|至多|前)/, "")
    .replace(/(?:以内|以下|为限)?[。.]?$/, "")
    .replace(/^百分之([一二三四五六七八九十]+)$/, (all, n: string) => {
      const share = chineseNumber(n);
      return share === undefined ? all : `${share}%`;
    });
  const share = /^(\d+(?:\.\d+)?)%$/.exec(v);
  if (share && Number(share[1]) > 0 && Number(share[1]) <= 100) return `${share[1]}%`;
  const count = /^(\d+)(个单位|个|名|家|位|人)?$/.exec(v);
  if (count && Number(count[1]) > 0 && (count[2] !== undefined || v !== value)) return count[1];
  return undefined;
}

/** A number written with its thousands commas (100,000, -1,500.5, 1,000%): the number without them; undefined for any other text. */
function withoutThousands(text: string): string | undefined {
  const m = /^([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?)(%?)$/.exec(text);
  return m?.[1] === undefined ? undefined : `${m[1].replaceAll(",", "")}${m[2] ?? ""}`;
}

/** A rubric id as it may be written: lower case, words joined by -, only letters, digits and -. */
function asRubricId(written: string): string {
  const id = written
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_.]+/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id === "" ? "my-scheme" : id;
}

/**
 * A date not written YYYY-MM-DD (2026/1/1, 2026年1月1日, 2026-1-1, 20260101): said with the date
 * it reads as, to write instead, where it is a day of the calendar; else the format alone.
 */
function dateAs(err: (code: string, data: Record<string, string>) => Diagnostic, written: string): Diagnostic {
  const t = written.normalize("NFKC").trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d) {
      return err("rubric.bad-format-date-as", { date: `${String(y)}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` });
    }
  }
  return err("rubric.bad-format-date", {});
}

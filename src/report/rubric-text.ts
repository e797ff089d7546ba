// A rubric in words, for `assess rubric show` (its whole tree: every item's rule with its
// parameters, indicators, the ledger and its caps, every ranking and what it decides) and for
// `assess rubric diff` (each change, and what it affects), in the reader's language.
import type { Indicator, Item, Measure, MeasuredItem, Rubric, Target, TargetSpec, UnitKind } from "../rubric/model.js";
import { allItems, DEFAULT_VETO, isMeasured } from "../rubric/model.js";
import { rankKey } from "../rubric/plan.js";
import { diffRubrics, gradeBandText, itemHasAwards, itemHasPrizes, vetoText, yellowWhen, type Change, type Words } from "../rubric/diff.js";
import { formatAmount, formatMeasure, formatPoints, formatRate } from "../model/numbers.js";
import { message, type Lang } from "../messages/index.js";
import { reportTitleTemplate } from "./september/model.js";

/** The rubric's own terms in a language (item kinds, directions, units…). */
export function rubricWords(lang: Lang): Words {
  return (key, data = {}) => message(lang, `word.${key}`, data);
}

function displayOf(r: Rubric, code: string): string {
  return r.indicators.find((i) => i.code === code)?.display ?? r.targets.find((t) => t.code === code)?.display ?? "%";
}

function target(spec: TargetSpec | undefined, display: string): string {
  if (!spec) return "";
  return "ref" in spec ? spec.ref : formatMeasure(spec.value, display);
}

/** An item's rule with its numbers: what `rubric show` prints beside it. */
export function ruleText(r: Rubric, item: Item, lang: Lang, kind?: UnitKind): string {
  const t = (code: string, data: Record<string, string | number> = {}): string => message(lang, code, data);
  if (item.kind === "group") return t("show.kind.group");
  if (!isMeasured(item)) return t(`show.kind.${item.kind}`, { step: formatPoints(item.step) });
  const m: MeasuredItem = item;
  const d = displayOf(r, m.indicator);
  const lower = r.indicators.find((i) => i.code === m.indicator)?.direction === "lower";
  const data = {
    indicator: m.indicator,
    op: lower ? "≤" : "≥",
    target: target(m.target, d),
    floor: target(m.floor, d),
    per: m.per === undefined ? "" : d === "%" ? t("show.pp", { n: formatPoints(m.per) }) : formatMeasure(m.per, d),
    deduct: formatPoints(m.deduct ?? 0),
    step: formatPoints(m.step ?? 0),
    // A percentage is higher or lower (每低 1 个百分点); a count or an amount more or less (每多 1起).
    short: t(d === "%" ? (lower ? "show.higher-by" : "show.lower-by") : lower ? "show.more-by" : "show.less-by"),
    bands: (m.bands ?? []).map((b) => t("show.band", { op: lower ? "≤" : "≥", from: formatMeasure(b.from, d), gets: b.share !== undefined ? formatRate(b.share) : t("show.points", { points: formatPoints(b.points ?? 0) }) })).join(t("word.sep")),
    vetoed: m.includeVetoed ? t("show.with-vetoed") : t("show.without-vetoed"),
    whole: m.wholeSteps ? t("show.whole-steps") : "",
    best: t(lower ? "show.best-lowest" : "show.best-highest"),
    // Relative kinds compare a unit with the others of its group, or of its kind where it has none.
    among: kind && (kind.groups.length === 0 || m.acrossGroups === true) ? t("show.among-kind", { kind: kind.name }) : t("show.among-group"),
  };
  // A gate of no points (max 0) gives none: met, it passes; not met, it vetoes.
  // A fixed ratio target of 0 or less leaves no ratio to take: all or nothing, said as a threshold is.
  const allOrNothing = m.kind === "ratio" && "value" in m.target && m.target.value <= 0;
  const rule = allOrNothing
    ? t("show.kind.ratio-none", data)
    : t(`show.kind.${m.kind}${m.kind === "ratio" && lower ? "-lower" : ""}${m.kind === "gate" && m.veto?.gradeOnly ? "-grade" : ""}${m.kind === "gate" && m.max === 0 ? "-no-points" : ""}`, data);
  // A gate's veto said as it acts, written or not (by default the unit is not ranked).
  const veto = m.kind === "gate" ? (m.veto ?? DEFAULT_VETO) : m.veto;
  return veto ? t("show.with-veto", { rule, veto: vetoText(veto, rubricWords(lang), itemHasPrizes(r, m), itemHasAwards(r, m)) }) : rule;
}

function measureText(r: Rubric, value: Measure, code: string): string {
  return formatMeasure(value, displayOf(r, code));
}

/** `assess rubric show`: the whole rubric, as a tree and lists. */
export function rubricTree(r: Rubric, lang: Lang): string {
  const t = (code: string, data: Record<string, string | number> = {}): string => message(lang, code, data);
  const w = rubricWords(lang);
  const out: string[] = [`${r.title}  [${r.id} ${r.version}, ${r.effective}]`];
  out.push(t("show.report", { title: reportTitleTemplate(lang, r), name: r.report.name ?? message(lang, "report.subtitle"), issuer: r.report.issuer ?? "{district}" }));
  for (const k of r.unitKinds) {
    const lines = r.lines.filter((l) => k.lines.includes(l.code));
    const sum = lines.map((l) => (k.weights ? `${l.code} ${formatPoints(l.max)}×${formatRate(k.weights[l.code] ?? 0)}` : `${l.code} ${formatPoints(l.max)}`)).join(" + ");
    out.push("", `${k.name} (${k.id}): ${sum} = ${formatPoints(k.scale)}`);
    if (k.groups.length) out.push(`  ${t("show.groups", { groups: k.groups.map((g) => `${g.name} [${g.labels.join("、")}]`).join(t("word.sep")) })}`);
    for (const line of lines) {
      out.push(`  ${line.code} ${line.name}  ${formatPoints(line.max)}  [${t("show.sheet", { sheet: line.sheet })}]`);
      const walk = (items: readonly Item[], depth: number): void => {
        for (const it of items) {
          out.push(`${"  ".repeat(depth)}${it.code} ${it.name}  ${formatPoints(it.max)}  ${ruleText(r, it, lang, k)}`);
          if (it.kind === "group") walk(it.children, depth + 1);
        }
      };
      walk(line.items, 2);
    }
  }
  // (A scheme without indicators or targets, all its items judged: no heading over nothing.)
  if (r.indicators.length || r.targets.length) out.push("", t("show.indicators"));
  // The bounds a workbook's value is held to, where the rubric sets them (else the reader's: 0 to 100%, or from 0).
  const bounds = (m: Indicator | Target): string => {
    if (m.min === undefined && m.max === undefined) return "";
    const max = m.max ?? (m.unit === "percent" ? 10000 : undefined);
    const min = measureText(r, m.min ?? 0, m.code);
    return max === undefined ? t("show.bounds-min", { min }) : t("show.bounds", { min, max: measureText(r, max, m.code) });
  };
  // Punctuated in the reader's language: 金额(万元),越高越好 / amount (万元), higher is better.
  const comma = t("show.comma");
  const unitOf = (m: Indicator | Target): string => `${w(`unit.${m.unit}`)}${m.display !== "%" ? t("show.display", { display: m.display }) : ""}`;
  for (const i of r.indicators) out.push(`  ${i.code} ${i.name}  ${unitOf(i)}${i.whole ? `${comma}${w("whole")}` : ""}${comma}${w(`direction.${i.direction}`)}${bounds(i)}`);
  // A target says its unit as an indicator does (金额(万元)).
  for (const g of r.targets) out.push(`  ${g.code} ${g.name}  ${unitOf(g)}${bounds(g)}${g.default !== undefined ? t("show.default", { value: formatMeasure(g.default, g.display) }) : ""}`);
  out.push("", t("show.ledger"));
  // A scheme without a ledger: said so, not its default statuses for rows it has none of.
  if (!r.ledger.length) out.push(`  ${t("show.ledger-none")}`);
  else out.push(`  ${t("show.statuses", { counted: r.statuses.counted.join("、"), pending: r.statuses.pending.join("、") || "—", rejected: r.statuses.rejected.join("、") || "—" })}`);
  for (const c of r.ledger) {
    let pts = "";
    if (c.points !== undefined) pts = `${c.kind === "deduction" ? "−" : "+"}${formatPoints(c.points)}`;
    else if (c.range) {
      // A range of points each way: −0.5…−3 for a deduction (not −0.5…3, which reads as up to +3).
      const sign = c.kind === "deduction" ? "−" : "+";
      pts = `${sign}${formatPoints(c.range.min)}…${sign}${formatPoints(c.range.max)}`;
    }
    else if (c.levels) pts = Object.entries(c.levels).map(([k, v]) => (c.kind === "single" ? k : `${k} ${c.kind === "deduction" ? "−" : "+"}${formatPoints(v)}`)).join(t("list.items"));
    const notes = [
      c.oncePerYear ? t("show.once-per-year") : "",
      c.doubleWhenFlagged ? t("show.doubled", { yes: r.flaggedWords.yes[0] ?? "" }) : "",
      c.cap !== undefined ? t("show.cap", { cap: formatPoints(c.cap) }) : "",
      c.kind === "single" ? "" : t("show.charge", { to: c.charge === "total" ? w("charge.total") : "line" in c.charge ? c.charge.line : c.charge.item }),
      // Joined in the reader's language here: a kind's own name may hold a 、 (镇、街道).
      t("show.for", { kinds: c.unitKinds.map((id) => r.unitKinds.find((k) => k.id === id)?.name ?? id).join(t("list.items")) }),
    ].filter(Boolean);
    out.push(`  ${c.code} ${c.name}  ${pts}  ${t("show.notes", { notes: notes.join(comma) })}`);
  }
  for (const cap of r.caps) out.push(`  ${cap.kind ? t(`show.all-cap-${cap.kind}`, { cap: formatPoints(cap.max) }) : t("show.group-cap", { codes: cap.codes.join("、"), cap: formatPoints(cap.max) })}`);
  out.push("", t("show.rankings"));
  for (const k of r.rankings) {
    const kind = r.unitKinds.find((x) => x.id === k.unitKind);
    const group = k.group ? kind?.groups.find((g) => g.id === k.group)?.name : undefined;
    const by = k.by === "total" ? w("by.total") : k.by;
    out.push(`  ${t("show.ranking", { name: k.name, kind: group ?? kind?.name ?? k.unitKind, by, ties: k.tieBreakers.length ? t(k.tieBreakers.length > 1 ? "show.tie-breakers" : "show.tie-breaker", { keys: k.tieBreakers.map((x) => (x === "total" ? w("by.total") : [x, rankKey(r, k.unitKind, x)?.name ?? ""].join(" ").trim())).join(t("list.items")) }) : "" })}`);
    for (const tier of k.tiers) out.push(`    ${tier.name}: ${tier.from === tier.to ? t("show.rank", { rank: tier.from }) : t("show.ranks", { from: tier.from, to: tier.to })}${tier.amount !== undefined ? t("show.amount", { amount: formatAmount(tier.amount) }) : ""}`);
    if (k.grades) {
      const grades = k.grades;
      const bands = grades.bands.map((g) => gradeBandText(g, grades, w));
      const listed = [...bands, ...(k.grades.otherwise ? [k.grades.otherwise] : [])].join(w("sep"));
      // How ties at a quota's cut are settled, only where a band has a quota (no cut, nothing to settle).
      const quota = k.grades.bands.some((g) => g.quotaShare !== undefined || g.quotaCount !== undefined);
      out.push(`    ${quota ? t("show.grades", { bands: listed, ties: w(`ties.${k.grades.ties}`) }) : t("show.grades-no-quota", { bands: listed })}`);
    }
    // The linked item said only where a count makes it decide who wins (without one, every claimant does).
    for (const s of k.single) out.push(`    ${w("single", { code: s.code, name: s.name, amount: s.amount !== undefined ? w("tier-amount", { amount: formatAmount(s.amount) }) : "", count: s.count !== undefined ? w("count", { count: s.count }) : "", linked: s.linkedItem && s.count !== undefined ? w("linked", { item: s.linkedItem }) : "" })}`);
    const yc = k.yellowCard;
    if (yc) out.push(`    ${w("yellow", { name: yc.name, when: yellowWhen(k, yc, w) })}`);
  }
  if (r.levelOrder.length) out.push("", t("show.level-order", { levels: r.levelOrder.join(" > ") }));
  return out.join("\n") + "\n";
}

/** `assess rubric diff`: one line per change, saying what it affects. */
export function diffLines(a: Rubric, b: Rubric, lang: Lang): { changes: Change[]; lines: string[] } {
  const t = (code: string, data: Record<string, string | number> = {}): string => message(lang, code, data);
  const changes = diffRubrics(a, b, rubricWords(lang));
  const sign = { added: "+", removed: "−", changed: "~" } as const;
  // Unit kinds and rankings by their names (their ids are the rubric's own words, said only where
  // two of either version share a name: 排名 综合排名(overall)).
  const named = (area: string, code: string): string => {
    // A cap on a kind of row by the kind's word (加分), not the rubric's (bonus).
    if (area === "cap" && (code === "bonus" || code === "deduction")) return t(`word.ledger-kind.${code}`);
    const all = area === "ranking" ? [...b.rankings, ...a.rankings] : area === "unit-kind" ? [...b.unitKinds, ...a.unitKinds] : [];
    const name = all.find((x) => x.id === code)?.name;
    if (!name || name === code) return code;
    return all.some((x) => x.name === name && x.id !== code) ? t("diff.named", { name, code }) : name;
  };
  // A line, an item, an indicator, a target or a ledger code by its code and name (项目 SH4 基本医疗保险参保).
  const nameOf = (area: string, code: string): string | undefined => {
    const find = (r: Rubric): string | undefined => {
      if (area === "line") return r.lines.find((l) => l.code === code)?.name;
      if (area === "item") return r.lines.flatMap((l) => allItems(l.items)).find((i) => i.code === code)?.name;
      if (area === "indicator") return r.indicators.find((i) => i.code === code)?.name;
      if (area === "target") return r.targets.find((x) => x.code === code)?.name;
      if (area === "ledger") return r.ledger.find((x) => x.code === code)?.name;
      return undefined;
    };
    return find(b) ?? find(a);
  };
  const lines = changes.map((c) => {
    // (A change of the name itself says both: not the new one beside the code again.)
    const name = c.kind === "changed" && c.field !== "name" ? nameOf(c.area, c.code) : undefined;
    const what = `${t(`diff.area.${c.area}`)}${c.code ? ` ${named(c.area, c.code)}` : ""}${name !== undefined && name !== c.code ? ` ${name}` : ""}`;
    // Added or removed where the workbook holds it: its filling and checks change too.
    const effect = c.workbook && c.effect !== "validation" ? `${t(`diff.effect.${c.effect}`)}${t("list.parts")}${t("diff.effect.validation")}` : t(`diff.effect.${c.effect}`);
    if (c.kind !== "changed") {
      // Said by its name and max (or cap), as the other side has no line of it to read them in.
      // A ranking or a unit kind is named already (排名 综合排名(overall)).
      const name = c.about?.name !== undefined && c.about.name !== c.code && c.area !== "ranking" && c.area !== "unit-kind" ? c.about.name : undefined;
      const field = c.about?.field !== undefined ? t(`diff.field.${c.about.field}`) : undefined;
      const reads = c.about?.reads;
      const about = field !== undefined ? (reads && name !== undefined ? t("diff.about-named-reads", { name, field, value: c.about?.value ?? "", kind: reads.kind, indicator: reads.indicator }) : t(name !== undefined ? "diff.about-named" : "diff.about", { name: name ?? "", field, value: c.about?.value ?? "" })) : name !== undefined ? ` ${name}` : "";
      // What to change in last year's workbook, where it holds the code: a column's heading, or the ledger's rows.
      const held = c.area === "ledger" ? "-ledger" : c.area === "item" || c.area === "indicator" || c.area === "target" ? "" : "-other";
      const same = c.sameName !== undefined ? t(c.kind === "added" ? `diff.same-name-removed${held}` : "diff.same-name-added", { code: c.sameName }) : "";
      // A ranking added or removed: what it gives, a line each (名次奖, 等次…), as a changed one's are said.
      const given = (c.gives ?? []).map((g) => `\n    ${t(`diff.field.${g.field}`)}: ${g.value}`).join("");
      return `${sign[c.kind]} ${t(`diff.${c.kind}`, { what })}${about}${same}  [${effect}]${given}`;
    }
    const [old, now] = PARTED.has(c.field ?? "") && c.old !== undefined && c.new !== undefined ? changedParts(c.old, c.new, t("word.sep")) : [c.old, c.new];
    // A combined cap's one field is the cap it is (合计上限 加分: 5 → 6, not 加分 上限 again).
    const field = c.area === "cap" && c.field === "cap" ? "" : ` ${t(`diff.field.${c.field ?? ""}`)}`;
    return `${sign.changed} ${what}${field}: ${old ?? t("diff.none-value")} → ${now ?? t("diff.none-value")}  [${effect}]`;
  });
  return { changes, lines };
}

/** Fields that list named parts (each tier, each grade): a change names the parts that changed, not the whole list twice. */
const PARTED: ReadonlySet<string> = new Set(["tiers", "grades", "single"]);

/**
 * Of two lists, the parts of each the other has not (良好 ≥ 80 → 良好 ≥ 85; a tier added: (无) →
 * 三等奖 第 4–5 名), in their order; undefined for a side with none.
 */
function changedParts(old: string, now: string, sep: string): [string | undefined, string | undefined] {
  const a = old.split(sep);
  const b = now.split(sep);
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  return [onlyA.length ? onlyA.join(sep) : undefined, onlyB.length ? onlyB.join(sep) : undefined];
}

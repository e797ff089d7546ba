// Writes our sheets as a workbook: added to the user's own package where that is safe, else in a
// package of our own. Adding edits the parsed parts at the places the parser found: the sheet list,
// print titles and the tab the workbook opens on (workbook part), its relationships, the content
// types and the styles (ours appended). Every other entry is copied byte for byte, but for the
// selected-tab flag of a user's sheet, which must go when the workbook opens on one of ours (two
// selected tabs would open grouped in Excel). Sheets of an earlier run are replaced, not kept.
import { readEntry } from "../read/entry.js";
import { findWorkbookPart } from "../read/package.js";
import { relsPartOf, resolveTarget } from "../read/part.js";
import { findEntry, type Pkg, type ZipEntry } from "../read/zip.js";
import { XlsxFailure } from "../fail.js";
import { escapeXml } from "../escape.js";
import { CT_EXTENDED_PROPERTIES, CT_RELATIONSHIPS, CT_STYLES, CT_WORKBOOK, CT_WORKSHEET, NS_CONTENT_TYPES, NS_MAIN, NS_PKG_REL, NS_REL, NS_STRICT_MAIN, REL_EXTENDED_PROPERTIES, REL_OFFICE_DOCUMENT, REL_STYLES, REL_WORKSHEET } from "../ns.js";
import { attribute, childNamed, childrenNamed, Edits, elementNamespace, parseTree, prefixIn, type XmlElement } from "../tree.js";
import { XmlError } from "../text.js";
import { appendStyles, type CellStyle } from "./styles.js";
import { printTitlesName, uniqueSheetName, type PrintTitles } from "./sheet-names.js";
import type { ZipWriter } from "./zip-writer.js";
import { worksheetXml, type Worksheet } from "./worksheet.js";
import type { SheetDeflater } from "../codec.js";

export interface PackageSheet {
  readonly name: string;
  readonly printTitles?: PrintTitles;
  /** The workbook opens on this sheet. */
  readonly active?: boolean;
  /** The sheet, given the cell-format index of each style asked for. */
  readonly worksheet: (styleIds: readonly number[]) => Worksheet;
  /** The part written already (ahead, on the second thread), if it was with these style ids. */
  readonly written?: (styleIds: readonly number[]) => Promise<DeflatedPart> | undefined;
}

/** A part's raw deflate stream, in pieces, with the CRC-32 and size of what it holds. */
export interface DeflatedPart {
  readonly pieces: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

export interface SheetsToWrite {
  readonly sheets: readonly PackageSheet[];
  /** The cell styles the sheets use, in the order their ids are handed to worksheet(). */
  readonly styles: readonly CellStyle[];
  /** Written on the host's second thread, where it has one (a province's sheets). */
  readonly offload?: SheetDeflater;
}

/**
 * Gives a sheet to the second thread and waits until its rows are all handed over (or it failed),
 * not until it is written: the next sheet may follow at once (that thread takes them in order).
 * Gives its end, for the caller to await (a failure before then is the caller's to report).
 */
export async function handOver(offload: SheetDeflater, ws: Worksheet, emit: (data: Uint8Array) => void, ahead = false): Promise<{ readonly done: Promise<{ crc: number; size: number }> }> {
  let handed: () => void = () => undefined;
  const allHanded = new Promise<void>((resolve) => (handed = resolve));
  const done = offload.deflate(ws, emit, { ahead, handed });
  done.catch(() => undefined);
  await Promise.race([allHanded, done.then(() => undefined, () => undefined)]);
  return { done };
}

/**
 * The sheet parts, in order: as written ahead, or written and compressed on the second thread
 * where there is one, else here. On the second thread, a sheet's rows are handed over as soon as
 * the sheet before has handed over its own, not once it is written: that thread goes from one
 * sheet to the next without waiting while this one measures the next sheet's columns, and this one
 * makes rows while that one writes the last of the sheet before. A sheet's compressed pieces wait
 * here until the zip comes to its entry.
 */
async function addSheets(zip: ZipWriter, parts: readonly { readonly part: string; readonly sheet: PackageSheet }[], ids: readonly number[], offload: SheetDeflater | undefined): Promise<void> {
  let before: Promise<void> = Promise.resolve();
  for (const { part, sheet } of parts) {
    const written = sheet.written?.(ids);
    if (written) {
      before = before.then(() =>
        zip.addDeflated(part, async (emit) => {
          const d = await written;
          for (const piece of d.pieces) emit(piece);
          return d;
        }),
      );
      // Its failure (a full disk) is awaited at the end, not left unhandled while the next is handed over.
      before.catch(() => undefined);
      continue;
    }
    const ws = sheet.worksheet(ids);
    if (!offload) {
      await before;
      await zip.add(part, worksheetXml(ws));
      continue;
    }
    const waiting: Uint8Array[] = [];
    let emitted: ((data: Uint8Array) => void) | undefined;
    // Awaited when the zip comes to it; a failure before then is that entry's to report.
    const { done } = await handOver(offload, ws, (data) => (emitted ? emitted(data) : waiting.push(data)));
    before = before.then(() =>
      zip.addDeflated(part, (emit) => {
        for (const piece of waiting.splice(0)) emit(piece);
        emitted = emit;
        return done;
      }),
    );
    before.catch(() => undefined);
  }
  await before;
}

/**
 * The cell-format ids our styles get in the workbook written from pkg (appended to the user's where
 * the package can be extended, else in a package of our own): what sheets written ahead use.
 */
export async function styleIdsFor(pkg: Pkg | undefined, styles: readonly CellStyle[], earlier: (sheet: string) => boolean): Promise<readonly number[]> {
  const plan = pkg ? await planExtension(pkg, { sheets: [], styles }, earlier) : "unreadable";
  return typeof plan === "string" ? appendStyles(undefined, styles).ids : plan.styleIds;
}

/** Why a package is not extended (the results are then written alone). */
export type NotExtended = "zip64" | "layout" | "strict" | "macro" | "unreadable";

export interface ExtensionPlan {
  readonly pkg: Pkg;
  /** Entries replaced by new bytes (or added, when the package had none by that name). */
  readonly patched: ReadonlyMap<string, Uint8Array>;
  readonly removed: ReadonlySet<string>;
  readonly parts: readonly { part: string; sheet: PackageSheet }[];
  readonly styleIds: readonly number[];
  readonly offload?: SheetDeflater;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Elements that may follow <definedNames> in a workbook part (CT_Workbook's order). */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
/** Elements that may follow <bookViews>. */
const AFTER_BOOK_VIEWS = ["sheets", ...["functionGroups", "externalReferences", "definedNames"], ...AFTER_DEFINED_NAMES];

async function partTree(pkg: Pkg, entry: ZipEntry): Promise<{ bytes: Uint8Array; root: XmlElement }> {
  return parseTree(await readEntry(pkg.zip, entry, pkg.codec));
}

/** The part a relationships part belongs to: xl/worksheets/_rels/sheet9.xml.rels → xl/worksheets/sheet9.xml. */
function sourceOfRels(rels: string): string {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/i.exec(rels);
  return m ? `${m[1] ?? ""}${m[2] ?? ""}` : rels;
}

/**
 * With the sheets of an earlier run removed (`sheets`, their parts), the parts that were theirs
 * alone go too — their comments (a note typed by hand into a ranking), drawings, charts, images —
 * where no part kept refers to them: left in the package, a note deleted with its sheet still
 * went out inside the file. Adds each to `removed`, with its relationships part.
 */
async function removeWithSheets(pkg: Pkg, sheets: readonly string[], removed: Set<string>): Promise<void> {
  if (!sheets.length) return;
  const { zip } = pkg;
  // Every relationships part's internal targets; and, for each target, the parts referring to it.
  const targetsOf = new Map<string, string[]>();
  const referrers = new Map<string, string[]>();
  for (const entry of zip.entries.values()) {
    if (!/\.rels$/i.test(entry.name)) continue;
    // One that cannot be read may refer to anything: nothing more is taken out (the package is
    // written as it was before, the earlier sheets' own parts alone removed).
    let root: XmlElement;
    try {
      root = (await partTree(pkg, entry)).root;
    } catch {
      return;
    }
    const source = sourceOfRels(entry.name);
    const targets = childrenNamed(root, "Relationship", NS_PKG_REL)
      .filter((r) => attribute(r, "TargetMode")?.value !== "External")
      .map((r) => findEntry(zip, resolveTarget(source, attribute(r, "Target")?.value ?? ""))?.name)
      .filter((t): t is string => t !== undefined);
    targetsOf.set(entry.name, targets);
    for (const t of targets) referrers.set(t, [...(referrers.get(t) ?? []), entry.name]);
  }
  const queue = [...sheets];
  for (let part = queue.pop(); part !== undefined; part = queue.pop()) {
    const rels = findEntry(zip, relsPartOf(part))?.name;
    if (rels === undefined) continue;
    removed.add(rels);
    for (const t of targetsOf.get(rels) ?? []) {
      if (removed.has(t) || (referrers.get(t) ?? []).some((r) => !removed.has(r))) continue;
      removed.add(t);
      queue.push(t);
    }
  }
}

/** The folder of a part: xl/workbook.xml → xl. */
function folderOf(part: string): string {
  return part.slice(0, Math.max(0, part.lastIndexOf("/")));
}

/**
 * Plans adding `add` to the package: every part to change is read, parsed and edited here, so
 * that writing cannot fail halfway for a reason found late. `earlier`: names of sheets of an
 * earlier run (replaced); `selected`: names of the user's sheets whose tab is selected.
 */
export async function planExtension(pkg: Pkg, add: SheetsToWrite, earlier: (sheet: string) => boolean, selected: readonly string[] = []): Promise<ExtensionPlan | NotExtended> {
  const { zip } = pkg;
  if (zip.zip64) return "zip64";
  if (!zip.plain) return "layout";
  try {
    const wbPart = await findWorkbookPart(pkg);
    const wbEntry = findEntry(zip, wbPart);
    const ctEntry = findEntry(zip, "[Content_Types].xml");
    if (!wbEntry || !ctEntry) return "layout";
    const types = await partTree(pkg, ctEntry);
    if (elementNamespace(types.root) !== NS_CONTENT_TYPES) return "layout";
    const wbType = childrenNamed(types.root, "Override", NS_CONTENT_TYPES).find((o) => attribute(o, "PartName")?.value.replace(/^\//, "").toLowerCase() === wbPart.toLowerCase());
    if (/macroEnabled/i.test(attribute(wbType ?? types.root, "ContentType")?.value ?? "")) return "macro";
    const wb = await partTree(pkg, wbEntry);
    const wbNs = elementNamespace(wb.root);
    if (wbNs === NS_STRICT_MAIN) return "strict";
    if (wbNs !== NS_MAIN || wb.root.local !== "workbook") return "layout";
    const sheetsEl = childNamed(wb.root, "sheets", NS_MAIN);
    if (!sheetsEl || sheetsEl.selfClosing) return "layout";
    const relsName = findEntry(zip, relsPartOf(wbPart))?.name ?? relsPartOf(wbPart);
    const relsEntry = findEntry(zip, relsName);
    const rels = relsEntry ? await partTree(pkg, relsEntry) : parseTree(new TextEncoder().encode(`${DECLARATION}<Relationships xmlns="${NS_PKG_REL}"></Relationships>`));
    if (elementNamespace(rels.root) !== NS_PKG_REL || rels.root.selfClosing) return "layout";
    // Macros linked though the package is not declared to hold them (a .xlsm's parts renamed, or
    // written by a script): held as one that is (they were carried into the result unsaid).
    if (childrenNamed(rels.root, "Relationship", NS_PKG_REL).some((r) => /\/vbaProject$/i.test(attribute(r, "Type")?.value ?? ""))) return "macro";

    const wbEdits = new Edits();
    const relEdits = new Edits();
    const typeEdits = new Edits();
    const patched = new Map<string, Uint8Array>();
    const removed = new Set<string>();
    // The parts of the earlier run's sheets removed, and the names of those the user had hidden.
    const gone: string[] = [];
    const hiddenBefore = new Set<string>();
    const relById = new Map(childrenNamed(rels.root, "Relationship", NS_PKG_REL).map((r) => [attribute(r, "Id")?.value ?? "", r]));
    const overrides = childrenNamed(types.root, "Override", NS_CONTENT_TYPES);
    // A workbook saved as a template (.xltx) is written as a workbook: Excel refuses an .xlsx whose
    // workbook part says it is a template.
    const wbTypeAttr = wbType ? attribute(wbType, "ContentType") : undefined;
    if (wbTypeAttr && /spreadsheetml\.template\.main\+xml$/i.test(wbTypeAttr.value)) typeEdits.replace(wbTypeAttr.start, wbTypeAttr.end, CT_WORKBOOK);

    // The user's sheets, and ours of an earlier run, which go.
    const sheetEls = childrenNamed(sheetsEl, "sheet", NS_MAIN);
    const keptIndex: (number | undefined)[] = [];
    const kept: { name: string; part: string | undefined }[] = [];
    // Ours go where the earlier run's first was: a sheet of the user's after them (领导批示) stays after them.
    let insertAt: number | undefined;
    let insertBefore: number | undefined;
    let maxSheetId = 0;
    for (const el of sheetEls) {
      const name = attribute(el, "name")?.value ?? "";
      maxSheetId = Math.max(maxSheetId, Number(attribute(el, "sheetId")?.value) || 0);
      const rel = relById.get(attribute(el, "id", NS_REL)?.value ?? "");
      const part = rel ? resolveTarget(wbPart, attribute(rel, "Target")?.value ?? "") : undefined;
      if (!earlier(name) || !rel || part === undefined) {
        if (insertAt !== undefined && insertBefore === undefined) insertBefore = el.start;
        keptIndex.push(kept.length);
        kept.push({ name, part });
        continue;
      }
      insertAt ??= kept.length;
      keptIndex.push(undefined);
      // Hidden by the user (a province's notes out of the way): ours of its name hidden again.
      const state = attribute(el, "state")?.value;
      if (state === "hidden" || state === "veryHidden") hiddenBefore.add(name.toLowerCase());
      wbEdits.remove(el.start, el.end);
      relEdits.remove(rel.start, rel.end);
      const entry = findEntry(zip, part);
      if (entry) removed.add(entry.name);
      const partRels = findEntry(zip, relsPartOf(part));
      if (partRels) removed.add(partRels.name);
      if (entry) gone.push(entry.name);
    }
    await removeWithSheets(pkg, gone, removed);

    // Excel's calculation chain names cells of the sheets removed (by their sheetId): a chain that
    // points at formulas no longer there is "repaired" away with a warning on opening. It is only
    // an order to work formulas out in, rebuilt whenever missing: it goes with them.
    if (removed.size) {
      for (const rel of relById.values()) {
        if (!attribute(rel, "Type")?.value.endsWith("/calcChain")) continue;
        const part = resolveTarget(wbPart, attribute(rel, "Target")?.value ?? "");
        relEdits.remove(rel.start, rel.end);
        const entry = findEntry(zip, part);
        if (entry) removed.add(entry.name);
      }
    }
    // Each part removed, out of the content types (a writer may list a relationships part too).
    const removedNames = new Set([...removed].map((n) => n.toLowerCase()));
    for (const o of overrides) if (removedNames.has(attribute(o, "PartName")?.value.replace(/^\//, "").toLowerCase() ?? "")) typeEdits.remove(o.start, o.end);

    // Print titles and other sheet-local names follow their sheet's new place; those of removed sheets go.
    const namesEl = childNamed(wb.root, "definedNames", NS_MAIN);
    const at = insertAt ?? kept.length;
    for (const dn of namesEl ? childrenNamed(namesEl, "definedName", NS_MAIN) : []) {
      const local = attribute(dn, "localSheetId");
      if (!local) continue;
      const was = keptIndex[Number(local.value)];
      const to = was !== undefined && was >= at ? was + add.sheets.length : was;
      if (to === undefined) wbEdits.remove(dn.start, dn.end);
      else if (to !== Number(local.value)) wbEdits.replace(local.start, local.end, String(to));
    }

    // Our sheets: new part names, relationship ids, sheet ids and names.
    const dir = folderOf(wbPart);
    const inDir = (rel: string): string => (dir ? `${dir}/${rel}` : rel);
    let partNo = 0;
    for (const name of zip.entries.keys()) {
      if (removed.has(name)) continue;
      const m = /sheet(\d+)\.xml$/i.exec(name);
      if (m && name.toLowerCase().startsWith(inDir("worksheets/").toLowerCase())) partNo = Math.max(partNo, Number(m[1]));
    }
    const taken = new Set(kept.map((s) => s.name.toLowerCase()));
    const usedIds = new Set(relById.keys());
    const p = prefixIn(sheetsEl, NS_MAIN) ?? "";
    const rp = prefixIn(sheetsEl, NS_REL);
    const relPrefix = prefixIn(rels.root, NS_PKG_REL) ?? "";
    const ctPrefix = prefixIn(types.root, NS_CONTENT_TYPES) ?? "";
    let sheetXml = "";
    let relXml = "";
    let typeXml = "";
    let names = "";
    let active: number | undefined;
    const parts = add.sheets.map((sheet, i) => {
      const name = uniqueSheetName(sheet.name, taken);
      // sheetN.xml: some readers (exceljs) drop worksheet parts named otherwise.
      const rel = `worksheets/sheet${++partNo}.xml`;
      const part = inDir(rel);
      let rid = `rIdAssess${i + 1}`;
      for (let k = 2; usedIds.has(rid); k++) rid = `rIdAssess${i + 1}_${k}`;
      usedIds.add(rid);
      const idAttr = rp === undefined ? `xmlns:r="${NS_REL}" r:id="${rid}"` : `${rp}id="${rid}"`;
      // (Never the one it opens on: a workbook cannot open on a hidden sheet.)
      const hidden = hiddenBefore.has(name.toLowerCase()) && !(sheet.active && active === undefined);
      sheetXml += `<${p}sheet name="${escapeXml(name)}" sheetId="${++maxSheetId}"${hidden ? ' state="hidden"' : ""} ${idAttr}/>`;
      relXml += `<${relPrefix}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${escapeXml(rel)}"/>`;
      typeXml += `<${ctPrefix}Override PartName="/${escapeXml(part)}" ContentType="${CT_WORKSHEET}"/>`;
      if (sheet.printTitles) names += printTitlesName(p, name, at + i, sheet.printTitles);
      if (sheet.active && active === undefined) active = at + i;
      return { part, sheet: { ...sheet, name } };
    });
    wbEdits.insert(insertBefore ?? sheetsEl.closeStart, sheetXml);
    if (names) {
      if (namesEl && !namesEl.selfClosing) wbEdits.insert(namesEl.closeStart, names);
      else if (namesEl) wbEdits.replace(namesEl.start, namesEl.end, `<${p}definedNames>${names}</${p}definedNames>`);
      else wbEdits.insert(firstOf(wb.root, AFTER_DEFINED_NAMES) ?? wb.root.closeStart, `<${p}definedNames>${names}</${p}definedNames>`);
    }
    if (active !== undefined) openOn(wb.root, p, active, wbEdits);
    // The user's formulas that read sheets of the run replaced (=综合排名!G5) hold its figures: worked out again on opening.
    if (removed.size) recalcOnLoad(wb.root, p, wbEdits);
    relEdits.insert(rels.root.closeStart, relXml);
    typeEdits.insert(types.root.closeStart, typeXml);

    // Our styles, appended to the user's.
    const stylesRel = [...relById.values()].find((r) => attribute(r, "Type")?.value.endsWith("/styles"));
    const stylesPart = stylesRel ? resolveTarget(wbPart, attribute(stylesRel, "Target")?.value ?? "") : undefined;
    const stylesEntry = stylesPart !== undefined ? findEntry(zip, stylesPart) : undefined;
    const styled = appendStyles(stylesEntry ? await readEntry(zip, stylesEntry, pkg.codec) : undefined, add.styles);
    if (stylesEntry) patched.set(stylesEntry.name, styled.bytes);
    else {
      const part = inDir("styles.xml");
      patched.set(part, styled.bytes);
      relEdits.insert(rels.root.closeStart, `<${relPrefix}Relationship Id="rIdAssessStyles" Type="${REL_STYLES}" Target="styles.xml"/>`);
      typeEdits.insert(types.root.closeStart, `<${ctPrefix}Override PartName="/${escapeXml(part)}" ContentType="${CT_STYLES}"/>`);
    }

    // Only one tab may be selected when the workbook opens on ours.
    if (active !== undefined) {
      for (const s of kept) {
        if (!s.part || !selected.includes(s.name)) continue;
        const entry = findEntry(zip, s.part);
        if (entry) patched.set(entry.name, await unselect(pkg, entry));
      }
    }

    patched.set(wbEntry.name, wbEdits.apply(wb.bytes));
    patched.set(relsName, relEdits.apply(rels.bytes));
    patched.set(ctEntry.name, typeEdits.apply(types.bytes));
    return { pkg, patched, removed, parts, styleIds: styled.ids, ...(add.offload ? { offload: add.offload } : {}) };
  } catch (e) {
    if (e instanceof XlsxFailure || e instanceof XmlError) return "unreadable";
    throw e;
  }
}

/** Has the workbook worked out again when it is opened (its calculation properties' fullCalcOnLoad). */
function recalcOnLoad(root: XmlElement, p: string, edits: Edits): void {
  const calc = childNamed(root, "calcPr", NS_MAIN);
  if (!calc) {
    edits.insert(firstOf(root, AFTER_DEFINED_NAMES.slice(1)) ?? root.closeStart, `<${p}calcPr fullCalcOnLoad="1"/>`);
    return;
  }
  const flag = attribute(calc, "fullCalcOnLoad");
  if (!flag) edits.insert(calc.start + 1 + calc.name.length, ' fullCalcOnLoad="1"');
  else if (flag.value !== "1" && flag.value !== "true") edits.replace(flag.start, flag.end, "1");
}

/** The first child of el named one of `names`: where something that precedes them goes. */
function firstOf(el: XmlElement, names: readonly string[]): number | undefined {
  return el.children.find((c) => names.includes(c.local) && elementNamespace(c) === NS_MAIN)?.start;
}

/** Makes the workbook open on the sheet at `index` (and that tab visible in the tab bar). */
function openOn(root: XmlElement, p: string, index: number, edits: Edits): void {
  const views = childNamed(root, "bookViews", NS_MAIN);
  const view = views ? childNamed(views, "workbookView", NS_MAIN) : undefined;
  if (!views || !view) {
    if (views) edits.replace(views.start, views.end, `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>`);
    else edits.insert(firstOf(root, AFTER_BOOK_VIEWS) ?? root.closeStart, `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>`);
    return;
  }
  const tab = attribute(view, "activeTab");
  if (tab) edits.replace(tab.start, tab.end, String(index));
  else edits.insert(view.start + 1 + view.name.length, ` activeTab="${index}"`);
  const first = attribute(view, "firstSheet");
  if (first && Number(first.value) > index) edits.replace(first.start, first.end, String(index));
}

/** A user's sheet part with tabSelected taken off its views, every other byte as it was. */
async function unselect(pkg: Pkg, entry: ZipEntry): Promise<Uint8Array> {
  const raw = await readEntry(pkg.zip, entry, pkg.codec);
  const { bytes, root } = parseTree(raw);
  const edits = new Edits();
  const views = childNamed(root, "sheetViews", NS_MAIN);
  for (const v of views ? childrenNamed(views, "sheetView", NS_MAIN) : []) {
    const a = attribute(v, "tabSelected");
    // Written as the file writes booleans (1/0 or true/false).
    if (a && (a.value === "1" || a.value === "true")) edits.replace(a.start, a.end, a.value === "true" ? "false" : "0");
  }
  return edits.empty ? raw : edits.apply(bytes);
}

export async function writeExtension(zip: ZipWriter, plan: ExtensionPlan): Promise<void> {
  const written = new Set<string>();
  for (const e of plan.pkg.zip.list) {
    if (plan.removed.has(e.name)) continue;
    const patch = plan.patched.get(e.name);
    if (patch !== undefined) {
      await zip.add(e.name, [patch]);
      written.add(e.name);
    } else {
      zip.copy(plan.pkg.zip, e);
    }
  }
  for (const [name, bytes] of plan.patched) if (!written.has(name)) await zip.add(name, [bytes]);
  await addSheets(zip, plan.parts, plan.styleIds, plan.offload);
}

/** A workbook of our sheets alone, in our styles, opening on the active one. */
export async function writeNewPackage(zip: ZipWriter, add: SheetsToWrite, creator: string): Promise<void> {
  const { bytes: styles, ids } = appendStyles(undefined, add.styles);
  const names = new Set<string>();
  const sheets = add.sheets.map((s) => ({ ...s, name: uniqueSheetName(s.name, names) }));
  const overrides = sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_WORKSHEET}"/>`).join("");
  await zip.add("[Content_Types].xml", [
    `${DECLARATION}<Types xmlns="${NS_CONTENT_TYPES}">` +
      `<Default Extension="rels" ContentType="${CT_RELATIONSHIPS}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT_WORKBOOK}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT_EXTENDED_PROPERTIES}"/>` +
      overrides +
      "</Types>",
  ]);
  await zip.add("_rels/.rels", [
    `${DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_EXTENDED_PROPERTIES}" Target="docProps/app.xml"/>` +
      "</Relationships>",
  ]);
  await zip.add("docProps/app.xml", [
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(creator)}</Application></Properties>`,
  ]);
  const active = Math.max(0, sheets.findIndex((s) => s.active));
  const sheetEls = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const titles = sheets.map((s, i) => (s.printTitles ? printTitlesName("", s.name, i, s.printTitles) : "")).join("");
  await zip.add("xl/workbook.xml", [
    `${DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${sheetEls}</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ""}</workbook>`,
  ]);
  const rels = sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  await zip.add("xl/_rels/workbook.xml.rels", [
    `${DECLARATION}<Relationships xmlns="${NS_PKG_REL}">${rels}<Relationship Id="rId${sheets.length + 1}" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
  ]);
  await zip.add("xl/styles.xml", [styles]);
  await addSheets(
    zip,
    sheets.map((sheet, i) => ({ part: `xl/worksheets/sheet${i + 1}.xml`, sheet })),
    ids,
    add.offload,
  );
}


// Writes the result workbook of `assess score`: the user's workbook with our sheets added (every
// original part kept byte for byte), or, where the package cannot be extended safely, our
// sheets alone, in a package of our own — and says which.
import { closeSync, openSync, writeSync } from "node:fs";
import type { Results } from "../engine/model.js";
import { LANGS, message, type Lang } from "../messages/index.js";
import { sheetNamesOf } from "./write.js";
import { resultSheets } from "../report/result-sheets.js";
import { COMPACT_UNITS, sheetXml, WIDE } from "../report/sheet-xml.js";
import { planExtension, writeExtension, type NotExtended } from "../workbook/xlsx-write/extend.js";
import { writeNewPackage, type PackageSheet } from "../workbook/xlsx-write/new-package.js";
import { ZipWriter } from "../workbook/xlsx-write/zip-writer.js";

/** A workbook holding our provenance sheet (in either language): an earlier `assess score` result. */
export function isResultWorkbook(bytes: Uint8Array): boolean {
  const info = LANGS.map((l) => message(l, "out.sheet.info"));
  return sheetNamesOf(bytes).some((name) => info.includes(name));
}

export interface Written {
  /** Why the user's sheets were not carried; undefined when they were. */
  readonly notCarried?: NotExtended;
}

export async function writeResultFile(path: string, results: Results, lang: Lang, tool: string, input?: { bytes: Buffer; earlier: (sheet: string) => boolean }): Promise<Written> {
  const sheets: PackageSheet[] = resultSheets(results, lang, tool).map((spec) => ({
    name: spec.name,
    wide: spec.columns.length > WIDE,
    xml: (styles) => sheetXml(spec, styles, spec.frozenColumns ?? (spec.columns.length > 2 ? 2 : 1), results.units.length >= COMPACT_UNITS),
  }));
  const plan = input ? planExtension(input.bytes, sheets, input.earlier) : "unreadable";
  const fd = openSync(path, "wx");
  try {
    const zip = new ZipWriter((b) => {
      for (let done = 0; done < b.length; ) done += writeSync(fd, b, done, b.length - done);
    });
    if (typeof plan === "string") await writeNewPackage(zip, sheets, tool);
    else await writeExtension(zip, plan);
    zip.finish();
  } finally {
    closeSync(fd);
  }
  return typeof plan === "string" ? { notCarried: plan } : {};
}

// A results-only workbook package: our own styles (bold header with a fill, red for vetoed
// units), the sheets, and print titles; used when the user's package cannot be extended safely.
import type { ZipWriter } from "./zip-writer.js";
import { CT_WORKSHEET, REL_WORKSHEET, escapeAttr, printTitles } from "./patch.js";

/** Style ids a sheet may use: 0 is always the default. */
export interface SheetStyles {
  readonly header: number;
  readonly vetoed: number;
}

export const NO_STYLES: SheetStyles = { header: 0, vetoed: 0 };
export const RESULT_STYLES: SheetStyles = { header: 1, vetoed: 2 };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><sz val="11"/><color rgb="FFC00000"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

export interface PackageSheet {
  readonly name: string;
  /** Prints across pages with its first column repeated (see report/sheet-xml.ts). */
  readonly wide?: boolean;
  readonly xml: (styles: SheetStyles) => Iterable<string>;
}

export async function writeNewPackage(zip: ZipWriter, sheets: readonly PackageSheet[], creator: string): Promise<void> {
  const overrides = sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_WORKSHEET}"/>`).join("");
  await zip.add("[Content_Types].xml", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      overrides +
      "</Types>",
  ]);
  await zip.add("_rels/.rels", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      "</Relationships>",
  ]);
  await zip.add("docProps/app.xml", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      `<Application>${escapeAttr(creator)}</Application></Properties>`,
  ]);
  const sheetEls = sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const titles = sheets.map((s, i) => printTitles("", s.name, i, s.wide === true)).join("");
  await zip.add("xl/workbook.xml", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEls}</sheets><definedNames>${titles}</definedNames></workbook>`,
  ]);
  const rels = sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  await zip.add("xl/_rels/workbook.xml.rels", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rels +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  ]);
  await zip.add("xl/styles.xml", [STYLES]);
  for (const [i, s] of sheets.entries()) await zip.add(`xl/worksheets/sheet${i + 1}.xml`, s.xml(RESULT_STYLES));
}

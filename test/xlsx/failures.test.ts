// The file checks: every problem gives exactly one error Diagnostic with its catalog code, its data
// and its location, never an exception.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { catalog, placeholders } from "../../src/messages/index.js";
import { DEFAULT_LIMITS, type XlsxLimits } from "../../src/xlsx/read/index.js";
import { CONTENT_TYPES, ROOT_RELS, book, bookParts, oneSheet, readXlsx, worksheet, zipParts } from "./helpers.js";

const FILE = "考核.xlsx";
const ROW = '<row r="1"><c r="A1"><v>1</v></c></row>';
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function cfb(streamName?: string): Uint8Array {
  const buf = Buffer.alloc(4096);
  Buffer.from(CFB).copy(buf);
  if (streamName) Buffer.from(streamName, "utf16le").copy(buf, 1024);
  return new Uint8Array(buf);
}

async function only(bytes: Uint8Array, limits?: Partial<XlsxLimits>) {
  const r = await readXlsx(FILE, bytes, limits ? { limits: { ...DEFAULT_LIMITS, ...limits } } : {});
  expect(r.book).toBeUndefined();
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0]!;
  expect(d.severity).toBe("error");
  // The data carries exactly what the message's placeholders need, in both languages.
  const entry = catalog[d.code];
  expect(entry, d.code).toBeDefined();
  expect(Object.keys(d.data).sort()).toEqual(placeholders(entry!.en));
  return d;
}

function withPart(part: string, xml: string | Uint8Array): Uint8Array {
  const parts = bookParts({ sheets: [{ name: "S", xml: ROW }], sst: ["a"] });
  parts[part] = xml;
  return zipParts(parts);
}

const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

describe("file-level failures", () => {
  it.each([
    { case: "empty file", bytes: new Uint8Array(0), code: "xlsx.empty", data: {} },
    { case: "legacy .xls", bytes: cfb(), code: "xlsx.legacy-xls", data: {} },
    { case: "encrypted OOXML (EncryptionInfo)", bytes: cfb("EncryptionInfo"), code: "xlsx.encrypted", data: {} },
    { case: "encrypted OOXML (EncryptedPackage)", bytes: cfb("EncryptedPackage"), code: "xlsx.encrypted", data: {} },
    { case: "UTF-8 CSV", bytes: strToU8("姓名,得分\r\n张三,95\r\n"), code: "xlsx.text-file", data: {} },
    { case: "GBK CSV", bytes: new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xc3, 0xb7, 0xd6, 0x0a]), code: "xlsx.text-file", data: {} },
    { case: "TSV", bytes: strToU8("a\tb\n1\t2\n"), code: "xlsx.text-file", data: {} },
    // A line of words alone (a placeholder saved under the name): no table, so nothing of a CSV's one sheet said.
    { case: "a line of text", bytes: strToU8("hello"), code: "xlsx.plain-text-file", data: {} },
    { case: "a note in Chinese", bytes: strToU8("青山区2026年考核表(待填)\n"), code: "xlsx.plain-text-file", data: {} },
    // A PDF (the report printed, a scan), even one a text file would pass for: no text file to save again as .xlsx.
    { case: "a PDF", bytes: strToU8("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), code: "xlsx.pdf-file", data: {} },
    { case: "a PDF of plain text", bytes: strToU8("%PDF-1.4\nhello\n"), code: "xlsx.pdf-file", data: {} },
    { case: "a photo of the form (JPEG)", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), code: "xlsx.image-file", data: {} },
    { case: "a screenshot (PNG)", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), code: "xlsx.image-file", data: {} },
    { case: "JSON list", bytes: strToU8('[{"单位": "城关镇", "得分": 95}]'), code: "xlsx.json-file", data: {} },
    { case: "a CSV whose first cell is bracketed", bytes: strToU8("[注]说明,得分\n城关镇,95\n"), code: "xlsx.text-file", data: {} },
    { case: "a rubric given for the workbook", bytes: strToU8('%YAML 1.2\n---\n# 方案\nid: my-scheme\nversion: "2026.1"\ntitle: 考核办法\n'), code: "xlsx.rubric-file", data: {} },
    // The docs' page on writing one (docs/rubric.md), picked by mistake: no rubric to load, a text file.
    { case: "notes quoting a rubric in a code block", bytes: strToU8('# Writing a rubric\n\n```yaml\nid: my-scheme\nversion: "2026.1"\n```\n'), code: "xlsx.text-file", data: {} },
    { case: "other YAML", bytes: strToU8("name: x\nversion: 1\n"), code: "xlsx.text-file", data: {} },
    // A table another system exported as a web page or as Excel 2003's XML, named .xls: said as that (it may hold every sheet: not a CSV's words).
    { case: "HTML saved as .xls", bytes: strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>"), code: "xlsx.html-file", data: {} },
    { case: "a bare HTML table as .xls", bytes: strToU8("<table border=1><tr><td>城关镇</td></tr></table>"), code: "xlsx.html-file", data: {} },
    { case: "HTML saved as UTF-16", bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<html><body><table><tr><td>1</td></tr></table></body></html>", "utf16le")])), code: "xlsx.html-file", data: {} },
    { case: "a CSV with <table> in a cell", bytes: strToU8("单位,说明\n城关镇,<table>见附件\n"), code: "xlsx.text-file", data: {} },
    { case: "Excel 2003 XML", bytes: strToU8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), code: "xlsx.xml-spreadsheet", data: {} },
    { case: "UTF-16 text", bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\n", "utf16le")])), code: "xlsx.text-file", data: {} },
    { case: "other binary", bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0, 0]), code: "xlsx.not-zip", data: {} },
    { case: "a zip cut short", bytes: oneSheet(ROW).subarray(0, 300), code: "xlsx.truncated", data: {} },
    { case: "an ODS", bytes: zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }), code: "xlsx.ods", data: {} },
    { case: "a DOCX", bytes: zipOf({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>" }), code: "xlsx.docx", data: {} },
    { case: "a DOCX with its package rels", bytes: zipOf({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS.replace("xl/workbook.xml", "word/document.xml"), "word/document.xml": "<w:document xmlns:w=\"w\"/>" }), code: "xlsx.docx", data: {} },
    { case: "a PPTX", bytes: zipOf({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS.replace("xl/workbook.xml", "ppt/presentation.xml"), "ppt/presentation.xml": "<p:presentation xmlns:p=\"p\"/>" }), code: "xlsx.not-xlsx", data: {} },
    { case: "an XLSB with its package rels", bytes: zipOf({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS.replace("workbook.xml", "workbook.bin"), "xl/workbook.bin": "\u0083" }), code: "xlsx.xlsb", data: {} },
    { case: "an XLSB", bytes: zipOf({ "[Content_Types].xml": CONTENT_TYPES, "xl/workbook.bin": "\u0083\u0001" }), code: "xlsx.xlsb", data: {} },
    { case: "some other zip", bytes: zipOf({ "readme.txt": "hello" }), code: "xlsx.not-xlsx", data: {} },
    { case: "no [Content_Types].xml", bytes: zipParts(bookParts({ sheets: [{ name: "S", xml: ROW }], omit: ["[Content_Types].xml"] })), code: "xlsx.not-xlsx", data: {} },
    { case: "zero sheets", bytes: book({ sheets: [] }), code: "xlsx.no-sheets", data: {} },
    { case: "a sheet part missing", bytes: book({ sheets: [{ name: "S", xml: ROW, entry: "xl/worksheets/elsewhere.xml" }] }), code: "xlsx.missing-part", data: { entry: "xl/worksheets/sheet1.xml" } },
  ])("$case → $code", async ({ bytes, code, data }) => {
    expect((await only(bytes))).toEqual({ code, severity: "error", data, location: { file: FILE } });
  });

  it("too large → xlsx.too-large with size and limit", async () => {
    const bytes = oneSheet(ROW);
    expect((await only(bytes, { maxFileBytes: 100 }))).toEqual({
      code: "xlsx.too-large", severity: "error", data: { size: bytes.length, limit: 100 }, location: { file: FILE },
    });
  });

  it("more entries than the limit → xlsx.too-many-entries", async () => {
    expect((await only(oneSheet(ROW), { maxEntries: 3 }))).toMatchObject({ code: "xlsx.too-many-entries", data: { count: 5, limit: 3 }, location: { file: FILE } });
  });
});

describe("a CSV given for the workbook", () => {
  it("is said to keep one sheet, the original workbook asked for (saving it as .xlsx again, as it advised, gave a workbook of one sheet)", () => {
    expect(catalog["xlsx.text-file"]?.["zh-CN"]).toContain("CSV 只保存了一个工作表");
    expect(catalog["xlsx.text-file"]?.["zh-CN"]).toContain("请改用原来的 .xlsx 工作簿");
    expect(catalog["xlsx.text-file"]?.en).toContain("use the original .xlsx workbook");
  });
});

describe("XML failures", () => {
  const sheet = "xl/worksheets/sheet1.xml";
  it.each([
    { case: "DOCTYPE in a sheet", part: sheet, xml: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "x">]>${worksheet(ROW).replace(/^<\?xml[^>]*>/, "")}` },
    { case: "billion laughs in the shared strings", part: "xl/sharedStrings.xml", xml: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>' },
    { case: "a lower-case doctype in the workbook", part: "xl/workbook.xml", xml: "<!doctype workbook><workbook/>" },
    { case: "an ENTITY declaration in the rels", part: "xl/_rels/workbook.xml.rels", xml: '<!ENTITY x "y"><Relationships/>' },
  ])("$case → xlsx.doctype", async ({ part, xml }) => {
    expect((await only(withPart(part, xml)))).toEqual({ code: "xlsx.doctype", severity: "error", data: { entry: part }, location: { file: FILE } });
  });

  it.each([
    { case: "mismatched tags", xml: worksheet('<row r="1"><c r="A1"><v>1</c></v></row>'), detail: /^2:\d+$/ },
    { case: "an unclosed root", xml: worksheet(ROW).replace("</worksheet>", ""), detail: /^2:\d+$/ },
    { case: "an unknown entity", xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'), detail: /^2:\d+$/ },
    { case: "an unquoted attribute", xml: worksheet("<row r=1></row>"), detail: /^2:\d+$/ },
    { case: "two roots", xml: `${worksheet(ROW)}<worksheet/>`, detail: /^2:\d+$/ },
    { case: "text outside the root", xml: `${worksheet(ROW)}junk`, detail: /^2:\d+$/ },
    { case: "a duplicate attribute", xml: worksheet('<row r="1" r="2"></row>'), detail: /^2:\d+$/ },
    { case: "a control character", xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>\u0001</t></is></c></row>'), detail: /^2:\d+$/ },
    { case: "an impossible cell reference", xml: worksheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), detail: /^2:\d+$/ },
    { case: "an impossible row number", xml: worksheet('<row r="0"><c><v>1</v></c></row>'), detail: /^2:\d+$/ },
    { case: "invalid UTF-8", xml: Buffer.concat([Buffer.from("<worksheet>\n  <a>"), Buffer.from([0xc3, 0x28]), Buffer.from("</a></worksheet>")]), detail: /^2:6$/ },
  ])("$case → xlsx.bad-xml with line:col", async ({ xml, detail }) => {
    const d = (await only(withPart(sheet, typeof xml === "string" ? xml : new Uint8Array(xml))));
    expect(d).toMatchObject({ code: "xlsx.bad-xml", data: { entry: sheet }, location: { file: FILE } });
    expect(String(d.data.detail)).toMatch(detail);
  });
});

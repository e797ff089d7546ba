// Messages about the workbook file itself (not a zip, legacy .xls, zip bombs, tampered data...).
import type { Catalog } from "./types.js";

const RESAVE_ZH = "请在 Excel、WPS 或 LibreOffice 中打开该文件,另存为 .xlsx 后重试";
const RESAVE_EN = "open it in Excel, WPS or LibreOffice, save it as .xlsx and try again";

export const xlsxMessages: Catalog = {
  "xlsx.empty": {
    "zh-CN": "文件是空的(0 字节),可能下载或复制没有完成;请重新获取该文件",
    en: "the file is empty (0 bytes); the download or copy may not have finished — get the file again",
  },
  "xlsx.too-large": {
    "zh-CN": "文件过大({size@size},上限 {limit@size});请确认选对了文件,或删除无关的工作表和图片后另存",
    en: "the file is too large ({size@size}, limit {limit@size}); check that this is the right file, or remove unrelated sheets and pictures and save it again",
  },
  "xlsx.encrypted": {
    "zh-CN": "文件设置了打开密码,无法读取;请在 Excel 或 WPS 中打开,取消密码(文件 → 信息 → 保护工作簿 → 用密码进行加密,清空密码)后另存为 .xlsx 再试",
    en: "the file is protected with a password and cannot be read; open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save it as .xlsx again",
  },
  "xlsx.legacy-xls": {
    "zh-CN": "这是旧版 .xls 文件,请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后重试",
    en: "this is a legacy .xls file; save it as .xlsx in Excel, WPS or LibreOffice and try again",
  },
  "xlsx.html-file": {
    "zh-CN": "这是网页(HTML)文件,不是 Excel 工作簿:业务系统导出的表格常是这样,扩展名却是 .xls 或 .xlsx;请在 Excel、WPS 或 LibreOffice 中打开,另存为 .xlsx(Excel 工作簿)后重试",
    en: "this is a web page (HTML), not an Excel workbook: tables exported by other systems often are, named .xls or .xlsx; open it in Excel, WPS or LibreOffice, save it as .xlsx (Excel workbook) and try again",
  },
  "xlsx.xml-spreadsheet": {
    "zh-CN": "这是 Excel 2003 XML 表格文件,不是 .xlsx 工作簿;请在 Excel、WPS 或 LibreOffice 中打开,另存为 .xlsx(Excel 工作簿)后重试",
    en: "this is an Excel 2003 XML spreadsheet, not an .xlsx workbook; open it in Excel, WPS or LibreOffice, save it as .xlsx (Excel workbook) and try again",
  },
  "xlsx.wps-et": {
    "zh-CN": "这是 WPS 表格的 .et 文件,请在 WPS 中“另存为” Excel 工作簿(.xlsx)后重试",
    en: "this is a WPS Spreadsheets .et file; in WPS, save it as an Excel workbook (.xlsx) and try again",
  },
  "xlsx.our-report-page": {
    "zh-CN": "这是 assess report 生成的网页报告,不是考核工作簿;请改用填报的工作簿(.xlsx)",
    en: "this is a ranking report page made by assess report, not an assessment workbook; use the filled-in workbook (.xlsx) instead",
  },
  "xlsx.our-diff-page": {
    "zh-CN": "这是 assess diff 生成的变更说明网页,不是考核工作簿;请改用填报的工作簿(.xlsx)",
    en: "this is a page of changes made by assess diff, not an assessment workbook; use the filled-in workbook (.xlsx) instead",
  },
  "xlsx.our-web-page": {
    "zh-CN": "这是 assess web 生成的网页版(在浏览器中打开它,再在其中选择工作簿),不是考核工作簿;请改用填报的工作簿(.xlsx)",
    en: "this is the browser edition made by assess web (open it in a browser and choose the workbook there), not an assessment workbook; use the filled-in workbook (.xlsx) instead",
  },
  "xlsx.our-json": {
    "zh-CN": "这是 assess 输出的 JSON 数据(如网页版下载的结果数据),不是考核工作簿;请改用填报的工作簿(.xlsx),或计分后的结果工作簿",
    en: "this is JSON data written by assess (such as the results the browser edition hands out), not an assessment workbook; use the filled-in workbook (.xlsx), or the scored result workbook, instead",
  },
  "xlsx.json-file": {
    "zh-CN": "这是 JSON 数据文件,不是 Excel 工作簿;请改用填报的工作簿(.xlsx)",
    en: "this is a JSON data file, not an Excel workbook; use the filled-in workbook (.xlsx) instead",
  },
  "xlsx.rubric-file": {
    "zh-CN": "这是考核方案文件(YAML),不是工作簿;此处请给出 .xlsx 工作簿,方案另行指定(命令行用 --rubric)",
    en: "this is a rubric file (YAML), not a workbook: give the .xlsx workbook here, and the rubric apart (with --rubric on the command line)",
  },
  "xlsx.rubric-file-on": {
    "zh-CN": "这是考核方案文件(YAML),不是工作簿;--on 后面请给出要按两个版本分别计分的 .xlsx 工作簿(两个版本的方案写在它前面)",
    en: "this is a rubric file (YAML), not a workbook: give --on the .xlsx workbook to score under both versions (the two versions come before it)",
  },
  "xlsx.pdf-file": {
    "zh-CN": "这是 PDF 文件,不是 Excel 工作簿;PDF 不能转回工作簿:请改用原来的 .xlsx 工作簿",
    en: "this is a PDF, not an Excel workbook; a PDF cannot be turned back into a workbook: use the original .xlsx workbook",
  },
  "xlsx.image-file": {
    "zh-CN": "这是图片文件(例如表格的照片或截图),不是 Excel 工作簿;请改用原来的 .xlsx 工作簿",
    en: "this is an image file (such as a photo or screenshot of the form), not an Excel workbook; use the original .xlsx workbook",
  },
  "xlsx.text-file": {
    "zh-CN": "这是文本文件(例如 CSV 或网页),不是 Excel 工作簿;CSV 只保存了一个工作表,另存回 .xlsx 也找不回其他工作表:请改用原来的 .xlsx 工作簿(若只有这个文件,请在 Excel 或 WPS 中打开,另存为 .xlsx,再补齐其他工作表)",
    en: "this is a text file (such as CSV or a web page), not an Excel workbook; a CSV keeps one sheet only, and saving it as .xlsx again does not bring the others back: use the original .xlsx workbook (where this file is all there is, open it in Excel or WPS, save it as .xlsx and add the other sheets)",
  },
  "xlsx.plain-text-file": {
    "zh-CN": "这是一个文本文件,不是 Excel 工作簿:请确认选对了文件(应是填好的 .xlsx 工作簿)",
    en: "this is a text file, not an Excel workbook: check that this is the file meant (the filled .xlsx workbook)",
  },
  "xlsx.not-zip": {
    "zh-CN": `这不是 Excel 工作簿(.xlsx)文件;请确认选对了文件,或${RESAVE_ZH}`,
    en: `this is not an Excel workbook (.xlsx); check that this is the right file, or ${RESAVE_EN}`,
  },
  "xlsx.truncated": {
    "zh-CN": "文件不完整(可能下载或复制时中断);请重新获取完整的文件",
    en: "the file is incomplete (the download or copy may have been cut off); get the complete file again",
  },
  "xlsx.too-many-entries": {
    "zh-CN": `工作簿内部的文件数量异常({count} 个,上限 {limit} 个),可能不是正常的工作簿;${RESAVE_ZH}`,
    en: `the workbook holds an unusual number of internal files ({count}, limit {limit}) and may not be a normal workbook; ${RESAVE_EN}`,
  },
  "xlsx.zip-bomb": {
    "zh-CN": "工作簿内部的 {entry} 解压后异常巨大,疑似恶意构造的文件,已拒绝读取;请向文件提供方索取正常的工作簿",
    en: "{entry} inside the workbook would unpack to an abnormal size; the file looks maliciously crafted and was refused — ask its sender for a normal workbook",
  },
  "xlsx.corrupt": {
    "zh-CN": `工作簿已损坏(内部的 {entry} 无法解压);${RESAVE_ZH},或向提供方重新索取`,
    en: `the workbook is damaged ({entry} inside it cannot be unpacked); ${RESAVE_EN}, or ask its sender for it again`,
  },
  "xlsx.crc-mismatch": {
    "zh-CN": "工作簿内部的 {entry} 校验失败,文件已损坏或被改动过;请重新获取原始文件",
    en: "{entry} inside the workbook fails its checksum: the file is damaged or was altered; get the original file again",
  },
  "xlsx.ods": {
    "zh-CN": "这是 OpenDocument 表格(.ods)文件;请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 后重试",
    en: "this is an OpenDocument spreadsheet (.ods); save it as .xlsx in WPS, LibreOffice or Excel and try again",
  },
  "xlsx.docx": {
    "zh-CN": "这是 Word 文档(.docx),不是 Excel 工作簿;请确认选对了文件",
    en: "this is a Word document (.docx), not an Excel workbook; check that this is the right file",
  },
  "xlsx.xlsb": {
    "zh-CN": "这是 Excel 二进制工作簿(.xlsb);请在 Excel 中另存为 .xlsx 后重试",
    en: "this is an Excel binary workbook (.xlsb); save it as .xlsx in Excel and try again",
  },
  "xlsx.not-xlsx": {
    "zh-CN": "这是一个压缩包,但不是 Excel 工作簿(.xlsx);请确认选对了文件",
    en: "this is a zip archive but not an Excel workbook (.xlsx); check that this is the right file",
  },
  "xlsx.no-sheets": {
    "zh-CN": "工作簿中没有任何工作表;请确认选对了文件",
    en: "the workbook has no sheets; check that this is the right file",
  },
  "xlsx.missing-part": {
    "zh-CN": `工作簿不完整,缺少内部文件 {entry};${RESAVE_ZH}`,
    en: `the workbook is incomplete: {entry} is missing inside it; ${RESAVE_EN}`,
  },
  "xlsx.doctype": {
    "zh-CN": `工作簿内部的 {entry} 含有不允许的 DOCTYPE/ENTITY 声明(可能是恶意文件),已拒绝读取;${RESAVE_ZH}`,
    en: `{entry} inside the workbook contains a DOCTYPE/ENTITY declaration, which is not allowed (the file may be malicious) and was refused; ${RESAVE_EN}`,
  },
  "xlsx.bad-xml": {
    "zh-CN": `工作簿内部的 {entry} 格式错误(位置 {detail}),文件已损坏;${RESAVE_ZH}`,
    en: `{entry} inside the workbook is malformed (at {detail}); the file is damaged — ${RESAVE_EN}`,
  },
  "xlsx.too-many-cells": {
    "zh-CN": "工作簿中的单元格过多(超过 {limit} 个),无法处理;请删除无关的工作表或数据后重试",
    en: "the workbook has too many cells (more than {limit}); remove unrelated sheets or data and try again",
  },
  "xlsx.string-too-long": {
    "zh-CN": "单元格中的文字过长({length} 个字符,上限 {limit} 个);请检查并缩短该单元格的内容",
    en: "the cell's text is too long ({length} characters, limit {limit}); check it and shorten it",
  },
  "xlsx.duplicate-cell": {
    "zh-CN": `这个单元格在文件中写了两次,文件已损坏(Excel 打开时会提示修复);${RESAVE_ZH}`,
    en: `this cell is written twice in the file: the file is damaged (Excel offers to repair it) — ${RESAVE_EN}`,
  },
  "xlsx.bad-shared-string": {
    "zh-CN": `单元格指向了不存在的文字(序号 {index}),文件已损坏;${RESAVE_ZH}`,
    en: `the cell points to text that does not exist (index {index}); the file is damaged — ${RESAVE_EN}`,
  },
  "xlsx.bad-number": {
    "zh-CN": "单元格中保存的值“{value}”无法识别为数值,文件可能由其他程序生成且有误;请在 Excel 或 WPS 中重新输入该单元格后另存",
    en: "the value \"{value}\" saved in the cell is not a valid number; the file may have been written by a faulty program — re-enter the cell in Excel or WPS and save again",
  },
  "xlsx.more-problems": {
    "zh-CN": "另有 {count} 个单元格存在同类问题,未逐一列出",
    en: "{count} more cell problem(s) of these kinds are not listed",
  },
};

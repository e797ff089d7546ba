// Messages shared by every command: severities, usage, files.
import type { Catalog } from "./types.js";

export const common: Catalog = {
  "severity.error": { "zh-CN": "错误", en: "error" },
  "severity.warning": { "zh-CN": "警告", en: "warning" },
  "summary.counts": { "zh-CN": "{errors} 个错误,{warnings} 个警告", en: "{errors} error(s), {warnings} warning(s)" },
  "summary.ok": { "zh-CN": "未发现问题", en: "no problems found" },
  "usage.bad-lang": { "zh-CN": "不支持的语言 “{value}”,可用:zh-CN、en", en: "unsupported language \"{value}\"; use zh-CN or en" },
  "usage.error": { "zh-CN": "用法错误:{detail}", en: "usage: {detail}" },
  "file.not-found": { "zh-CN": "找不到文件", en: "file not found" },
  "file.is-directory": { "zh-CN": "这是一个文件夹,不是文件", en: "this is a folder, not a file" },
  "file.unreadable": { "zh-CN": "无法读取文件({detail})", en: "cannot read the file ({detail})" },
  "file.unwritable": { "zh-CN": "无法写入(文件夹不可写或文件被其他程序占用:{detail})", en: "cannot write here (the folder is not writable or the file is open in another program: {detail})" },
  "file.output-is-input": { "zh-CN": "输出文件不能与输入工作簿相同,输入文件绝不会被修改;请用 -o 指定其他文件名", en: "the output may not be the input workbook, which is never modified; choose another name with -o" },
  "file.output-dir-missing": { "zh-CN": "输出文件夹不存在", en: "the output folder does not exist" },
  "file.written": { "zh-CN": "已写入 {file}", en: "wrote {file}" },
  "internal.error": { "zh-CN": "内部错误(请把这条信息报告给维护者):{detail}", en: "internal error (please report this to the maintainers): {detail}" },
  "interrupted": { "zh-CN": "已中断,未写入任何文件", en: "interrupted; nothing was written" },
};

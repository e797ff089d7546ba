// A file that is no workbook, said by its name where that tells what it is: the lock file Excel or
// WPS (~$…) or LibreOffice (.~lock.…#) keeps beside a workbook open, picked by mistake in a shared
// folder; WPS's own .et format (a legacy .xls to the reader). The command line and the browser
// edition say it alike; only the command line can look beside the file for the workbook it locks.
import type { Loaded } from "./index.js";

/** File-level failures whose file's name says more than its bytes. */
const NAMED_BY_FILE = new Set(["xlsx.not-zip", "xlsx.text-file", "xlsx.plain-text-file", "xlsx.legacy-xls", "xlsx.empty", "xlsx.truncated"]);

/**
 * `loaded` with its failure to read said by the file's name where the name tells more.
 * `locked`: the workbook a lock file of that name stands beside, where it can be looked for.
 */
export function namedByFile(name: string, loaded: Loaded, locked: (lock: string) => string | undefined = () => undefined): Loaded {
  const i = loaded.diagnostics.findIndex((d) => d.severity === "error" && NAMED_BY_FILE.has(d.code));
  const d = loaded.diagnostics[i];
  if (!d) return loaded;
  const said = (code: string, data: Record<string, string | number> = {}): Loaded => ({ ...loaded, diagnostics: loaded.diagnostics.map((x, k) => (k === i ? { ...x, code, data } : x)) });
  if (isLockName(name)) {
    const workbook = locked(name);
    return workbook !== undefined ? said("file.lock-file", { workbook }) : said("file.lock-file-alone");
  }
  if (d.code === "xlsx.legacy-xls" && /\.(et|ett)$/i.test(name)) return said("xlsx.wps-et");
  return loaded;
}

/** Whether a file's name is a lock file's (~$…, .~lock.…#). */
export function isLockName(name: string): boolean {
  return name.startsWith("~$") || /^\.~lock\..+#$/.test(name);
}

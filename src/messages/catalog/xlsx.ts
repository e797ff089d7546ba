// Messages about the workbook file itself (not a zip, legacy .xls, zip bombs, tampered data...).
import type { Catalog } from "./types.js";

export const xlsxMessages: Catalog = {};

// Messages of the workbook module.
import type { Catalog } from "./types.js";

export const workbookMessages: Catalog = {};

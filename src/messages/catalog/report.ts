// Messages of the report module.
import type { Catalog } from "./types.js";

export const reportMessages: Catalog = {};

// Messages of the September ranking report (assess report).
import type { Catalog } from "./types.js";

export const septemberMessages: Catalog = {};

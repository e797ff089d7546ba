// Messages of the engine module.
import type { Catalog } from "./types.js";

export const engineMessages: Catalog = {};

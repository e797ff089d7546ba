// placeholder: replaced below
import type { Ctx } from "../io.js";
export async function template(_ctx: Ctx, ..._args: unknown[]): Promise<number> { return 2; }

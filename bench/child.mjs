// Runs one assess command as a user would (the bundle bin/assess.js runs), output discarded, then prints the
// process's peak RSS in KiB, so the parent can time the whole run and read its memory.
import { main } from "../dist/cli/assess.mjs";

const io = { out: () => {}, err: () => {}, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
const code = await main(process.argv.slice(2), io);
process.stdout.write(`${code}\n${process.resourceUsage().maxRSS}\n`);

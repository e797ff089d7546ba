// Help and usage errors in the user's language: commander's own words ("Usage:", "unknown
// command") are replaced by catalog messages.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command, CommanderError, Help } from "commander";
import type { Ctx } from "./io.js";
import { editDistance, nearestNames } from "../workbook/near.js";
import { fill } from "./box.js";

/** The narrowest a description is wrapped to beside its term; narrower, it goes under it, indented so. */
const MIN_DESCRIPTION = 24;
const UNDER = "      ";

/** assess's commands in the order of a year's work: the form, its checks, the results, then the rest. */
const WORK_ORDER = ["template", "validate", "score", "explain", "report", "diff", "web", "rubric", "help"];

export function formatHelp(ctx: Ctx, cmd: Command, helper: Help): string {
  const t = ctx.t;
  // In a terminal, each description wrapped to its width under its column (a 200-character line
  // ran on at the terminal's left edge, breaking the two columns).
  const columns = ctx.io.columns;
  const fitted = (text: string, width: number): string[] => (columns === undefined ? [text] : fill(text, Math.max(MIN_DESCRIPTION, width)));
  const rows = (items: [string, string][]): string[] => {
    const width = Math.max(0, ...items.map(([term]) => term.length));
    const indent = " ".repeat(width + 4);
    // Too narrow for a column beside the terms (explain [options] <workbook> <unit> in 60): each
    // description under its term.
    if (columns !== undefined && columns - indent.length < MIN_DESCRIPTION) return items.flatMap(([term, desc]) => [`  ${term}`, ...fitted(desc, columns - UNDER.length).map((line) => `${UNDER}${line}`)]);
    return items.flatMap(([term, desc]) => fitted(desc, (columns ?? 0) - indent.length).map((line, i) => (i === 0 ? `  ${term.padEnd(width)}  ${line}` : `${indent}${line}`)));
  };
  const out: string[] = [`${t("help.usage")} ${helper.commandUsage(cmd)}`, ""];
  const desc = helper.commandDescription(cmd);
  if (desc) out.push(...fitted(desc, columns ?? 0), "");
  const args = helper.visibleArguments(cmd);
  if (args.length) out.push(t("help.arguments"), ...rows(args.map((a) => [helper.argumentTerm(a), a.description])), "");
  const opts = helper.visibleOptions(cmd);
  if (opts.length) out.push(t("help.options"), ...rows(opts.map((o) => [helper.optionTerm(o), o.description])), "");
  // The commands in the order of the work (as the README's table lists them), not as defined.
  const at = (c: Command): number => {
    const i = WORK_ORDER.indexOf(c.name());
    return i < 0 ? WORK_ORDER.length : i;
  };
  const cmds = cmd.parent ? helper.visibleCommands(cmd) : [...helper.visibleCommands(cmd)].sort((a, b) => at(a) - at(b));
  if (cmds.length) out.push(t("help.commands"), ...rows(cmds.map((c) => [helper.subcommandTerm(c), c.description()])), "");
  return out.join("\n");
}

/** commander's error codes → our messages; the quoted name in commander's text is kept. */
const CODES: Record<string, string> = {
  "commander.unknownCommand": "usage.unknown-command",
  "commander.unknownOption": "usage.unknown-option",
  "commander.missingArgument": "usage.missing-argument",
  "commander.optionMissingArgument": "usage.option-missing-argument",
  "commander.excessArguments": "usage.excess-arguments",
  "commander.missingMandatoryOptionValue": "usage.option-missing-argument",
};

/** A command's place among others as an example: fewer words first, then in the order of the work. */
function rank(path: string): number {
  const words = path.split(" ");
  const at = WORK_ORDER.indexOf(words[0] ?? "");
  return words.length * 100 + (at < 0 ? WORK_ORDER.length : at);
}

/** Every command name and long option a user could have meant, for "did you mean". */
export function knownWords(cmd: Command): Known {
  const commands: string[] = [];
  const options: string[] = [];
  const optionOf = new Map<string, string>();
  const walk = (c: Command, path: string): void => {
    for (const o of c.options) {
      if (o.long) options.push(o.long);
      // A command of one word before a subcommand's (validate, not rubric check), else the first in the work's order.
      for (const flag of [o.long, o.short]) {
        if (!flag || path === "") continue;
        const had = optionOf.get(flag);
        if (had === undefined || rank(path) < rank(had)) optionOf.set(flag, path);
      }
    }
    for (const sub of c.commands) {
      commands.push(sub.name());
      walk(sub, path === "" ? sub.name() : `${path} ${sub.name()}`);
    }
  };
  walk(cmd, "");
  return { commands: [...new Set(commands)], options: [...new Set(options)], optionOf };
}

/** The commands and options under a command, and a command each option is of (one of one word where there is). */
export interface Known {
  readonly commands: string[];
  readonly options: string[];
  readonly optionOf: ReadonlyMap<string, string>;
}

/** A commander error as our catalog's code and data (its own English words only where we have no code for it). */
export function usageOf(e: CommanderError): { code: string; data: Record<string, string> } {
  const code = CODES[e.code];
  return code ? { code, data: { name: /'([^']+)'/.exec(e.message)?.[1] ?? "" } } : { code: "usage.error", data: { detail: e.message.replace(/^error:\s*/, "") } };
}

/**
 * A usage error in words, the nearest words meant, and whose help to read (`command`: "assess
 * rubric diff"). `own`: the options of the command an unknown option was given to (else every
 * command's are looked at); `under`: given to a command with commands below it, the command each
 * of their options belongs to (the option is said to go after it).
 */
export function usageMessage(ctx: Ctx, e: CommanderError, known: Known = { commands: [], options: [], optionOf: new Map() }, own?: readonly string[], command = "assess", under?: ReadonlyMap<string, string>, argv: readonly string[] = []): string {
  const { code, data } = usageOf(e);
  const name = data.name ?? "";
  // Said as a usage error, as the tool's own checks of the command line are (用法错误:…).
  const text = code === "usage.error" ? ctx.t(code, data) : ctx.t("usage.error", { detail: ctx.t(code, data) });
  // A mistyped command or option: the nearest ones there are (never the very one refused).
  const option = name.split("=")[0] ?? name;
  const near = e.code === "commander.unknownCommand" ? nearestNames(name, known.commands.filter((n) => n !== name), 3) : e.code === "commander.unknownOption" && name ? nearOptions(option, (own ?? known.options).filter((n) => n !== option)) : [];
  // An option of a command below, given to the command above it (assess --json, assess rubric --on): where it goes.
  const of = e.code === "commander.unknownOption" ? under?.get(option) : undefined;
  // A file whose name begins with a dash (-青山区.xlsx, as the last run said it wrote): how to give it.
  // Or one taken for an option with its value (-o.xlsx: -o, .xlsx), the workbook then missing.
  const dashed = e.code === "commander.unknownOption" && name.startsWith("-") && isFileHere(ctx, name) ? name : e.code === "commander.missingArgument" ? argv.find((a) => /^-[^-]/.test(a) && isFileHere(ctx, a)) : undefined;
  const file = dashed !== undefined ? `${ctx.t("usage.dash-file", { name: dashed, example: `./${dashed}` })}\n` : "";
  const hint = file || (of !== undefined ? `${ctx.t("usage.option-of-command", { name: option, command: of })}\n` : near.length ? `${ctx.t("usage.did-you-mean", { names: near.join(ctx.t("list.or")) })}\n` : "");
  return `${text}\n${hint}${ctx.t("help.hint", { command })}\n`;
}

/**
 * The options close to one typed, at most three: by their words, without the dashes (--json is
 * two edits from --on, as json is from on: not close), fewer edits than half its length, or the
 * start of one (--out for --output).
 */
function nearOptions(typed: string, options: readonly string[]): string[] {
  const bare = (o: string): string => o.replace(/^-+/, "");
  const word = bare(typed);
  const allowed = Math.floor((word.length - 1) / 2);
  return options
    .map((o) => ({ o, d: editDistance(word, bare(o)), start: word.length >= 3 && bare(o).startsWith(word) }))
    .filter((x) => x.d <= allowed || x.start)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.o);
}

/** Whether a name is a file or folder there, from where the command was run. */
function isFileHere(ctx: Ctx, name: string): boolean {
  try {
    return existsSync(resolve(ctx.io.cwd, name));
  } catch {
    return false;
  }
}

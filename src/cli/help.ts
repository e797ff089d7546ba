// Help and usage errors in the user's language: commander's own words ("Usage:", "unknown
// command") are replaced by catalog messages.
import type { Command, CommanderError, Help } from "commander";
import type { Ctx } from "./io.js";

export function formatHelp(ctx: Ctx, cmd: Command, helper: Help): string {
  const t = ctx.t;
  const rows = (items: [string, string][]): string[] => {
    const width = Math.max(0, ...items.map(([term]) => term.length));
    return items.map(([term, desc]) => `  ${term.padEnd(width)}  ${desc}`);
  };
  const out: string[] = [`${t("help.usage")} ${helper.commandUsage(cmd)}`, ""];
  const desc = helper.commandDescription(cmd);
  if (desc) out.push(desc, "");
  const args = helper.visibleArguments(cmd);
  if (args.length) out.push(t("help.arguments"), ...rows(args.map((a) => [helper.argumentTerm(a), a.description])), "");
  const opts = helper.visibleOptions(cmd);
  if (opts.length) out.push(t("help.options"), ...rows(opts.map((o) => [helper.optionTerm(o), o.description])), "");
  const cmds = helper.visibleCommands(cmd);
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

export function usageMessage(ctx: Ctx, e: CommanderError): string {
  const name = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const code = CODES[e.code];
  const text = code ? ctx.t(code, { name }) : ctx.t("usage.error", { detail: e.message.replace(/^error:\s*/, "") });
  return `${text}\n${ctx.t("help.hint")}\n`;
}

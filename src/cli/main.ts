// The command line: parses arguments with commander and dispatches to the commands, which return
// exit codes (0 ok, 1 invalid input, 2 usage). Heavy modules load only for the commands that need them.
import { Command, CommanderError } from "commander";
import { detectLang, message, type Lang } from "../messages/index.js";
import { makeCtx, processIo, usageJson, type Ctx, type Io } from "./io.js";
import { VERSION } from "./version.js";
import { existsSync } from "node:fs";
import { onInterrupted, turn } from "./write.js";
import { LISTED_PER_KIND, renderLine } from "../diagnostics/render.js";
import { formatHelp, knownWords, usageMessage, usageOf } from "./help.js";

/** The bundled rubric a template is made for without --rubric: the first by id (no cover to go by). */
export const TEMPLATE_RUBRIC = "district-popplan";

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const langFlag = findLang(argv);
  const lang = detectLang(langFlag, io.env);
  if (!lang) {
    // Said in the language of the locale, the one the user would have had without the flag.
    const fallback = detectLang(undefined, io.env) ?? "zh-CN";
    // --lang last, with nothing after it, or an option after it: its value missing, as for any option
    // (not 不支持的语言 “” or “--json”).
    // (--lang "" too: a script's variable left unset.)
    const missing = langFlag === "" || (langFlag ?? "").startsWith("-");
    const [code, data] = missing ? ["usage.option-missing-argument", { name: "--lang <lang>" }] : ["usage.bad-lang", { value: langFlag ?? "" }];
    io.err(message(fallback, "usage.error", { detail: message(fallback, code, data) }) + "\n" + message(fallback, "help.hint", { command: "assess" }) + "\n");
    usageJson({ ...makeCtx(io, fallback), json: jsonAsked(argv) }, code, data);
    return 2;
  }
  const ctx = makeCtx(io, lang);
  onInterrupted((targets, written) =>
    [
      ...written.map(({ file, replaced }) => renderLine({ code: replaced ? "file.interrupted-written" : "file.interrupted-written-new", severity: "warning", data: {}, location: { file } }, lang)),
      ...targets.map((file) => renderLine({ code: existsSync(file) ? "file.interrupted" : "file.interrupted-new", severity: "error", data: {}, location: { file } }, lang)),
    ]
      .map((line) => line + "\n")
      .join(""),
  );
  ctx.json = jsonAsked(argv);
  let code = 0;
  const program = buildProgram(ctx, (c) => {
    code = c;
  });
  // An option given twice with two values (--lang en --lang zh-CN, -o a.xlsx -o b.xlsx): which was
  // meant cannot be told (one would win unsaid). Said in the locale's language where --lang is it.
  const twice = repeatedOption(argv, valueOptions(program));
  if (twice) {
    const said = twice.option === "--lang" ? (detectLang(undefined, io.env) ?? "zh-CN") : lang;
    io.err(message(said, "usage.error", { detail: message(said, "usage.repeated-option", twice) }) + "\n" + message(said, "help.hint", { command: commandNamed(program, argv) }) + "\n");
    usageJson({ ...makeCtx(io, said), json: ctx.json }, "usage.repeated-option", twice);
    return 2;
  }
  // Help asked for a command there is not (assess help scor, assess rubric help chek): said, with
  // the nearest, as `assess scor` is.
  const { group, asked } = helpAsked(program, argv);
  if (group && asked !== undefined) {
    const e = new CommanderError(2, "commander.unknownCommand", `error: unknown command '${asked}'`);
    io.err(usageMessage(ctx, e, knownWords(group), undefined, commandPath(group)));
    const { code: usage, data } = usageOf(e);
    usageJson(ctx, usage, data);
    return 2;
  }
  // A subcommand's help by name (assess help rubric check) is its --help, as a command's is; so is
  // help after a command where its file goes (assess score help, assess rubric check help).
  const after = helpAfter(program, argv);
  // (--lang en before or after it too: assess help rubric diff --lang en showed the rubric group's help.)
  const words = commandWords(argv);
  const named = words[0] === "help" && words.length > 2 ? argv.indexOf("help") : -1;
  const args = named >= 0 ? [...argv.slice(0, named), ...argv.slice(named + 1), "--help"] : after !== undefined ? [...argv.slice(0, after), ...argv.slice(after + 1), "--help"] : argv;
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) {
      // A fault of ours, never of the input: one line in the user's language, no stack trace.
      io.err(ctx.t("internal.error", { detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }) + "\n");
      return 70;
    }
    // --help and --version: 0. Help shown because a command was missing ("assess"): usage, 2.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
    // Help asked for by name (assess help, assess rubric help, assess help rubric check: a command
    // there is not was said above): 0, as --help; not a command missing.
    if (e.code === "commander.help" && argv.includes("help")) return 0;
    if (e.code === "commander.executeSubCommandAsync") return 2;
    // The command the error is of, and its words (rubric diff).
    const own = commandOf(program, argv);
    const command = commandPath(own);
    const path = command.split(" ").slice(1);
    // The help shown because no command was given (assess, assess rubric): said as the usage error it is, under it.
    if (e.code === "commander.help") {
      io.err(ctx.t("usage.error", { detail: ctx.t("usage.missing-command", { command }) }) + "\n");
      usageJson(ctx, "usage.missing-command", { command });
      return 2;
    }
    // An option mistyped is looked for among the options of the command it was given to.
    // Its own help where the error is a command's (an option it has not, an argument missing).
    // Before a command (assess, assess rubric), its own options (--lang, --version), not those of
    // the commands below it, which are said to go after one of them.
    const group = own.commands.length > 0;
    const ownOptions = group ? own.options.flatMap((o) => (o.long ? [o.long] : [])) : knownWords(own).options;
    const under = group ? new Map([...knownWords(own).optionOf].map(([flag, sub]) => [flag, [...path, sub].join(" ")])) : undefined;
    io.err(usageMessage(ctx, e, knownWords(program), e.code === "commander.unknownOption" ? ownOptions : undefined, command, under, argv));
    const { code: usage, data } = usageOf(e);
    usageJson(ctx, usage, data);
    return 2;
  }
  return outWritten(ctx, code);
}

/**
 * What was written to stdout, written: a failure there (a full disk under `--json > 结果.json`)
 * is said after it has had its turn to be reported, and the command fails (1) however it went.
 */
async function outWritten(ctx: Ctx, code: number): Promise<number> {
  if (!ctx.io.outFailure) return code;
  await turn();
  const failed = ctx.io.outFailure();
  if (failed === undefined) return code;
  // A problem line as every other, at standard output (the file it went to has no name here).
  ctx.io.err(renderLine({ code: "file.stdout-failed", severity: "error", data: { detail: failed }, location: { file: ctx.t("word.stdout") } }, ctx.lang) + "\n");
  return code === 0 ? 1 : code;
}

/**
 * Help asked for by name (assess help rubric chek, assess rubric help chek): the command whose
 * commands were asked among, and a word that is none of them (undefined: none such).
 */
function helpAsked(program: Command, argv: readonly string[]): { group?: Command; asked?: string } {
  const at = argv.indexOf("help");
  if (at < 0) return {};
  // The words before it and after it, as one path of commands (not options, nor --lang's value).
  // (help asked for twice, assess help rubric help, is help all the same.)
  const words = commandWords([...argv.slice(0, at), ...argv.slice(at + 1)]).filter((w) => w !== "help");
  let c = program;
  for (const word of words) {
    if (c.commands.length === 0) return {};
    const sub = c.commands.find((x) => x.name() === word);
    if (!sub) return { group: c, asked: word };
    c = sub;
  }
  return {};
}

/** The words of a command path, not the options among them (--lang en) nor --lang's value. */
function commandWords(argv: readonly string[]): string[] {
  return argv.filter((w, i, all) => !w.startsWith("-") && all[i - 1] !== "--lang");
}

/**
 * `help` where a command that takes files has its first (assess score help, assess score help
 * --json): its help asked for; where it is, or undefined. Not an option's value (-o help).
 */
function helpAfter(program: Command, argv: readonly string[]): number | undefined {
  const at = argv.indexOf("help");
  if (at < 1) return undefined;
  let c = program;
  for (const word of commandWords(argv.slice(0, at))) {
    const sub = c.commands.find((x) => x.name() === word);
    if (!sub) return undefined;
    c = sub;
  }
  if (c === program || c.commands.length > 0) return undefined;
  const before = argv[at - 1] ?? "";
  const option = [...c.options, ...program.options].find((o) => o.short === before || o.long === before);
  return option && (option.required || option.optional) ? undefined : at;
}

/** A command as typed from the start: assess rubric diff. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) words.unshift(c.parent ? c.name() : "assess");
  return words.join(" ");
}

/** The command the arguments name ("rubric diff" → diff under rubric), or the program. */
function commandOf(program: Command, argv: readonly string[]): Command {
  let c = program;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? "";
    // The options before a command (assess --lang en diff …), and --lang's value, are no command.
    if (word === "--lang") {
      i++;
      continue;
    }
    if (word.startsWith("-")) continue;
    const sub = c.commands.find((x) => x.name() === word);
    if (!sub) break;
    c = sub;
  }
  return c;
}

/** --json among the options (before "--", after which everything is an argument). */
function jsonAsked(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}

/** The options of any command that take a value, by each way of writing them (-o and --output), with how to name it. */
function valueOptions(program: Command): ReadonlyMap<string, { long: string; said: string }> {
  const out = new Map<string, { long: string; said: string }>();
  const walk = (c: Command): void => {
    for (const o of c.options) {
      if (!(o.required || o.optional) || o.long === undefined) continue;
      const named = { long: o.long, said: o.short ? `${o.short}/${o.long}` : o.long };
      out.set(o.long, named);
      if (o.short) out.set(o.short, named);
    }
    c.commands.forEach(walk);
  };
  walk(program);
  return out;
}

/** The command the arguments name (assess score, assess rubric diff), for the help to point at; assess where none. */
function commandNamed(program: Command, argv: readonly string[]): string {
  const words = argv.filter((a) => !a.startsWith("-"));
  const at = words.findIndex((w) => program.commands.some((c) => c.name() === w));
  const command = at < 0 ? undefined : program.commands.find((c) => c.name() === words[at]);
  if (!command) return "assess";
  const sub = command.commands.find((c) => c.name() === words[at + 1]);
  return ["assess", command.name(), ...(sub ? [sub.name()] : [])].join(" ");
}

/** The first option given twice with different values, and those values; undefined where none is. */
function repeatedOption(argv: readonly string[], options: ReadonlyMap<string, { long: string; said: string }>): { option: string; values: string } | undefined {
  const end = argv.indexOf("--");
  const words = end < 0 ? argv : argv.slice(0, end);
  const seen = new Map<string, string>();
  // (A language however written, en and EN, is one.)
  const same = (long: string, a: string, b: string): boolean => a === b || (long === "--lang" && detectLang(a, {}) !== undefined && detectLang(a, {}) === detectLang(b, {}));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const long = w.startsWith("--");
    const eq = long ? w.indexOf("=") : -1;
    // --output FILE, --output=FILE; -o FILE, -oFILE.
    const flag = eq > 0 ? w.slice(0, eq) : long ? w : w.slice(0, 2);
    const option = w.startsWith("-") ? options.get(flag) : undefined;
    if (!option) continue;
    const value = eq > 0 ? w.slice(eq + 1) : !long && w.length > 2 ? w.slice(2) : (words[++i] ?? "");
    const had = seen.get(option.long);
    if (had !== undefined && !same(option.long, had, value)) return { option: option.said, values: `${had}, ${value}` };
    seen.set(option.long, value);
  }
  return undefined;
}

function findLang(argv: string[]): string | undefined {
  // (After --, words are files: one named --lang=en is no option.)
  const end = argv.indexOf("--");
  for (let i = 0; i < (end < 0 ? argv.length : end); i++) {
    const a = argv[i] ?? "";
    if (a === "--lang") return argv[i + 1] ?? "";
    if (a.startsWith("--lang=")) return a.slice(7);
  }
  return undefined;
}

function buildProgram(ctx: Ctx, done: (code: number) => void): Command {
  const t = ctx.t;
  const program = new Command("assess")
    .description(t("cli.description"))
    .option("--lang <lang>", t("cli.opt.lang"))
    .version(VERSION, "-V, --version", t("cli.opt.version"))
    .helpCommand("help [command]", t("cli.help-command"))
    .showHelpAfterError(false);

  const rubric = program.command("rubric").description(t("cli.rubric"));
  rubric
    .command("check <file>")
    .description(t("cli.rubric.check"))
    .option("--json", t("cli.opt.json"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (file: string, o: { json?: boolean }) => {
      const m = await import("./commands/rubric.js");
      done(m.rubricCheck(ctx, file, o.json === true));
    });
  rubric
    .command("show")
    .argument("[file]", t("cli.arg.rubric-show"))
    .description(t("cli.rubric.show"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (file: string | undefined) => {
      const m = await import("./commands/rubric.js");
      done(await m.rubricShow(ctx, file));
    });
  rubric
    .command("diff <older> <newer>")
    .description(t("cli.rubric.diff"))
    .option("--on <workbook>", t("cli.opt.on"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (older: string, newer: string, o: { on?: string }) => {
      const m = await import("./commands/rubric.js");
      done(await m.rubricDiff(ctx, older, newer, o));
    });
  rubric
    .command("schema")
    .description(t("cli.rubric.schema"))
    .action(async () => {
      const m = await import("./commands/rubric.js");
      done(m.rubricSchema(ctx));
    });

  program
    .command("diff <old> <new>")
    .description(t("cli.diff"))
    .option("-o, --output <file>", t("cli.opt.diff-output"))
    .option("--rubric <file>", t("cli.opt.rubric"))
    .option("--json", t("cli.opt.json"))
    .option("--force", t("cli.opt.force-result"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (older: string, newer: string, o: { output?: string; rubric?: string; json?: boolean; force?: boolean }) => {
      const m = await import("./commands/diff.js");
      done(await m.diff(ctx, older, newer, o));
    });

  program
    .command("web")
    .description(t("cli.web"))
    .option("-o, --output <file>", t("cli.opt.web-output"))
    .option("--force", t("cli.opt.force-result"))
    .action(async (o: { output?: string; force?: boolean }) => {
      const m = await import("./commands/web.js");
      done(await m.web(ctx, o));
    });

  program
    .command("template")
    .description(t("cli.template"))
    .option("-o, --output <file>", t("cli.opt.template-output"))
    .option("--units <file>", t("cli.opt.units"))
    .option("--year <year>", t("cli.opt.year"))
    .option("--district <name>", t("cli.opt.district"))
    .option("--rubric <file>", t("cli.opt.rubric-template", { id: TEMPLATE_RUBRIC }))
    .option("--force", t("cli.opt.force"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (o: { output?: string; units?: string; year?: string; district?: string; rubric?: string; force?: boolean }) => {
      const m = await import("./commands/template.js");
      done(await m.template(ctx, o));
    });

  program
    .command("validate <workbook>")
    .description(t("cli.validate"))
    .option("--rubric <file>", t("cli.opt.rubric"))
    .option("--unit <name>", t("cli.opt.unit"))
    .option("--json", t("cli.opt.json"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (wb: string, o: { rubric?: string; json?: boolean; unit?: string }) => {
      const m = await import("./commands/validate.js");
      done(await m.validate(ctx, wb, o));
    });

  program
    .command("score <workbook>")
    .description(t("cli.score"))
    .option("-o, --output <file>", t("cli.opt.score-output"))
    .option("--rubric <file>", t("cli.opt.rubric"))
    .option("--json", t("cli.opt.json"))
    .option("--wide", t("cli.opt.wide"))
    .option("--force", t("cli.opt.force-result"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (wb: string, o: { output?: string; rubric?: string; json?: boolean; force?: boolean; wide?: boolean }) => {
      const m = await import("./commands/score.js");
      done(await m.score(ctx, wb, o));
    });

  program
    .command("explain <workbook> <unit>")
    .description(t("cli.explain"))
    .option("--rubric <file>", t("cli.opt.rubric"))
    .option("--json", t("cli.opt.json"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (wb: string, unit: string, o: { rubric?: string; json?: boolean }) => {
      const m = await import("./commands/explain.js");
      done(await m.explain(ctx, wb, unit, o));
    });

  program
    .command("report <workbook>")
    .description(t("cli.report"))
    .option("-o, --output <file>", t("cli.opt.report-output"))
    .option("--format <format>", t("cli.opt.format"), "both")
    .option("--rubric <file>", t("cli.opt.rubric"))
    .option("--force", t("cli.opt.force-result"))
    .option("--all", t("cli.opt.all", { n: LISTED_PER_KIND }))
    .action(async (wb: string, o: { output?: string; format: string; rubric?: string; force?: boolean }) => {
      const m = await import("./commands/report.js");
      done(await m.report(ctx, wb, o));
    });

  // A usage error found by the command itself points to that command's help.
  program.hook("preAction", (_program, run) => {
    const names: string[] = [];
    for (let c: Command | null = run; c; c = c.parent) names.unshift(c.name());
    ctx.command = names.join(" ");
  });
  for (const c of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    c.exitOverride();
    // commander's English error text is replaced by ours in main(); its help by formatHelp.
    c.configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s), outputError: () => {} });
    c.configureHelp({ formatHelp: (cmd, helper) => formatHelp(ctx, cmd, helper) });
    c.helpOption("-h, --help", t("cli.opt.help"));
    if (c !== program) c.option("--lang <lang>", t("cli.opt.lang"));
  }
  // --all belongs to the command it is given to; every command prints its problems through ctx.
  program.hook("preAction", (_program, command) => {
    ctx.all = command.opts<{ all?: boolean }>().all === true;
  });
  return program;
}

export type { Lang };

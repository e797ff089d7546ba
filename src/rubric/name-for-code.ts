// A name written in a rubric where a code goes (lines: [党政工作], indicator: 信访案件数): said with
// the code to write. Shared by the schema's problems and the rubric's own checks.

/** The problem for `value`, a name, where `codes` are so named: the code to write, or, where several are, those. */
export function nameForCode<D>(err: (code: string, data: Record<string, string>) => D, value: string, codes: readonly string[]): D {
  return codes.length === 1 ? err("rubric.name-not-code", { value, code: codes[0] ?? "" }) : err("rubric.name-not-code-of", { value, codes: codes.join("、") });
}

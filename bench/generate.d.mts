// Types for the benchmark generator, used by tests that need a large workbook.
export interface JudgedItem {
  code: string;
  name: string;
  max: number;
}
export function generate(file: string, towns: number, judged: Record<string, JudgedItem[]>): void;

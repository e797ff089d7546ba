// The one display order of units that tie on every ranking key: Chinese collation (pinyin), the
// same on every machine and in every output. Made on first use (loading the collation data costs
// a small run several milliseconds).
let collator: Intl.Collator | undefined;

export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator("zh-CN");
  return collator.compare(a, b);
}

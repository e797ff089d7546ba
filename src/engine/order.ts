// Display order of names where scores tie: Chinese collation (pinyin), the same on every machine.
export const collator = new Intl.Collator("zh-CN");

// One catalog entry: the same message in each language, with the same {placeholders}.
export interface Entry {
  readonly "zh-CN": string;
  readonly en: string;
}
export type Catalog = Readonly<Record<string, Entry>>;

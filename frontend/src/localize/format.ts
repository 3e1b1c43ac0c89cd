// Pure string helpers shared by the panel and its tests.

export type Strings = Record<string, string>;
export type Placeholders = Record<string, string | number>;

/** A panel string by key, with its placeholders filled. */
export type Translate = (key: string, values?: Placeholders) => string;

/** Flatten nested string tables into dotted keys ("tabs.today"). */
export const flatten = (table: unknown, prefix = ""): Strings => {
  const out: Strings = {};
  if (table && typeof table === "object") {
    for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === "string") {
        out[path] = value;
      } else {
        Object.assign(out, flatten(value, path));
      }
    }
  }
  return out;
};

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

/** The placeholder names a template uses, sorted and without repeats. */
export const placeholdersOf = (template: string): string[] =>
  [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort();

/** Replace {name} with its value; unknown placeholders stay as they are. */
export const substitute = (template: string, values: Placeholders = {}): string =>
  template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) && values[name] != null
      ? String(values[name])
      : whole,
  );

/** Length as Python counts it (code points), which is what the server limits. */
export const textLength = (text: string): number => [...text].length;

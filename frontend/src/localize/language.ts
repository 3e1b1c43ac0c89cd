// Picks the panel's language from Home Assistant's.

export const LANGUAGES = ["en", "fi"] as const;
export type Language = (typeof LANGUAGES)[number];

/** "fi", "fi-FI" and "FI" all mean Finnish; anything not offered falls back to English. */
export const pickLanguage = (hassLanguage: string | undefined | null): Language => {
  const base = (hassLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : "en";
};

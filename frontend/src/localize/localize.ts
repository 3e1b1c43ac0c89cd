// Turns keys, server refusals and entity states into words in the user's language.
import type { WsError } from "../types";
import { substitute, type Placeholders, type Strings } from "./format";
import type { Language } from "./language";

export const DOMAIN = "microdose_together";

const component = `component.${DOMAIN}`;

export const entityKeys = {
  phase: (phase: string) => `${component}.entity.sensor.phase.state.${phase}`,
  reason: (reason: string) =>
    `${component}.entity.binary_sensor.calm_day.state_attributes.reasons.state.${reason}`,
  feels: (option: string) => `${component}.entity.select.today_feels.state.${option}`,
};

export const selectorKeys = {
  theme: (theme: string) => `${component}.selector.theme.options.${theme}`,
  safetyNote: (key: string) => `${component}.selector.safety_note.options.${key}`,
};

export const exceptionKey = (translationKey: string, domain = DOMAIN) =>
  `component.${domain}.exceptions.${translationKey}.message`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The refusal fields of a websocket error, if it is one. */
export const asWsError = (error: unknown): WsError | null => {
  if (!isRecord(error)) {
    return null;
  }
  const out: WsError = {};
  if (typeof error.code === "string") out.code = error.code;
  if (typeof error.message === "string") out.message = error.message;
  if (typeof error.translation_domain === "string")
    out.translation_domain = error.translation_domain;
  if (typeof error.translation_key === "string") out.translation_key = error.translation_key;
  if (isRecord(error.translation_placeholders)) {
    out.translation_placeholders = Object.fromEntries(
      Object.entries(error.translation_placeholders).map(([k, v]) => [k, String(v)]),
    );
  }
  return out;
};

/** The translation key of a refusal, or null. */
export const refusalKey = (error: unknown): string | null =>
  asWsError(error)?.translation_key ?? null;

/**
 * A refusal as a sentence: the user's language when a translation exists and
 * every placeholder can be filled, else the server's message, else `fallback`.
 */
export const errorSentence = (
  error: unknown,
  exceptions: Strings,
  fallback: string,
): string => {
  const ws = asWsError(error);
  if (ws?.translation_key) {
    const template = exceptions[exceptionKey(ws.translation_key, ws.translation_domain)];
    if (template) {
      const sentence = substitute(template, ws.translation_placeholders ?? {});
      if (!/\{[a-zA-Z0-9_]+\}/.test(sentence) || !ws.message) {
        return sentence;
      }
    }
  }
  if (ws?.message) {
    return ws.message;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return fallback;
};

/** Everything a view needs to speak the user's language. */
export class Localizer {
  constructor(
    readonly language: Language,
    private readonly strings: Strings,
    private readonly fallbackStrings: Strings,
    private readonly resources: Strings = {},
  ) {}

  /** A panel string with its placeholders filled; the key itself if it is missing. */
  t(key: string, values?: Placeholders): string {
    const template = this.strings[key] ?? this.fallbackStrings[key] ?? key;
    return substitute(template, values);
  }

  /** A panel string, or `fallback` when there is none for the key. */
  tOr(key: string, fallback: string, values?: Placeholders): string {
    const template = this.strings[key] ?? this.fallbackStrings[key];
    return template === undefined ? fallback : substitute(template, values);
  }

  /** Chooses `<key>_one` or `<key>_other` by count. */
  plural(key: string, count: number, values: Placeholders = {}): string {
    return this.t(`${key}_${count === 1 ? "one" : "other"}`, { count, ...values });
  }

  /** A server translation, else the panel's own words, else the raw value. */
  private server(resourceKey: string, panelKey: string, raw: string): string {
    return this.resources[resourceKey] ?? this.strings[panelKey] ?? this.fallbackStrings[panelKey] ?? raw;
  }

  phase(phase: string): string {
    return this.server(entityKeys.phase(phase), `phase.${phase}`, phase);
  }

  reason(reason: string): string {
    return this.server(entityKeys.reason(reason), `reason.${reason}`, reason);
  }

  feels(option: string): string {
    return this.server(entityKeys.feels(option), `feels.${option}`, option);
  }

  theme(theme: string): string {
    const raw = theme.replace(/_/g, " ");
    return this.resources[selectorKeys.theme(theme)] ?? raw.charAt(0).toUpperCase() + raw.slice(1);
  }

  safetyNote(key: string | undefined, serverNote: string | undefined): string | null {
    const own = key ? this.resources[selectorKeys.safetyNote(key)] : undefined;
    return own ?? serverNote ?? null;
  }

  error(error: unknown): string {
    return errorSentence(error, this.resources, this.t("panel.error_generic"));
  }
}

// The ritual presets a partner chooses from, and what each is called.
import type { RitualPreset, RitualReport } from "../types";

/** The evening conversation: the ritual the couple always had, offered first. */
export const CONVERSATION = "conversation";

/** Looks up a panel string; answers `fallback` when there is none for the key. */
export type Label = (key: string, fallback: string) => string;

/**
 * The presets to offer, the conversation first and the rest in the couple's
 * order. The conversation is there even if the list arrives without it, so
 * there is always something to start.
 */
export const presetChoices = (
  presets: readonly RitualPreset[] | null | undefined,
): RitualPreset[] => {
  const given = presets ?? [];
  const conversation = given.find((preset) => preset.id === CONVERSATION) ?? {
    id: CONVERSATION,
    name: "",
  };
  return [conversation, ...given.filter((preset) => preset.id !== CONVERSATION)];
};

/** The choice that stands: the partner's own while it still exists, else the first. */
export const keptChoice = (choices: readonly RitualPreset[], chosen: string | null): string =>
  choices.find((preset) => preset.id === chosen)?.id ?? choices[0]?.id ?? CONVERSATION;

/**
 * A preset in words: the name the couple gave their own, else the built-in
 * one's label in the reader's language, else its id.
 */
export const presetLabel = (
  id: string,
  presets: readonly RitualPreset[] | null | undefined,
  label: Label,
): string => {
  const own = presets?.find((preset) => preset.id === id)?.name.trim();
  return own || label(`ritual.preset.${id}`, id);
};

/** The preset already on when a start changed nothing, or null when it started. */
export const alreadyRunning = (report: RitualReport | null | undefined): string | null =>
  report?.already_running ? (report.preset ?? CONVERSATION) : null;

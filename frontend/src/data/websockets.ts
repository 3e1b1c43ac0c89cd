// One typed function per websocket command of the integration.
import type {
  Couple,
  DoseResult,
  History,
  HomeAssistant,
  Insights,
  RitualReport,
  Today,
  TodayFeels,
} from "../types";

export const DOMAIN = "microdose_together";

type Caller = Pick<HomeAssistant, "callWS">;

export const fetchCouples = (hass: Caller): Promise<Couple[]> =>
  hass.callWS<Couple[]>({ type: `${DOMAIN}/couples` });

export const fetchToday = (hass: Caller, entryId: string): Promise<Today> =>
  hass.callWS<Today>({ type: `${DOMAIN}/today`, config_entry_id: entryId });

export const logDose = (
  hass: Caller,
  entryId: string,
  acknowledgeOffProtocol = false,
): Promise<DoseResult> =>
  hass.callWS<DoseResult>({
    type: `${DOMAIN}/log_dose`,
    config_entry_id: entryId,
    // Sent only when true, so a plain log stays the plain request.
    ...(acknowledgeOffProtocol ? { acknowledge_off_protocol: true } : {}),
  });

export interface CheckInScores {
  mood: number;
  connection: number;
  stress: number;
  note?: string;
}

export const checkIn = (
  hass: Caller,
  entryId: string,
  scores: CheckInScores,
): Promise<{ check_in_id: string }> =>
  hass.callWS({
    type: `${DOMAIN}/check_in`,
    config_entry_id: entryId,
    mood: scores.mood,
    connection: scores.connection,
    stress: scores.stress,
    ...(scores.note ? { note: scores.note } : {}),
  });

export const answerPrompt = (
  hass: Caller,
  entryId: string,
  answer: string,
): Promise<{ revealed: boolean }> =>
  hass.callWS({
    type: `${DOMAIN}/answer_prompt`,
    config_entry_id: entryId,
    answer,
  });

export const setIntention = (
  hass: Caller,
  entryId: string,
  intention: string,
): Promise<null> =>
  hass.callWS({
    type: `${DOMAIN}/set_intention`,
    config_entry_id: entryId,
    intention,
  });

export const setTodayFeels = (
  hass: Caller,
  entryId: string,
  todayFeels: TodayFeels,
): Promise<null> =>
  hass.callWS({
    type: `${DOMAIN}/today_feels`,
    config_entry_id: entryId,
    today_feels: todayFeels,
  });

/** Starts a preset by id; without one, the server starts the conversation. */
export const startRitual = (
  hass: Caller,
  entryId: string,
  preset?: string,
): Promise<RitualReport> =>
  hass.callWS({
    type: `${DOMAIN}/start_ritual`,
    config_entry_id: entryId,
    ...(preset ? { preset } : {}),
  });

export const endRitual = (hass: Caller, entryId: string): Promise<RitualReport> =>
  hass.callWS({ type: `${DOMAIN}/end_ritual`, config_entry_id: entryId });

export const fetchHistory = (
  hass: Caller,
  entryId: string,
  start: string,
  end: string,
): Promise<History> =>
  hass.callWS<History>({
    type: `${DOMAIN}/history`,
    config_entry_id: entryId,
    start,
    end,
  });

export const fetchInsights = (
  hass: Caller,
  entryId: string,
  start: string,
  end: string,
): Promise<Insights> =>
  hass.callWS<Insights>({
    type: `${DOMAIN}/insights`,
    config_entry_id: entryId,
    start,
    end,
  });

/** The message that subscribes to a couple's Today object. */
export const subscribeTodayMessage = (entryId: string) => ({
  type: `${DOMAIN}/subscribe`,
  config_entry_id: entryId,
});

export type TranslationCategory = "entity" | "exceptions" | "selector";

export const fetchTranslations = async (
  hass: Caller,
  language: string,
  category: TranslationCategory,
): Promise<Record<string, string>> => {
  const result = await hass.callWS<{ resources: Record<string, string> }>({
    type: "frontend/get_translations",
    language,
    category,
    integration: [DOMAIN],
  });
  return result?.resources ?? {};
};

// The parts of Home Assistant's frontend objects the panel relies on.

export type UnsubscribeFunc = () => Promise<void> | void;

export interface HassConnection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    subscribeMessage: Record<string, unknown>,
    options?: { resubscribe?: boolean },
  ): Promise<UnsubscribeFunc>;
}

export interface HomeAssistant {
  language: string;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  connection: HassConnection;
  themes?: { darkMode?: boolean };
  dockedSidebar?: string;
  /** Every entity's state, as Home Assistant shows it to this user. */
  states?: Record<string, { attributes?: { friendly_name?: string } } | undefined>;
}

export interface Route {
  prefix: string;
  path: string;
}

export type Phase = "dose_day" | "rest_day" | "tolerance_break" | "paused";
export type TodayFeels = "automatic" | "calm" | "not_calm";
export type Form = "dried" | "fresh_truffle" | string;

export interface Couple {
  config_entry_id: string;
  couple_name: string;
  slot: number;
  partner_name: string;
}

export interface CheckInSummary {
  mood: number | null;
  connection: number | null;
  stress: number | null;
  last_check_in: string | null;
  streak: number;
  due: boolean;
  checked_in_today: boolean;
}

export interface PartnerToday {
  slot: number;
  name: string;
  last_dose: string | null;
  dosed_today: boolean;
  doses_this_cycle: number;
  check_in: CheckInSummary;
}

export interface TodayPrompt {
  prompt_id: string;
  theme: string;
  text: string;
  i_answered: boolean;
  partner_answered: boolean;
  revealed: boolean;
  own_answer: string | null;
  answers?: { me: string; partner: string };
}

export interface Today {
  config_entry_id: string;
  couple_name: string;
  today: string;
  phase: Phase;
  cycle_day: number | null;
  next_dose: string | null;
  break_end: string | null;
  paused: boolean;
  /** The first day of a pause asked for on a day already dosed; null otherwise. */
  pause_begins: string | null;
  calm: { calm: boolean; reasons: string[] } | null;
  today_feels: TodayFeels;
  intention: string;
  dose: { amount_g: number; form: Form };
  me: PartnerToday;
  partner: PartnerToday;
  prompt: TodayPrompt | null;
  ritual: TodayRitual;
}

/** A ritual preset to choose from; `name` is empty for built-in ones (translated here). */
export interface RitualPreset {
  id: string;
  name: string;
}

export interface TodayRitual {
  running: boolean;
  started_at: string | null;
  /** The preset that runs; null when none does. */
  preset: string | null;
  /** The couple's presets, built-in ones first. */
  presets: RitualPreset[];
}

export interface DoseResult {
  dose_id: string;
  off_protocol: boolean;
  flags: string[];
  safety_note_key?: string;
  safety_note?: string;
}

export interface RitualStep {
  step: string;
  /** The entity asked, or `prompt_<slot>` for a partner's phones. */
  target?: string;
  ok: boolean;
  /** Why it failed: "missing" (gone or unavailable), "timeout", or an error. */
  error?: string | null;
}

export interface RitualReport {
  steps: RitualStep[];
  /** The preset started or ended, or the one already running. */
  preset?: string;
  /** Set when a start found a ritual already on, and changed nothing. */
  already_running?: boolean;
  [key: string]: unknown;
}

export interface HistoryCheckIn {
  partner: number;
  at: string;
  day: string;
  mood: number;
  connection: number;
  stress: number;
  note?: string | null;
}

export interface HistoryPrompt {
  day: string;
  prompt_id: string;
  theme: string;
  text: string;
  answered: number[];
  revealed: boolean;
  answers?: Record<string, string>;
  own_answer: string | null;
}

export interface HistoryDose {
  dose_id: string;
  partner: number;
  day: string;
  taken_at: string;
  amount_g: number;
  form: Form;
  off_protocol: boolean;
  flags: string[];
}

export interface History {
  check_ins: HistoryCheckIn[];
  prompts: HistoryPrompt[];
  doses: HistoryDose[];
}

/** A refusal as the websocket API sends it. */
export interface WsError {
  code?: string;
  message?: string;
  translation_domain?: string;
  translation_key?: string;
  translation_placeholders?: Record<string, string>;
}

/** One category's day count and mean scores (null without days). */
export interface InsightGroup {
  days: number;
  mood: number | null;
  connection: number | null;
  stress: number | null;
}

/** Dose-day mean minus rest-day mean of one score; null figures when not enough days. */
export interface InsightDifference {
  dose_days: number;
  rest_days: number;
  enough: boolean;
  difference: number | null;
  low: number | null;
  high: number | null;
  df: number | null;
}

export interface InsightFigures {
  categories: Record<string, InsightGroup>;
  dose_day_vs_rest_day: Record<string, InsightDifference>;
}

/** A partner's day: the day's last check-in (null without one) and whether they dosed. */
export interface InsightDayScores {
  mood: number | null;
  connection: number | null;
  dosed: boolean;
}

export interface InsightSeriesDay {
  day: string;
  partners: Record<string, InsightDayScores>;
}

export interface Insights {
  start: string;
  end: string;
  partners: Record<string, InsightFigures>;
  couple: InsightFigures;
  series: InsightSeriesDay[];
}

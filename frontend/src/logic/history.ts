// Shapes the history answer into what "My history" shows.
import type { History, HistoryCheckIn } from "../types";
import { scoreChart, type ChartDay, type ChartGeometry } from "./chart";
import type { DayRange } from "./dates";
import type { Scale } from "./checkin";

export interface Scores {
  mood: number;
  connection: number;
  stress: number;
}

export interface MyCheckIn extends Scores {
  day: string;
  at: string;
  note: string | null;
}

export interface DayRow {
  day: string;
  me: Scores | null;
  partner: Scores | null;
  dosedMe: boolean;
  dosedPartner: boolean;
  offProtocol: boolean;
}

export interface PastPrompt {
  day: string;
  promptId: string;
  theme: string;
  text: string;
  revealed: boolean;
  /** Mine: always, once written. */
  mine: string | null;
  /** Theirs: only once both answers were shared. */
  theirs: string | null;
}

export interface ShapedHistory {
  myCheckIns: MyCheckIn[];
  days: DayRow[];
  prompts: PastPrompt[];
}

const scoresOf = (entry: HistoryCheckIn): Scores => ({
  mood: entry.mood,
  connection: entry.connection,
  stress: entry.stress,
});

const byMoment = (a: { at: string }, b: { at: string }) =>
  Date.parse(a.at) - Date.parse(b.at) || a.at.localeCompare(b.at);

export const shapeHistory = (
  history: History | null | undefined,
  mySlot: number,
): ShapedHistory => {
  const checkIns = [...(history?.check_ins ?? [])].sort(byMoment);
  const doses = history?.doses ?? [];
  const partnerSlot = mySlot === 1 ? 2 : 1;

  const myCheckIns = checkIns
    .filter((entry) => entry.partner === mySlot)
    .map((entry) => ({ day: entry.day, at: entry.at, ...scoresOf(entry), note: entry.note || null }))
    .reverse();

  const rows = new Map<string, DayRow>();
  const row = (day: string): DayRow => {
    let found = rows.get(day);
    if (!found) {
      found = { day, me: null, partner: null, dosedMe: false, dosedPartner: false, offProtocol: false };
      rows.set(day, found);
    }
    return found;
  };
  // Sorted oldest first, so the day keeps its last check-in of each partner.
  for (const entry of checkIns) {
    if (entry.partner === mySlot) row(entry.day).me = scoresOf(entry);
    else if (entry.partner === partnerSlot) row(entry.day).partner = scoresOf(entry);
  }
  for (const dose of doses) {
    const day = row(dose.day);
    if (dose.partner === mySlot) day.dosedMe = true;
    else if (dose.partner === partnerSlot) day.dosedPartner = true;
    day.offProtocol ||= dose.off_protocol;
  }
  const days = [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));

  const prompts = [...(history?.prompts ?? [])]
    .sort((a, b) => b.day.localeCompare(a.day))
    .map((prompt): PastPrompt => {
      const shared = prompt.revealed ? prompt.answers ?? {} : {};
      return {
        day: prompt.day,
        promptId: prompt.prompt_id,
        theme: prompt.theme,
        text: prompt.text,
        revealed: prompt.revealed,
        mine: shared[String(mySlot)] ?? prompt.own_answer ?? null,
        theirs: prompt.revealed ? shared[String(partnerSlot)] ?? null : null,
      };
    });

  return { myCheckIns, days, prompts };
};

/** One score of every day's rows, as the chart draws it. */
export const historyChartDays = (days: DayRow[], scale: Scale): ChartDay[] =>
  days.map((row) => ({
    day: row.day,
    me: row.me?.[scale] ?? null,
    partner: row.partner?.[scale] ?? null,
    dosedMe: row.dosedMe,
    dosedPartner: row.dosedPartner,
  }));

/** Lines of one score over every day of the range, for a small inline chart. */
export const chartGeometry = (
  days: DayRow[],
  range: DayRange,
  scale: Scale,
  width = 600,
  height = 160,
  pad = 12,
): ChartGeometry => scoreChart(historyChartDays(days, scale), range, width, height, pad);

// Local calendar days as "YYYY-MM-DD", computed without time zone drift.
import type { Translate } from "../localize/format";

export const HISTORY_MAX_DAYS = 366;
export const HISTORY_DEFAULT_DAYS = 30;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDay = (value: string | null | undefined): value is string => {
  const match = ISO_DAY.exec(value ?? "");
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.toISOString().slice(0, 10) === value;
};

// Days are counted at UTC midnight so that daylight saving never skips one.
const toUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: string, days: number): string =>
  new Date(toUtc(day) + days * 86_400_000).toISOString().slice(0, 10);

/** Days from start to end, both counted. */
export const daysInclusive = (start: string, end: string): number =>
  Math.round((toUtc(end) - toUtc(start)) / 86_400_000) + 1;

/** The browser's own calendar day, for when the couple's is not known yet. */
export const localDay = (now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export interface DayRange {
  start: string;
  end: string;
}

/** The last `days` days up to and including today. */
export const defaultRange = (today: string, days = HISTORY_DEFAULT_DAYS): DayRange => ({
  start: addDays(today, -(days - 1)),
  end: today,
});

export type RangeProblem =
  | { kind: "missing" }
  | { kind: "reversed" }
  | { kind: "too_long"; days: number };

export const validateRange = (
  range: Partial<DayRange>,
  maxDays = HISTORY_MAX_DAYS,
): RangeProblem | null => {
  if (!isIsoDay(range.start) || !isIsoDay(range.end)) {
    return { kind: "missing" };
  }
  if (range.end < range.start) {
    return { kind: "reversed" };
  }
  if (daysInclusive(range.start, range.end) > maxDays) {
    return { kind: "too_long", days: maxDays };
  }
  return null;
};

/** Why a range cannot be shown, in the user's words. */
export const rangeProblemMessage = (problem: RangeProblem, t: Translate): string =>
  problem.kind === "too_long"
    ? t("history.range_too_long", { days: problem.days })
    : t(`history.range_${problem.kind}`);

/** Every day from start to end, both included. */
export const eachDay = (range: DayRange): string[] => {
  const out: string[] = [];
  for (let day = range.start; day <= range.end; day = addDays(day, 1)) {
    out.push(day);
  }
  return out;
};

/** A calendar day in words, in the user's language. */
export const formatDay = (day: string, language: string, long = false): string => {
  if (!isIsoDay(day)) {
    return day;
  }
  try {
    return new Intl.DateTimeFormat(language, {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: long ? "long" : "short",
      ...(long ? { year: "numeric" } : {}),
    }).format(new Date(toUtc(day)));
  } catch {
    return day;
  }
};

/** A moment (ISO date and time) as the browser's local time of day, or the day too. */
export const formatMoment = (iso: string, language: string, withDay = false): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  try {
    return new Intl.DateTimeFormat(language, {
      ...(withDay ? { weekday: "short", day: "numeric", month: "short" } : {}),
      hour: "2-digit",
      minute: "2-digit",
    }).format(date);
  } catch {
    return iso;
  }
};

/** Grams as the user's language writes numbers: "0.1" or "0,1". */
export const formatGrams = (grams: number, language: string): string => {
  try {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(grams);
  } catch {
    return String(grams);
  }
};

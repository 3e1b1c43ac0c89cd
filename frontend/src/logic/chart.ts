// The points of a small score chart: one line per partner over every day of a
// range, a dot on each scored day and a mark under each dose day.
import { eachDay, type DayRange } from "./dates";

export type Who = "me" | "partner";

/** One day as the chart draws it: each partner's score (null: none) and their doses. */
export interface ChartDay {
  day: string;
  me: number | null;
  partner: number | null;
  dosedMe: boolean;
  dosedPartner: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** SVG polyline points for each partner; segments break on days without a score. */
  me: string[];
  partner: string[];
  /** Every scored day as a dot, so a lone day still shows. */
  meDots: { x: number; y: number }[];
  partnerDots: { x: number; y: number }[];
  /** Dose marks under the plot: mine above the partner's. */
  doses: { x: number; y: number; who: Who }[];
  /** y of scores 1..5, for grid lines. */
  levels: { score: number; y: number }[];
}

/** How far above the chart's bottom edge each partner's dose marks sit. */
const DOSE_MARK_RISE: Record<Who, number> = { me: 14, partner: 5 };

/** Lines of one score (1..5) for both partners over every day of the range. */
export const scoreChart = (
  days: ChartDay[],
  range: DayRange,
  width = 600,
  height = 160,
  pad = 12,
): ChartGeometry => {
  const all = eachDay(range);
  const byDay = new Map(days.map((row) => [row.day, row]));
  const plotBottom = height - pad * 2; // room below for the dose marks
  const x = (index: number) =>
    all.length <= 1 ? width / 2 : pad + (index * (width - pad * 2)) / (all.length - 1);
  const y = (score: number) => pad + ((5 - score) * (plotBottom - pad)) / 4;
  const round = (n: number) => Math.round(n * 10) / 10;
  const valueOf = (day: string, who: Who): number | null => byDay.get(day)?.[who] ?? null;

  const lines = (who: Who): string[] => {
    const segments: string[] = [];
    let current: string[] = [];
    all.forEach((day, index) => {
      const value = valueOf(day, who);
      if (value != null) {
        current.push(`${round(x(index))},${round(y(value))}`);
      } else if (current.length) {
        segments.push(current.join(" "));
        current = [];
      }
    });
    if (current.length) segments.push(current.join(" "));
    return segments;
  };

  const dots = (who: Who) =>
    all.flatMap((day, index) => {
      const value = valueOf(day, who);
      return value != null ? [{ x: round(x(index)), y: round(y(value)) }] : [];
    });

  const doses: ChartGeometry["doses"] = [];
  const dose = (index: number, who: Who) =>
    doses.push({ x: round(x(index)), y: height - DOSE_MARK_RISE[who], who });
  all.forEach((day, index) => {
    const found = byDay.get(day);
    if (found?.dosedMe) dose(index, "me");
    if (found?.dosedPartner) dose(index, "partner");
  });

  return {
    width,
    height,
    me: lines("me"),
    partner: lines("partner"),
    meDots: dots("me"),
    partnerDots: dots("partner"),
    doses,
    levels: [1, 2, 3, 4, 5].map((score) => ({ score, y: round(y(score)) })),
  };
};

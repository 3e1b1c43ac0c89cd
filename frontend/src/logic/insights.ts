// Turns the insights answer into sentences, chart lines and table rows.
//
// The figures are associations, not causes: the words say what went together,
// never what a dose did.
import type { Placeholders, Translate } from "../localize/format";
import type { InsightDayScores, InsightFigures, Insights } from "../types";
import { scoreChart, type ChartDay, type ChartGeometry } from "./chart";
import type { DayRange } from "./dates";

export const INSIGHTS_DEFAULT_DAYS = 90;
/** Fewer days than this in either group give no comparison (the server's rule). */
export const MIN_DAYS_PER_GROUP = 5;
export const INSIGHT_SCORES = ["mood", "connection"] as const;
export type InsightScore = (typeof INSIGHT_SCORES)[number];

/** Whose figures a sentence speaks of: the reader ("your") or the partner, by name. */
export type Reader = { me: true } | { me: false; name: string };

export type Comparison =
  | {
      kind: "enough";
      score: InsightScore;
      doseMean: number;
      restMean: number;
      doseDays: number;
      restDays: number;
      difference: number;
      low: number;
      high: number;
    }
  | { kind: "not_enough"; doseDays: number; restDays: number; needed: number };

/**
 * What a partner's figures allow: a comparison per score, or one "not enough
 * days yet" (the days are the same for every score, so it is said once).
 */
export const comparisonsOf = (figures: InsightFigures | null | undefined): Comparison[] => {
  const found: Comparison[] = [];
  for (const score of INSIGHT_SCORES) {
    const compared = figures?.dose_day_vs_rest_day?.[score];
    const dose = figures?.categories?.dose_day?.[score];
    const rest = figures?.categories?.rest_day?.[score];
    if (
      !compared?.enough ||
      compared.difference == null ||
      compared.low == null ||
      compared.high == null ||
      dose == null ||
      rest == null
    ) {
      return [
        {
          kind: "not_enough",
          doseDays: compared?.dose_days ?? figures?.categories?.dose_day?.days ?? 0,
          restDays: compared?.rest_days ?? figures?.categories?.rest_day?.days ?? 0,
          needed: MIN_DAYS_PER_GROUP,
        },
      ];
    }
    found.push({
      kind: "enough",
      score,
      doseMean: dose,
      restMean: rest,
      doseDays: compared.dose_days,
      restDays: compared.rest_days,
      difference: compared.difference,
      low: compared.low,
      high: compared.high,
    });
  }
  return found;
};

/** A mean or a difference with one decimal, as the language writes it ("4.5", "4,5"). */
export const formatFigure = (value: number, language: string): string => {
  const shown = Math.abs(value) < 0.05 ? 0 : value; // never "-0.0"
  try {
    return new Intl.NumberFormat(language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(shown);
  } catch {
    return shown.toFixed(1);
  }
};

/** One comparison in words: the means, then where the difference likely lies. */
export const comparisonSentence = (
  comparison: Comparison,
  reader: Reader,
  t: Translate,
  language: string,
): string => {
  const who = reader.me ? "me" : "partner";
  const name: Placeholders = reader.me ? {} : { name: reader.name };
  if (comparison.kind === "not_enough") {
    return t(`insights.not_enough_${who}`, {
      needed: comparison.needed,
      dose_days: comparison.doseDays,
      rest_days: comparison.restDays,
      ...name,
    });
  }
  const figure = (value: number) => formatFigure(value, language);
  const means = t(`insights.compare_${who}_${comparison.score}`, {
    dose: figure(comparison.doseMean),
    rest: figure(comparison.restMean),
    dose_days: comparison.doseDays,
    rest_days: comparison.restDays,
    ...name,
  });
  const likely = t("insights.difference", {
    difference: figure(comparison.difference),
    low: figure(comparison.low),
    high: figure(comparison.high),
  });
  return `${means} ${likely}`;
};

/** Everything said of one partner's figures, one paragraph per sentence. */
export const partnerSentences = (
  figures: InsightFigures | null | undefined,
  reader: Reader,
  t: Translate,
  language: string,
): string[] =>
  comparisonsOf(figures).map((comparison) => comparisonSentence(comparison, reader, t, language));

/** One day of the chart and the table, seen from the reader's side. */
export interface InsightDay {
  day: string;
  me: InsightDayScores;
  partner: InsightDayScores;
}

const NO_SCORES: InsightDayScores = { mood: null, connection: null, dosed: false };

/** The answer's days as the reader sees them (me and partner), oldest first. */
export const shapeSeries = (answer: Insights | null | undefined, mySlot: number): InsightDay[] => {
  const partnerSlot = mySlot === 1 ? 2 : 1;
  return [...(answer?.series ?? [])]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((entry) => ({
      day: entry.day,
      me: { ...NO_SCORES, ...entry.partners?.[String(mySlot)] },
      partner: { ...NO_SCORES, ...entry.partners?.[String(partnerSlot)] },
    }));
};

/** One score of every day, as the chart draws it. */
export const insightChartDays = (days: InsightDay[], score: InsightScore): ChartDay[] =>
  days.map((row) => ({
    day: row.day,
    me: row.me[score] ?? null,
    partner: row.partner[score] ?? null,
    dosedMe: row.me.dosed,
    dosedPartner: row.partner.dosed,
  }));

/** Lines of one score for both partners over every day of the range; dose days marked. */
export const insightChart = (
  days: InsightDay[],
  range: DayRange,
  score: InsightScore,
  width = 600,
  height = 140,
  pad = 12,
): ChartGeometry => scoreChart(insightChartDays(days, score), range, width, height, pad);

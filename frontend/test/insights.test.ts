import assert from "node:assert/strict";
import { test } from "node:test";
import { Localizer } from "../src/localize/localize";
import { PANEL_STRINGS } from "../src/localize/strings";
import { defaultRange } from "../src/logic/dates";
import {
  comparisonsOf,
  formatFigure,
  INSIGHTS_DEFAULT_DAYS,
  insightChart,
  insightChartDays,
  MIN_DAYS_PER_GROUP,
  partnerSentences,
  shapeSeries,
} from "../src/logic/insights";
import type { InsightFigures, Insights } from "../src/types";

const group = (days: number, mood: number | null, connection: number | null) => ({
  days,
  mood,
  connection,
  stress: days ? 2 : null,
});

const notEnough = (dose: number, rest: number) => ({
  dose_days: dose,
  rest_days: rest,
  enough: false,
  difference: null,
  low: null,
  high: null,
  df: null,
});

// Alex: six dose days against six rest days (the figures of the integration's tests).
const alex: InsightFigures = {
  categories: {
    baseline: group(0, null, null),
    dose_day: group(6, 4.5, 4),
    day_after: group(6, 3, 4),
    rest_day: group(6, 2.5, 4.17),
    tolerance_break: group(0, null, null),
    paused: group(0, null, null),
  },
  dose_day_vs_rest_day: {
    mood: { dose_days: 6, rest_days: 6, enough: true, difference: 2, low: 1.3, high: 2.7, df: 10 },
    connection: {
      dose_days: 6,
      rest_days: 6,
      enough: true,
      difference: -0.17,
      low: -0.61,
      high: 0.27,
      df: 9.4,
    },
    stress: { dose_days: 6, rest_days: 6, enough: true, difference: 0, low: 0, high: 0, df: 10 },
  },
};

// Sam: three dose days and four rest days, not enough for a comparison.
const sam: InsightFigures = {
  categories: {
    dose_day: group(3, 4, 5),
    rest_day: group(4, 3, 4),
  },
  dose_day_vs_rest_day: {
    mood: notEnough(3, 4),
    connection: notEnough(3, 4),
    stress: notEnough(3, 4),
  },
};

const answer: Insights = {
  start: "2026-01-05",
  end: "2026-01-09",
  partners: { "1": alex, "2": sam },
  couple: alex,
  series: [
    {
      day: "2026-01-08",
      partners: {
        "1": { mood: 5, connection: 4, dosed: true },
        "2": { mood: null, connection: null, dosed: true },
      },
    },
    {
      day: "2026-01-05",
      partners: {
        "1": { mood: 4, connection: 3, dosed: true },
        "2": { mood: 2, connection: 5, dosed: false },
      },
    },
    {
      day: "2026-01-06",
      partners: {
        "1": { mood: 3, connection: 3, dosed: false },
        "2": { mood: 3, connection: 4, dosed: false },
      },
    },
  ],
};

const en = new Localizer("en", PANEL_STRINGS.en, PANEL_STRINGS.en);
const fi = new Localizer("fi", PANEL_STRINGS.fi, PANEL_STRINGS.en);
const tEn = en.t.bind(en);
const tFi = fi.t.bind(fi);

test("the reader's own comparison, in words, with the likely range of the difference", () => {
  assert.deepEqual(partnerSentences(alex, { me: true }, tEn, "en"), [
    "On your dose days your mood was 4.5 on average, on rest days 2.5 (6 and 6 days). " +
      "The difference, 2.0, is likely between 1.3 and 2.7.",
    "On your dose days your connection was 4.0 on average, on rest days 4.2 (6 and 6 days). " +
      "The difference, -0.2, is likely between -0.6 and 0.3.",
  ]);
});

test("the partner's comparison names them", () => {
  const [mood] = partnerSentences(alex, { me: false, name: "Alex" }, tEn, "en");
  assert.match(mood, /^On Alex's dose days their mood was 4\.5 on average/);
});

test("too few days: one calm sentence with the counts, no numbers to over-read", () => {
  assert.deepEqual(partnerSentences(sam, { me: true }, tEn, "en"), [
    "Not enough days yet: at least 5 dose days and 5 rest days are needed (you have 3 and 4).",
  ]);
  assert.deepEqual(partnerSentences(sam, { me: false, name: "Sam" }, tEn, "en"), [
    "Not enough days yet: at least 5 dose days and 5 rest days are needed (Sam has 3 and 4).",
  ]);
  assert.deepEqual(comparisonsOf(sam), [
    { kind: "not_enough", doseDays: 3, restDays: 4, needed: MIN_DAYS_PER_GROUP },
  ]);
});

test("no figures at all still say how many days are missing", () => {
  assert.deepEqual(comparisonsOf(undefined), [
    { kind: "not_enough", doseDays: 0, restDays: 0, needed: 5 },
  ]);
  assert.deepEqual(partnerSentences(null, { me: true }, tEn, "en"), [
    "Not enough days yet: at least 5 dose days and 5 rest days are needed (you have 0 and 0).",
  ]);
});

test("in Finnish, with Finnish decimals and every placeholder filled", () => {
  const sentences = [
    ...partnerSentences(alex, { me: true }, tFi, "fi"),
    ...partnerSentences(alex, { me: false, name: "Sam" }, tFi, "fi"),
    ...partnerSentences(sam, { me: true }, tFi, "fi"),
    ...partnerSentences(sam, { me: false, name: "Sam" }, tFi, "fi"),
  ];
  assert.equal(sentences.length, 6);
  for (const sentence of sentences) {
    assert.doesNotMatch(sentence, /\{\w+\}/);
  }
  assert.match(sentences[0], /mielialasi oli keskimäärin 4,5, lepopäivinä 2,5 \(6 ja 6 päivää\)/);
  assert.match(sentences[0], /Ero on 2,0/);
  assert.match(sentences[2], /Sam otti annoksen/);
  assert.match(sentences[4], /vähintään 5 annospäivää ja 5 lepopäivää/);
  assert.match(sentences[5], /Sam on kertonut kuulumisensa 3 annospäivänä ja 4 lepopäivänä/);
});

test("figures keep one decimal and never show minus zero", () => {
  assert.equal(formatFigure(2, "en"), "2.0");
  assert.equal(formatFigure(4.17, "en"), "4.2");
  assert.equal(formatFigure(-0.04, "en"), "0.0");
  assert.equal(formatFigure(1.3, "fi"), "1,3");
});

test("the association line is always there, in both languages", () => {
  assert.match(tEn("insights.association"), /associations, not causes/);
  assert.match(tEn("insights.association"), /expect/);
  assert.notEqual(tFi("insights.association"), "insights.association");
});

test("the series as the reader sees it, oldest first", () => {
  const mine = shapeSeries(answer, 1);
  assert.deepEqual(mine.map((day) => day.day), ["2026-01-05", "2026-01-06", "2026-01-08"]);
  assert.deepEqual(mine[0].me, { mood: 4, connection: 3, dosed: true });
  assert.deepEqual(mine[0].partner, { mood: 2, connection: 5, dosed: false });
  const theirs = shapeSeries(answer, 2);
  assert.deepEqual(theirs[0].me, mine[0].partner);
  assert.deepEqual(theirs[2].me, { mood: null, connection: null, dosed: true });
  assert.deepEqual(shapeSeries(null, 1), []);
});

test("a day missing a partner altogether counts as no scores and no dose", () => {
  const lonely: Insights = {
    ...answer,
    series: [{ day: "2026-01-05", partners: { "1": { mood: 4, connection: 4, dosed: false } } }],
  };
  assert.deepEqual(shapeSeries(lonely, 1)[0].partner, { mood: null, connection: null, dosed: false });
});

test("the chart takes one score of each day as the reader sees it, and who took a dose", () => {
  const days = shapeSeries(answer, 1);
  assert.deepEqual(insightChartDays(days, "connection"), [
    { day: "2026-01-05", me: 3, partner: 5, dosedMe: true, dosedPartner: false },
    { day: "2026-01-06", me: 3, partner: 4, dosedMe: false, dosedPartner: false },
    { day: "2026-01-08", me: 4, partner: null, dosedMe: true, dosedPartner: true },
  ]);
  assert.deepEqual(
    insightChartDays(shapeSeries(answer, 2), "mood").map((day) => [day.me, day.partner]),
    [
      [2, 4],
      [3, 3],
      [null, 5],
    ],
  );
  const mood = insightChart(days, { start: answer.start, end: answer.end }, "mood");
  assert.deepEqual([mood.width, mood.height], [600, 140]);
  // Mine: the 5th, 6th, then the 8th alone.
  assert.equal(mood.me.length, 2);
  assert.equal(mood.meDots.length, 3);
  assert.deepEqual(mood.doses.map((dose) => dose.who), ["me", "me", "partner"]);
});

test("the default range is the last 90 days", () => {
  assert.equal(INSIGHTS_DEFAULT_DAYS, 90);
  assert.deepEqual(defaultRange("2026-11-30", INSIGHTS_DEFAULT_DAYS), {
    start: "2026-09-02",
    end: "2026-11-30",
  });
});

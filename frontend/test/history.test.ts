import assert from "node:assert/strict";
import { test } from "node:test";
import { Localizer } from "../src/localize/localize";
import { PANEL_STRINGS } from "../src/localize/strings";
import {
  addDays,
  daysInclusive,
  defaultRange,
  eachDay,
  formatDay,
  formatGrams,
  isIsoDay,
  localDay,
  rangeProblemMessage,
  validateRange,
} from "../src/logic/dates";
import { chartGeometry, historyChartDays, shapeHistory } from "../src/logic/history";
import type { History } from "../src/types";

const history: History = {
  check_ins: [
    { partner: 1, at: "2026-11-28T09:00:00+02:00", day: "2026-11-28", mood: 3, connection: 3, stress: 3, note: "slow morning" },
    { partner: 1, at: "2026-11-28T21:00:00+02:00", day: "2026-11-28", mood: 4, connection: 5, stress: 2 },
    { partner: 2, at: "2026-11-28T20:00:00+02:00", day: "2026-11-28", mood: 2, connection: 4, stress: 4 },
    { partner: 2, at: "2026-11-29T20:00:00+02:00", day: "2026-11-29", mood: 5, connection: 5, stress: 1 },
    { partner: 1, at: "2026-11-30T08:00:00+02:00", day: "2026-11-30", mood: 5, connection: 4, stress: 1, note: "" },
  ],
  prompts: [
    { day: "2026-11-28", prompt_id: "p1", theme: "gratitude", text: "Old", answered: [1, 2], revealed: true, answers: { "1": "mine old", "2": "theirs old" }, own_answer: "mine old" },
    { day: "2026-11-29", prompt_id: "p2", theme: "trust", text: "Half", answered: [1], revealed: false, own_answer: "only mine" },
    { day: "2026-11-30", prompt_id: "p3", theme: "trust", text: "Theirs only", answered: [2], revealed: false, answers: { "2": "must not leak" }, own_answer: null },
  ],
  doses: [
    { dose_id: "d1", partner: 1, day: "2026-11-28", taken_at: "2026-11-28T08:00:00+02:00", amount_g: 0.1, form: "dried", off_protocol: false, flags: [] },
    { dose_id: "d2", partner: 2, day: "2026-11-30", taken_at: "2026-11-30T08:00:00+02:00", amount_g: 0.1, form: "dried", off_protocol: true, flags: ["rest_day"] },
  ],
};

test("my check-ins only, newest first, with my notes", () => {
  const shaped = shapeHistory(history, 1);
  assert.deepEqual(
    shaped.myCheckIns.map((entry) => [entry.day, entry.mood, entry.note]),
    [
      ["2026-11-30", 5, null],
      ["2026-11-28", 4, null],
      ["2026-11-28", 3, "slow morning"],
    ],
  );
});

test("for the other partner, their own check-ins are theirs", () => {
  const shaped = shapeHistory(history, 2);
  assert.deepEqual(shaped.myCheckIns.map((entry) => entry.day), ["2026-11-29", "2026-11-28"]);
});

test("both partners' scores per day, the last check-in of the day winning", () => {
  const { days } = shapeHistory(history, 1);
  assert.deepEqual(days.map((row) => row.day), ["2026-11-28", "2026-11-29", "2026-11-30"]);
  assert.deepEqual(days[0].me, { mood: 4, connection: 5, stress: 2 });
  assert.deepEqual(days[0].partner, { mood: 2, connection: 4, stress: 4 });
  assert.equal(days[1].me, null);
  assert.deepEqual(days[1].partner, { mood: 5, connection: 5, stress: 1 });
});

test("dose days are marked per partner, off protocol too", () => {
  const { days } = shapeHistory(history, 1);
  assert.deepEqual(
    days.map((row) => [row.day, row.dosedMe, row.dosedPartner, row.offProtocol]),
    [
      ["2026-11-28", true, false, false],
      ["2026-11-29", false, false, false],
      ["2026-11-30", false, true, true],
    ],
  );
  const theirs = shapeHistory(history, 2).days;
  assert.equal(theirs[0].dosedMe, false);
  assert.equal(theirs[0].dosedPartner, true);
});

test("past prompts: both answers once revealed, my own before, never theirs before", () => {
  const { prompts } = shapeHistory(history, 1);
  assert.deepEqual(
    prompts.map((p) => [p.day, p.revealed, p.mine, p.theirs]),
    [
      ["2026-11-30", false, null, null],
      ["2026-11-29", false, "only mine", null],
      ["2026-11-28", true, "mine old", "theirs old"],
    ],
  );
});

test("the other partner sees the same revealed answers the other way round", () => {
  const old = shapeHistory(history, 2).prompts.find((p) => p.promptId === "p1");
  assert.equal(old?.mine, "theirs old");
  assert.equal(old?.theirs, "mine old");
});

test("an empty or missing history shapes to nothing", () => {
  assert.deepEqual(shapeHistory(null, 1), { myCheckIns: [], days: [], prompts: [] });
  assert.deepEqual(shapeHistory({ check_ins: [], prompts: [], doses: [] }, 2), {
    myCheckIns: [],
    days: [],
    prompts: [],
  });
});

test("the chart takes the chosen score of each partner's day, and who took a dose", () => {
  const { days } = shapeHistory(history, 1);
  assert.deepEqual(historyChartDays(days, "connection"), [
    { day: "2026-11-28", me: 5, partner: 4, dosedMe: true, dosedPartner: false },
    { day: "2026-11-29", me: null, partner: 5, dosedMe: false, dosedPartner: false },
    { day: "2026-11-30", me: 4, partner: null, dosedMe: false, dosedPartner: true },
  ]);
  const chart = chartGeometry(days, { start: "2026-11-28", end: "2026-11-30" }, "mood");
  assert.deepEqual([chart.width, chart.height], [600, 160]);
  // Mine: the 28th and the 30th, with the 29th missing: two segments.
  assert.equal(chart.me.length, 2);
  assert.deepEqual(chart.doses.map((dose) => dose.who), ["me", "partner"]);
});

test("day arithmetic does not drift across daylight saving or month ends", () => {
  assert.equal(addDays("2026-03-29", 1), "2026-03-30");
  assert.equal(addDays("2026-10-25", -1), "2026-10-24");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(daysInclusive("2026-11-01", "2026-11-30"), 30);
  assert.equal(eachDay({ start: "2026-11-29", end: "2026-12-01" }).length, 3);
});

test("the default range is the last 30 days, both ends counted", () => {
  assert.deepEqual(defaultRange("2026-11-30"), { start: "2026-11-01", end: "2026-11-30" });
  assert.equal(daysInclusive(defaultRange("2026-03-15").start, "2026-03-15"), 30);
});

test("ranges: missing, reversed and too long are refused as the server would", () => {
  assert.deepEqual(validateRange({ start: "2026-11-01" }), { kind: "missing" });
  assert.deepEqual(validateRange({ start: "2026-02-30", end: "2026-03-01" }), { kind: "missing" });
  assert.deepEqual(validateRange({ start: "2026-11-30", end: "2026-11-01" }), { kind: "reversed" });
  assert.equal(validateRange({ start: "2025-01-01", end: "2026-01-01" }), null); // 366 days
  assert.deepEqual(validateRange({ start: "2025-01-01", end: "2026-01-02" }), {
    kind: "too_long",
    days: 366,
  });
  assert.equal(validateRange({ start: "2026-11-30", end: "2026-11-30" }), null);
});

test("a refused range says why, in words", () => {
  const en = new Localizer("en", PANEL_STRINGS.en, PANEL_STRINGS.en);
  const fi = new Localizer("fi", PANEL_STRINGS.fi, PANEL_STRINGS.en);
  const t = en.t.bind(en);
  assert.equal(rangeProblemMessage({ kind: "missing" }, t), "Choose both dates.");
  assert.equal(
    rangeProblemMessage({ kind: "reversed" }, t),
    "The end date is before the start date.",
  );
  assert.equal(
    rangeProblemMessage({ kind: "too_long", days: 366 }, t),
    "Choose at most 366 days at a time.",
  );
  const tooLong = rangeProblemMessage({ kind: "too_long", days: 366 }, fi.t.bind(fi));
  assert.match(tooLong, /366/);
  assert.notEqual(tooLong, t("history.range_too_long", { days: 366 }));
});

test("ISO days and local days", () => {
  assert.equal(isIsoDay("2026-11-30"), true);
  assert.equal(isIsoDay("2026-13-01"), false);
  assert.equal(isIsoDay("30.11.2026"), false);
  assert.equal(localDay(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
});

test("days and grams in words, by language", () => {
  assert.match(formatDay("2026-12-02", "en"), /2/);
  assert.match(formatDay("2026-12-02", "en", true), /December/);
  assert.equal(formatDay("not a day", "en"), "not a day");
  assert.equal(formatGrams(0.1, "en"), "0.1");
  assert.equal(formatGrams(0.1, "fi"), "0,1");
  assert.equal(formatGrams(0.25, "en"), "0.25");
});

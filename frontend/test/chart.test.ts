import assert from "node:assert/strict";
import { test } from "node:test";
import { scoreChart, type ChartDay } from "../src/logic/chart";

const day = (
  date: string,
  me: number | null,
  partner: number | null,
  dosedMe = false,
  dosedPartner = false,
): ChartDay => ({ day: date, me, partner, dosedMe, dosedPartner });

// Five days; the 7th and the 9th have no check-in at all, the 8th only mine.
const range = { start: "2026-01-05", end: "2026-01-09" };
const days = [
  day("2026-01-05", 4, 2, true),
  day("2026-01-06", 3, 3),
  day("2026-01-08", 5, null, true, true),
];

test("lines break on days without a score, and a lone day still gets its dot", () => {
  const chart = scoreChart(days, range, 200, 100, 10);
  // Five days from x=10 to x=190: 45 apart. Mine: the 5th, 6th, then the 8th alone.
  // y = 10 + (5 - score) * 70 / 4: a 4 at 27.5, a 3 at 45, a 5 at 10.
  assert.deepEqual(chart.me, ["10,27.5 55,45", "145,10"]);
  assert.deepEqual(chart.meDots, [
    { x: 10, y: 27.5 },
    { x: 55, y: 45 },
    { x: 145, y: 10 },
  ]);
  // The partner: the 5th and 6th only.
  assert.deepEqual(chart.partner, ["10,62.5 55,45"]);
  assert.equal(chart.partnerDots.length, 2);
  assert.equal(chart.width, 200);
  assert.equal(chart.height, 100);
});

test("dose days are marked below the plot, mine above the partner's", () => {
  const chart = scoreChart(days, range, 200, 100, 10);
  assert.deepEqual(chart.doses, [
    { x: 10, y: 86, who: "me" },
    { x: 145, y: 86, who: "me" },
    { x: 145, y: 95, who: "partner" },
  ]);
});

test("a higher score is drawn higher, on the grid lines of 1 to 5", () => {
  const chart = scoreChart(days, range, 200, 100, 10);
  const level = (score: number) => chart.levels.find((l) => l.score === score)!.y;
  assert.deepEqual(
    chart.levels.map((l) => l.score),
    [1, 2, 3, 4, 5],
  );
  assert.ok(level(5) < level(1));
  assert.equal(chart.meDots[0].y, level(4));
  assert.equal(chart.meDots[2].y, level(5));
  assert.equal(chart.partnerDots[0].y, level(2));
});

test("a single day sits in the middle", () => {
  const chart = scoreChart(days.slice(0, 1), { start: "2026-01-05", end: "2026-01-05" }, 200, 100);
  assert.deepEqual(chart.meDots, [{ x: 100, y: chart.levels[3].y }]);
  assert.deepEqual(chart.me, [`100,${chart.levels[3].y}`]);
});

test("days outside the range are not drawn, and no days draw only the grid", () => {
  const chart = scoreChart(days, { start: "2026-01-06", end: "2026-01-07" }, 200, 100, 10);
  assert.deepEqual(chart.me, ["10,45"]);
  assert.deepEqual(chart.doses, []);
  const empty = scoreChart([], range);
  assert.deepEqual([empty.me, empty.partner, empty.meDots, empty.doses], [[], [], [], []]);
  assert.equal(empty.levels.length, 5);
  assert.deepEqual([empty.width, empty.height], [600, 160]);
});

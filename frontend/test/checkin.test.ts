import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkInPayload,
  emptyCheckIn,
  isScore,
  NOTE_MAX,
  parseScore,
  validateCheckIn,
} from "../src/logic/checkin";

const full = { mood: 4, connection: 3, stress: 2, note: "" };

test("scores are the integers 1 to 5", () => {
  for (const score of [1, 2, 3, 4, 5]) assert.equal(isScore(score), true);
  for (const score of [0, 6, 2.5, -1, NaN, "3", null]) assert.equal(isScore(score), false);
});

test("radio values parse to scores", () => {
  assert.equal(parseScore("1"), 1);
  assert.equal(parseScore("5"), 5);
  assert.equal(parseScore("0"), null);
  assert.equal(parseScore("6"), null);
  assert.equal(parseScore("2.5"), null);
  assert.equal(parseScore(""), null);
  assert.equal(parseScore(null), null);
});

test("an empty form misses all three scores", () => {
  assert.deepEqual(
    validateCheckIn(emptyCheckIn()).map((problem) => problem.field),
    ["mood", "connection", "stress"],
  );
});

test("a full form with no note is valid and sends no note", () => {
  assert.deepEqual(validateCheckIn(full), []);
  assert.deepEqual(checkInPayload(full), { mood: 4, connection: 3, stress: 2 });
});

test("scores outside the scale are refused", () => {
  assert.deepEqual(
    validateCheckIn({ ...full, stress: 6 }).map((problem) => problem.field),
    ["stress"],
  );
  assert.equal(checkInPayload({ ...full, mood: 0 }), null);
  assert.equal(checkInPayload({ ...full, connection: 3.5 }), null);
});

test("a note of exactly 2000 characters is fine; 2001 is too long", () => {
  assert.deepEqual(validateCheckIn({ ...full, note: "a".repeat(NOTE_MAX) }), []);
  const problems = validateCheckIn({ ...full, note: "a".repeat(NOTE_MAX + 1) });
  assert.deepEqual(problems, [{ field: "note", kind: "too_long", count: 2001, max: 2000 }]);
});

test("note length counts characters, so 2000 emoji still fit", () => {
  assert.deepEqual(validateCheckIn({ ...full, note: "🌱".repeat(2000) }), []);
});

test("the note is sent trimmed; whitespace alone is no note", () => {
  assert.deepEqual(checkInPayload({ ...full, note: "  tired but fine \n" }), {
    ...{ mood: 4, connection: 3, stress: 2 },
    note: "tired but fine",
  });
  assert.deepEqual(checkInPayload({ ...full, note: "   " }), { mood: 4, connection: 3, stress: 2 });
});

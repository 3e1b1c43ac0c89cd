import assert from "node:assert/strict";
import { test } from "node:test";
import { promptView } from "../src/logic/prompt";
import type { TodayPrompt } from "../src/types";
import { today } from "./fixtures";

const prompt = (overrides: Partial<TodayPrompt> = {}): TodayPrompt => ({
  prompt_id: "gratitude_01",
  theme: "gratitude",
  text: "What are you grateful for?",
  i_answered: false,
  partner_answered: false,
  revealed: false,
  own_answer: null,
  ...overrides,
});

test("no prompt today", () => {
  assert.deepEqual(promptView(today()), { kind: "none" });
  assert.deepEqual(promptView(null), { kind: "none" });
});

test("not answered yet: the answer box", () => {
  const view = promptView(today({ prompt: prompt() }));
  assert.equal(view.kind, "answer");
  assert.equal(view.kind === "answer" && view.question, "What are you grateful for?");
  assert.equal(view.kind === "answer" && view.partnerAnswered, false);
});

test("the partner answered first: still my answer box, with a word about it", () => {
  const view = promptView(today({ prompt: prompt({ partner_answered: true }) }));
  assert.equal(view.kind, "answer");
  assert.equal(view.kind === "answer" && view.partnerAnswered, true);
  assert.equal(view.kind === "answer" && view.partnerName, "Sam");
});

test("I answered, the partner has not: waiting for them by name", () => {
  const view = promptView(today({ prompt: prompt({ i_answered: true, own_answer: "You." }) }));
  assert.deepEqual(view, {
    kind: "waiting",
    question: "What are you grateful for?",
    theme: "gratitude",
    partnerName: "Sam",
    ownAnswer: "You.",
  });
});

test("both answered: both answers with names", () => {
  const view = promptView(
    today({
      prompt: prompt({
        i_answered: true,
        partner_answered: true,
        revealed: true,
        own_answer: "You.",
        answers: { me: "You.", partner: "The morning walk." },
      }),
    }),
  );
  assert.equal(view.kind, "revealed");
  if (view.kind === "revealed") {
    assert.deepEqual(view.mine, { name: "Alex", text: "You." });
    assert.deepEqual(view.theirs, { name: "Sam", text: "The morning walk." });
  }
});

test("revealed without answers is not shown as revealed", () => {
  const view = promptView(today({ prompt: prompt({ i_answered: true, revealed: true }) }));
  assert.equal(view.kind, "waiting");
});

test("an answer just sent shows as waiting before the update arrives", () => {
  const t = today({ prompt: prompt() });
  const sent = { promptId: "gratitude_01", text: "Sent here" };
  const view = promptView(t, sent);
  assert.equal(view.kind, "waiting");
  assert.equal(view.kind === "waiting" && view.ownAnswer, "Sent here");
  // An answer to an earlier prompt does not count for a new one.
  assert.equal(promptView(t, { promptId: "other", text: "x" }).kind, "answer");
});

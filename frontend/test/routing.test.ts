import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseCouple, coupleFromSearch, urlFor, viewFromPath, VIEWS } from "../src/logic/routing";
import { activatesTab, nextTabIndex } from "../src/logic/tabs";
import type { Couple } from "../src/types";

test("each sub-path opens its view", () => {
  assert.equal(viewFromPath("/today"), "today");
  assert.equal(viewFromPath("/dose"), "dose");
  assert.equal(viewFromPath("/check-in"), "check-in");
  assert.equal(viewFromPath("/prompt"), "prompt");
  assert.equal(viewFromPath("/ritual"), "ritual");
  assert.equal(viewFromPath("/history"), "history");
  assert.equal(viewFromPath("/insights"), "insights");
});

test("empty, unknown and decorated paths", () => {
  assert.equal(viewFromPath(""), "today");
  assert.equal(viewFromPath("/"), "today");
  assert.equal(viewFromPath(undefined), "today");
  assert.equal(viewFromPath("/nowhere"), "today");
  assert.equal(viewFromPath("prompt"), "prompt");
  assert.equal(viewFromPath("/prompt/"), "prompt");
  assert.equal(viewFromPath("/check-in?couple=abc"), "check-in");
  assert.equal(viewFromPath("/history/extra"), "history");
  assert.equal(viewFromPath("/checkin"), "today");
});

test("the couple comes from ?couple=", () => {
  assert.equal(coupleFromSearch("?couple=abc123"), "abc123");
  assert.equal(coupleFromSearch("couple=x&y=1"), "x");
  assert.equal(coupleFromSearch("?couple="), null);
  assert.equal(coupleFromSearch(""), null);
  assert.equal(coupleFromSearch(undefined), null);
});

const couple = (id: string): Couple => ({
  config_entry_id: id,
  couple_name: `Couple ${id}`,
  slot: 1,
  partner_name: "Alex",
});

test("no couples: nothing to choose", () => {
  assert.deepEqual(chooseCouple([], "a"), { kind: "none" });
});

test("one couple is shown whatever the query says", () => {
  const choice = chooseCouple([couple("a")], "zzz");
  assert.equal(choice.kind, "one");
  assert.equal(choice.kind === "one" && choice.couple.config_entry_id, "a");
});

test("several couples: the requested one, else the first", () => {
  const couples = [couple("a"), couple("b")];
  const requested = chooseCouple(couples, "b");
  assert.equal(requested.kind, "several");
  assert.equal(requested.kind === "several" && requested.couple.config_entry_id, "b");
  assert.equal(requested.kind === "several" && requested.couples.length, 2);
  const unknown = chooseCouple(couples, "c");
  assert.equal(unknown.kind !== "none" && unknown.couple.config_entry_id, "a");
  const none = chooseCouple(couples, null);
  assert.equal(none.kind !== "none" && none.couple.config_entry_id, "a");
});

test("urlFor writes the view and, when given, the couple", () => {
  assert.equal(urlFor("prompt", null), "/microdose-together/prompt");
  assert.equal(urlFor("check-in", "ab c"), "/microdose-together/check-in?couple=ab%20c");
  assert.equal(urlFor("today", null, "/custom/"), "/custom/today");
});

test("urlFor and viewFromPath agree", () => {
  for (const view of VIEWS) {
    const path = urlFor(view, "x").replace("/microdose-together", "");
    assert.equal(viewFromPath(path), view);
  }
});

test("Insights is the last tab, after My history", () => {
  assert.deepEqual(VIEWS.slice(-2), ["history", "insights"]);
  assert.equal(urlFor("insights", null), "/microdose-together/insights");
  assert.equal(viewFromPath("/insights?couple=abc"), "insights");
  // From the last tab, the arrow wraps to the first, as from any other last tab.
  assert.equal(nextTabIndex("ArrowRight", VIEWS.length - 1, VIEWS.length), 0);
  assert.equal(nextTabIndex("End", 0, VIEWS.length), VIEWS.indexOf("insights"));
});

test("arrow keys move between tabs and wrap around", () => {
  assert.equal(nextTabIndex("ArrowRight", 0, 6), 1);
  assert.equal(nextTabIndex("ArrowRight", 5, 6), 0);
  assert.equal(nextTabIndex("ArrowLeft", 0, 6), 5);
  assert.equal(nextTabIndex("ArrowLeft", 3, 6), 2);
  assert.equal(nextTabIndex("Home", 4, 6), 0);
  assert.equal(nextTabIndex("End", 1, 6), 5);
  assert.equal(nextTabIndex("a", 1, 6), null);
  assert.equal(nextTabIndex("Enter", 1, 6), null);
  assert.equal(nextTabIndex("ArrowRight", 0, 0), null);
});

test("Enter and Space activate a tab", () => {
  assert.equal(activatesTab("Enter"), true);
  assert.equal(activatesTab(" "), true);
  assert.equal(activatesTab("Tab"), false);
  assert.equal(activatesTab("ArrowDown"), false);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { flatten, placeholdersOf, substitute, textLength } from "../src/localize/format";
import { pickLanguage } from "../src/localize/language";
import { errorSentence, exceptionKey, Localizer, refusalKey } from "../src/localize/localize";
import { PANEL_STRINGS } from "../src/localize/strings";

test("pickLanguage follows Home Assistant's language, falling back to English", () => {
  assert.equal(pickLanguage("fi"), "fi");
  assert.equal(pickLanguage("fi-FI"), "fi");
  assert.equal(pickLanguage("FI"), "fi");
  assert.equal(pickLanguage("en-GB"), "en");
  assert.equal(pickLanguage("sv"), "en");
  assert.equal(pickLanguage(""), "en");
  assert.equal(pickLanguage(undefined), "en");
});

test("substitute fills known placeholders and leaves unknown ones", () => {
  assert.equal(substitute("Waiting for {name}", { name: "Sam" }), "Waiting for Sam");
  assert.equal(substitute("{a} and {a}", { a: 1 }), "1 and 1");
  assert.equal(substitute("Day {day} of {total}", { day: 3 }), "Day 3 of {total}");
  assert.equal(substitute("{x}", { x: 0 }), "0");
});

test("placeholdersOf lists each name once, sorted", () => {
  assert.deepEqual(placeholdersOf("{b} {a} {b}"), ["a", "b"]);
  assert.deepEqual(placeholdersOf("none"), []);
});

test("flatten turns nested tables into dotted keys", () => {
  assert.deepEqual(flatten({ a: { b: "x", c: { d: "y" } }, e: "z" }), {
    "a.b": "x",
    "a.c.d": "y",
    e: "z",
  });
});

test("textLength counts characters as the server does, not UTF-16 units", () => {
  assert.equal(textLength("🌱🌱"), 2);
  assert.equal(textLength("äö"), 2);
});

const resources = {
  [exceptionKey("dose_refused_rest_day")]:
    "Tänään on lepopäivä; seuraava annospäivä on {next_dose}.",
  [exceptionKey("needs_two")]: "{a} ja {b}",
};

test("a refusal becomes the sentence in the user's language", () => {
  const error = {
    code: "home_assistant_error",
    message: "Today is a rest day; the next dose day is 2026-12-02.",
    translation_domain: "microdose_together",
    translation_key: "dose_refused_rest_day",
    translation_placeholders: { next_dose: "2026-12-02" },
  };
  assert.equal(
    errorSentence(error, resources, "fallback"),
    "Tänään on lepopäivä; seuraava annospäivä on 2026-12-02.",
  );
});

test("a refusal without a translation falls back to the server's message", () => {
  const error = { message: "Server words", translation_key: "unknown_key" };
  assert.equal(errorSentence(error, resources, "fallback"), "Server words");
});

test("a translation with unfilled placeholders yields to the message", () => {
  const error = {
    message: "A and B",
    translation_key: "needs_two",
    translation_placeholders: { a: "A" },
  };
  assert.equal(errorSentence(error, resources, "fallback"), "A and B");
});

test("errors without any message use the fallback; thrown Errors their message", () => {
  assert.equal(errorSentence({ code: "x" }, resources, "fallback"), "fallback");
  assert.equal(errorSentence(null, resources, "fallback"), "fallback");
  assert.equal(errorSentence(new Error("boom"), resources, "fallback"), "boom");
});

test("another integration's translation key is looked up in its own domain", () => {
  const error = {
    message: "m",
    translation_domain: "other",
    translation_key: "dose_refused_rest_day",
  };
  assert.equal(errorSentence(error, resources, "fallback"), "m");
});

test("refusalKey reads the translation key only from error objects", () => {
  assert.equal(refusalKey({ translation_key: "dose_refused_off_protocol" }), "dose_refused_off_protocol");
  assert.equal(refusalKey("dose_refused_off_protocol"), null);
  assert.equal(refusalKey(undefined), null);
});

test("Localizer prefers server translations, then its own words, then the raw value", () => {
  const loc = new Localizer("fi", PANEL_STRINGS.fi, PANEL_STRINGS.en, {
    "component.microdose_together.entity.sensor.phase.state.rest_day": "Lepo (palvelin)",
  });
  assert.equal(loc.phase("rest_day"), "Lepo (palvelin)");
  assert.equal(loc.phase("dose_day"), "Annospäivä");
  assert.equal(loc.phase("new_phase"), "new_phase");
  assert.equal(loc.reason("busy_hours"), "Kalenterissa paljon varattua aikaa");
  assert.equal(loc.feels("not_calm"), "Levottomalta");
});

test("Localizer.t fills placeholders and falls back to English, then to the key", () => {
  const loc = new Localizer("fi", { "only.fi": "Hei {name}" }, { "only.en": "Hello" });
  assert.equal(loc.t("only.fi", { name: "Sam" }), "Hei Sam");
  assert.equal(loc.t("only.en"), "Hello");
  assert.equal(loc.t("missing.key"), "missing.key");
  assert.equal(loc.tOr("missing.key", "raw"), "raw");
});

test("Localizer.plural picks one or other", () => {
  const en = new Localizer("en", PANEL_STRINGS.en, PANEL_STRINGS.en);
  assert.equal(en.plural("check_in.streak", 1), "Streak: 1 day");
  assert.equal(en.plural("check_in.streak", 4), "Streak: 4 days");
  assert.equal(en.plural("check_in.streak", 0), "Streak: 0 days");
});

test("Localizer.error uses exceptions translations, then the generic sentence", () => {
  const loc = new Localizer("fi", PANEL_STRINGS.fi, PANEL_STRINGS.en, resources);
  assert.equal(
    loc.error({ translation_key: "dose_refused_rest_day", translation_placeholders: { next_dose: "ke" } }),
    "Tänään on lepopäivä; seuraava annospäivä on ke.",
  );
  assert.equal(loc.error({}), PANEL_STRINGS.fi["panel.error_generic"]);
});

test("Localizer.safetyNote prefers the user's language over the server's", () => {
  const loc = new Localizer("fi", PANEL_STRINGS.fi, PANEL_STRINGS.en, {
    "component.microdose_together.selector.safety_note.options.above_ceiling": "Ota rauhallisesti.",
  });
  assert.equal(loc.safetyNote("above_ceiling", "Go gently."), "Ota rauhallisesti.");
  assert.equal(loc.safetyNote("other", "Go gently."), "Go gently.");
  assert.equal(loc.safetyNote(undefined, undefined), null);
});

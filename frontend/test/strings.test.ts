import assert from "node:assert/strict";
import { test } from "node:test";
import enRaw from "../../custom_components/microdose_together/panel_strings/en.json";
import fiRaw from "../../custom_components/microdose_together/panel_strings/fi.json";
import { flatten, placeholdersOf } from "../src/localize/format";

const en = flatten(enRaw);
const fi = flatten(fiRaw);

test("English and Finnish have the same keys", () => {
  assert.deepEqual(Object.keys(fi).sort(), Object.keys(en).sort());
});

test("every string has the same placeholders in both languages", () => {
  const mismatched = Object.keys(en).filter(
    (key) => JSON.stringify(placeholdersOf(en[key])) !== JSON.stringify(placeholdersOf(fi[key] ?? "")),
  );
  assert.deepEqual(mismatched, []);
});

test("no string is empty", () => {
  for (const [language, table] of Object.entries({ en, fi })) {
    const empty = Object.entries(table).filter(([, value]) => !value.trim());
    assert.deepEqual(empty, [], `${language} has empty strings`);
  }
});

test("the labels browser tests rely on are the English strings", () => {
  assert.equal(en["tabs.today"], "Today");
  assert.equal(en["tabs.dose"], "My dose");
  assert.equal(en["tabs.check_in"], "Check in");
  assert.equal(en["tabs.prompt"], "Tonight's prompt");
  assert.equal(en["tabs.ritual"], "Ritual");
  assert.equal(en["tabs.history"], "My history");
  assert.equal(en["tabs.insights"], "Insights");
  assert.equal(en["insights.heading"], "Insights");
  assert.equal(en["check_in.save"], "Save check-in");
  assert.equal(en["check_in.note_label"], "Private note");
  assert.equal(en["prompt.send"], "Send answer");
  assert.equal(en["prompt.answer_label"], "Your answer");
  assert.equal(en["prompt.both"], "Both answers");
  assert.equal(en["ritual.start"], "Start ritual");
  assert.equal(en["ritual.end"], "End ritual");
  assert.equal(en["today.intention_save"], "Save intention");
  assert.match(en["dose.log"], /^Log my dose/);
});

test("Finnish is translated, not copied", () => {
  const same = Object.keys(en).filter(
    (key) => en[key] === fi[key] && /[a-z]{4,}/i.test(en[key].replace(/\{\w+\}/g, "")),
  );
  assert.deepEqual(same, []);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { Localizer } from "../src/localize/localize";
import { PANEL_STRINGS } from "../src/localize/strings";
import { alreadyRunning, keptChoice, presetChoices, presetLabel } from "../src/logic/presets";
import { ritualReport, targetName } from "../src/logic/ritual";
import { today } from "./fixtures";

test("each step is done, skipped (device missing) or failed, with its reason", () => {
  const summary = ritualReport({
    ok: false,
    steps: [
      { step: "light", target: "light.lamp", ok: true, error: null },
      { step: "volume", target: "media_player.tv", ok: false, error: "timeout" },
      { step: "light", target: "light.gone", ok: false, error: "missing" },
    ],
    missing: ["light.gone"],
  });
  assert.deepEqual([summary.done, summary.skipped, summary.failed], [1, 1, 1]);
  assert.deepEqual(summary.rows[1], {
    step: "volume",
    target: "media_player.tv",
    status: "failed",
    error: "timeout",
  });
  assert.deepEqual(ritualReport(null), { rows: [], done: 0, skipped: 0, failed: 0 });
});

test("a prompt step names the partner whose phones it reached", () => {
  const view = today();
  assert.deepEqual(targetName(`prompt_${view.me.slot}`, view, {}), {
    kind: "phones",
    name: view.me.name,
  });
  assert.deepEqual(targetName(`prompt_${view.partner.slot}`, view, {}), {
    kind: "phones",
    name: view.partner.name,
  });
});

test("a device is named as Home Assistant shows it, else by its id", () => {
  const states = { "light.bed": { attributes: { friendly_name: "Bed light" } } };
  assert.deepEqual(targetName("light.bed", today(), states), { kind: "device", name: "Bed light" });
  assert.deepEqual(targetName("light.gone", today(), states), { kind: "device", name: "light.gone" });
  assert.deepEqual(targetName("prompt_9", null, undefined), { kind: "phones", name: "prompt_9" });
});

const sauna = { id: "custom_1", name: "Sauna evening" };

test("the conversation is offered first, then the couple's presets in their order", () => {
  const given = [{ id: "walk", name: "" }, sauna, { id: "conversation", name: "" }];
  assert.deepEqual(
    presetChoices(given).map((preset) => preset.id),
    ["conversation", "walk", "custom_1"],
  );
  assert.deepEqual(presetChoices(today().ritual.presets).map((p) => p.id), [
    "conversation",
    "journaling",
    "walk",
  ]);
  // Without a list there is still the conversation to start.
  assert.deepEqual(presetChoices(undefined), [{ id: "conversation", name: "" }]);
});

test("the conversation is preselected; a choice stands while the preset exists", () => {
  const choices = presetChoices([...today().ritual.presets, sauna]);
  assert.equal(keptChoice(choices, null), "conversation");
  assert.equal(keptChoice(choices, "custom_1"), "custom_1");
  // The couple removed the preset that was chosen: back to the conversation.
  assert.equal(keptChoice(presetChoices(today().ritual.presets), "custom_1"), "conversation");
});

test("built-in presets are named in the reader's language, the couple's own by their name", () => {
  const presets = [...today().ritual.presets, sauna, { id: "custom_2", name: "  " }];
  for (const [language, names] of [
    ["en", ["Evening conversation", "Journaling side by side", "A walk together"]],
    ["fi", ["Iltakeskustelu", "Kirjoitetaan rinnakkain", "Yhteinen kävely"]],
  ] as const) {
    const loc = new Localizer(language, PANEL_STRINGS[language], PANEL_STRINGS.en);
    const label = (key: string, fallback: string) => loc.tOr(key, fallback);
    assert.deepEqual(
      ["conversation", "journaling", "walk"].map((id) => presetLabel(id, presets, label)),
      names,
    );
    assert.equal(presetLabel("custom_1", presets, label), "Sauna evening");
    // A preset without a name of its own, or one the list no longer has, keeps its id.
    assert.equal(presetLabel("custom_2", presets, label), "custom_2");
    assert.equal(presetLabel("custom_9", presets, label), "custom_9");
  }
});

test("the engine's new steps have words in both languages", () => {
  for (const language of ["en", "fi"] as const) {
    const loc = new Localizer(language, PANEL_STRINGS[language], {});
    for (const step of ["light_off", "resume_media"]) {
      assert.notEqual(loc.tOr(`ritual.step.${step}`, step), step, `${language} ${step}`);
    }
  }
  const en = new Localizer("en", PANEL_STRINGS.en, {});
  assert.equal(en.t("ritual.step.light_off"), "Turn the lights off");
  assert.equal(en.t("ritual.step.resume_media"), "Play the music again");
});

test("a start that found a ritual on names the one that runs", () => {
  assert.equal(
    alreadyRunning({ started: false, already_running: true, preset: "walk", steps: [] }),
    "walk",
  );
  assert.equal(alreadyRunning({ started: true, preset: "walk", steps: [] }), null);
  assert.equal(alreadyRunning(null), null);
});

import assert from "node:assert/strict";
import { test } from "node:test";
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

import assert from "node:assert/strict";
import { test } from "node:test";
import { Localizer } from "../src/localize/localize";
import { PANEL_STRINGS } from "../src/localize/strings";
import { amountText, doseView, idleAttempt, OFF_PROTOCOL_REFUSALS } from "../src/logic/dose";
import { today } from "./fixtures";

const refusal = (key: string) => ({
  code: "home_assistant_error",
  message: "refused",
  translation_domain: "microdose_together",
  translation_key: key,
  translation_placeholders: {},
});

test("before any attempt: the button is ready, nothing else shows", () => {
  const view = doseView(today(), idleAttempt());
  assert.equal(view.logDisabled, false);
  assert.equal(view.refused, false);
  assert.equal(view.needsAcknowledgement, false);
  assert.equal(view.logged, false);
  assert.equal(view.dosedToday, false);
});

test("without Today the button waits", () => {
  assert.equal(doseView(null, idleAttempt()).logDisabled, true);
});

test("a dose on a rest, break or paused day asks for the acknowledgement", () => {
  assert.deepEqual([...OFF_PROTOCOL_REFUSALS].sort(), [
    "dose_refused_paused",
    "dose_refused_rest_day",
    "dose_refused_tolerance_break",
  ]);
  for (const key of OFF_PROTOCOL_REFUSALS) {
    const view = doseView(today(), { ...idleAttempt(), error: refusal(key) });
    assert.equal(view.refused, true, key);
    assert.equal(view.needsAcknowledgement, true, key);
    assert.equal(view.confirmDisabled, true, "confirm waits for the checkbox");
  }
});

test("ticking the checkbox enables the confirm button, but not while sending", () => {
  const error = refusal("dose_refused_rest_day");
  assert.equal(doseView(today(), { ...idleAttempt(), error, acknowledged: true }).confirmDisabled, false);
  assert.equal(
    doseView(today(), { ...idleAttempt(), error, acknowledged: true, busy: true }).confirmDisabled,
    true,
  );
});

test("a second dose (no stacking) or one above the ceiling cannot be acknowledged", () => {
  for (const key of [
    "dose_refused_already_dosed_today",
    "dose_refused_already_dosed_yesterday",
    "dose_refused_above_ceiling",
    "dose_rejected_implausible_amount",
  ]) {
    const view = doseView(today(), { ...idleAttempt(), error: refusal(key), acknowledged: true });
    assert.equal(view.refused, true, key);
    assert.equal(view.needsAcknowledgement, false, key);
    assert.equal(view.confirmDisabled, true, key);
  }
});

test("a plain error without a key is shown but not acknowledgeable", () => {
  const view = doseView(today(), { ...idleAttempt(), error: new Error("lost connection") });
  assert.equal(view.refused, true);
  assert.equal(view.needsAcknowledgement, false);
});

test("a logged dose counts as dosed today, with its safety note", () => {
  const view = doseView(today(), {
    ...idleAttempt(),
    result: {
      dose_id: "d1",
      off_protocol: true,
      flags: ["above_ceiling"],
      safety_note_key: "above_ceiling",
      safety_note: "Go gently.",
    },
  });
  assert.equal(view.logged, true);
  assert.equal(view.loggedOffProtocol, true);
  assert.equal(view.safetyNote, true);
  assert.equal(view.dosedToday, true);
});

test("a plain logged dose has no safety note", () => {
  const view = doseView(today(), {
    ...idleAttempt(),
    result: { dose_id: "d1", off_protocol: false, flags: [] },
  });
  assert.equal(view.loggedOffProtocol, false);
  assert.equal(view.safetyNote, false);
});

test("dosed today comes from Today too", () => {
  const t = today();
  t.me.dosed_today = true;
  assert.equal(doseView(t, idleAttempt()).dosedToday, true);
});

test("the button names the configured amount and form, in the user's language", () => {
  const en = new Localizer("en", PANEL_STRINGS.en, PANEL_STRINGS.en);
  const fi = new Localizer("fi", PANEL_STRINGS.fi, PANEL_STRINGS.en);
  assert.equal(en.t("dose.log", { amount: amountText(today(), en) }), "Log my dose · 0.1 g dried");
  assert.equal(
    en.t("dose.log", { amount: amountText(today({ dose: { amount_g: 0.25, form: "fresh_truffle" } }), en) }),
    "Log my dose · 0.25 g fresh truffle",
  );
  assert.equal(amountText(today(), fi), "0,1 g kuivattuja sieniä");
  assert.equal(amountText(today({ dose: { amount_g: 1, form: "capsule" } }), en), "1 g capsule");
});

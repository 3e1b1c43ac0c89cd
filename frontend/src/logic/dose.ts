// What the dose button and its confirmation show, from the last answer.
import { refusalKey, type Localizer } from "../localize/localize";
import { formatGrams } from "./dates";
import type { DoseResult, Today } from "../types";

/**
 * Refusals of a day that is not a dose day: the dose may still be recorded,
 * marked off protocol, once the person says they understand. A second dose
 * the same day (no stacking) or one above the ceiling is never offered.
 */
export const OFF_PROTOCOL_REFUSALS: ReadonlySet<string> = new Set([
  "dose_refused_rest_day",
  "dose_refused_tolerance_break",
  "dose_refused_paused",
]);

export interface DoseAttempt {
  busy: boolean;
  /** The error of the last request, if it was refused. */
  error: unknown | null;
  /** The answer of the last request, if it was logged. */
  result: DoseResult | null;
  /** Whether the person ticked "I understand this is off protocol". */
  acknowledged: boolean;
}

export const idleAttempt = (): DoseAttempt => ({
  busy: false,
  error: null,
  result: null,
  acknowledged: false,
});

export interface DoseView {
  dosedToday: boolean;
  logDisabled: boolean;
  /** Show the refusal sentence. */
  refused: boolean;
  /** Show the checkbox and the confirm button. */
  needsAcknowledgement: boolean;
  confirmDisabled: boolean;
  logged: boolean;
  loggedOffProtocol: boolean;
  safetyNote: boolean;
}

export const doseView = (today: Pick<Today, "me"> | null, attempt: DoseAttempt): DoseView => {
  const needsAcknowledgement =
    attempt.error != null && OFF_PROTOCOL_REFUSALS.has(refusalKey(attempt.error) ?? "");
  const logged = attempt.error == null && attempt.result != null;
  return {
    dosedToday: Boolean(today?.me.dosed_today) || logged,
    logDisabled: attempt.busy || today == null,
    refused: attempt.error != null,
    needsAcknowledgement,
    confirmDisabled: !needsAcknowledgement || !attempt.acknowledged || attempt.busy,
    logged,
    loggedOffProtocol: logged && Boolean(attempt.result?.off_protocol),
    safetyNote: logged && Boolean(attempt.result?.safety_note || attempt.result?.safety_note_key),
  };
};

/** The configured amount in words: "0.1 g dried", "0,1 g kuivattuja sieniä". */
export const amountText = (today: Pick<Today, "dose">, loc: Localizer): string =>
  loc.t("dose.amount", {
    grams: formatGrams(today.dose.amount_g, loc.language),
    form: loc.tOr(`form.${today.dose.form}`, today.dose.form),
  });

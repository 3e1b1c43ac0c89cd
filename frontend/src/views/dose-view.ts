// My dose: one button for the planned amount; refusals in words, never pushed past.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../components/define";
import { fireRefresh } from "../components/refresh";
import { ViewBase } from "../components/view-base";
import { logDose } from "../data/websockets";
import { formatMoment } from "../logic/dates";
import { amountText, doseView, idleAttempt, type DoseAttempt } from "../logic/dose";
import { sharedStyles } from "../styles";

export class DoseView extends ViewBase {
  @state() private attempt: DoseAttempt = idleAttempt();

  private async send(acknowledge: boolean) {
    this.attempt = { ...this.attempt, busy: true };
    try {
      const result = await logDose(this.hass, this.entryId, acknowledge);
      this.attempt = { ...idleAttempt(), result };
      fireRefresh(this);
    } catch (error) {
      // A new refusal asks for a fresh acknowledgement.
      this.attempt = { ...idleAttempt(), error };
    }
  }

  protected override render() {
    const today = this.today;
    const loc = this.loc;
    const t = loc.t.bind(loc);
    if (!today) {
      return html`<div class="card"><p>${t("panel.not_connected")}</p></div>`;
    }
    const view = doseView(today, this.attempt);
    const amount = amountText(today, loc);
    const result = this.attempt.result;
    return html`
      <section class="card" aria-labelledby="dose-heading">
        <h2 id="dose-heading">${t("dose.heading")}</h2>
        <p>${t("dose.planned", { amount })}</p>
        <p class="big ${view.dosedToday ? "status" : ""}">
          ${view.dosedToday ? t("dose.dosed_today") : t("dose.not_dosed_today")}
        </p>
        ${today.me.last_dose
          ? html`<p class="muted">
              ${t("dose.last_dose", {
                when: formatMoment(today.me.last_dose, this.hass.language, true),
              })}
            </p>`
          : nothing}
        <p class="muted">${t("dose.doses_this_cycle", { count: today.me.doses_this_cycle })}</p>
        <button
          type="button"
          class="log"
          ?disabled=${view.logDisabled}
          aria-describedby="dose-outcome"
          @click=${() => this.send(false)}
        >
          ${t("dose.log", { amount })}
        </button>

        <div id="dose-outcome">
          ${view.refused
            ? html`<p class="notice ${view.needsAcknowledgement ? "" : "error-box"}" role="alert">
                ${loc.error(this.attempt.error)}
              </p>`
            : nothing}
          ${view.needsAcknowledgement
            ? html`<div class="ack">
                <p>${t("dose.ack_intro")}</p>
                <div class="check">
                  <input
                    id="ack"
                    type="checkbox"
                    .checked=${this.attempt.acknowledged}
                    @change=${(event: Event) => {
                      this.attempt = {
                        ...this.attempt,
                        acknowledged: (event.target as HTMLInputElement).checked,
                      };
                    }}
                  />
                  <label for="ack">${t("dose.ack_label")}</label>
                </div>
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${view.confirmDisabled}
                  @click=${() => this.send(true)}
                >
                  ${t("dose.confirm")}
                </button>
              </div>`
            : nothing}
          <p role="status" class="status">
            ${view.logged
              ? view.loggedOffProtocol
                ? t("dose.logged_off_protocol")
                : t("dose.logged")
              : ""}
          </p>
          ${view.safetyNote && result
            ? html`<aside class="notice" aria-labelledby="safety-heading">
                <h3 id="safety-heading">${t("dose.safety_heading")}</h3>
                <p>${loc.safetyNote(result.safety_note_key, result.safety_note)}</p>
              </aside>`
            : nothing}
        </div>
      </section>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      button.log {
        margin: 8px 0 4px;
        font-size: 1.05rem;
      }
      .ack {
        margin-top: 8px;
      }
      .check {
        display: flex;
        gap: 10px;
        align-items: flex-start;
        margin: 8px 0 12px;
      }
      .check input {
        width: 22px;
        height: 22px;
        margin: 0;
        flex: none;
      }
      .check label {
        margin: 0;
        font-weight: 400;
      }
      .notice h3 {
        margin-top: 0;
      }
    `,
  ];
}

define("mdt-dose-view", DoseView);

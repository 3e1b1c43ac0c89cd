// Today: where the practice stands, how the day feels, and the shared intention.
import { css, html, nothing, type PropertyValues } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../components/define";
import { fireRefresh } from "../components/refresh";
import { ViewBase } from "../components/view-base";
import { setIntention, setTodayFeels } from "../data/websockets";
import { textLength } from "../localize/format";
import { formatDay } from "../logic/dates";
import { sharedStyles } from "../styles";
import type { PartnerToday, TodayFeels } from "../types";

export const INTENTION_MAX = 255;
const FEELS: TodayFeels[] = ["automatic", "calm", "not_calm"];

export class TodayView extends ViewBase {
  @state() private draft: string | null = null;
  @state() private intentionStatus: "idle" | "saving" | "saved" = "idle";
  @state() private intentionError: string | null = null;
  @state() private feelsStatus: "idle" | "saving" | "saved" = "idle";
  @state() private feelsError: string | null = null;
  // After a save the next Today carries the saved words; until then keep showing them.
  private dropDraftOnUpdate = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("today") && this.dropDraftOnUpdate) {
      this.dropDraftOnUpdate = false;
      this.draft = null;
    }
  }

  private get intention(): string {
    return this.draft ?? this.today?.intention ?? "";
  }

  private async saveIntention(event: Event) {
    event.preventDefault();
    const intention = this.intention.trim();
    if (textLength(intention) > INTENTION_MAX) {
      this.intentionError = this.loc.t("today.intention_too_long", { max: INTENTION_MAX });
      return;
    }
    this.intentionError = null;
    this.intentionStatus = "saving";
    try {
      await setIntention(this.hass, this.entryId, intention);
      this.intentionStatus = "saved";
      this.dropDraftOnUpdate = true;
      fireRefresh(this);
    } catch (error) {
      this.intentionStatus = "idle";
      this.intentionError = this.loc.error(error);
    }
  }

  private async changeFeels(event: Event) {
    const select = event.target as HTMLSelectElement;
    const value = select.value as TodayFeels;
    this.feelsError = null;
    this.feelsStatus = "saving";
    try {
      await setTodayFeels(this.hass, this.entryId, value);
      this.feelsStatus = "saved";
      fireRefresh(this);
    } catch (error) {
      this.feelsStatus = "idle";
      this.feelsError = this.loc.error(error);
      // Show what is really set, not the refused choice.
      select.value = this.today?.today_feels ?? "automatic";
    }
  }

  private partnerLine(partner: PartnerToday) {
    const { t } = this.bound;
    return html`<li>
      <strong>${partner.name}</strong>:
      ${partner.dosed_today ? t("today.dosed_today") : t("today.not_dosed_today")} ·
      ${partner.check_in.checked_in_today
        ? t("today.checked_in_today")
        : t("today.not_checked_in_today")}
    </li>`;
  }

  private get bound() {
    return { t: this.loc.t.bind(this.loc) };
  }

  protected override render() {
    const today = this.today;
    if (!today) {
      return html`<div class="card"><p>${this.loc.t("panel.not_connected")}</p></div>`;
    }
    const { t } = this.bound;
    const lang = this.hass.language;
    const calm = today.calm;
    return html`
      <section class="card" aria-labelledby="today-heading">
        <h2 id="today-heading">${t("today.heading")}</h2>
        <p class="big">
          <span class="muted">${t("today.phase_label")}:</span>
          <strong>${this.loc.phase(today.phase)}</strong>
        </p>
        ${today.cycle_day != null
          ? html`<p>${t("today.cycle_day", { day: today.cycle_day })}</p>`
          : nothing}
        ${today.pause_begins
          ? html`<p>${t("today.pause_begins", { date: formatDay(today.pause_begins, lang, true) })}</p>`
          : today.paused
            ? html`<p>${t("today.paused")}</p>`
            : nothing}
        ${today.phase === "tolerance_break" && today.break_end
          ? html`<p>${t("today.break_end", { date: formatDay(today.break_end, lang, true) })}</p>`
          : nothing}
        <p>
          ${today.next_dose === today.today
            ? t("today.dose_today")
            : today.next_dose
              ? t("today.next_dose", { date: formatDay(today.next_dose, lang, true) })
              : t("today.no_next_dose")}
        </p>
      </section>

      <section class="card" aria-labelledby="calm-heading">
        <h2 id="calm-heading">${t("today.calm_heading")}</h2>
        ${calm == null
          ? html`<p class="muted">${t("today.calm_unknown")}</p>`
          : calm.calm
            ? html`<p>${t("today.calm_yes")}</p>`
            : html`<p>${t("today.calm_no")}</p>`}
        ${calm && calm.reasons.length
          ? html`<ul class="reasons">
              ${calm.reasons.map((reason) => html`<li>${this.loc.reason(reason)}</li>`)}
            </ul>`
          : nothing}
        <label for="feels">${t("today.feels_label")}</label>
        <p class="hint" id="feels-hint">${t("today.feels_hint")}</p>
        <div class="row">
          <select
            id="feels"
            aria-describedby="feels-hint"
            .value=${today.today_feels}
            @change=${this.changeFeels}
          >
            ${FEELS.map(
              (option) =>
                html`<option value=${option} ?selected=${option === today.today_feels}>
                  ${this.loc.feels(option)}
                </option>`,
            )}
          </select>
          <span role="status" class="status">
            ${this.feelsStatus === "saved" ? t("panel.saved") : ""}
          </span>
        </div>
        ${this.feelsError ? html`<p class="error" role="alert">${this.feelsError}</p>` : nothing}
      </section>

      <section class="card" aria-labelledby="intention-heading">
        <h2 id="intention-heading">${t("today.intention_heading")}</h2>
        <form @submit=${this.saveIntention}>
          <label for="intention">${t("today.intention_label")}</label>
          <p class="hint" id="intention-hint">${t("today.intention_hint")}</p>
          <input
            id="intention"
            type="text"
            autocomplete="off"
            aria-describedby="intention-hint"
            .value=${this.intention}
            @input=${(event: Event) => {
              this.draft = (event.target as HTMLInputElement).value;
              this.intentionStatus = "idle";
            }}
          />
          <div class="row actions">
            <button type="submit" ?disabled=${this.intentionStatus === "saving"}>
              ${t("today.intention_save")}
            </button>
            <span role="status" class="status">
              ${this.intentionStatus === "saved" ? t("panel.saved") : ""}
            </span>
          </div>
          ${this.intentionError
            ? html`<p class="error" role="alert">${this.intentionError}</p>`
            : nothing}
        </form>
      </section>

      <section class="card" aria-labelledby="us-heading">
        <h2 id="us-heading">${t("today.us_heading")}</h2>
        <ul class="plain us">
          ${this.partnerLine(today.me)} ${this.partnerLine(today.partner)}
        </ul>
      </section>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      #intention {
        width: 100%;
      }
      .actions {
        margin-top: 12px;
      }
      .reasons {
        margin: 0 0 16px;
        padding-left: 20px;
        line-height: 1.5;
      }
      .us li {
        margin: 6px 0;
        line-height: 1.5;
      }
    `,
  ];
}

define("mdt-today-view", TodayView);

// Check in: three 1–5 scales as native radio groups, and a note only I can read.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../components/define";
import { fireRefresh } from "../components/refresh";
import { ViewBase } from "../components/view-base";
import { checkIn } from "../data/websockets";
import { textLength } from "../localize/format";
import {
  checkInPayload,
  emptyCheckIn,
  NOTE_MAX,
  parseScore,
  SCALES,
  SCORE_VALUES,
  validateCheckIn,
  type CheckInDraft,
  type CheckInProblem,
  type Scale,
} from "../logic/checkin";
import { sharedStyles } from "../styles";

export class CheckInView extends ViewBase {
  @state() private draft: CheckInDraft = emptyCheckIn();
  @state() private problems: CheckInProblem[] = [];
  @state() private status: "idle" | "saving" | "saved" = "idle";
  @state() private error: string | null = null;
  // Problems show only after a first try, not while the person is still choosing.
  @state() private tried = false;

  private update_(change: Partial<CheckInDraft>) {
    this.draft = { ...this.draft, ...change };
    if (this.status === "saved") this.status = "idle";
    if (this.tried) this.problems = validateCheckIn(this.draft);
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.tried = true;
    this.problems = validateCheckIn(this.draft);
    const payload = checkInPayload(this.draft);
    if (!payload) {
      const first = this.problems[0]?.field;
      this.renderRoot.querySelector<HTMLElement>(
        first === "note" ? "#note" : `input[name="${first}"]`,
      )?.focus();
      return;
    }
    this.error = null;
    this.status = "saving";
    try {
      await checkIn(this.hass, this.entryId, payload);
      this.status = "saved";
      this.draft = emptyCheckIn();
      this.tried = false;
      this.problems = [];
      fireRefresh(this);
    } catch (error) {
      this.status = "idle";
      this.error = this.loc.error(error);
    }
  }

  private problemOf(field: Scale | "note") {
    return this.problems.find((problem) => problem.field === field);
  }

  private scale(scale: Scale) {
    const t = this.loc.t.bind(this.loc);
    const problem = this.problemOf(scale);
    return html`
      <fieldset
        class="scale"
        aria-describedby="${scale}-ends${problem ? ` ${scale}-error` : ""}"
      >
        <legend>${t(`check_in.${scale}`)}</legend>
        <div class="scale-row">
          <span class="end" id="${scale}-low">${t(`check_in.${scale}_low`)}</span>
          <div class="choices">
            ${SCORE_VALUES.map(
              (value) => html`
                <span class="choice">
                  <input
                    type="radio"
                    id="${scale}-${value}"
                    name=${scale}
                    .value=${String(value)}
                    .checked=${this.draft[scale] === value}
                    @change=${(event: Event) =>
                      this.update_({ [scale]: parseScore((event.target as HTMLInputElement).value) })}
                  />
                  <label for="${scale}-${value}">${value}</label>
                </span>
              `,
            )}
          </div>
          <span class="end" id="${scale}-high">${t(`check_in.${scale}_high`)}</span>
        </div>
        <span class="visually-hidden" id="${scale}-ends">
          1 = ${t(`check_in.${scale}_low`)}, 5 = ${t(`check_in.${scale}_high`)}
        </span>
        ${problem
          ? html`<p class="error" id="${scale}-error">${t(`check_in.${scale}_missing`)}</p>`
          : nothing}
      </fieldset>
    `;
  }

  protected override render() {
    const t = this.loc.t.bind(this.loc);
    const me = this.today?.me;
    const noteLength = textLength(this.draft.note.trim());
    const noteProblem = this.problemOf("note");
    return html`
      <section class="card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">${t("check_in.heading")}</h2>
        ${me
          ? html`<p class="${me.check_in.due ? "due" : "muted"}">
                ${me.check_in.checked_in_today
                  ? t("check_in.checked_in_today")
                  : me.check_in.due
                    ? t("check_in.due")
                    : t("check_in.not_due")}
              </p>
              <p class="muted">${this.loc.plural("check_in.streak", me.check_in.streak)}</p>`
          : nothing}
        <p>${t("check_in.intro")}</p>
        <form @submit=${this.submit} novalidate>
          ${SCALES.map((scale) => this.scale(scale))}
          <label for="note">${t("check_in.note_label")}</label>
          <p class="hint" id="note-hint">${t("check_in.note_hint")}</p>
          <textarea
            id="note"
            rows="4"
            aria-describedby="note-hint note-count"
            aria-invalid=${noteProblem ? "true" : "false"}
            .value=${this.draft.note}
            @input=${(event: Event) =>
              this.update_({ note: (event.target as HTMLTextAreaElement).value })}
          ></textarea>
          <p class="hint count ${noteLength > NOTE_MAX ? "error" : ""}" id="note-count">
            ${t("check_in.note_count", { count: noteLength, max: NOTE_MAX })}
          </p>
          ${noteProblem && noteProblem.kind === "too_long"
            ? html`<p class="error">
                ${t("check_in.note_too_long", { count: noteProblem.count, max: NOTE_MAX })}
              </p>`
            : nothing}
          <div class="row">
            <button type="submit" ?disabled=${this.status === "saving" || !this.today}>
              ${t("check_in.save")}
            </button>
            <span role="status" class="status">
              ${this.status === "saved" ? t("panel.saved") : ""}
            </span>
          </div>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        </form>
      </section>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      fieldset.scale {
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        border-radius: 8px;
        margin: 0 0 16px;
        padding: 8px 12px 12px;
        min-width: 0;
      }
      legend {
        font-weight: 500;
        padding: 0 4px;
      }
      .scale-row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
        align-items: center;
        gap: 8px;
      }
      .end {
        font-size: 0.9rem;
        color: var(--secondary-text-color, #727272);
      }
      .end:last-child {
        text-align: end;
      }
      .choices {
        display: flex;
        gap: 2px;
      }
      .choice {
        position: relative;
      }
      .choice input {
        position: absolute;
        opacity: 0;
        width: 100%;
        height: 100%;
        margin: 0;
        inset: 0;
        cursor: pointer;
      }
      .choice label {
        display: flex;
        align-items: center;
        justify-content: center;
        width: 40px;
        height: 40px;
        margin: 0;
        border-radius: 50%;
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.24));
        font-weight: 500;
        cursor: pointer;
      }
      .choice input:checked + label {
        background: var(--primary-color, #03a9f4);
        border-color: var(--primary-color, #03a9f4);
        color: var(--text-primary-color, #fff);
      }
      .choice input:focus-visible + label {
        outline: 3px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
      }
      @media (max-width: 420px) {
        .scale-row {
          grid-template-columns: 1fr 1fr;
        }
        .choices {
          grid-column: 1 / -1;
          grid-row: 1;
          justify-content: space-between;
        }
        .end:first-child {
          grid-row: 2;
        }
      }
      .count {
        text-align: end;
        margin-top: 4px;
      }
      .due {
        font-weight: 500;
        border-left: 4px solid var(--warning-color, #f9a825);
        padding-left: 8px;
      }
    `,
  ];
}

define("mdt-check-in-view", CheckInView);

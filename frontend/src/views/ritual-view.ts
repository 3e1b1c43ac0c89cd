// The ritual: choose a preset, start and end it, and see what each step did.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../components/define";
import { fireRefresh } from "../components/refresh";
import { ViewBase } from "../components/view-base";
import { endRitual, startRitual } from "../data/websockets";
import { formatMoment } from "../logic/dates";
import { alreadyRunning, keptChoice, presetChoices, presetLabel } from "../logic/presets";
import { ritualReport, targetName, type ReportSummary } from "../logic/ritual";
import { sharedStyles } from "../styles";

type Action = "start" | "end";

export class RitualView extends ViewBase {
  @state() private busy: Action | null = null;
  @state() private report: {
    action: Action;
    summary: ReportSummary;
    alreadyRunning: string | null;
  } | null = null;
  @state() private error: string | null = null;
  /** The preset the partner picked; null until they pick one (the conversation). */
  @state() private chosen: string | null = null;

  private get choices() {
    return presetChoices(this.today?.ritual?.presets);
  }

  private presetName(id: string): string {
    return presetLabel(id, this.today?.ritual?.presets, (key, fallback) =>
      this.loc.tOr(key, fallback),
    );
  }

  private async run(action: Action) {
    this.busy = action;
    this.error = null;
    this.report = null;
    try {
      const report =
        action === "start"
          ? await startRitual(this.hass, this.entryId, keptChoice(this.choices, this.chosen))
          : await endRitual(this.hass, this.entryId);
      this.report = {
        action,
        summary: ritualReport(report),
        alreadyRunning: action === "start" ? alreadyRunning(report) : null,
      };
      fireRefresh(this);
    } catch (error) {
      this.error = this.loc.error(error);
    } finally {
      this.busy = null;
    }
  }

  private targetText(target: string): string {
    const named = targetName(target, this.today, this.hass?.states);
    return named.kind === "phones"
      ? this.loc.t("ritual.phones_of", { name: named.name })
      : named.name;
  }

  private renderReport() {
    if (!this.report) {
      return nothing;
    }
    const t = this.loc.t.bind(this.loc);
    const { action, summary } = this.report;
    if (this.report.alreadyRunning) {
      return html`<p class="notice" role="status">
        ${t("ritual.already_running", { preset: this.presetName(this.report.alreadyRunning) })}
      </p>`;
    }
    return html`<section class="report" aria-labelledby="report-heading">
      <h3 id="report-heading">
        ${action === "start" ? t("ritual.report_start") : t("ritual.report_end")}
      </h3>
      ${summary.rows.length === 0
        ? html`<p>${t("ritual.no_steps")}</p>`
        : html`<p>
              ${t("ritual.summary", {
                done: summary.done,
                skipped: summary.skipped,
                failed: summary.failed,
              })}
            </p>
            <ul class="plain steps">
              ${summary.rows.map(
                (row) => html`<li class="step ${row.status}">
                  <span class="badge">${t(`ritual.status_${row.status}`)}</span>
                  <span class="what">
                    ${this.loc.tOr(`ritual.step.${row.step}`, row.step)}
                    ${row.target
                      ? html`<span class="muted target">${this.targetText(row.target)}</span>`
                      : nothing}
                    ${row.error
                      ? html`<span class="error detail">
                          ${t("ritual.error_detail", { error: row.error })}
                        </span>`
                      : nothing}
                  </span>
                </li>`,
              )}
            </ul>`}
    </section>`;
  }

  private renderChoice() {
    const choices = this.choices;
    const selected = keptChoice(choices, this.chosen);
    return html`<div class="choice">
      <label for="preset">${this.loc.t("ritual.choose_label")}</label>
      <select
        id="preset"
        .value=${selected}
        ?disabled=${this.busy !== null}
        @change=${(event: Event) => {
          this.chosen = (event.target as HTMLSelectElement).value;
        }}
      >
        ${choices.map(
          (preset) =>
            html`<option value=${preset.id} ?selected=${preset.id === selected}>
              ${this.presetName(preset.id)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  protected override render() {
    const t = this.loc.t.bind(this.loc);
    const ritual = this.today?.ritual;
    return html`
      <section class="card" aria-labelledby="ritual-heading">
        <h2 id="ritual-heading">${t("ritual.heading")}</h2>
        <p class="muted">${t("ritual.intro")}</p>
        ${ritual
          ? html`<p class="big">
              ${ritual.running
                ? ritual.started_at
                  ? t("ritual.running", {
                      time: formatMoment(ritual.started_at, this.hass.language),
                    })
                  : t("ritual.running_no_time")
                : t("ritual.not_running")}
            </p>`
          : nothing}
        ${ritual?.running && ritual.preset
          ? html`<p class="which">
              ${t("ritual.running_which", { preset: this.presetName(ritual.preset) })}
            </p>`
          : nothing}
        ${this.renderChoice()}
        <div class="row">
          <button
            type="button"
            class=${ritual?.running ? "secondary" : ""}
            ?disabled=${this.busy !== null}
            @click=${() => this.run("start")}
          >
            ${t("ritual.start")}
          </button>
          <button
            type="button"
            class=${ritual?.running ? "" : "secondary"}
            ?disabled=${this.busy !== null}
            @click=${() => this.run("end")}
          >
            ${t("ritual.end")}
          </button>
          <span role="status" class="muted">${this.busy ? t("panel.saving") : ""}</span>
        </div>
        ${this.error ? html`<p class="notice error-box" role="alert">${this.error}</p>` : nothing}
        ${this.renderReport()}
      </section>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      .report {
        margin-top: 16px;
      }
      .choice {
        margin: 0 0 12px;
      }
      .choice select {
        width: 100%;
        max-width: 360px;
      }
      .step {
        display: flex;
        gap: 12px;
        align-items: flex-start;
        padding: 8px 0;
        border-top: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .badge {
        flex: none;
        min-width: 96px;
        font-weight: 500;
        font-size: 0.9rem;
        padding: 2px 8px;
        border-radius: 12px;
        border: 1px solid currentColor;
        text-align: center;
      }
      .step.done .badge {
        color: var(--success-color, #2e7d32);
      }
      .step.skipped .badge {
        color: var(--secondary-text-color, #727272);
      }
      .step.failed .badge {
        color: var(--error-color, #b00020);
        border-width: 2px;
      }
      .what {
        display: flex;
        flex-direction: column;
        min-width: 0;
      }
      .target {
        font-size: 0.85rem;
      }
      .detail {
        font-size: 0.9rem;
      }
    `,
  ];
}

define("mdt-ritual-view", RitualView);

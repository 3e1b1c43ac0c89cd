// My history: my check-ins with my notes, both partners' scores, past prompts.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { DayRangeForm, dayRangeStyles } from "../components/day-range";
import { define } from "../components/define";
import { renderChartLegend, renderScoreChart, scoreChartStyles } from "../components/score-chart";
import { ViewBase } from "../components/view-base";
import { fetchHistory } from "../data/websockets";
import { SCALES, type Scale } from "../logic/checkin";
import { defaultRange, formatDay, formatMoment, localDay, type DayRange } from "../logic/dates";
import { chartGeometry, shapeHistory, type DayRow, type ShapedHistory } from "../logic/history";
import { sharedStyles } from "../styles";
import type { PropertyValues } from "lit";
import type { History } from "../types";

export class HistoryView extends ViewBase {
  @state() private range: DayRange | null = null;
  @state() private history: History | null = null;
  @state() private shownRange: DayRange | null = null;
  @state() private loading = false;
  @state() private error: string | null = null;
  @state() private scale: Scale = "mood";
  private loadedFor: string | null = null;
  private request = 0;
  private readonly rangeForm = new DayRangeForm(this, {
    show: (range) => {
      this.range = range;
      void this.load(range);
    },
    refuse: (message) => {
      this.error = message;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>) {
    // First show, or another couple: the last 30 days up to the couple's today.
    if (changed.has("entryId") || (this.range === null && this.today)) {
      if (this.entryId && this.loadedFor !== this.entryId) {
        const today = this.today?.today ?? localDay();
        this.range = defaultRange(today);
        this.rangeForm.reset(this.range);
        this.loadedFor = this.entryId;
        void this.load(this.range);
      }
    }
  }

  private async load(range: DayRange) {
    const request = ++this.request;
    this.loading = true;
    this.error = null;
    try {
      const history = await fetchHistory(this.hass, this.entryId, range.start, range.end);
      if (request !== this.request) return;
      this.history = history;
      this.shownRange = range;
    } catch (error) {
      if (request !== this.request) return;
      this.error = this.loc.error(error);
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  private day(day: string) {
    return formatDay(day, this.hass.language);
  }

  private scoresLine(scores: { mood: number; connection: number; stress: number }) {
    return this.loc.t("history.scores_line", scores);
  }

  private renderMyCheckIns(shaped: ShapedHistory) {
    const t = this.loc.t.bind(this.loc);
    return html`<section class="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">${t("history.my_check_ins")}</h2>
      ${shaped.myCheckIns.length === 0
        ? html`<p class="muted">${t("history.no_check_ins")}</p>`
        : html`<ul class="plain entries">
            ${shaped.myCheckIns.map(
              (entry) => html`<li>
                <div class="when">
                  ${this.day(entry.day)} · ${formatMoment(entry.at, this.hass.language)}
                </div>
                <div>${this.scoresLine(entry)}</div>
                ${entry.note
                  ? html`<div class="note" aria-label=${t("history.note")}>${entry.note}</div>`
                  : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private cell(row: DayRow, who: "me" | "partner") {
    const scores = row[who];
    return scores ? String(scores[this.scale]) : this.loc.t("history.no_score");
  }

  private doseCell(row: DayRow) {
    const names: string[] = [];
    if (row.dosedMe) names.push(this.today?.me.name ?? "");
    if (row.dosedPartner) names.push(this.today?.partner.name ?? "");
    if (!names.length) return this.loc.t("history.no_dose");
    const text = names.join(", ");
    return row.offProtocol ? `${text} (${this.loc.t("history.off_protocol")})` : text;
  }

  private renderScores(shaped: ShapedHistory, range: DayRange) {
    const t = this.loc.t.bind(this.loc);
    const me = this.today?.me.name ?? "";
    const partner = this.today?.partner.name ?? "";
    return html`<section class="card" aria-labelledby="scores-heading">
      <h2 id="scores-heading">${t("history.scores_heading")}</h2>
      ${shaped.days.length === 0
        ? html`<p class="muted">${t("history.no_scores")}</p>`
        : html`
            <label for="scale">${t("history.score_select")}</label>
            <select
              id="scale"
              .value=${this.scale}
              @change=${(event: Event) => {
                this.scale = (event.target as HTMLSelectElement).value as Scale;
              }}
            >
              ${SCALES.map(
                (scale) =>
                  html`<option value=${scale} ?selected=${scale === this.scale}>
                    ${t(`check_in.${scale}`)}
                  </option>`,
              )}
            </select>
            ${renderScoreChart({
              loc: this.loc,
              language: this.hass.language,
              geometry: chartGeometry(shaped.days, range, this.scale),
              scale: this.scale,
              range,
              names: { me, partner },
            })}
            ${renderChartLegend(this.loc, { me, partner })}
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  ${t("history.scores_heading")} · ${t(`check_in.${this.scale}`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t("history.day")}</th>
                    <th scope="col">${me}</th>
                    <th scope="col">${partner}</th>
                    <th scope="col">${t("history.dose_column")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${[...shaped.days].reverse().map(
                    (row) => html`<tr class=${row.dosedMe || row.dosedPartner ? "dose-day" : ""}>
                      <th scope="row">${this.day(row.day)}</th>
                      <td>${this.cell(row, "me")}</td>
                      <td>${this.cell(row, "partner")}</td>
                      <td>${this.doseCell(row)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          `}
    </section>`;
  }

  private renderPrompts(shaped: ShapedHistory) {
    const t = this.loc.t.bind(this.loc);
    const me = this.today?.me.name ?? "";
    const partner = this.today?.partner.name ?? "";
    return html`<section class="card" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">${t("history.prompts_heading")}</h2>
      ${shaped.prompts.length === 0
        ? html`<p class="muted">${t("history.no_prompts")}</p>`
        : html`<ul class="plain entries">
            ${shaped.prompts.map(
              (prompt) => html`<li>
                <div class="when">${this.day(prompt.day)}</div>
                <p class="question">${prompt.text}</p>
                ${prompt.revealed
                  ? html`<dl class="answers">
                      <div>
                        <dt>${me}</dt>
                        <dd>${prompt.mine ?? t("history.no_answer")}</dd>
                      </div>
                      <div>
                        <dt>${partner}</dt>
                        <dd>${prompt.theirs ?? t("history.no_answer")}</dd>
                      </div>
                    </dl>`
                  : html`${prompt.mine
                        ? html`<dl class="answers">
                            <div>
                              <dt>${t("history.your_answer_so_far")}</dt>
                              <dd>${prompt.mine}</dd>
                            </div>
                          </dl>`
                        : nothing}
                      <p class="muted">${t("history.not_revealed")}</p>`}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  protected override render() {
    const t = this.loc.t.bind(this.loc);
    const shown = this.shownRange;
    // Shaped here, as the caller's slot comes with Today, which may arrive later.
    const shaped = this.history && this.today ? shapeHistory(this.history, this.today.me.slot) : null;
    return html`
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">${t("history.heading")}</h2>
        ${this.rangeForm.render(this.loading, this.error)}
      </section>
      ${shaped && shown
        ? html`${this.renderMyCheckIns(shaped)} ${this.renderScores(shaped, shown)}
          ${this.renderPrompts(shaped)}`
        : nothing}
    `;
  }

  static override styles = [
    sharedStyles,
    dayRangeStyles,
    scoreChartStyles,
    css`
      .entries > li {
        padding: 12px 0;
        border-top: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .entries > li:first-child {
        border-top: 0;
        padding-top: 0;
      }
      .when {
        color: var(--secondary-text-color, #727272);
        font-size: 0.9rem;
        margin-bottom: 4px;
      }
      .note {
        margin-top: 6px;
        padding-left: 10px;
        border-left: 3px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        white-space: pre-wrap;
      }
      .question {
        font-weight: 500;
        margin-bottom: 6px;
      }
      dl.answers {
        margin: 0 0 6px;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 220px), 1fr));
        gap: 8px 16px;
      }
      dl.answers dt {
        font-weight: 500;
      }
      dl.answers dd {
        margin: 2px 0 0;
        white-space: pre-wrap;
      }
      .chart {
        height: 160px;
        margin: 16px 0 4px;
      }
      .legend {
        margin-bottom: 12px;
      }
      .table-wrap {
        max-width: 100%;
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        font-weight: 400;
      }
      thead th {
        font-weight: 500;
      }
      tr.dose-day th[scope="row"] {
        font-weight: 500;
      }
    `,
  ];
}

define("mdt-history-view", HistoryView);

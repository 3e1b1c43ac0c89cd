// My history: my check-ins with my notes, both partners' scores, past prompts.
import { css, html, nothing, svg } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../components/define";
import { ViewBase } from "../components/view-base";
import { fetchHistory } from "../data/websockets";
import { SCALES, type Scale } from "../logic/checkin";
import {
  defaultRange,
  formatDay,
  formatMoment,
  localDay,
  validateRange,
  type DayRange,
} from "../logic/dates";
import { chartGeometry, shapeHistory, type DayRow, type ShapedHistory } from "../logic/history";
import { sharedStyles } from "../styles";
import type { PropertyValues } from "lit";
import type { History } from "../types";

export class HistoryView extends ViewBase {
  @state() private range: DayRange | null = null;
  @state() private draft: Partial<DayRange> = {};
  @state() private history: History | null = null;
  @state() private shownRange: DayRange | null = null;
  @state() private loading = false;
  @state() private error: string | null = null;
  @state() private scale: Scale = "mood";
  private loadedFor: string | null = null;
  private request = 0;

  protected override willUpdate(changed: PropertyValues<this>) {
    // First show, or another couple: the last 30 days up to the couple's today.
    if (changed.has("entryId") || (this.range === null && this.today)) {
      if (this.entryId && this.loadedFor !== this.entryId) {
        const today = this.today?.today ?? localDay();
        this.range = defaultRange(today);
        this.draft = { ...this.range };
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

  private submit(event: Event) {
    event.preventDefault();
    const problem = validateRange(this.draft);
    if (problem) {
      const t = this.loc.t.bind(this.loc);
      this.error =
        problem.kind === "too_long"
          ? t("history.range_too_long", { days: problem.days })
          : t(`history.range_${problem.kind}`);
      return;
    }
    this.range = { start: this.draft.start!, end: this.draft.end! };
    void this.load(this.range);
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

  private renderChart(shaped: ShapedHistory, range: DayRange) {
    const t = this.loc.t.bind(this.loc);
    const me = this.today?.me.name ?? "";
    const partner = this.today?.partner.name ?? "";
    const geometry = chartGeometry(shaped.days, range, this.scale);
    const label = t("history.chart_label", {
      scale: t(`check_in.${this.scale}`),
      start: this.day(range.start),
      end: this.day(range.end),
      me,
      partner,
    });
    return html`<svg
      class="chart"
      viewBox="0 0 ${geometry.width} ${geometry.height}"
      role="img"
      aria-label=${label}
      preserveAspectRatio="none"
    >
      ${geometry.levels.map(
        (level) =>
          svg`<line class="grid" x1="0" x2=${geometry.width} y1=${level.y} y2=${level.y}></line>`,
      )}
      ${geometry.partner.map(
        (points) => svg`<polyline class="partner" points=${points}></polyline>`,
      )}
      ${geometry.me.map((points) => svg`<polyline class="me" points=${points}></polyline>`)}
      ${geometry.partnerDots.map(
        (dot) => svg`<path class="dot partner" d="M${dot.x} ${dot.y}h0"></path>`,
      )}
      ${geometry.meDots.map((dot) => svg`<path class="dot me" d="M${dot.x} ${dot.y}h0"></path>`)}
      ${geometry.doses.map(
        (dose) =>
          svg`<path class="dose ${dose.who}" d="M${dose.x} ${
            geometry.height - (dose.who === "me" ? 14 : 5)
          }h0"></path>`,
      )}
    </svg>`;
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
            ${this.renderChart(shaped, range)}
            <p class="legend" aria-hidden="true">
              <span><span class="key me"></span>${me}</span>
              <span><span class="key partner"></span>${partner}</span>
              <span><span class="key dose"></span>${t("history.legend_dose")}</span>
            </p>
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
        <form @submit=${this.submit} novalidate>
          <fieldset class="range">
            <legend>${t("history.range_legend")}</legend>
            <div class="row">
              <div>
                <label for="start">${t("history.from")}</label>
                <input
                  id="start"
                  type="date"
                  .value=${this.draft.start ?? ""}
                  @change=${(event: Event) => {
                    this.draft = { ...this.draft, start: (event.target as HTMLInputElement).value };
                  }}
                />
              </div>
              <div>
                <label for="end">${t("history.to")}</label>
                <input
                  id="end"
                  type="date"
                  .value=${this.draft.end ?? ""}
                  @change=${(event: Event) => {
                    this.draft = { ...this.draft, end: (event.target as HTMLInputElement).value };
                  }}
                />
              </div>
              <button type="submit" class="show" ?disabled=${this.loading}>
                ${t("history.show")}
              </button>
            </div>
          </fieldset>
        </form>
        <p role="status" class="muted">${this.loading ? t("panel.loading") : ""}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </section>
      ${shaped && shown
        ? html`${this.renderMyCheckIns(shaped)} ${this.renderScores(shaped, shown)}
          ${this.renderPrompts(shaped)}`
        : nothing}
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      fieldset.range {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      fieldset.range legend {
        padding: 0;
        margin-bottom: 8px;
        font-weight: 500;
      }
      .row {
        align-items: flex-end;
      }
      input[type="date"] {
        min-width: 0;
      }
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
        display: block;
        width: 100%;
        height: 160px;
        margin: 16px 0;
      }
      .chart .grid {
        stroke: var(--divider-color, rgba(0, 0, 0, 0.12));
        stroke-width: 1;
        vector-effect: non-scaling-stroke;
      }
      .chart polyline {
        fill: none;
        stroke-width: 2.5;
        vector-effect: non-scaling-stroke;
        stroke-linejoin: round;
      }
      .chart .me {
        stroke: var(--primary-color, #03a9f4);
      }
      .chart .partner {
        stroke: var(--secondary-text-color, #727272);
        stroke-dasharray: 6 4;
      }
      /* Zero-length paths with caps: round dots and square marks that the
         stretched viewBox does not distort. */
      .chart .dot,
      .chart .dose {
        fill: none;
        vector-effect: non-scaling-stroke;
      }
      .chart .dot {
        stroke-width: 7;
        stroke-linecap: round;
      }
      .chart .dose {
        stroke-width: 7;
        stroke-linecap: square;
      }
      .chart .dot.me,
      .chart .dose.me {
        stroke: var(--primary-color, #03a9f4);
      }
      .chart .dot.partner,
      .chart .dose.partner {
        stroke: var(--secondary-text-color, #727272);
      }
      .chart {
        margin-bottom: 4px;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        font-size: 0.9rem;
        color: var(--secondary-text-color, #727272);
        margin-bottom: 12px;
      }
      .key {
        display: inline-block;
        vertical-align: middle;
        width: 18px;
        margin-right: 6px;
        border-top: 3px solid var(--primary-color, #03a9f4);
      }
      .key.partner {
        border-top: 3px dashed var(--secondary-text-color, #727272);
      }
      .key.dose {
        width: 8px;
        height: 8px;
        border: 0;
        background: var(--primary-color, #03a9f4);
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

// Insights: how both partners' scores sat around their dose days, in words and over time.
import { css, html, nothing, type PropertyValues } from "lit";
import { state } from "lit/decorators.js";
import { DayRangeForm, dayRangeStyles } from "../components/day-range";
import { define } from "../components/define";
import { renderChartLegend, renderScoreChart, scoreChartStyles } from "../components/score-chart";
import { ViewBase } from "../components/view-base";
import { fetchInsights } from "../data/websockets";
import { defaultRange, formatDay, localDay, type DayRange } from "../logic/dates";
import {
  INSIGHT_SCORES,
  INSIGHTS_DEFAULT_DAYS,
  insightChart,
  partnerSentences,
  shapeSeries,
  type InsightDay,
  type InsightScore,
  type Reader,
} from "../logic/insights";
import { sharedStyles } from "../styles";
import type { Insights } from "../types";

export class InsightsView extends ViewBase {
  @state() private range: DayRange | null = null;
  @state() private insights: Insights | null = null;
  @state() private loading = false;
  @state() private error: string | null = null;
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
    // First show, or another couple: the last 90 days up to the couple's today.
    if (changed.has("entryId") || (this.range === null && this.today)) {
      if (this.entryId && this.loadedFor !== this.entryId) {
        const today = this.today?.today ?? localDay();
        this.range = defaultRange(today, INSIGHTS_DEFAULT_DAYS);
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
      const insights = await fetchInsights(this.hass, this.entryId, range.start, range.end);
      if (request !== this.request) return;
      this.insights = insights;
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

  private get names() {
    return { me: this.today?.me.name ?? "", partner: this.today?.partner.name ?? "" };
  }

  private renderComparison(insights: Insights, mySlot: number) {
    const t = this.loc.t.bind(this.loc);
    const { me, partner } = this.names;
    const partnerSlot = mySlot === 1 ? 2 : 1;
    const people: { slot: number; heading: string; reader: Reader }[] = [
      { slot: mySlot, heading: t("insights.you", { name: me }), reader: { me: true } },
      { slot: partnerSlot, heading: partner, reader: { me: false, name: partner } },
    ];
    return html`<section class="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">${t("insights.compare_heading")}</h2>
      <p class="hint">
        ${t("insights.range", { start: this.day(insights.start), end: this.day(insights.end) })}
      </p>
      <div class="people">
        ${people.map(
          (person) => html`<div class="person">
            <h3>${person.heading}</h3>
            ${partnerSentences(
              insights.partners[String(person.slot)],
              person.reader,
              t,
              this.loc.language,
            ).map((sentence) => html`<p>${sentence}</p>`)}
          </div>`,
        )}
      </div>
    </section>`;
  }

  private renderChart(days: InsightDay[], range: DayRange, score: InsightScore) {
    const t = this.loc.t.bind(this.loc);
    return html`<figure class="chart-block">
      <figcaption><h3>${t(`check_in.${score}`)}</h3></figcaption>
      ${renderScoreChart({
        loc: this.loc,
        language: this.hass.language,
        geometry: insightChart(days, range, score),
        scale: score,
        range,
        names: this.names,
      })}
      <div class="axis" aria-hidden="true">
        <span>${this.day(range.start)}</span><span>${this.day(range.end)}</span>
      </div>
    </figure>`;
  }

  private score(value: number | null) {
    return value == null ? this.loc.t("history.no_score") : String(value);
  }

  private doseCell(row: InsightDay) {
    const { me, partner } = this.names;
    const names = [row.me.dosed ? me : "", row.partner.dosed ? partner : ""].filter(Boolean);
    return names.length ? names.join(", ") : this.loc.t("history.no_dose");
  }

  private renderTable(days: InsightDay[]) {
    const t = this.loc.t.bind(this.loc);
    const { me, partner } = this.names;
    const column = (name: string, score: InsightScore) =>
      t("insights.column", { name, scale: t(`check_in.${score}`) });
    return html`<details class="days">
      <summary>${t("insights.table_summary")}</summary>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t("insights.time_heading")}>
        <table>
          <caption class="visually-hidden">${t("insights.time_heading")}</caption>
          <thead>
            <tr>
              <th scope="col">${t("history.day")}</th>
              ${INSIGHT_SCORES.map((score) => html`<th scope="col">${column(me, score)}</th>`)}
              ${INSIGHT_SCORES.map((score) => html`<th scope="col">${column(partner, score)}</th>`)}
              <th scope="col">${t("history.dose_column")}</th>
            </tr>
          </thead>
          <tbody>
            ${[...days].reverse().map(
              (row) => html`<tr class=${row.me.dosed || row.partner.dosed ? "dose-day" : ""}>
                <th scope="row">${this.day(row.day)}</th>
                ${INSIGHT_SCORES.map((score) => html`<td>${this.score(row.me[score])}</td>`)}
                ${INSIGHT_SCORES.map((score) => html`<td>${this.score(row.partner[score])}</td>`)}
                <td>${this.doseCell(row)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private renderOverTime(insights: Insights, mySlot: number) {
    const t = this.loc.t.bind(this.loc);
    const days = shapeSeries(insights, mySlot);
    const range = { start: insights.start, end: insights.end };
    return html`<section class="card" aria-labelledby="time-heading">
      <h2 id="time-heading">${t("insights.time_heading")}</h2>
      ${days.length === 0
        ? html`<p class="muted">${t("history.no_scores")}</p>`
        : html`
            ${renderChartLegend(this.loc, this.names)}
            ${INSIGHT_SCORES.map((score) => this.renderChart(days, range, score))}
            ${this.renderTable(days)}
          `}
    </section>`;
  }

  protected override render() {
    const t = this.loc.t.bind(this.loc);
    const insights = this.insights;
    // Drawn once Today says which partner the reader is.
    const mySlot = this.today?.me.slot ?? null;
    return html`
      <section class="card" aria-labelledby="insights-heading">
        <h2 id="insights-heading">${t("insights.heading")}</h2>
        <p class="association">${t("insights.association")}</p>
        ${this.rangeForm.render(this.loading, this.error)}
      </section>
      ${insights && mySlot !== null
        ? html`${this.renderComparison(insights, mySlot)} ${this.renderOverTime(insights, mySlot)}`
        : nothing}
    `;
  }

  static override styles = [
    sharedStyles,
    dayRangeStyles,
    scoreChartStyles,
    css`
      .association {
        padding: 8px 12px;
        border-left: 3px solid var(--primary-color, #03a9f4);
        color: var(--secondary-text-color, #727272);
        margin-bottom: 16px;
      }
      .people {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
        gap: 8px 24px;
      }
      .person h3 {
        margin-top: 8px;
      }
      figure.chart-block {
        margin: 0 0 12px;
      }
      figure.chart-block h3 {
        margin: 8px 0 4px;
      }
      .chart {
        height: 140px;
        margin: 4px 0 2px;
      }
      .axis {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        font-size: 0.85rem;
        color: var(--secondary-text-color, #727272);
      }
      .legend {
        margin-bottom: 4px;
      }
      details.days {
        margin-top: 8px;
      }
      details.days summary {
        cursor: pointer;
        padding: 10px 0;
        color: var(--primary-color, #03a9f4);
        font-weight: 500;
      }
      details.days summary:focus-visible {
        outline: 3px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
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
        /* Whole words in cells; a narrow screen scrolls the table instead. */
        overflow-wrap: normal;
      }
      th[scope="row"],
      td {
        white-space: nowrap;
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

define("mdt-insights-view", InsightsView);

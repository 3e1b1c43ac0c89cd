// The inline SVG chart of one score for both partners, and the legend that goes with it.
// Each view sets the chart's height and margins and the legend's bottom margin.
import { css, html, svg } from "lit";
import type { ChartGeometry } from "../logic/chart";
import type { Scale } from "../logic/checkin";
import { formatDay, type DayRange } from "../logic/dates";
import type { Localizer } from "../localize/localize";

export interface PartnerNames {
  me: string;
  partner: string;
}

export interface ScoreChartOptions {
  loc: Localizer;
  /** The language the days of the chart's label are written in. */
  language: string;
  geometry: ChartGeometry;
  scale: Scale;
  range: DayRange;
  names: PartnerNames;
}

export const renderScoreChart = ({
  loc,
  language,
  geometry,
  scale,
  range,
  names,
}: ScoreChartOptions) => {
  const t = loc.t.bind(loc);
  const label = t("history.chart_label", {
    scale: t(`check_in.${scale}`),
    start: formatDay(range.start, language),
    end: formatDay(range.end, language),
    me: names.me,
    partner: names.partner,
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
      (dose) => svg`<path class="dose ${dose.who}" d="M${dose.x} ${dose.y}h0"></path>`,
    )}
  </svg>`;
};

/** Which line is whose, and what the marks below mean; the chart's label says it too. */
export const renderChartLegend = (loc: Localizer, names: PartnerNames) =>
  html`<p class="legend" aria-hidden="true">
    <span><span class="key me"></span>${names.me}</span>
    <span><span class="key partner"></span>${names.partner}</span>
    <span><span class="key dose"></span>${loc.t("history.legend_dose")}</span>
  </p>`;

export const scoreChartStyles = css`
  .chart {
    display: block;
    width: 100%;
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
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    font-size: 0.9rem;
    color: var(--secondary-text-color, #727272);
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
`;

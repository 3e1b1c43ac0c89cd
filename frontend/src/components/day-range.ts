// The From/To form that chooses the days a view shows, with its status and
// error lines. It keeps the dates typed so far; the view loads the range shown.
import { css, html, nothing, type ReactiveControllerHost } from "lit";
import { rangeProblemMessage, validateRange, type DayRange } from "../logic/dates";
import type { Localizer } from "../localize/localize";

/** The view the form sits in: re-rendered on every change, speaking its language. */
export type DayRangeHost = ReactiveControllerHost & { loc: Localizer };

export interface DayRangeActions {
  /** "Show" with a range that can be shown. */
  show: (range: DayRange) => void;
  /** "Show" with dates that cannot be: why, in words. */
  refuse: (message: string) => void;
}

export class DayRangeForm {
  private draft: Partial<DayRange> = {};

  constructor(
    private readonly host: DayRangeHost,
    private readonly actions: DayRangeActions,
  ) {}

  /** Both fields set to a range, such as the view's default one. */
  reset(range: DayRange) {
    this.draft = { ...range };
    this.host.requestUpdate();
  }

  private readonly changeStart = (event: Event) => {
    this.draft = { ...this.draft, start: (event.target as HTMLInputElement).value };
    this.host.requestUpdate();
  };

  private readonly changeEnd = (event: Event) => {
    this.draft = { ...this.draft, end: (event.target as HTMLInputElement).value };
    this.host.requestUpdate();
  };

  private readonly submit = (event: Event) => {
    event.preventDefault();
    const problem = validateRange(this.draft);
    if (problem) {
      const loc = this.host.loc;
      this.actions.refuse(rangeProblemMessage(problem, loc.t.bind(loc)));
      return;
    }
    this.actions.show({ start: this.draft.start!, end: this.draft.end! });
  };

  render(loading: boolean, error: string | null) {
    const t = this.host.loc.t.bind(this.host.loc);
    return html`<form @submit=${this.submit} novalidate>
        <fieldset class="range">
          <legend>${t("history.range_legend")}</legend>
          <div class="row">
            <div>
              <label for="start">${t("history.from")}</label>
              <input
                id="start"
                type="date"
                .value=${this.draft.start ?? ""}
                @change=${this.changeStart}
              />
            </div>
            <div>
              <label for="end">${t("history.to")}</label>
              <input
                id="end"
                type="date"
                .value=${this.draft.end ?? ""}
                @change=${this.changeEnd}
              />
            </div>
            <button type="submit" class="show" ?disabled=${loading}>
              ${t("history.show")}
            </button>
          </div>
        </fieldset>
      </form>
      <p role="status" class="muted">${loading ? t("panel.loading") : ""}</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }
}

export const dayRangeStyles = css`
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
  fieldset.range .row {
    align-items: flex-end;
  }
  fieldset.range input[type="date"] {
    min-width: 0;
  }
`;

// For a partner of more than one couple: which couple to show.
import { css, html, LitElement } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../components/define";
import type { Localizer } from "../localize/localize";
import { sharedStyles } from "../styles";
import type { Couple } from "../types";

export const COUPLE_CHANGED = "mdt-couple-changed";

export class CoupleChooser extends LitElement {
  @property({ attribute: false }) loc!: Localizer;
  @property({ attribute: false }) couples: Couple[] = [];
  @property({ attribute: false }) selected = "";

  private change(event: Event) {
    const entryId = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(
      new CustomEvent(COUPLE_CHANGED, { detail: { entryId }, bubbles: true, composed: true }),
    );
  }

  protected override render() {
    return html`<div class="chooser">
      <label for="couple">${this.loc.t("panel.couple_label")}</label>
      <select id="couple" .value=${this.selected} @change=${this.change}>
        ${this.couples.map(
          (couple) =>
            html`<option
              value=${couple.config_entry_id}
              ?selected=${couple.config_entry_id === this.selected}
            >
              ${couple.couple_name}
            </option>`,
        )}
      </select>
    </div>`;
  }

  static override styles = [
    sharedStyles,
    css`
      .chooser {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
      }
      label {
        margin: 0;
      }
      select {
        min-width: 0;
        flex: 0 1 360px;
      }
    `,
  ];
}

define("mdt-couple-chooser", CoupleChooser);

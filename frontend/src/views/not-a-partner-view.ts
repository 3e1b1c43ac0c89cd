// For a signed-in user who is not a partner of any couple: a kind word, nothing more.
import { html, LitElement } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../components/define";
import type { Localizer } from "../localize/localize";
import { sharedStyles } from "../styles";

export class NotAPartnerView extends LitElement {
  @property({ attribute: false }) loc!: Localizer;

  protected override render() {
    const t = this.loc.t.bind(this.loc);
    return html`<section class="card" aria-labelledby="not-partner-heading">
      <h2 id="not-partner-heading">${t("not_partner.heading")}</h2>
      <p>${t("not_partner.body")}</p>
      <p class="muted">${t("not_partner.hint")}</p>
    </section>`;
  }

  static override styles = sharedStyles;
}

define("mdt-not-a-partner-view", NotAPartnerView);

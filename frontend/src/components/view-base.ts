// What every view receives from the panel.
import { LitElement } from "lit";
import { property } from "lit/decorators.js";
import type { Localizer } from "../localize/localize";
import type { HomeAssistant, Today } from "../types";

export abstract class ViewBase extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) loc!: Localizer;
  @property({ attribute: false }) today: Today | null = null;
  @property({ attribute: false }) entryId = "";
}

// The Together panel: the couple's own page in Home Assistant's sidebar.
import { css, html, LitElement, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "./components/define";
import { REFRESH_EVENT } from "./components/refresh";
import { renderTabBar, tabBarStyles, tabId } from "./components/tab-bar";
import { TodaySubscription } from "./data/subscribe";
import { fetchCouples, fetchToday, fetchTranslations } from "./data/websockets";
import type { Strings } from "./localize/format";
import { pickLanguage } from "./localize/language";
import { Localizer } from "./localize/localize";
import { PANEL_STRINGS } from "./localize/strings";
import {
  chooseCouple,
  coupleFromSearch,
  PANEL_URL,
  urlFor,
  viewFromPath,
  VIEWS,
  type CoupleChoice,
  type View,
} from "./logic/routing";
import { sharedStyles } from "./styles";
import type { Couple, HomeAssistant, Route, Today } from "./types";
import { COUPLE_CHANGED } from "./views/couple-chooser";
import "./views/check-in-view";
import "./views/couple-chooser";
import "./views/dose-view";
import "./views/history-view";
import "./views/insights-view";
import "./views/not-a-partner-view";
import "./views/prompt-view";
import "./views/ritual-view";
import "./views/today-view";

const TAB_KEYS: Record<View, string> = {
  today: "tabs.today",
  dose: "tabs.dose",
  "check-in": "tabs.check_in",
  prompt: "tabs.prompt",
  ritual: "tabs.ritual",
  history: "tabs.history",
  insights: "tabs.insights",
};

const MENU_ICON = "M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z";
const PANEL_ID = "view";

export class MicrodoseTogetherPanel extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ type: Boolean, reflect: true }) narrow = false;
  @property({ attribute: false }) route?: Route;
  @property({ attribute: false }) panel?: unknown;

  @state() private couples: Couple[] | null = null;
  @state() private couplesError: unknown = null;
  @state() private entryId: string | null = null;
  @state() private view: View = "today";
  @state() private today: Today | null = null;
  @state() private resources: Strings = {};

  private requestedCouple: string | null = null;
  private lastPath: string | null = null;
  private translationsFor: string | null = null;
  private loadingCouples = false;
  private localizer: Localizer | null = null;
  private localizerResources: Strings | null = null;

  // Events of an earlier couple's subscription never reach here (see TodaySubscription).
  private readonly subscription = new TodaySubscription(
    (today) => {
      this.today = today;
    },
    () => void this.refresh(),
  );

  constructor() {
    super();
    this.addEventListener(REFRESH_EVENT, () => void this.refresh());
    this.addEventListener(COUPLE_CHANGED, (event) =>
      this.selectCouple((event as CustomEvent<{ entryId: string }>).detail.entryId),
    );
  }

  override connectedCallback() {
    super.connectedCallback();
    this.requestedCouple = coupleFromSearch(window.location.search);
    this.follow();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.subscription.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("route") && this.route && this.route.path !== this.lastPath) {
      this.lastPath = this.route.path;
      this.view = viewFromPath(this.route.path);
    } else if (!this.hasUpdated && !this.route && location.pathname.startsWith(PANEL_URL)) {
      // Shown without a route: read the place from the address itself.
      this.view = viewFromPath(location.pathname.slice(PANEL_URL.length));
    }
    if (changed.has("hass") && this.hass) {
      const language = this.hass.language ?? "en";
      if (this.translationsFor !== language) {
        this.translationsFor = language;
        void this.loadTranslations(language);
      }
      if (this.couples === null && !this.loadingCouples && !this.couplesError) {
        void this.loadCouples();
      }
      this.follow();
      this.toggleAttribute("dark", Boolean(this.hass.themes?.darkMode));
    }
  }

  private get loc(): Localizer {
    const language = pickLanguage(this.hass?.language);
    if (
      !this.localizer ||
      this.localizer.language !== language ||
      this.localizerResources !== this.resources
    ) {
      this.localizerResources = this.resources;
      this.localizer = new Localizer(
        language,
        PANEL_STRINGS[language],
        PANEL_STRINGS.en,
        this.resources,
      );
    }
    return this.localizer;
  }

  private async loadTranslations(language: string) {
    const categories = ["entity", "exceptions", "selector"] as const;
    const loaded = await Promise.all(
      categories.map((category) =>
        // Without the server's words the panel's own stand in.
        fetchTranslations(this.hass, language, category).catch(() => ({})),
      ),
    );
    if (this.translationsFor === language) {
      this.resources = Object.assign({}, ...loaded);
    }
  }

  private async loadCouples() {
    this.loadingCouples = true;
    this.couplesError = null;
    try {
      this.couples = await fetchCouples(this.hass);
      const choice = chooseCouple(this.couples, this.requestedCouple);
      this.entryId = choice.kind === "none" ? null : choice.couple.config_entry_id;
      this.follow();
    } catch (error) {
      this.couplesError = error;
    } finally {
      this.loadingCouples = false;
    }
  }

  /** Follow the shown couple live while the panel is on the page. */
  private follow() {
    if (!this.isConnected || !this.hass?.connection || !this.entryId) {
      return;
    }
    this.subscription.follow(this.hass.connection, this.entryId);
  }

  private async refresh() {
    const entryId = this.entryId;
    if (!entryId || !this.hass) return;
    try {
      const today = await fetchToday(this.hass, entryId);
      if (entryId === this.entryId) this.today = today;
    } catch {
      // The live subscription, or the next action, brings it later.
    }
  }

  private selectCouple(entryId: string) {
    if (entryId === this.entryId) return;
    this.entryId = entryId;
    this.requestedCouple = entryId;
    this.today = null;
    this.follow();
    this.writeUrl();
  }

  private selectView(view: string) {
    if (!(VIEWS as readonly string[]).includes(view)) return;
    this.view = view as View;
    this.writeUrl();
  }

  /** Keep the place in the address, so a reload opens the same view and couple. */
  private writeUrl() {
    const several = (this.couples?.length ?? 0) > 1;
    const url = urlFor(this.view, several ? this.entryId : null, this.route?.prefix || PANEL_URL);
    this.lastPath = `/${this.view}`;
    try {
      history.replaceState(history.state, "", url);
    } catch {
      // An address the browser refuses changes nothing on the page.
    }
  }

  private toggleMenu() {
    this.dispatchEvent(new Event("hass-toggle-menu", { bubbles: true, composed: true }));
  }

  private renderHeader(loc: Localizer) {
    const showMenu = this.narrow || this.hass?.dockedSidebar === "always_hidden";
    return html`<header class="toolbar">
      ${showMenu
        ? html`<button
            type="button"
            class="menu"
            aria-label=${loc.t("panel.menu")}
            @click=${this.toggleMenu}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d=${MENU_ICON}></path>
            </svg>
          </button>`
        : nothing}
      <h1>${loc.t("panel.title")}</h1>
    </header>`;
  }

  private renderView(loc: Localizer) {
    const props = { hass: this.hass, loc, today: this.today, entryId: this.entryId ?? "" };
    switch (this.view) {
      case "dose":
        return html`<mdt-dose-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-dose-view>`;
      case "check-in":
        return html`<mdt-check-in-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-check-in-view>`;
      case "prompt":
        return html`<mdt-prompt-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-prompt-view>`;
      case "ritual":
        return html`<mdt-ritual-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-ritual-view>`;
      case "history":
        return html`<mdt-history-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-history-view>`;
      case "insights":
        return html`<mdt-insights-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-insights-view>`;
      default:
        return html`<mdt-today-view .hass=${props.hass} .loc=${loc} .today=${props.today} .entryId=${props.entryId}></mdt-today-view>`;
    }
  }

  private renderBody(loc: Localizer) {
    if (this.couplesError) {
      return html`<section class="card">
        <p role="alert">${loc.error(this.couplesError)}</p>
        <button type="button" @click=${() => void this.loadCouples()}>${loc.t("panel.retry")}</button>
      </section>`;
    }
    if (this.couples === null) {
      return html`<p role="status" class="muted">${loc.t("panel.loading")}</p>`;
    }
    const choice: CoupleChoice = chooseCouple(this.couples, this.entryId);
    if (choice.kind === "none") {
      return html`<mdt-not-a-partner-view .loc=${loc}></mdt-not-a-partner-view>`;
    }
    const tabs = VIEWS.map((id) => ({ id, label: loc.t(TAB_KEYS[id]) }));
    return html`
      ${choice.kind === "several"
        ? html`<mdt-couple-chooser
            class="chooser"
            .loc=${loc}
            .couples=${choice.couples}
            .selected=${choice.couple.config_entry_id}
          ></mdt-couple-chooser>`
        : nothing}
      <nav class="nav">
        ${renderTabBar({
          tabs,
          selected: this.view,
          label: loc.t("panel.tabs_label"),
          panelId: PANEL_ID,
          onSelect: (id) => this.selectView(id),
        })}
      </nav>
      <div role="tabpanel" id=${PANEL_ID} aria-labelledby=${tabId(this.view)}>
        ${this.renderView(loc)}
      </div>
    `;
  }

  protected override render() {
    if (!this.hass) {
      return nothing;
    }
    const loc = this.loc;
    return html`${this.renderHeader(loc)}
      <main class="content" lang=${loc.language}>${this.renderBody(loc)}</main>`;
  }

  static override styles = [
    sharedStyles,
    tabBarStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color, #fafafa);
        -webkit-font-smoothing: antialiased;
      }
      :host([dark]) {
        color-scheme: dark;
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 56px;
        padding: 0 16px;
        background: var(--card-background-color, #fff);
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      :host([narrow]) .toolbar {
        padding: 0 8px;
      }
      h1 {
        font-size: 1.25rem;
        font-weight: 400;
        margin: 0;
      }
      button.menu {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 44px;
        height: 44px;
        padding: 0;
        border: 0;
        border-radius: 50%;
        background: transparent;
        color: var(--primary-text-color, #212121);
      }
      button.menu svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
      .content {
        max-width: 960px;
        margin: 0 auto;
        padding: 16px;
      }
      :host([narrow]) .content {
        padding: 12px;
      }
      .chooser {
        margin-bottom: 12px;
      }
      .nav {
        margin-bottom: 16px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
    `,
  ];
}

define("microdose-together-panel", MicrodoseTogetherPanel);

declare global {
  interface HTMLElementTagNameMap {
    "microdose-together-panel": MicrodoseTogetherPanel;
  }
}

// The section tabs: arrow keys move between them, Enter or Space opens one.
// Rendered into the panel's own shadow root, so the tab panel can name its tab.
import { css, html } from "lit";
import { activatesTab, nextTabIndex } from "../logic/tabs";

export interface Tab {
  id: string;
  label: string;
}

export interface TabBarOptions {
  tabs: Tab[];
  selected: string;
  label: string;
  panelId: string;
  onSelect: (id: string) => void;
}

export const tabId = (id: string) => `tab-${id}`;

const keydown = (event: KeyboardEvent, index: number, options: TabBarOptions) => {
  const next = nextTabIndex(event.key, index, options.tabs.length);
  if (next !== null) {
    event.preventDefault();
    const list = (event.currentTarget as HTMLElement).parentElement;
    list?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
    return;
  }
  if (activatesTab(event.key)) {
    event.preventDefault();
    options.onSelect(options.tabs[index].id);
  }
};

export const renderTabBar = (options: TabBarOptions) =>
  html`<div role="tablist" aria-label=${options.label} class="tabs">
    ${options.tabs.map((tab, index) => {
      const selected = tab.id === options.selected;
      return html`<button
        type="button"
        role="tab"
        id=${tabId(tab.id)}
        aria-selected=${selected ? "true" : "false"}
        aria-controls=${options.panelId}
        tabindex=${selected ? "0" : "-1"}
        @click=${() => options.onSelect(tab.id)}
        @keydown=${(event: KeyboardEvent) => keydown(event, index, options)}
      >
        ${tab.label}
      </button>`;
    })}
  </div>`;

export const tabBarStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  [role="tab"] {
    font: inherit;
    flex: 1 1 auto;
    min-height: 44px;
    padding: 8px 14px;
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: 8px 8px 0 0;
    background: transparent;
    color: var(--secondary-text-color, #727272);
    cursor: pointer;
    white-space: nowrap;
  }
  [role="tab"][aria-selected="true"] {
    color: var(--primary-color, #03a9f4);
    border-bottom-color: var(--primary-color, #03a9f4);
    font-weight: 500;
  }
  [role="tab"]:hover {
    color: var(--primary-text-color, #212121);
  }
  [role="tab"]:focus-visible {
    outline: 3px solid var(--primary-color, #03a9f4);
    outline-offset: -3px;
  }
  @media (max-width: 600px) {
    .tabs {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    [role="tab"] {
      white-space: normal;
      padding: 6px 4px;
      font-size: 0.9rem;
    }
  }
`;

// Asks the panel to fetch Today again after an action, in case a live update is late.
export const REFRESH_EVENT = "mdt-refresh";

export const fireRefresh = (element: HTMLElement): void => {
  element.dispatchEvent(new CustomEvent(REFRESH_EVENT, { bubbles: true, composed: true }));
};

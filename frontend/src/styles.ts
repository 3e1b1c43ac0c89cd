// Shared look: Home Assistant's theme variables only, so light and dark both work.
import { css } from "lit";

export const sharedStyles = css`
  :host {
    display: block;
    color: var(--primary-text-color, #212121);
    font-family: inherit;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    background: var(--card-background-color, #fff);
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
    border-radius: var(--ha-card-border-radius, 12px);
    padding: 20px;
    margin: 0 0 16px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.25rem;
    font-weight: 500;
    margin: 0 0 12px;
  }
  h3 {
    font-size: 1.05rem;
    font-weight: 500;
    margin: 16px 0 8px;
  }
  p {
    margin: 0 0 10px;
    line-height: 1.5;
  }
  .muted,
  .hint {
    color: var(--secondary-text-color, #727272);
  }
  .hint {
    font-size: 0.9rem;
    margin: 4px 0 8px;
  }
  .big {
    font-size: 1.15rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 8px;
    padding: 10px 18px;
    min-height: 44px;
    border: 1px solid var(--primary-color, #03a9f4);
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
    max-width: 100%;
  }
  button.secondary {
    background: transparent;
    color: var(--primary-color, #03a9f4);
  }
  button[disabled] {
    cursor: default;
    opacity: 0.5;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--primary-text-color, #212121);
    background: var(--primary-background-color, #fafafa);
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.24));
    border-radius: 8px;
    padding: 10px 12px;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 96px;
    resize: vertical;
  }
  label {
    display: block;
    font-weight: 500;
    margin: 0 0 4px;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  .status {
    color: var(--success-color, #2e7d32);
    font-weight: 500;
  }
  .error {
    color: var(--error-color, #b00020);
  }
  .notice {
    border-left: 4px solid var(--warning-color, #f9a825);
    padding: 8px 12px;
    margin: 12px 0;
  }
  .notice.error-box {
    border-left-color: var(--error-color, #b00020);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
`;

import { css } from 'lit';

/**
 * Styles every widget shares: JupyterLab's theme variables (so light and dark themes apply) with
 * fallbacks for pages without JupyterLab, visible focus, and the invalid-field and help-text looks.
 */
export const sharedStyles = css`
  :host {
    display: block;
    font-family: var(--jp-ui-font-family, system-ui, sans-serif);
    font-size: var(--jp-ui-font-size1, 13px);
    color: var(--jp-ui-font-color1, #1f1f1f);
    background: var(--jp-layout-color1, transparent);
  }
  button,
  select,
  input {
    font: inherit;
    color: var(--jp-ui-font-color1, #1f1f1f);
    background: var(--jp-input-background, var(--jp-layout-color1, #fff));
    border: 1px solid var(--jp-border-color1, #bdbdbd);
    border-radius: 2px;
    padding: 2px 6px;
  }
  button {
    cursor: pointer;
    background: var(--jp-layout-color2, #eee);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  :focus-visible {
    outline: 2px solid var(--jp-brand-color1, #1976d2);
    outline-offset: 1px;
  }
  input[aria-invalid='true'] {
    border-color: var(--jp-error-color1, #d32f2f);
  }
  .error {
    color: var(--jp-error-color1, #d32f2f);
    font-size: var(--jp-ui-font-size0, 11px);
  }
  .unit,
  .muted {
    color: var(--jp-ui-font-color2, #616161);
  }
  /* The progress bar of workProgress() (its width is each widget's). */
  .progress {
    height: 8px;
    background: var(--jp-layout-color3, #e0e0e0);
    border-radius: 4px;
    overflow: hidden;
  }
  .progress > div {
    height: 100%;
    background: var(--jp-brand-color1, #1976d2);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

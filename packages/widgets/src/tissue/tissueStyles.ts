import { css } from 'lit';

/**
 * The styles of `<twin-tissue>`: controls on one wrapping row, the canvas (≤ `--twin-tissue-size`, 420 px) beside
 * its legend (which scrolls beyond `--twin-tissue-legend-height`, unbounded by default).
 */
export const tissueStyles = css`
  .stage {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: flex-start;
  }
  /* At most 420 px (or --twin-tissue-size) either way, in the lattice's proportions; the camera fits the lattice to it. */
  canvas {
    width: min(100%, var(--twin-tissue-size, 420px));
    max-height: var(--twin-tissue-size, 420px);
    border: 1px solid var(--jp-border-color2, #e0e0e0);
    touch-action: none;
    cursor: grab;
  }
  canvas:active {
    cursor: grabbing;
  }
  canvas:focus-visible {
    outline: 2px solid var(--jp-brand-color1, #1976d2);
  }
  .view {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .zoom {
    display: flex;
    gap: 4px;
    align-items: center;
  }
  .zoom button {
    min-width: 2em;
  }
  progress {
    width: 10em;
    vertical-align: middle;
  }
  .controls {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
    margin: 6px 0;
  }
  .controls input[type='range'] {
    width: 12em;
    vertical-align: middle;
  }
  .controls label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .legend {
    max-height: var(--twin-tissue-legend-height, none);
    overflow: auto;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    gap: 6px;
    align-items: center;
    line-height: 1.6;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    border: 1px solid var(--jp-border-color1, #bdbdbd);
  }
  .count {
    margin-left: auto;
    padding-left: 1em;
    font-variant-numeric: tabular-nums;
  }
  h4 {
    margin: 6px 0 2px;
    font-size: inherit;
  }
`;

import { css } from 'lit';

/**
 * The workbench's own styles (beside the shared ones): its toolbars, pinned runs and code panel, and its
 * layout — a plot of fixed height, the tissue view of bounded size (a model with a lattice) and a controls panel
 * of bounded height, side by side where the workbench is at least 880 px wide and stacked otherwise, so its size
 * never follows its content.
 */
export const workbenchStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin: 4px 0;
  }
  /* Up to 10em wide, down to 4em before the toolbar wraps (a narrow workbench keeps its run toolbar on one line). */
  .progress {
    flex: 1 1 4em;
    min-width: 4em;
    max-width: 10em;
  }
  /* What a band shows, on one line (the plot below keeps its place). */
  .band-caption {
    margin: 2px 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .pins {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .pin {
    border: 1px dashed var(--jp-border-color1, #bdbdbd);
    border-radius: 10px;
    padding: 0 6px;
  }
  .pin button {
    border: none;
    background: none;
    padding: 0 2px;
  }
  pre.code {
    background: var(--jp-cell-editor-background, #f5f5f5);
    border: 1px solid var(--jp-border-color2, #e0e0e0);
    padding: 6px;
    overflow: auto;
    user-select: all;
  }
  details > summary {
    cursor: pointer;
    font-weight: 600;
    margin: 6px 0 2px;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0;
    display: inline-flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  details.observables > summary {
    font-weight: normal;
    margin: 0;
    max-width: 40em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  details.observables[open] {
    flex-basis: 100%;
  }
  details.observables fieldset {
    max-height: 8em;
    overflow: auto;
  }
  /* Bounded whatever the model: the plot has a fixed height, the controls scroll in a panel of bounded
     height. Side by side where the output is wide enough, stacked (plot, then controls) otherwise. */
  :host {
    container-type: inline-size;
    --twin-plot-height: 380px;
  }
  .main {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
  }
  .side {
    box-sizing: border-box;
    min-width: 0;
    max-height: var(--twin-controls-height, 420px);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--jp-border-color2, #e0e0e0);
    border-radius: 2px;
    padding: 0 6px;
  }
  /* A model with a lattice: the tissue view of the run below the plot, its canvas and legend bounded; stacked, the
     plot and the controls panel are shorter, so the whole stays within the workbench's bound (1000 px). */
  .main.spatial {
    --twin-plot-height: 300px;
    --twin-controls-height: 240px;
    --twin-tissue-size: 200px;
    --twin-tissue-legend-height: 200px;
  }
  twin-run-tissue[hidden] {
    display: none;
  }
  @container (min-width: 880px) {
    .main {
      grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr);
    }
    .side {
      max-height: var(--twin-plot-height);
    }
    /* Side by side: the plot over the tissue view, the controls beside both (sized by them, not by its own content). */
    .main.spatial {
      --twin-plot-height: 340px;
      --twin-tissue-size: 300px;
      --twin-tissue-legend-height: 300px;
    }
    .main.spatial twin-timeseries,
    .main.spatial twin-run-tissue {
      grid-column: 1;
    }
    .main.spatial .side {
      grid-column: 2;
      grid-row: 1 / span 2;
      max-height: none;
      contain: size;
    }
  }
  /* A held workbench (see the hold property): the reason, a prominent Run button, what it would compute, the saved state. */
  .held .reason {
    max-width: 60em;
    margin: 6px 0;
  }
  button.run {
    font-weight: 600;
    padding: 4px 20px;
    color: var(--jp-ui-inverse-font-color1, #fff);
    background: var(--jp-brand-color1, #1976d2);
    border-color: var(--jp-brand-color1, #1976d2);
  }
  dl.size {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 16px;
    margin: 6px 0;
  }
  dl.size dt {
    display: inline;
    color: var(--jp-ui-font-color2, #616161);
  }
  dl.size dt::after {
    content: ': ';
  }
  dl.size dd {
    display: inline;
    margin: 0;
  }
  .held .side {
    margin-top: 6px;
  }
  .status {
    height: var(--twin-plot-height);
    display: flex;
    align-items: center;
    justify-content: center;
  }
`;

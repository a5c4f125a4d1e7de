import { css } from 'lit';

/**
 * `<twin-patient>`'s layout: a toolbar, then the data table (a bounded, scrolling panel that takes dropped files)
 * beside the plot where the element is at least 760 px wide (a container query), the estimates beside the profiles
 * below; narrower, all stacked with a shorter table (160 px), estimates (110 px) and profiles (180 px). No part's
 * height follows its content.
 */
export const patientStyles = css`
  :host {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin: 4px 0;
    min-height: 28px;
  }
  .day {
    font-weight: 600;
  }
  .progress {
    flex: 0 1 10em;
    min-width: 4em;
  }
  .main {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
  }
  .table {
    box-sizing: border-box;
    height: var(--twin-patient-table-height, 160px);
    overflow: auto;
    border: 1px dashed var(--jp-border-color1, #bdbdbd);
    border-radius: 4px;
  }
  .table.dragging {
    border-color: var(--jp-brand-color1, #1976d2);
    background: var(--jp-layout-color2, #eee);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 1px 6px;
    text-align: right;
    border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);
    white-space: nowrap;
  }
  th {
    position: sticky;
    top: 0;
    background: var(--jp-layout-color1, #fff);
    /* A header may wrap ("detection limit"), so the four columns fit the 320-px panel without a sideways scroll. */
    white-space: normal;
    vertical-align: bottom;
  }
  td.name,
  th.name {
    text-align: left;
  }
  tr.held td {
    color: var(--jp-ui-font-color3, #9e9e9e);
  }
  .plot {
    height: var(--twin-patient-plot-height, 380px);
    min-width: 0;
  }
  .below {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
    margin-top: 4px;
  }
  .estimates {
    height: 110px;
    overflow: auto;
  }
  .profiles {
    height: 180px;
    min-width: 0;
  }
  .message {
    max-height: 4.5em;
    overflow: auto;
    white-space: pre-wrap;
    margin: 2px 0;
  }
  .error-box {
    color: var(--jp-error-color1, #d32f2f);
    border: 1px solid var(--jp-error-color1, #d32f2f);
    padding: 4px 6px;
    border-radius: 2px;
  }
  /* Last, so that side by side it overrides the rules above (the table then takes the plot's height). */
  @container (min-width: 760px) {
    .main {
      grid-template-columns: 320px minmax(0, 1fr);
    }
    .table {
      height: var(--twin-patient-plot-height, 380px);
    }
    .below {
      grid-template-columns: 320px minmax(0, 1fr);
    }
    .estimates,
    .profiles {
      height: var(--twin-patient-profile-height, 200px);
    }
  }
`;

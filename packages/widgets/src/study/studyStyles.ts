import { css } from 'lit';

/**
 * `<twin-study>`'s layout: a heading, then the figures in a grid of one column, or two where the element is at
 * least 720 px wide (a container query on the element, not the window). Each figure is
 * `--twin-study-figure-height` tall (320 px) whatever it holds: its title on one line, the plot taking what is
 * left, and the caption at most three lines (the whole caption in its tooltip and to screen readers).
 */
export const studyStyles = css`
  :host {
    container-type: inline-size;
    padding: 4px 0;
  }
  header {
    margin: 0 4px 8px;
  }
  .heading {
    font-size: var(--jp-ui-font-size2, 15px);
    font-weight: 600;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
  }
  @container (min-width: 720px) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .figure {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: var(--twin-study-figure-height, 320px);
    min-width: 0;
    margin: 0;
    padding: 6px 6px 4px;
    overflow: hidden;
    border: 1px solid var(--jp-border-color2, #e0e0e0);
    border-radius: 4px;
  }
  .title {
    flex: none;
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .plot {
    flex: 1 1 auto;
    min-height: 0;
    width: 100%;
  }
  figcaption {
    flex: none;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    margin-top: 2px;
    color: var(--jp-ui-font-color2, #616161);
    font-size: var(--jp-ui-font-size0, 11px);
    line-height: 1.35;
  }
  .remark {
    font-style: italic;
  }
  .error-box {
    padding: 6px 8px;
    border-left: 3px solid var(--jp-error-color1, #d32f2f);
    color: var(--jp-ui-font-color1, #1f1f1f);
    background: var(--jp-layout-color2, #eee);
    white-space: pre-wrap;
  }
`;
